import YAMLTree

/// Types one plan document by its schema (never by YAML 1.1 guessing), applies defaults and
/// reports the `schema/*` rules. Values that fail a check become unknown, so rules that
/// depend on them stay silent.
struct PlanTyper {
    private let document: YAMLDocument
    private let origins: OriginTable
    private let file: String
    private let index: Int
    private let packID: String
    private(set) var diagnostics: [Diagnostic] = []

    init(origins: OriginTable, file: String, index: Int, packID: String) {
        self.document = origins.document
        self.origins = origins
        self.file = file
        self.index = index
        self.packID = packID
    }

    /// Where a value is and how it was reached.
    private struct Context {
        /// The value holding this one; `nil` for the root.
        var parent: Origin?
        var step: OriginTable.Step
        /// The alias or merge node through which the value was reached (the outermost), where
        /// diagnostics about it point.
        var shownVia: NodeID?
        var via: OriginTable.Via
        /// The key naming the value (`nil` for the root and list items).
        var key: NodeID?
    }

    /// Types the whole document against `root`; `nil` when the document is not a mapping
    /// at all (then no rule can say anything more about it).
    mutating func typeDocument(root schema: SchemaNode) -> ObjectValue? {
        guard let root = document.root else { return nil }
        let value = typeValue(root, schema: schema, context: Context(parent: nil, step: .root, shownVia: nil, via: .direct, key: nil))
        if case .object(let object) = value.kind { return object }
        return nil
    }

    // MARK: positions

    private func displayRange(_ node: NodeID, _ context: Context) -> SourceRange {
        document.range(context.shownVia ?? node)
    }

    private func origin(_ node: NodeID, _ context: Context) -> Origin {
        origins.add(shown: (context.shownVia ?? node).index, parent: context.parent, step: context.step, via: context.via)
    }

    /// The context for a value written at `node`, following an alias if it is one.
    private func entering(_ node: NodeID, _ context: Context) -> (NodeID, Context) {
        var context = context
        guard let target = document.aliasTarget(node) else { return (node, context) }
        if context.shownVia == nil {
            context.shownVia = node
            context.via = .alias(node.index)
        }
        return (target, context)
    }

    // MARK: diagnostics

    private mutating func report(_ rule: String, _ severity: Severity = .error, at range: SourceRange, path: String,
                                 via: OriginTable.Via, _ message: String, fix: Diagnostic.Fix? = nil) {
        diagnostics.append(Diagnostic(file: file, document: index, range: range, severity: severity, rule: rule,
                                      message: message, yamlPath: path,
                                      notes: origins.note(via).map { [$0] } ?? [], fix: fix))
    }

    /// Reports a problem with the value at `origin`, pointing where the origin shows it.
    private mutating func report(_ rule: String, _ severity: Severity = .error, about origin: Origin, _ context: Context,
                                 _ message: String, fix: Diagnostic.Fix? = nil) {
        report(rule, severity, at: origins.range(origin), path: origins.path(origin), via: context.via, message, fix: fix)
    }

    private func subject(_ origin: Origin) -> String {
        let rendered = origins.path(origin)
        return rendered.isEmpty ? "the plan" : rendered
    }

    // MARK: typing

