import YAMLTree

/// A plan mapping or list that rules have not looked into yet: the node (past any alias),
/// its schema, and where a field it lacks is reported. Trivially copyable, so values that
/// hold one cost nothing to pass around.
public struct PlanNode: Sendable {
    let node: NodeID
    /// Where a field the mapping lacks is shown: the key naming the mapping, or the mapping
    /// itself for a list item (or the alias or merge either was reached through); -1 for the
    /// document start.
    let anchor: Int32
    let schema: Unmanaged<SchemaNode>
}

/// One plan as rules read it: the YAML tree, typed through the schema only where a rule
/// looks, by the same ``ScalarTyping`` the validator uses. A value the validator would
/// reject reads as unknown, so rules stay silent about what a `schema/*` rule reported.
///
/// Plan nodes in values point into this view's document; they never outlive one check
/// (``materialized(_:)`` copies a value out).
final class PlanView {
    let document: YAMLDocument
    let origins: OriginTable
    /// The plan's root value; unknown when the document is not a valid mapping.
    private(set) var root = Value.unknown

    /// Field tables: made by the validator as it matched keys, or here the first time a
    /// rule reads a mapping the validator did not see under the same schema.
    private let fields: FieldTables
    /// Whether the whole plan passed its schema (``QuickSchemaCheck``): then no value can
    /// fail its conditions, and text is read without checking them again.
    private let passedSchema: Bool

    init(origins: OriginTable, fields: FieldTables, schema: SchemaNode, passedSchema: Bool = false) {
        document = origins.document
        self.origins = origins
        self.fields = fields
        self.passedSchema = passedSchema
        if let node = document.root {
            root = value(node, schema: schema, context: .root)
        }
    }

    // MARK: node tests shared with the validator

    /// Whether the node carries a tag plans may not use (already reported as `yaml/tag`).
    static func hasBadTag(_ node: NodeID, in document: YAMLDocument) -> Bool {
        guard let tag = document.tag(node) else { return false }
        return !YAMLTags.isAllowed(tag)
    }

    /// Whether a scalar is plain for typing: written without quotes and not tagged `!!str`.
    static func isPlain(_ node: NodeID, in document: YAMLDocument) -> Bool {
        // Most scalars have no tag: then the tag text is not compared.
        document.isPlainScalar(node) && document.tag(node).map { $0 != YAMLTags.string } ?? true
    }

    // MARK: reading

    /// The value written at `written` in `context`: scalars typed, collections as plan nodes.
    private func value(_ written: NodeID, schema: SchemaNode, context outer: OriginTable.Context) -> Value {
        let (node, context) = origins.entering(written, outer)
        let origin = origins.origin(node, context)
        if Self.hasBadTag(node, in: document) { return Value(.unknown, origin: origin) }
        switch schema.kind {
        case .object:
            guard document.kind(node) == .mapping else { return Value(.unknown, origin: origin) }
            let anchor = context.missingKeyAnchor(of: node)?.index ?? -1
            return Value(.node(PlanNode(node: node, anchor: anchor, schema: .passUnretained(schema))), origin: origin)
        case .list:
            guard document.kind(node) == .sequence else { return Value(.unknown, origin: origin) }
            if let minItems = schema.minItems, document.items(node).count < minItems { return Value(.unknown, origin: origin) }
            return Value(.node(PlanNode(node: node, anchor: -1, schema: .passUnretained(schema))), origin: origin)
        case .string, .date, .financialYear, .integer, .boolean:
            if passedSchema, schema.kind == .string || schema.kind == .financialYear {
                return Value(.string(document.scalar(node) ?? ""), origin: origin)
            }
            let plain = Self.isPlain(node, in: document)
            let typed = document.withScalarUTF8(node) { utf8 in
                ScalarTyping.type(utf8: utf8, plain: plain, schema: schema) { String(decoding: utf8, as: UTF8.self) }
            }
            guard case .success(let kind) = typed else { return Value(.unknown, origin: origin) }
            return Value(kind, origin: origin)
        }
    }

    /// Where the table of the mapping `plan` starts in the field slots, making it on first
    /// use; `nil` when the node's table was made for another schema (a node reached under
    /// two schemas through aliases is looked up directly for the second).
    private func tableStart(_ plan: PlanNode) -> Int? {
        // Looked up once: the table is nearly always there, made by the schema check.
        if let table = fields.table(of: plan.node, in: document) {
            return fields.start(ofTable: table, schema: plan.schema._withUnsafeGuaranteedRef(\.identity))
        }
        guard let start = plan.schema._withUnsafeGuaranteedRef({ fields.begin(plan.node, schema: $0, in: document) }) else {
            return nil
        }
        forEachValuedEntry(of: plan) { index, entry in fields.setEntry(entry, at: start + index) }
        return start
    }

    /// The pair of the mapping `plan` holding the property at `index` with a value that is
    /// not null, found without a table.
    private func lookUp(_ index: Int, of plan: PlanNode) -> MappingEntry? {
        var found: MappingEntry?
        forEachValuedEntry(of: plan) { property, entry in if property == index { found = entry } }
        return found
    }

