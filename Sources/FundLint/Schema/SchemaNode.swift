/// One node of a pack's plan schema, compiled: what a value must be and how it is typed.
final class SchemaNode: @unchecked Sendable {
    /// The value types the schema language knows.
    enum Kind: String, Sendable, CaseIterable {
        case object, list, string, integer, date, boolean
        /// A financial year, `YYYY-YY` with consecutive years (`2024-25`).
        case financialYear = "financial_year"

        /// How the kind reads in messages.
        var phrase: String {
            switch self {
            case .object: "a mapping"
            case .list: "a list"
            case .string: "text"
            case .integer: "a whole number"
            case .date: "a date written YYYY-MM-DD"
            case .boolean: "true or false"
            case .financialYear: "a financial year written YYYY-YY (like 2024-25)"
            }
        }
    }

    /// An enumeration: ids of a keyed table, or literal values.
    struct Enumeration: Sendable {
        /// The allowed ids, in pack order.
        var values: [String]
        /// What one id names, for messages (`place`).
        var noun: String
        /// The table the ids come from, if any.
        var table: String?
        /// Human names by id, for schema descriptions.
        var names: [String: String]
        /// The allowed ids, for checking membership.
        let members: Set<String>

        init(values: [String], noun: String, table: String?, names: [String: String]) {
            self.values = values
            self.noun = noun
            self.table = table
            self.names = names
            members = Set(values)
        }
    }

    var kind: Kind
    var name: String
    var description: String?
    var properties: [(name: String, schema: SchemaNode)] = []
    var required: [String] = []
    var items: SchemaNode?
    var minItems: Int?
    var minimum: Int128?
    var maximum: Int128?
    var minLength: Int?
    var pattern: PackPattern?
    var enumeration: Enumeration?
    var defaultValue: Value.Kind?
    var defaultText: String?
    /// For the plan's `fund` key: the value must be the active pack's id.
    var selectsPack = false
    /// The static type rules see.
    var objectType: ObjectType?
    /// Whether this is a named type of `schema.types` (exported as a `$defs` entry).
    var isNamedType = false

    init(kind: Kind, name: String) {
        self.kind = kind
        self.name = name
    }

    func property(_ name: String) -> SchemaNode? {
        let length = name.utf8.count
        for property in properties where property.name.utf8.count == length && property.name == name { return property.schema }
        return nil
    }

    /// The static type of values of this schema.
    var valueType: ValueType {
        switch kind {
        case .object: objectType.map { .object($0) } ?? .anything
        case .list: .list(items?.valueType ?? .anything)
        case .string, .financialYear: .string
        case .integer: .int
        case .date: .date
        case .boolean: .bool
        }
    }
}

/// A pattern from a pack, compiled once when the pack loads.
struct PackPattern: @unchecked Sendable {
    let source: String
    let regex: Regex<AnyRegexOutput>
    /// The same pattern for the usual case of simple patterns over ASCII text.
    let simple: SimplePattern?

    init?(_ source: String) {
        guard let regex = try? Regex(source) else { return nil }
        self.source = source
        self.regex = regex
        simple = SimplePattern(source)
    }

    func matches(_ text: String) -> Bool {
        if let fast = simple?.matches(text) { return fast }
        return (try? regex.firstMatch(in: text)) != nil
    }
}
