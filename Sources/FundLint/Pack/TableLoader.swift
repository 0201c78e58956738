import YAMLTree

/// Reads a pack's `tables`: each a keyed table (`rows:` id → fields) or a record
/// (`values:` field → value), typed by inference so rules are checked against them.
struct TableLoader {
    struct Table {
        var value: Value
        var type: ValueType
        var title: String
        var keys: [String]
        var names: [String: String]
    }

    static let tableKeys = ["title", "description", "rows", "values"]

    static func load(_ node: NodeID, reader: inout PackReader) -> [String: Table] {
        var tables: [String: Table] = [:]
        // Copied once: each copy of a document retains every one of its arrays.
        let document = reader.document
        guard let entries = reader.mapping(node, what: "tables") else { return tables }
        for (name, keyNode, tableNode) in entries {
            guard let fields = reader.mapping(tableNode, what: "table '\(name)'", allowed: tableKeys) else { continue }
            let title = fields.first { $0.key == "title" }.flatMap { reader.string($0.value, what: "a table's title") } ?? name
            if let rowsNode = fields.first(where: { $0.key == "rows" })?.value {
                guard let rows = reader.mapping(rowsNode, what: "the rows of '\(name)'") else { continue }
                let rowType = ObjectType(name: title == name ? "a row of \(name)" : "\(title) (a row of \(name))")
                var values: [Value] = []
                var order: [String] = []
                var names: [String: String] = [:]
                for (id, _, rowNode) in rows {
                    let (value, type) = data(rowNode, in: document, reader: &reader, objectName: rowType.name, into: rowType)
                    guard case .object = type else {
                        reader.error(at: rowNode, "each row of '\(name)' must be a mapping of fields")
                        continue
                    }
                    values.append(value)
                    order.append(id)
                    if case .object(let object) = value.kind, case .string(let human)? = object.value("name")?.kind {
                        names[id] = human
                    }
                }
                tables[name] = Table(value: Value(.table(TableValue(ids: order, rows: values))), type: .table(rowType),
                                     title: title, keys: order, names: names)
            } else if let valuesNode = fields.first(where: { $0.key == "values" })?.value {
                let recordType = ObjectType(name: name)
                let (value, type) = data(valuesNode, in: document, reader: &reader, objectName: name, into: recordType)
                guard case .object = type else {
                    reader.error(at: valuesNode, "the values of '\(name)' must be a mapping")
                    continue
                }
                tables[name] = Table(value: value, type: type, title: title, keys: [], names: [:])
            } else {
                reader.error(at: keyNode, "table '\(name)' needs 'rows' (a keyed table) or 'values' (a record)")
            }
        }
        return tables
    }

    /// Converts pack data to a value and infers its type; `into` collects the fields of
    /// objects at this level (rows of one table share one type).
    /// `objectName` names the type of an object met here; it is only worked out when one is.
    static func data(_ node: NodeID, in document: YAMLDocument, reader: inout PackReader, objectName: @autoclosure () -> String,
                     into objectType: ObjectType? = nil) -> (Value, ValueType) {
        let resolved = document.resolve(node)
        switch document.kind(resolved) {
        case .mapping:
            let type = objectType ?? ObjectType(name: objectName())
            // The effective entries have distinct keys: the fields need no dictionary.
            let entries = document.effectiveEntries(resolved)
            var fields: [(key: String, value: Value)] = []
            fields.reserveCapacity(entries.count)
            for entry in entries {
                guard let key = document.keyText(entry.key) else { continue }
                let existing = type.fields[key]
                var nested: ObjectType?
                if case .object(let known)? = existing { nested = known }
                let (value, valueType) = data(entry.value, in: document, reader: &reader, objectName: "\(objectName()).\(key)", into: nested)
                if let existing {
                    guard existing.accepts(valueType) else {
                        reader.error(at: entry.value, "'\(key)' is \(valueType) here but \(existing) elsewhere in the table")
                        continue
                    }
                    type.set(key, existing.merged(with: valueType))
                } else {
                    type.set(key, valueType)
                }
                fields.append((key, value))
            }
            return (Value(.object(ObjectValue(distinctFields: fields))), .object(type))
        case .sequence:
            var items: [Value] = []
            var element = ValueType.anything
            var elementObject: ObjectType?
            for item in document.items(resolved) {
                let (value, type) = data(item, in: document, reader: &reader, objectName: objectName() + "[]", into: elementObject)
                if case .object(let object) = type { elementObject = object }
                guard element.accepts(type) else {
                    reader.error(at: item, "this list mixes \(element) and \(type)")
                    continue
                }
                element = element.merged(with: type)
                items.append(value)
            }
            return (Value(.list(items)), .list(element))
        case .scalar, .alias:
            let text = document.scalar(resolved) ?? ""
            guard document.scalarStyle(resolved) == .plain else { return (Value(.string(text)), .string) }
            if IntegerText.isInteger(text), let number = IntegerText.parse(text) { return (Value(.int(number)), .int) }
            if text == "true" || text == "false" { return (Value(.bool(text == "true")), .bool) }
            if case .success(let day) = Day.parse(text) { return (Value(.date(day)), .date) }
            return (Value(.string(text)), .string)
        }
    }
}
