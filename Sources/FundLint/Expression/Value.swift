import YAMLTree

/// A value during rule evaluation: plan data (with its origin), table data or a computed
/// value. `missing` and `unknown` are both unknown to rules; `has()` tells them apart.
public struct Value: Sendable {
    /// What the value is.
    public enum Kind: Sendable {
        /// Not in the plan.
        case missing
        /// In the plan but invalid (a schema or YAML rule reported it), or not computable.
        case unknown
        case int(Int128)
        case string(String)
        case date(Day)
        case bool(Bool)
        case list([Value])
        case object(ObjectValue)
        /// A plan mapping or list, read when a rule looks into it.
        case node(PlanNode)
        case table(TableValue)
    }

    /// What the value is.
    public var kind: Kind
    /// Where it was written (plan values), or where a missing value would be reported.
    public var origin: Origin?

    /// A value with no origin.
    public init(_ kind: Kind, origin: Origin? = nil) {
        self.kind = kind
        self.origin = origin
    }

    static let unknown = Value(.unknown)

    /// Whether rules may use the value.
    var isKnown: Bool {
        switch kind {
        case .missing, .unknown: false
        default: true
        }
    }
}

/// A mapping's fields, by key: a table row, or a plan mapping read out whole (plan
/// mappings are otherwise read lazily, through ``PlanView``). Mappings are small, so fields
/// are kept in one array and found by comparison, not hashing.
public final class ObjectValue: Sendable {
    private let fields: [(key: String, value: Value)]

    /// An object with these fields.
    init(fields: [String: Value]) {
        self.fields = fields.map { (key: $0.key, value: $0.value) }
    }

    /// An object of `fields`, whose keys are distinct.
    init(distinctFields fields: [(key: String, value: Value)]) {
        self.fields = fields
    }

    /// An object with no fields.
    static let empty = ObjectValue(fields: [:])

    /// Whether the object has `key`.
    func isPresent(_ key: String) -> Bool {
        value(key) != nil
    }

    /// The value of `key` if it has one.
    func value(_ key: String) -> Value? {
        // Comparing lengths first keeps most mismatches off the string comparison.
        let length = key.utf8.count
        for field in fields where field.key.utf8.count == length && field.key == key { return field.value }
        return nil
    }
}

/// A keyed table of a rule pack: rows by id. Rules look rows up by ids from plans, so ids
/// are found without hashing them (see ``TextSet``).
public final class TableValue: Sendable {
    /// The rows' ids, in the order written.
    let order: [String]
    private let ids: TextSet
    private let values: [Value]

    /// A table of `rows`, with the distinct `ids` of each (a pack's mapping of rows).
    init(ids: [String], rows: [Value]) {
        order = ids
        self.ids = TextSet(ids)
        values = rows
    }

    /// The row with `id`, if there is one.
    func row(_ id: String) -> Value? {
        rowIndex(of: id).map { values[$0] }
    }

    /// The rows, in the order of ``order``.
    var rows: [Value] { values }

    /// The index in ``rows`` of the row with `id`, if there is one.
    func rowIndex(of id: String) -> Int? {
        ids.position(of: id).flatMap { $0 < values.count ? $0 : nil }
    }

    /// The index in ``rows`` of the row whose id has the UTF-8 `utf8`, if there is one;
    /// `text` makes the id as a string, asked for only when it is not ASCII.
    func rowIndex(utf8: UnsafeBufferPointer<UInt8>, text: () -> String) -> Int? {
        ids.position(utf8: utf8, text: text).flatMap { $0 < values.count ? $0 : nil }
    }
}
