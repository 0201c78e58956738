/// A pack's `report` section: how the reviewer report reads a plan (one expression per
/// column), how plans are grouped, and each group's and the fund's limits.
struct ReportSpec: Sendable {
    /// The plan table's columns from the plan, in the report format's order.
    static let textColumns = ["reference", "title", "region", "sector"]
    static let moneyColumns = ["requested", "match_funding", "total"]
    static let dateColumns = ["start_date", "end_date"]
    static var allColumns: [String] { textColumns + moneyColumns + dateColumns }

    var columns: [String: CompiledExpression]
    var columnSlots: Int
    /// The group (place) of a plan.
    var group: CompiledExpression
    /// A group's name and limit, evaluated with `key` bound to the group.
    var groupName: CompiledExpression
    var groupLimit: CompiledExpression
    var keySlot: Int
    var groupSlots: Int
    /// The fund's total.
    var fundLimit: CompiledExpression
}

/// One plan's row of the reviewer report.
public struct ReportRow: Sendable {
    /// The plan's file.
    public var file: String
    /// The plan's document index.
    public var document: Int
    /// Text and date columns (`nil` when unknown).
    public var text: [String: String]
    /// Money columns in whole pounds (`nil` when unknown).
    public var money: [String: Int128]
    /// The plan's group (place), if known.
    public var group: String?
    /// Unsuppressed errors of the plan (portfolio ones included).
    public var errors = 0
    /// Unsuppressed warnings of the plan.
    public var warnings = 0
}
