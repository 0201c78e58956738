import Synchronization
import YAMLTree

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
    final class Enumeration: Sendable {
        /// The allowed ids, in pack order.
        let values: [String]
        /// What one id names, for messages (`place`).
        let noun: String
        /// The table the ids come from, if any.
        let table: String?
        /// Human names by id, for schema descriptions.
        let names: [String: String]
        /// The allowed ids, for checking membership.
        private let members: TextSet

        init(values: [String], noun: String, table: String?, names: [String: String]) {
            self.values = values
            self.noun = noun
            self.table = table
            self.names = names
            members = TextSet(values)
        }

        /// Whether the text whose UTF-8 is `bytes` is an allowed id; `text` makes it as a
        /// string, asked for only when it is not ASCII. (A method here reads the set in
        /// place: copying it out of the schema would retain and release its storage.)
        func contains(utf8 bytes: UnsafeBufferPointer<UInt8>, text: () -> String) -> Bool {
            members.contains(utf8: bytes, text: text)
        }
    }

    // A schema is written only while its pack loads, on one thread, and read-only after;
    // dynamic exclusivity checks on every read while checking plans would only cost time.
    @exclusivity(unchecked) var kind: Kind
    @exclusivity(unchecked) var name: String
    @exclusivity(unchecked) var description: String?
    @exclusivity(unchecked) var properties: [(name: String, schema: SchemaNode)] = []
    @exclusivity(unchecked) var required: [String] = []
    /// For each name of `required`, its index in `properties` (set by ``finish()``).
    @exclusivity(unchecked) private(set) var requiredIndexes: [Int] = []
    /// The properties as checking reads them (set by ``finish()``; `properties` must not
    /// change after).
    @exclusivity(unchecked) private(set) var lookup = PropertyLookup()
    /// Whether ``finish()`` has run for this node.
    @exclusivity(unchecked) private var isFinished = false
    @exclusivity(unchecked) var items: SchemaNode?
    @exclusivity(unchecked) var minItems: Int?
    @exclusivity(unchecked) var minimum: Int128?
    @exclusivity(unchecked) var maximum: Int128?
    @exclusivity(unchecked) var minLength: Int?
    @exclusivity(unchecked) var pattern: PackPattern? {
        didSet { checkedPattern = pattern.map(Unmanaged.passUnretained) }
    }
    /// What a text matching ``pattern`` is, for messages: `an email address (like name@example.org)`.
    @exclusivity(unchecked) var patternName: String?
    @exclusivity(unchecked) var enumeration: Enumeration? {
        didSet { checkedEnumeration = enumeration.map(Unmanaged.passUnretained) }
    }
    /// ``pattern`` and ``enumeration`` as each scalar's check reads them: unowned references
    /// (the node owns the objects), so a check takes and gives back no reference to either.
    @exclusivity(unchecked) private(set) var checkedPattern: Unmanaged<PackPattern>?
    @exclusivity(unchecked) private(set) var checkedEnumeration: Unmanaged<Enumeration>?
    @exclusivity(unchecked) var defaultValue: Value.Kind?
    @exclusivity(unchecked) var defaultText: String?
    /// For the plan's `fund` key: the value must be the active pack's id.
    @exclusivity(unchecked) var selectsPack = false
    /// The static type rules see.
    @exclusivity(unchecked) var objectType: ObjectType?
    /// Whether this is a named type of `schema.types` (exported as a `$defs` entry).
    @exclusivity(unchecked) var isNamedType = false

    /// A number no other schema node of the process has: what tells the field table made
    /// for this node from others, in four bytes where a pointer takes eight. (Numbers repeat
    /// only after four billion nodes are made.)
    let identity: Int32

    /// The next node's ``identity``.
    private static let nextIdentity = Atomic<Int32>(0)

    init(kind: Kind, name: String) {
        self.kind = kind
        self.name = name
        identity = Self.nextIdentity.wrappingAdd(1, ordering: .relaxed).newValue
    }

    deinit {
        lookup.deallocate()
    }

    func property(_ name: String) -> SchemaNode? {
        propertyIndex(name).map { properties[$0].schema }
    }

    /// The index of the property `name` in `properties`.
    func propertyIndex(_ name: String) -> Int? {
        let length = name.utf8.count
        for index in properties.indices where properties[index].name.utf8.count == length && properties[index].name == name {
            return index
        }
        return nil
    }

    /// The index of the property `name`, looked for first at `position` (where a compiled
    /// expression expects it; -1 when not known), then among all the properties.
    func propertyIndex(_ name: String, expectedAt position: Int) -> Int? {
        position >= 0 && position < properties.count && properties[position].name == name ? position : propertyIndex(name)
    }

    /// The index of the property whose name is `key`, compared code point for code point
    /// (UTF-8 byte for byte), as YAML tells keys apart.
    func propertyIndex(utf8 key: UnsafeBufferPointer<UInt8>) -> Int? {
        // Before `finish()` (while the pack loads) the names' bytes are read from the names.
        guard isFinished else {
            return properties.indices.first { ByteText.equal(key, properties[$0].name) }
        }
        return lookup.index(utf8: key)
    }

    /// The schema of the property at `index` (an index of `properties`), unretained: this
    /// node keeps it alive.
    func propertySchema(at index: Int) -> Unmanaged<SchemaNode> {
        lookup.schema(at: index) ?? .passUnretained(properties[index].schema)
    }

    /// The index of the property named by the key node `key` of `document`; `nil` when there
    /// is none or the key is not a scalar.
    func propertyIndex(key: NodeID, in document: YAMLDocument) -> Int? {
        document.withKeyUTF8(key) { propertyIndex(utf8: $0) } ?? nil
    }

    /// Works out what checking needs from the finished schema, for this node and every node
    /// under it; called once when the pack has loaded.
    func finish() {
        var pending: [SchemaNode] = [self]
        while let node = pending.popLast() {
            // A node shared by several places (a named type) is finished once. A flag, not
            // a set of identities: the first use of that set's type at start-up cost more
            // than all the rest of this.
            guard !node.isFinished else { continue }
            node.isFinished = true
            // Most nodes are scalars': their empty lookup allocates nothing.
            if !node.properties.isEmpty { node.lookup = PropertyLookup(node.properties) }
            node.requiredIndexes = node.required.compactMap { node.propertyIndex($0) }
            pending += node.properties.map(\.schema)
            if let items = node.items { pending.append(items) }
        }
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

/// A pattern from a pack, checked once when the pack loads. A pattern of the simple shape
/// is matched by ``SimplePattern`` and compiled to a `Regex` only when text outside printable
/// ASCII first meets it (compiling a `Regex` costs about half a million instructions, a
/// tenth of loading the built-in pack); a pattern of any other shape is compiled at once.
final class PackPattern: @unchecked Sendable {
    let source: String
    /// The same pattern for the usual case of simple patterns over ASCII text.
    let simple: SimplePattern?
    /// The compiled pattern of a pattern that is not simple.
    private let regex: Regex<AnyRegexOutput>?
    /// The compiled pattern of a simple one, once text outside its fast path needed it.
    private let lateRegex = Mutex<Regex<AnyRegexOutput>?>(nil)

    init?(_ source: String) {
        self.source = source
        simple = SimplePattern(source)
        if simple == nil {
            guard let regex = try? Regex(source) else { return nil }
            self.regex = regex
        } else {
            regex = nil
        }
    }

    func matches(_ text: String) -> Bool {
        var bytes = text
        return bytes.withUTF8 { matches(utf8: $0) { text } }
    }

    /// Whether the text whose UTF-8 is `bytes` matches; `text` makes it as a string, asked
    /// for only when the pattern is not simple or the text not printable ASCII.
    func matches(utf8 bytes: UnsafeBufferPointer<UInt8>, text: () -> String) -> Bool {
        if let simple, let fast = simple.matches(utf8: bytes) { return fast }
        return regexMatches(text())
    }

    private func regexMatches(_ text: String) -> Bool {
        // The lock only guards compiling: matching runs outside it.
        let compiled = regex ?? lateRegex.withLock { late in
            if late == nil { late = try? Regex(source) }
            return late
        }
        guard let compiled else { return false }
        return (try? compiled.firstMatch(in: text)) != nil
    }
}
