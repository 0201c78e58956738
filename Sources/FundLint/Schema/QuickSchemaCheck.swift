import YAMLTree

/// Checks a simple document (``YAMLDocument/isSimple``) against its schema without saying
/// anything: `true` when it has no problem at all, `false` at the first one. Most plans
/// pass, and for them this walk is all validation costs. A plan that fails is walked again,
/// from fresh tables, by ``PlanValidator``, the one place that reports what is wrong.
///
/// So the two must agree: this check passes only where the validator would report nothing,
/// and it fills the field tables as the validator does (a mapping's table when the walk
/// enters it, a slot for each property with a value, the typed value of each scalar that
/// types to more than text). It can afford to be plain because of what a simple document
/// rules out: no alias to follow (one place per value, so no origins to keep), no merge
/// (the entries written are the entries read), no tag (a scalar is plain by its style, and
/// none is refused for its tag). Its recursion follows the schema into the document, as the
/// validator's does, so the tree's nesting limit bounds its depth.
struct QuickSchemaCheck {
    let fields: FieldTables

    /// Whether the root of `document` passes `schema` (the plan's). The document is passed
    /// down the walk, not kept: a copy kept here would retain and release each of its
    /// arrays.
    func passes(_ document: YAMLDocument, root schema: SchemaNode) -> Bool {
        guard let root = document.root else { return false }
        return passes(root, schema: schema, slot: -1, in: document)
    }

    /// Whether `node` passes `schema`; a scalar that types to more than text is kept in the
    /// field table's `slot`, when there is one.
    private func passes(_ node: NodeID, schema: SchemaNode, slot: Int, in document: YAMLDocument) -> Bool {
        switch schema.kind {
        case .object:
            guard document.kind(node) == .mapping, let start = fields.begin(node, schema: schema, in: document) else { return false }
            // The properties with a value, a bit each: a schema of more than 64 is left to the
            // validator.
            var present: UInt64 = 0
            // Read in place: no reference to the document's storage is taken for the walk.
            for position in 0..<document.childCount(node) {
                let entry = document.entry(node, at: position)
                guard let found = document.withScalarUTF8(entry.key, { schema.propertyIndex(utf8: $0) }),
                      let index = found, index < 64 else { return false }
                // A key left empty counts as absent, as for the validator.
                if document.isNull(entry.value) { continue }
                fields.setEntry(entry, at: start + index)
                present |= 1 << UInt64(index)
                let passed = schema.propertySchema(at: index)._withUnsafeGuaranteedRef {
                    passes(entry.value, schema: $0, slot: start + index, in: document)
                }
                guard passed else { return false }
            }
            for index in schema.requiredIndexes where index >= 64 || present & (1 << UInt64(index)) == 0 { return false }
            return true
        case .list:
            guard document.kind(node) == .sequence else { return false }
            let count = document.childCount(node)
            if let minItems = schema.minItems, count < minItems { return false }
            guard let itemSchema = schema.items else { return true }
            for position in 0..<count {
                let item = document.item(node, at: position)
                guard !document.isNull(item), passes(item, schema: itemSchema, slot: -1, in: document) else { return false }
            }
            return true
        case .string, .date, .financialYear, .integer, .boolean:
            let plain = document.isPlainScalar(node)
            let checked = document.withScalarUTF8(node) { utf8 in
                ScalarTyping.check(utf8: utf8, plain: plain, schema: schema) { String(decoding: utf8, as: UTF8.self) }
            }
            guard case .success(let typed) = checked else { return false }
            if slot >= 0, typed != .none { fields.setTyped(typed, at: slot) }
            return true
        }
    }
}
