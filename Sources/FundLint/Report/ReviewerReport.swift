/// The portfolio view reviewers read: one row per plan, one per place (group), and the
/// fund's totals, built from a run's file reports in order.
public struct ReviewerReport: Sendable {
    /// One place's row.
    public struct GroupRow: Sendable {
        public var key: String
        public var name: String
        public var plans = 0
        public var passing = 0
        /// Requested by every plan of the place with a valid amount, passing or not.
        public var requested: Int128 = 0
        /// The place's allocation (or cap).
        public var allocation: Int128?
        /// Match funding and request of the plans where both are valid (for the ratio).
        var ratioMatch: Int128 = 0
        var ratioRequested: Int128 = 0

        /// requested / allocation.
        public var share: Decimal4? { allocation.flatMap { Decimal4(requested, over: $0) } }
        /// match funding / requested.
        public var coInvestmentRatio: Decimal4? { Decimal4(ratioMatch, over: ratioRequested) }
        /// Whether the place's plans ask for more than it has.
        public var oversubscribed: Bool { allocation.map { requested > $0 } ?? false }
    }

    let pack: RulePack
    /// Every plan's row, in report order.
    public private(set) var rows: [ReportRow] = []
    /// Every diagnostic, in report order.
    public private(set) var diagnostics: [Diagnostic] = []
    private var groups: [String: GroupRow] = [:]
    /// Everything every valid request adds up to.
    public private(set) var fundRequested: Int128 = 0
    /// The fund's total.
    public let fundLimit: Int128?

    /// Creates an empty report for `pack`.
    public init(pack: RulePack) {
        self.pack = pack
        if let spec = pack.reportSpec {
            var evaluator = Evaluator(slots: spec.groupSlots)
            if case .int(let value) = evaluator.evaluate(spec.fundLimit).kind { fundLimit = value } else { fundLimit = nil }
        } else {
            fundLimit = nil
        }
    }

    /// Adds one file's plans and diagnostics.
    public mutating func add(_ report: FileReport) {
        diagnostics += report.diagnostics
        for var row in report.rows {
            for diagnostic in report.diagnostics where diagnostic.document == row.document && !diagnostic.suppressed {
                if diagnostic.severity == .error { row.errors += 1 } else if diagnostic.severity == .warning { row.warnings += 1 }
            }
            if let requested = row.money["requested"] {
                fundRequested = Self.add(fundRequested, requested)
            }
            if let key = row.group {
                var group = groups[key] ?? makeGroup(key)
                group.plans += 1
                if row.errors == 0 { group.passing += 1 }
                if let requested = row.money["requested"] {
                    group.requested = Self.add(group.requested, requested)
                    if let match = row.money["match_funding"] {
                        group.ratioRequested = Self.add(group.ratioRequested, requested)
                        group.ratioMatch = Self.add(group.ratioMatch, match)
                    }
                }
                groups[key] = group
            }
            rows.append(row)
        }
    }

    /// The place rows, by name.
    public var groupRows: [GroupRow] {
        groups.values.sorted { $0.name == $1.name ? $0.key < $1.key : $0.name < $1.name }
    }

    /// Plans that pass (no error of their own or from the portfolio).
    public var passingPlans: Int { rows.filter { $0.errors == 0 }.count }

    private func makeGroup(_ key: String) -> GroupRow {
        var group = GroupRow(key: key, name: key)
        guard let spec = pack.reportSpec else { return group }
        var evaluator = Evaluator(slots: spec.groupSlots)
        evaluator.locals[spec.keySlot] = Value(.string(key))
        if case .string(let name) = evaluator.evaluate(spec.groupName).kind { group.name = name }
        if case .int(let limit) = evaluator.evaluate(spec.groupLimit).kind { group.allocation = limit }
        return group
    }

    private static func add(_ a: Int128, _ b: Int128) -> Int128 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? Int128.max : Int128.min) : sum
    }
}

/// A ratio rounded half up to 4 decimal places, computed in integers.
public struct Decimal4: Sendable, CustomStringConvertible {
    /// The ratio × 10,000.
    public let tenThousandths: Int128

    /// `numerator / denominator`, or `nil` when the denominator is not positive.
    public init?(_ numerator: Int128, over denominator: Int128) {
        guard denominator > 0, numerator >= 0 else { return nil }
        let (scaled, overflow) = numerator.multipliedReportingOverflow(by: 20_000)
        guard !overflow else { return nil }
        tenThousandths = (scaled / denominator + 1) / 2
    }

    /// `1.0333`, `0.5`, `2` — a JSON number with at most 4 decimals.
    public var description: String {
        let whole = tenThousandths / 10_000
        var fraction = String(tenThousandths % 10_000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? String(whole) : "\(whole).\(fraction)"
    }

    /// As a percentage for people: `103.3%`.
    public var percent: String {
        let tenths = (tenThousandths + 5) / 10
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