    private func isNull(_ node: NodeID) -> Bool {
        guard document.kind(node) == .scalar else { return false }
        if let tag = document.tag(node) { return tag == "tag:yaml.org,2002:null" }
        guard document.scalarStyle(node) == .plain, let text = document.scalar(node), text.utf8.count <= 4 else { return false }
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    private func hasBadTag(_ node: NodeID) -> Bool {
        guard let tag = document.tag(node) else { return false }
        return !YAMLTags.isAllowed(tag)
    }

    private mutating func typeValue(_ written: NodeID, schema: SchemaNode, context outer: Context) -> Value {
        let (node, context) = entering(written, outer)
        let origin = origin(node, context)
        if hasBadTag(node) { return Value(.unknown, origin: origin) }
        switch schema.kind {
        case .object:
            return typeObject(node, schema: schema, context: context, origin: origin)
        case .list:
            return typeList(node, schema: schema, context: context, origin: origin)
        case .string, .date, .financialYear, .integer, .boolean:
            guard document.kind(node) == .scalar, let text = document.scalar(node) else {
                report("schema/type", about: origin, context,
                       "\(subject(origin)) must be \(schema.kind.phrase), not \(describe(node))")
                return Value(.unknown, origin: origin)
            }
            return typeScalar(node, text: text, schema: schema, context: context, origin: origin)
        }
    }

    private func describe(_ node: NodeID) -> String {
        switch document.kind(node) {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar:
            let text = TextEscaper.escape(document.scalar(node) ?? "")
            if text.isEmpty { return "an empty value" }
            return document.scalarStyle(node) == .plain ? text : "the quoted string \"\(text)\""
        }
    }

    private mutating func typeScalar(_ node: NodeID, text: String, schema: SchemaNode, context: Context, origin: Origin) -> Value {
        var subject: String { self.subject(origin) }
        let plain = document.scalarStyle(node) == .plain && document.tag(node) != "tag:yaml.org,2002:str"
        switch schema.kind {
        case .integer:
            guard plain, IntegerText.isInteger(text) else {
                var fix: Diagnostic.Fix?
                var message = "\(subject) must be a whole number written in digits (like 1800000 or 1_800_000), not \(describe(node))"
                if !plain, IntegerText.isInteger(text) {
                    message = "\(subject) must be a whole number, but \"\(text)\" is a quoted string"
                    fix = Diagnostic.Fix(range: document.range(node), replacement: text, safe: document.tag(node) == nil,
                                         message: "remove the quotes: \(text)")
                }
                report("schema/type", about: origin, context, message, fix: fix)
                return Value(.unknown, origin: origin)
            }
            guard let number = IntegerText.parse(text) else {
                report("schema/range", about: origin, context,
                       "\(subject) is \(text), beyond the largest whole number accepted (\(Int64.max))")
                return Value(.unknown, origin: origin)
            }
            if let minimum = schema.minimum, number < minimum {
                report("schema/range", about: origin, context,
                       "\(subject) is \(text), below the minimum of \(minimum)")
                return Value(.unknown, origin: origin)
            }
            if let maximum = schema.maximum, number > maximum {
                report("schema/range", about: origin, context,
                       "\(subject) is \(text), above the maximum of \(maximum)")
                return Value(.unknown, origin: origin)
            }
            return Value(.int(number), origin: origin)
        case .boolean:
            switch (plain, text) {
            case (true, "true"), (true, "True"), (true, "TRUE"): return Value(.bool(true), origin: origin)
            case (true, "false"), (true, "False"), (true, "FALSE"): return Value(.bool(false), origin: origin)
            default:
                report("schema/type", about: origin, context,
                       "\(subject) must be true or false, not \(describe(node))")
                return Value(.unknown, origin: origin)
            }
        case .date:
            switch Day.parse(text) {
            case .success(let day):
                return Value(.date(day), origin: origin)
            case .failure(.notInCalendar):
                report("schema/format", about: origin, context,
                       "\(subject) is \(text), which is not a date in the calendar")
            case .failure(.notADate):
                report("schema/format", about: origin, context,
                       "\(subject) must be a date written YYYY-MM-DD, not '\(TextEscaper.escape(text))'")
            }
            return Value(.unknown, origin: origin)
        case .financialYear:
            guard IntegerText.isFinancialYear(text) else {
                report("schema/format", about: origin, context,
                       "\(subject) must be a financial year written YYYY-YY with consecutive years (like 2024-25), not '\(TextEscaper.escape(text))'")
                return Value(.unknown, origin: origin)
            }
            return checkString(text, node: node, schema: schema, context: context, origin: origin)
        default:
            return checkString(text, node: node, schema: schema, context: context, origin: origin)
        }
    }

    private mutating func checkString(_ text: String, node: NodeID, schema: SchemaNode, context: Context, origin: Origin) -> Value {
        var subject: String { self.subject(origin) }
        if let minLength = schema.minLength, text.unicodeScalars.count < minLength {
            report("schema/range", about: origin, context,
                   minLength == 1 ? "\(subject) is empty" : "\(subject) is \(text.unicodeScalars.count) characters long, shorter than the minimum of \(minLength)")
            return Value(.unknown, origin: origin)
        }
        if let enumeration = schema.enumeration, !enumeration.members.contains(text) {
            let shown = TextEscaper.escape(text)
            var message = schema.selectsPack
                ? "\(subject) '\(shown)' is not the fund of the active rule pack '\(packID)'; to check a plan for another fund, give its rule pack with --rules"
                : "'\(shown)' is not a known \(enumeration.noun)"
            var fix: Diagnostic.Fix?
            if let best = EditDistance.closest(to: text, among: enumeration.values) {
                fix = Diagnostic.Fix(range: displayRange(node, context), replacement: best, safe: context.shownVia == nil,
                                     message: "did you mean '\(best)'?")
            } else if !schema.selectsPack, enumeration.values.count <= 12 {
                message += "; use one of: " + enumeration.values.joined(separator: ", ")
            }
            report("schema/enum", about: origin, context, message, fix: fix)
            return Value(.unknown, origin: origin)
        }
        if let pattern = schema.pattern, !pattern.matches(text) {
            report("schema/format", about: origin, context,
                   "\(subject) '\(TextEscaper.escape(text))' does not match the pattern \(pattern.source)")
            return Value(.unknown, origin: origin)
        }
        return Value(.string(text), origin: origin)
    }

    private mutating func typeList(_ node: NodeID, schema: SchemaNode, context: Context, origin: Origin) -> Value {
        guard document.kind(node) == .sequence else {
            report("schema/type", about: origin, context,
                   "\(subject(origin)) must be a list, not \(describe(node))")
            return Value(.unknown, origin: origin)
        }
        let items = document.items(node)
        if let minItems = schema.minItems, items.count < minItems {
            report("schema/range", about: origin, context,
                   items.isEmpty ? "\(subject(origin)) is empty; it needs at least \(minItems) item\(minItems == 1 ? "" : "s")"
                                 : "\(subject(origin)) has \(items.count) items; it needs at least \(minItems)")
        }
        var values: [Value] = []
        values.reserveCapacity(items.count)
        for (position, item) in items.enumerated() {
            var itemContext = context
            itemContext.parent = origin
            itemContext.step = .index(Int32(truncatingIfNeeded: position))
            itemContext.key = nil
            if let itemSchema = schema.items {
                if isNull(document.resolve(item)) {
                    let (resolved, entered) = entering(item, itemContext)
                    let itemOrigin = self.origin(resolved, entered)
                    report("schema/type", about: itemOrigin, entered,
                           "\(subject(itemOrigin)) is empty; it must be \(itemSchema.kind.phrase)")
                    values.append(Value(.unknown, origin: itemOrigin))
                } else {
                    values.append(typeValue(item, schema: itemSchema, context: itemContext))
                }
            }
        }
        if let minItems = schema.minItems, items.count < minItems { return Value(.unknown, origin: origin) }
        return Value(.list(values), origin: origin)
    }

    private mutating func typeObject(_ node: NodeID, schema: SchemaNode, context: Context, origin: Origin) -> Value {
        guard document.kind(node) == .mapping else {
            if context.key == nil, context.parent == nil {
                report("schema/type", about: origin, context,
                       "a plan must be a mapping of keys (fund, project, ...), not \(describe(node))")
            } else {
                report("schema/type", about: origin, context,
                       "\(subject(origin)) must be a mapping, not \(describe(node))")
            }
            return Value(.unknown, origin: origin)
        }
        // Where a missing key of this mapping is reported: the key naming it, else the
        // document start.
        let anchorNode = context.key.map { context.shownVia ?? $0 }
        let anchorRange = anchorNode.map { document.range($0) } ?? SourceRange(at: document.start)
        let anchor = origins.reshown(origin, at: anchorNode?.index ?? -1)
        var fields: [(key: String, value: Value)] = []
        var nullKeys: [(String, NodeID)] = []
        let entries = document.effectiveEntries(node)
        fields.reserveCapacity(max(entries.count, schema.properties.count))
        var absent: [String]?
        for entry in entries {
            var entryContext = context
            entryContext.parent = origin
            if let via = entry.mergedVia, context.shownVia == nil {
                entryContext.shownVia = via
                entryContext.via = .merge(key: entry.key.index)
            }
            let keyRange = entryContext.shownVia.map { document.range($0) } ?? document.range(entry.key)
            guard let key = document.keyText(entry.key) else {
                report("schema/type", at: keyRange, path: origins.path(origin), via: entryContext.via,
                       "a key in \(subject(origin)) must be text, not \(describe(document.resolve(entry.key)))")
                continue
            }
            entryContext.step = .key(entry.key.index)
            entryContext.key = entry.key
            guard let propertySchema = schema.property(key) else {
                let known = schema.properties.map(\.name)
                if absent == nil {
                    let written = Set(entries.compactMap { document.keyText($0.key) })
                    absent = known.filter { !written.contains($0) }
                }
                let absent = absent ?? known
                var fix: Diagnostic.Fix?
                if let best = EditDistance.closest(to: key, among: absent) ?? EditDistance.closest(to: key, among: known) {
                    fix = Diagnostic.Fix(range: keyRange, replacement: best, safe: entryContext.shownVia == nil && document.kind(entry.key) == .scalar,
                                         message: "did you mean '\(best)'?")
                }
                let objectPath = origins.path(origin)
                report("schema/unknown-key", .warning, at: keyRange, path: origins.path(origin, then: entryContext.step), via: entryContext.via,
                       "\(objectPath.isEmpty ? "a plan" : objectPath) has no key '\(TextEscaper.escape(key))'", fix: fix)
                continue
            }
            if isNull(document.resolve(entry.value)) {
                nullKeys.append((key, entry.key))
                continue
            }
            fields.append((key: key, value: typeValue(entry.value, schema: propertySchema, context: entryContext)))
        }
        let presentCount = fields.count
        func isPresent(_ name: String) -> Bool { fields[..<presentCount].contains { $0.key == name } }
        for name in schema.required where !isPresent(name) {
            let path = origins.path(origin, field: name)
            if let keyNode = nullKeys.first(where: { $0.0 == name })?.1 {
                report("schema/required", at: document.range(keyNode), path: path, via: .direct,
                       "\(path) has no value, but it is required")
            } else {
                let objectPath = origins.path(origin)
                report("schema/required", at: anchorRange, path: path, via: context.via,
                       "\(objectPath.isEmpty ? "the plan" : objectPath) is missing the required key '\(name)'")
            }
        }
        for (name, property) in schema.properties where property.defaultValue != nil && !isPresent(name) {
            if let defaultValue = property.defaultValue {
                fields.append((key: name, value: Value(defaultValue, origin: origins.missingField(name, of: anchor))))
            }
        }
        return Value(.object(ObjectValue(fields: fields, presentCount: presentCount, anchor: anchor)), origin: origin)
    }
}
