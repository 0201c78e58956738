import YAMLTree

/// Where a plan value was written, for pointing diagnostics at it.
public struct Origin: Sendable {
    /// The range a diagnostic about the value points at (an alias or merge through which it
    /// was reached, else the value itself).
    public var range: SourceRange
    /// A note at the value's real place when it was reached through an alias or merge.
    public var note: Diagnostic.Note?
    /// The value's YAML path.
    public var path: YAMLPath
}

/// A YAML path built by appending steps, rendered only when a diagnostic needs it.
public final class YAMLPath: Sendable {
    let parent: YAMLPath?
    let step: String

    /// The root's path.
    public static let root = YAMLPath(parent: nil, step: "")

    init(parent: YAMLPath?, step: String) {
        self.parent = parent
        self.step = step
    }

    /// The path of the value under `key`.
    func appending(key: String) -> YAMLPath {
        YAMLPath(parent: self, step: YAMLPathIndex.keyStep(key))
    }

    /// The path of the `index`th item.
    func appending(index: Int) -> YAMLPath {
        YAMLPath(parent: self, step: "[\(index)]")
    }

    /// `budget.items[3].amount`.
    public var rendered: String {
        var steps: [String] = []
        var current: YAMLPath? = self
        while let node = current, node.parent != nil {
            steps.append(node.step)
            current = node.parent
        }
        var result = ""
        for (offset, step) in steps.reversed().enumerated() {
            result += offset == 0 && step.hasPrefix(".") ? String(step.dropFirst()) : step
        }
        return result
    }
}

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

/// A mapping's fields: typed values by key, and which keys were written at all. Plans'
/// mappings are small, so fields are kept in arrays and found by comparison, not hashing.
public final class ObjectValue: Sendable {
    private let keys: [String]
    private let values: [Value]
    /// Keys written in the plan, valid or not.
    private let presentKeys: [String]
    /// Where diagnostics about a missing field of this object point: the key naming it, or
    /// the document start for the root.
    let anchor: Origin?

    init(fields: [String: Value], present: Set<String>, anchor: Origin?) {
        keys = Array(fields.keys)
        values = keys.compactMap { fields[$0] }
        presentKeys = Array(present)
        self.anchor = anchor
    }

    init(keys: [String], values: [Value], present: [String], anchor: Origin?) {
        self.keys = keys
        self.values = values
        self.presentKeys = present
        self.anchor = anchor
    }

    /// Whether `key` was written in the plan.
    func isPresent(_ key: String) -> Bool { presentKeys.contains(key) }

    /// The value of `key` if it has one.
    func value(_ key: String) -> Value? {
        guard let index = keys.firstIndex(of: key) else { return nil }
        return values[index]
    }

    /// The value of `key`, or a missing value pointing at this object's key.
    func field(_ key: String) -> Value {
        if let value = value(key) { return value }
        return Value(.missing, origin: anchor.map { Origin(range: $0.range, note: $0.note, path: $0.path.appending(key: key)) })
    }
}

/// A keyed table of a rule pack: rows by id, in the order written.
public final class TableValue: Sendable {
    let rows: [String: Value]
    let order: [String]

    init(rows: [String: Value], order: [String]) {
        self.rows = rows
        self.order = order
    }
}