    /// Calls `body` with the property index and pair of each property of the mapping `plan`
    /// that has a value which is not null.
    private func forEachValuedEntry(of plan: PlanNode, _ body: (Int, MappingEntry) -> Void) {
        let schema = plan.schema.takeUnretainedValue()
        for entry in document.effectiveEntries(plan.node) {
            guard let index = schema.propertyIndex(key: entry.key, in: document),
                  !document.isNull(document.resolve(entry.value)) else { continue }
            body(index, entry)
        }
    }

    /// The field `name` of the mapping `plan` (whose value has `origin`): typed, a default,
    /// or missing. A value the validator typed is taken as it is; text and collections are
    /// read as they are asked for (shared expressions keep what several rules read).
    /// `position` is where the field is expected among the schema's properties (-1 when
    /// not known); it is checked against the name before it is used.
    func field(_ name: String, position: Int = -1, of plan: PlanNode, origin: Origin?) -> Value {
        // Most reads find the value typed already: they borrow the schema without retaining it.
        let index = plan.schema._withUnsafeGuaranteedRef { $0.propertyIndex(name, expectedAt: position) }
        guard let index, let origin else { return .unknown }
        let start = tableStart(plan)
        let entry = if let start { fields.entry(at: start + index) } else { lookUp(index, of: plan) }
        let property = plan.schema._withUnsafeGuaranteedRef { $0.propertySchema(at: index) }
        guard let entry else {
            let missing = origins.missingField(name, of: origins.reshown(origin, at: plan.anchor))
            return Value(property._withUnsafeGuaranteedRef { $0.defaultValue } ?? .missing, origin: missing)
        }
        let context = origins.context(inside: origin).entry(entry, parent: origin)
        // The table is the node's under this schema, whichever way it was reached: what the
        // validator typed in it holds for every read.
        if let start, let typed = fields.typedKind(at: start + index) {
            let (node, entered) = origins.entering(entry.value, context)
            return Value(typed, origin: origins.origin(node, entered))
        }
        return property._withUnsafeGuaranteedRef { value(entry.value, schema: $0, context: context) }
    }

    /// The sum of the whole-number field `name` over the items of the plan list `list`, read
    /// straight from the field tables: what `sum(list.map(x, x.name))` gives, without a value
    /// (nor an origin) made for each item. `nil` when that cannot be read so simply (a plan
    /// that has not passed its schema, an item without its table, a field left to its
    /// default), for the evaluator to work it out item by item.
    func sumOfField(_ name: String, position: Int, of list: PlanNode) -> Value? {
        guard passedSchema, let itemSchema = list.schema.takeUnretainedValue().items, itemSchema.kind == .object else {
            return nil
        }
        guard let index = itemSchema.propertyIndex(name, expectedAt: position),
              let total = fields.sum(ofSlot: index, itemsOf: list.node, in: document, itemSchema: itemSchema) else { return nil }
        return Value(.int(total))
    }

    /// Whether the mapping `plan` (whose value has `origin`) has a value for `name`.
    func isPresent(_ name: String, of plan: PlanNode, origin: Origin?) -> Bool {
        guard let index = plan.schema.takeUnretainedValue().propertyIndex(name), origin != nil else { return false }
        if let start = tableStart(plan) { return fields.hasEntry(at: start + index) }
        return lookUp(index, of: plan) != nil
    }

    /// The items of the list `plan` (whose value has `origin`), typed as they are read.
    func items(of plan: PlanNode, origin: Origin?) -> [Value] {
        guard let itemSchema = plan.schema.takeUnretainedValue().items, let origin else { return [] }
        var values: [Value] = []
        let items = document.items(plan.node)
        values.reserveCapacity(items.count)
        let inside = origins.context(inside: origin)
        for (position, item) in items.enumerated() {
            let context = inside.item(position, parent: origin)
            if document.isNull(document.resolve(item)) {
                let (resolved, entered) = origins.entering(item, context)
                values.append(Value(.unknown, origin: origins.origin(resolved, entered)))
            } else {
                values.append(value(item, schema: itemSchema, context: context))
            }
        }
        return values
    }

    /// Whether `plan` is a list (else a mapping).
    func isList(_ plan: PlanNode) -> Bool {
        plan.schema.takeUnretainedValue().kind == .list
    }

    /// `value` with every plan node read out into lists and objects, for values that outlive
    /// the check (portfolio facts) or are shown in messages.
    func materialized(_ value: Value) -> Value {
        guard case .node(let plan) = value.kind else { return value }
        if isList(plan) {
            return Value(.list(items(of: plan, origin: value.origin).map(materialized)), origin: value.origin)
        }
        let schema = plan.schema.takeUnretainedValue()
        var fields: [String: Value] = [:]
        for (name, _) in schema.properties {
            let field = field(name, of: plan, origin: value.origin)
            if field.isKnown { fields[name] = materialized(field) }
        }
        return Value(.object(ObjectValue(fields: fields)), origin: value.origin)
    }
}
