/// The static type of an expression, checked when a pack loads.
indirect enum ValueType: Sendable, Equatable, CustomStringConvertible {
    case int, string, date, bool
    case list(ValueType)
    case object(ObjectType)
    case table(ObjectType)
    /// The element type of an empty list literal: fits any list.
    case anything

    var description: String {
        switch self {
        case .int: "integer"
        case .string: "string"
        case .date: "date"
        case .bool: "boolean"
        case .list(let element): "list of \(element)"
        case .object(let type): type.name
        case .table(let type): "table of \(type.name)"
        case .anything: "anything"
        }
    }

    /// Whether a value of `other` can stand where `self` is expected.
    func accepts(_ other: ValueType) -> Bool {
        switch (self, other) {
        case (.anything, _), (_, .anything): true
        case (.list(let a), .list(let b)): a.accepts(b)
        default: self == other
        }
    }

    /// The more specific of two compatible types.
    func merged(with other: ValueType) -> ValueType {
        switch (self, other) {
        case (.anything, _): other
        case (.list(let a), .list(let b)): .list(a.merged(with: b))
        default: self
        }
    }
}

/// The fields of an object (a plan mapping or a table row) and their types.
///
/// Built while a pack loads (a schema type may refer to itself), then only read.
final class ObjectType: @unchecked Sendable, Equatable {
    let name: String
    private(set) var fields: [String: ValueType] = [:]
    private(set) var order: [String] = []

    init(name: String) {
        self.name = name
    }

    func set(_ field: String, _ type: ValueType) {
        if fields.updateValue(type, forKey: field) == nil { order.append(field) }
    }

    static func == (lhs: ObjectType, rhs: ObjectType) -> Bool { lhs === rhs }
}
