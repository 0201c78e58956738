import YAMLTree

/// Reads a pack's `schema`: named `types` and the `plan` root, into compiled
/// ``SchemaNode``s with the static types rules are checked against.
struct SchemaLoader {
    static let keys = ["type", "title", "description", "properties", "required", "items", "min_items", "minimum",
                       "maximum", "min_length", "pattern", "pattern_name", "enum", "default", "selects_pack"]

    private var named: [String: SchemaNode] = [:]
    private let tables: [String: TableLoader.Table]

    init(tables: [String: TableLoader.Table]) {
        self.tables = tables
    }

    static func load(_ node: NodeID, tables: [String: TableLoader.Table], reader: inout PackReader) -> SchemaNode? {
        var loader = SchemaLoader(tables: tables)
        guard let parts = reader.mapping(node, what: "schema", allowed: ["types", "plan"]) else { return nil }
        var typeDefinitions: [(String, NodeID)] = []
        if let typesNode = parts.first(where: { $0.key == "types" })?.value,
           let types = reader.mapping(typesNode, what: "schema.types") {
            for (name, keyNode, definition) in types {
                guard SchemaNode.Kind(rawValue: name) == nil else {
                    reader.error(at: keyNode, "'\(name)' is a built-in type; name the type differently")
                    continue
                }
                let typeEntry = reader.mapping(definition, what: "type '\(name)'")?.first { $0.key == "type" }
                let kindText = typeEntry.flatMap { reader.string($0.value, what: "type") } ?? "object"
                var kind = SchemaNode.Kind(rawValue: kindText)
                if kind == nil {
                    let kinds = SchemaNode.Kind.allCases.map(\.rawValue)
                    let closest = EditDistance.closest(to: kindText, among: kinds)
                    reader.error(at: typeEntry?.value ?? definition,
                                 "a named type must be one of \(kinds.joined(separator: ", ")), not '\(kindText)'" + EditDistance.hint(closest))
                    // Read as the type it is closest to, so what uses it is not reported too.
                    kind = closest.flatMap(SchemaNode.Kind.init(rawValue:))
                }
                guard let kind else { continue }
                let schema = SchemaNode(kind: kind, name: name)
                schema.isNamedType = true
                if kind == .object { schema.objectType = ObjectType(name: name) }
                loader.named[name] = schema
                typeDefinitions.append((name, definition))
            }
        }
        for (name, definition) in typeDefinitions {
            if let schema = loader.named[name] { loader.fill(schema, from: definition, reader: &reader) }
        }
        guard let planNode = parts.first(where: { $0.key == "plan" })?.value else {
            reader.error(at: node, "schema needs a 'plan' entry: the schema of a whole plan")
            return nil
        }
        guard let root = loader.node(planNode, name: "plan", reader: &reader) else { return nil }
        guard root.kind == .object else {
            reader.error(at: planNode, "schema.plan must be of type object")
            return nil
        }
        root.finish()
        return root
    }

    private mutating func node(_ definition: NodeID, name: String, reader: inout PackReader) -> SchemaNode? {
        guard let fields = reader.mapping(definition, what: "the schema of '\(name)'", allowed: Self.keys) else { return nil }
        guard let typeEntry = fields.first(where: { $0.key == "type" }), let typeName = reader.string(typeEntry.value, what: "type") else {
            reader.error(at: definition, "the schema of '\(name)' needs a 'type'")
            return nil
        }
        if let shared = named[typeName] {
            for (key, keyNode, _) in fields where key != "type" && key != "description" {
                reader.error(at: keyNode, "'\(key)' cannot be added to a reference to the named type '\(typeName)'")
            }
            return shared
        }
        guard let kind = SchemaNode.Kind(rawValue: typeName) else {
            let all = SchemaNode.Kind.allCases.map(\.rawValue) + named.keys.sorted()
            let closest = EditDistance.closest(to: typeName, among: all)
            reader.error(at: typeEntry.value, "unknown type '\(typeName)'\(EditDistance.hint(closest))")
            // Read as the type it is closest to, so what uses it is not reported too: a named
            // type whole, or a built-in one with the keys written.
            switch closest {
            case let closest? where named[closest] != nil: return named[closest]
            case let closest?:
                guard let recovered = SchemaNode.Kind(rawValue: closest) else { return nil }
                let schema = SchemaNode(kind: recovered, name: name)
                if recovered == .object { schema.objectType = ObjectType(name: name) }
                fill(schema, fields: fields, definition: definition, reader: &reader)
                return schema
            case nil: return nil
            }
        }
        let schema = SchemaNode(kind: kind, name: name)
        if kind == .object { schema.objectType = ObjectType(name: name) }
        fill(schema, fields: fields, definition: definition, reader: &reader)
        return schema
    }

