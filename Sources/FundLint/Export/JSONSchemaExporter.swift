/// The plan format of a pack as a JSON Schema (draft 2020-12), for editors: completion,
/// hovers (`description`, `markdownDescription`, `enumDescriptions` with human names) and
/// red squiggles as an applicant types.
public struct JSONSchemaExporter {
    let pack: RulePack

    /// Creates an exporter for `pack`.
    public init(pack: RulePack) {
        self.pack = pack
    }

    /// The schema document.
    public var schema: JSONValue {
        var definitions: [(String, JSONValue)] = []
        var seen: Set<String> = []
        var pending = collectNamed(pack.schema)
        while let named = pending.first {
            pending.removeFirst()
            guard seen.insert(named.name).inserted else { continue }
            definitions.append((named.name, body(named, root: false)))
        }
        var members: [(String, JSONValue)] = [
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string("urn:fundlint:pack:\(pack.id):\(pack.version)")),
            ("title", .string(pack.title.isEmpty ? pack.id : pack.title)),
        ]
        if case .object(let rootMembers) = body(pack.schema, root: true) {
            members += rootMembers.filter { $0.0 != "title" }
        }
        if !definitions.isEmpty { members.append(("$defs", .object(definitions))) }
        return .object(members)
    }

    /// Named types reachable from `node`, in first-use order (iteratively: schemas may refer
    /// to themselves).
    private func collectNamed(_ node: SchemaNode) -> [SchemaNode] {
        var result: [SchemaNode] = []
        var visited: Set<ObjectIdentifier> = []
        var stack = [node]
        while let current = stack.popLast() {
            guard visited.insert(ObjectIdentifier(current)).inserted else { continue }
            if current.isNamedType { result.append(current) }
            stack += current.properties.map(\.schema).reversed()
            if let items = current.items { stack.append(items) }
        }
        return result
    }

    private func reference(_ node: SchemaNode, description: String? = nil) -> JSONValue {
        if node.isNamedType { return .object([("$ref", .string("#/$defs/\(node.name)"))]) }
        return body(node, root: false)
    }

    private func body(_ node: SchemaNode, root: Bool) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let description = node.description {
            members.append(("description", .string(description)))
            members.append(("markdownDescription", .string(description)))
        }
        switch node.kind {
        case .object:
            members.append(("type", .string("object")))
            if !node.properties.isEmpty {
                members.append(("properties", .object(node.properties.map { ($0.name, reference($0.schema)) })))
            }
            if !node.required.isEmpty { members.append(("required", .array(node.required.map { .string($0) }))) }
            members.append(("additionalProperties", .bool(false)))
        case .list:
            members.append(("type", .string("array")))
            if let items = node.items { members.append(("items", reference(items))) }
            if let minItems = node.minItems { members.append(("minItems", .int(Int128(minItems)))) }
        case .string:
            members.append(("type", .string("string")))
            if let minLength = node.minLength { members.append(("minLength", .int(Int128(minLength)))) }
            if let pattern = node.pattern { members.append(("pattern", .string(pattern.source))) }
            if let enumeration = node.enumeration {
                members.append(("enum", .array(enumeration.values.map { .string($0) })))
                if !enumeration.names.isEmpty {
                    members.append(("enumDescriptions", .array(enumeration.values.map { .string(enumeration.names[$0] ?? $0) })))
                }
            }
        case .integer:
            // Whole numbers; written with `_` separators (1_800_000), YAML 1.2 editors read
            // them as text, so that spelling is allowed too. Quoted digits without separators
            // (the usual mistake) match neither branch.
            var number: [(String, JSONValue)] = [("type", .string("integer"))]
            if let minimum = node.minimum { number.append(("minimum", .int(minimum))) }
            if let maximum = node.maximum { number.append(("maximum", .int(maximum))) }
            let sign = (node.minimum ?? -1) < 0 ? "-?" : ""
            members.append(("anyOf", .array([
                .object(number),
                .object([("type", .string("string")), ("pattern", .string("^\(sign)[0-9]{1,3}(_[0-9]{3})+$"))]),
            ])))
        case .date:
            members.append(("type", .string("string")))
            members.append(("format", .string("date")))
            members.append(("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")))
        case .financialYear:
            members.append(("type", .string("string")))
            members.append(("pattern", .string("^[0-9]{4}-[0-9]{2}$")))
        case .boolean:
            members.append(("type", .string("boolean")))
        }
        if let text = node.defaultText {
            switch node.defaultValue {
            case .int(let value)?: members.append(("default", .int(value)))
            case .bool(let value)?: members.append(("default", .bool(value)))
            default: members.append(("default", .string(text)))
            }
        }
        return .object(members)
    }
}