    private mutating func fill(_ schema: SchemaNode, from definition: NodeID, reader: inout PackReader) {
        guard let fields = reader.mapping(definition, what: "the schema of '\(schema.name)'", allowed: Self.keys) else { return }
        fill(schema, fields: fields, definition: definition, reader: &reader)
    }

    private mutating func fill(_ schema: SchemaNode, fields: [(key: String, keyNode: NodeID, value: NodeID)], definition: NodeID,
                               reader: inout PackReader) {
        func allowedFor(_ kinds: [SchemaNode.Kind], _ key: String, _ node: NodeID) -> Bool {
            if kinds.contains(schema.kind) { return true }
            reader.error(at: node, "'\(key)' does not apply to type \(schema.kind.rawValue)")
            return false
        }
        for (key, keyNode, value) in fields {
            switch key {
            case "type", "title":
                break
            case "description":
                schema.description = reader.string(value, what: "description")
            case "properties":
                guard allowedFor([.object], key, keyNode), let properties = reader.mapping(value, what: "properties") else { continue }
                for (property, _, definition) in properties {
                    guard let child = node(definition, name: property, reader: &reader) else { continue }
                    schema.properties.append((property, child))
                    schema.objectType?.set(property, child.valueType)
                }
            case "required":
                guard allowedFor([.object], key, keyNode), let items = reader.list(value, what: "required") else { continue }
                for item in items {
                    if let name = reader.string(item, what: "a required key") { schema.required.append(name) }
                }
            case "items":
                guard allowedFor([.list], key, keyNode) else { continue }
                schema.items = node(value, name: schema.name + "[]", reader: &reader)
            case "min_items", "minimum", "maximum", "min_length":
                guard let text = reader.string(value, what: key), IntegerText.isInteger(text), let number = IntegerText.parse(text) else {
                    reader.error(at: value, "'\(key)' must be a whole number")
                    continue
                }
                switch key {
                case "min_items": if allowedFor([.list], key, keyNode) { schema.minItems = Int(number) }
                case "minimum": if allowedFor([.integer], key, keyNode) { schema.minimum = number }
                case "maximum": if allowedFor([.integer], key, keyNode) { schema.maximum = number }
                default: if allowedFor([.string], key, keyNode) { schema.minLength = Int(number) }
                }
            case "pattern":
                guard allowedFor([.string], key, keyNode), let text = reader.string(value, what: "pattern") else { continue }
                guard let pattern = PackPattern(text) else {
                    reader.error(at: value, "'\(text)' is not a valid regular expression")
                    continue
                }
                schema.pattern = pattern
            case "pattern_name":
                guard allowedFor([.string], key, keyNode), let text = reader.string(value, what: "pattern_name") else { continue }
                guard fields.contains(where: { $0.key == "pattern" }) else {
                    reader.error(at: keyNode, "'pattern_name' names what 'pattern' matches: give the pattern too")
                    continue
                }
                schema.patternName = text
            case "enum":
                guard allowedFor([.string], key, keyNode) else { continue }
                let resolved = reader.document.resolve(value)
                if reader.document.kind(resolved) == .sequence {
                    var values: [String] = []
                    for item in reader.document.items(resolved) {
                        if let text = reader.string(item, what: "an enum value") { values.append(text) }
                    }
                    schema.enumeration = SchemaNode.Enumeration(values: values, noun: schema.name, table: nil, names: [:])
                } else if let tableName = reader.string(value, what: "enum") {
                    guard let table = tables[tableName], case .table = table.type else {
                        let keyed = tables.filter { if case .table = $0.value.type { true } else { false } }.keys.sorted()
                        reader.error(at: value, "'\(tableName)' is not a keyed table\(EditDistance.hint(tableName, among: keyed))")
                        continue
                    }
                    schema.enumeration = SchemaNode.Enumeration(values: table.keys, noun: table.title, table: tableName, names: table.names)
                }
            case "default":
                let document = reader.document
                let (data, type) = TableLoader.data(value, in: document, reader: &reader, objectName: "default")
                guard schema.valueType.accepts(type) || (schema.kind == .financialYear && type == .string) else {
                    reader.error(at: value, "the default must be \(schema.kind.phrase)")
                    continue
                }
                schema.defaultValue = data.kind
                schema.defaultText = reader.document.scalar(reader.document.resolve(value))
            case "selects_pack":
                schema.selectsPack = reader.bool(value, what: "selects_pack") ?? false
            default:
                break
            }
        }
        for name in schema.required where schema.property(name) == nil {
            reader.error(at: definition, "'\(name)' is required but not among the properties of '\(schema.name)'")
        }
    }
}
