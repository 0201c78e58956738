import YAMLTree

/// Checks one plan document against its schema and reports the `schema/*` rules, walking
/// every node once without building values: rules read the plan later through a
/// ``PlanView``, which types only what they look at (by the same ``ScalarTyping``).
struct PlanValidator {
    private typealias Context = OriginTable.Context

    /// The value being checked: where it is written and how it was reached. Its origin record
    /// (for a diagnostic's range, note and path) is made only when something is reported.
    private struct Here {
        var node: NodeID
        var context: Context
    }

    private let document: YAMLDocument
    private let origins: OriginTable
    private let fields: FieldTables
    private let file: String
    /// The file's bytes, for fixes that keep the plan's own text around a value.
    private let source: [UInt8]
    private let index: Int
    private let packID: String
    /// Where the file's diagnostics go.
    private let sink: DiagnosticSink
    /// The steps from the root to the value being checked.
    private var steps: [OriginTable.Step] = []
    /// The scalars already reported. A value shared through an anchor is one mistake however
    /// many aliases or merges reach it: it is reported where it is first met, not again.
    private var reportedScalars: Set<Int32> = []

    init(origins: OriginTable, fields: FieldTables, file: String, source: [UInt8], index: Int, packID: String,
         sink: DiagnosticSink) {
        self.document = origins.document
        self.origins = origins
        self.fields = fields
        self.file = file
        self.source = source
        self.index = index
        self.packID = packID
        self.sink = sink
    }

    /// Checks the whole document against `root`; `false` when the document is not a
    /// mapping at all (then no rule can say anything more about it).
    mutating func check(root schema: SchemaNode) -> Bool {
        guard let root = document.root else { return false }
        if let (wrapper, alone) = wrappedPlan(document.resolve(root), schema: schema) {
            // One diagnostic, at the key the plan is written under, not one per key of the plan.
            let range = document.range(wrapper.key)
            let key = TextEscaper.escape(document.keyText(wrapper.key) ?? "")
            sink.add(Diagnostic(
                file: file, document: index, range: range, severity: .error, rule: "schema/required",
                message: "the plan is written under '\(key)': its keys (\(Self.keysNamed(by: schema))) go at the top of the file, "
                    + "not under another key",
                fix: alone ? ShapeFix(document: document, source: source).unwrapFix(wrapper) : nil))
            return false
        }
        if let required = notAPlan(document.resolve(root), schema: schema) {
            // One diagnostic, not one per missing key and one per key of the other format.
            sink.add(Diagnostic(
                file: file, document: index, range: SourceRange(at: document.start), severity: .error, rule: "schema/required",
                message: "this is not a plan: it has none of a plan's keys (a plan needs \(ProseList.joined(required)))",
                notes: [.init(range: SourceRange(at: document.start),
                              message: "a YAML file that is not a plan can be left out with 'exclude' in .fundlint.yml")]))
            return false
        }
        return check(root, schema: schema, context: .root) && document.kind(document.resolve(root)) == .mapping
    }

    /// The key of `root` a plan is written under (`application:` with `fund:`, `project:`
    /// and the rest below it), when the root has none of a plan's keys and one of its values
    /// has two or more; and whether that key is the root's only one.
    private func wrappedPlan(_ root: NodeID, schema: SchemaNode) -> (MappingEntry, alone: Bool)? {
        guard document.kind(root) == .mapping else { return nil }
        let entries = document.effectiveEntries(root)
        var found: MappingEntry?
        for entry in entries {
            guard document.withKeyUTF8(entry.key, { schema.propertyIndex(utf8: $0) }) == .some(nil) else { return nil }
            let value = document.resolve(entry.value)
            guard document.kind(value) == .mapping else { continue }
            let planKeys = document.effectiveEntries(value).filter {
                document.withKeyUTF8($0.key, { schema.propertyIndex(utf8: $0) }) ?? nil != nil
            }.count
            if planKeys >= 2 {
                guard found == nil else { return nil }
                found = entry
            }
        }
        return found.map { ($0, entries.count == 1) }
    }

    /// The plan's required keys when `root` is a mapping with none of the plan's keys, not even
    /// one mistyped (another YAML file handed over with the plans, such as a CI workflow), or
    /// `nil` when it should be checked key by key.
    private func notAPlan(_ root: NodeID, schema: SchemaNode) -> [String]? {
        guard document.kind(root) == .mapping, !schema.requiredIndexes.isEmpty else { return nil }
        let entries = document.effectiveEntries(root)
        // A key that is not text, or that is a plan's key: check it as a plan. All keys are
        // looked up before any is compared with the plan's keys, which costs more.
        for entry in entries {
            guard let found = document.withKeyUTF8(entry.key, { schema.propertyIndex(utf8: $0) }), found == nil else { return nil }
        }
        let known = schema.properties.map(\.name)
        for entry in entries {
            // A key that looks like a plan's key: check it as a plan.
            guard let key = document.keyText(entry.key), EditDistance.closest(to: key, among: known) == nil else { return nil }
        }
        return schema.requiredIndexes.map { schema.properties[$0].name }
    }

    // MARK: diagnostics

    /// Reports a problem at `range`. Its path, message and fix are made only if the file's
    /// sink keeps it (past the file's limit it is only counted).
    private func report(_ rule: String, _ severity: Severity = .error, at range: SourceRange, path: @autoclosure () -> String,
                        via: OriginTable.Via, _ message: @autoclosure () -> String, notes: [Diagnostic.Note] = [],
                        fix: @autoclosure () -> Diagnostic.Fix? = nil) {
        report(rule, severity, at: range, path: path(), via: via, notes: notes) { (message(), fix()) }
    }

    /// Reports a problem at `range` whose message and fix are made together by `make`, only
    /// if the file's sink keeps it.
    private func report(_ rule: String, _ severity: Severity = .error, at range: SourceRange, path: @autoclosure () -> String,
                        via: OriginTable.Via, notes: [Diagnostic.Note] = [],
                        make: () -> (message: String, fix: Diagnostic.Fix?)) {
        sink.report(rule, severity, document: index, at: range) {
            let (message, fix) = make()
            return Diagnostic(file: file, document: index, range: range, severity: severity, rule: rule, message: message, yamlPath: path(),
                              notes: (origins.note(via).map { [$0] } ?? []) + notes, fix: fix)
        }
    }

    /// Reports a problem with the value `here`, pointing where it is shown; `note` (if any)
    /// is a note at the same place.
    private func report(_ rule: String, _ severity: Severity = .error, about here: Here, _ context: Context,
                        _ message: @autoclosure () -> String, note: String? = nil, fix: @autoclosure () -> Diagnostic.Fix? = nil) {
        let range = document.range(here.context.shownVia ?? here.node)
        report(rule, severity, at: range, path: path(here), via: context.via, message(),
               notes: note.map { [Diagnostic.Note(range: range, message: $0)] } ?? [], fix: fix())
    }

    private func origin(_ here: Here) -> Origin {
        origins.chain(steps, shown: (here.context.shownVia ?? here.node).index, via: here.context.via)
    }

    private func path(_ here: Here) -> String {
        origins.path(origin(here))
    }

    private func subject(_ here: Here) -> String {
        let rendered = path(here)
        return rendered.isEmpty ? "the plan" : rendered
    }

    // MARK: checking

    /// Checks the value written at `written`; `false` when it is invalid (rules will see it
    /// as unknown). A scalar that types is kept in the field table's `slot`, when given, for
    /// the rules.
    @discardableResult
    private mutating func check(_ written: NodeID, schema: SchemaNode, context outer: Context, slot: Int? = nil) -> Bool {
        let (node, context) = origins.entering(written, outer)
        let here = Here(node: node, context: context)
        if PlanView.hasBadTag(node, in: document) { return false }
        switch schema.kind {
        case .object:
            return checkObject(node, schema: schema, context: context, here: here)
        case .list:
            return checkList(node, schema: schema, context: context, here: here)
        case .string, .date, .financialYear, .integer, .boolean:
            let plain = PlanView.isPlain(node, in: document)
            let checked = document.withScalarUTF8(node) { utf8 in
                ScalarTyping.check(utf8: utf8, plain: plain, schema: schema) { String(decoding: utf8, as: UTF8.self) }
            }
            guard let typed = checked else {
                guard reportedScalars.insert(node.index).inserted else { return false }
                report("schema/type", about: here, context,
                       "\(subject(here)) must be \(schema.kind.phrase), not \(describe(node))")
                return false
            }
            switch typed {
            case .success(let value):
                // Text the schema puts no condition on is made only if a rule reads it.
                if let slot, value != .none { fields.setTyped(value, at: slot) }
                return true
            case .failure(let problem):
                guard reportedScalars.insert(node.index).inserted else { return false }
                reportScalar(problem, node: node, text: document.scalar(node) ?? "", schema: schema, context: context,
                             here: here)
                return false
            }
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

    private mutating func reportScalar(_ problem: ScalarProblem, node: NodeID, text: String, schema: SchemaNode,
                                       context: Context, here: Here) {
        var subject: String { self.subject(here) }
        switch problem {
        case .notInteger(let quoted):
            if quoted {
                let fix = rewrite(node, as: text, "remove the quotes: \(text)")
                report("schema/type", about: here, context, "\(subject) must be a whole number, but \"\(text)\" is a quoted string", fix: fix)
            } else {
                // `1,800,000`, `£1800000` or `ten`: the number is plain to see, so say how to
                // write it.
                let fix = (PlainForm.amount(text) ?? PlainForm.numberInWords(text)).map { rewrite(node, as: $0, "write it as \($0)") }
                    ?? PlainForm.numberBeforeWords(text).map { rewrite(node, as: $0, "did you mean \($0)?", guess: true) }
                // `140.5`: written in digits already; the fraction is what is wrong. With a fix,
                // its note shows the number as it should be written; without one, an example
                // does (a count and an amount, grouped).
                let advice = fix != nil ? " written in digits" : Self.isFraction(text) ? "" : " written in digits (like 25 or 1_800_000)"
                report("schema/type", about: here, context,
                       "\(subject) must be a whole number\(advice), not \(describe(node))",
                       fix: fix)
            }
        case .beyondInt64:
            report("schema/range", about: here, context, "\(subject) is \(text), beyond the largest whole number accepted (\(Int64.max))")
        case .belowMinimum(let minimum):
            report("schema/range", about: here, context, "\(subject) is \(text), below the minimum of \(minimum)")
        case .aboveMaximum(let maximum):
            report("schema/range", about: here, context, "\(subject) is \(text), above the maximum of \(maximum)")
        case .notBoolean:
            report("schema/type", about: here, context, "\(subject) must be true or false, not \(describe(node))")
        case .notInCalendar:
            report("schema/format", about: here, context, "\(subject) is \(text), which is not a date in the calendar")
        case .notADate:
            // Day first is how dates are written in the UK, but not everywhere: where the order
            // decides the date, the reading is offered, never applied unasked.
            let fix = PlainForm.date(text).map { form in
                form.guessedOrder.map { rewrite(node, as: form.date, "did you mean \(form.date)? (read as \($0))", guess: true) }
                    ?? rewrite(node, as: form.date, "write it as \(form.date)")
            }
            // `April 2026`: the day is missing, and only the author knows which it is.
            let missingDay = fix == nil ? PlainForm.monthWithoutDay(text).map { "; it needs its day too, as \($0)-DD" } ?? "" : ""
            report("schema/format", about: here, context,
                   "\(subject) must be a date written YYYY-MM-DD, not '\(TextEscaper.escape(text))'\(missingDay)", fix: fix)
        case .notFinancialYear:
            let fix = PlainForm.financialYear(text).map { rewrite(node, as: $0, "write it as \($0)") }
            report("schema/format", about: here, context,
                   "\(subject) must be a financial year written YYYY-YY with consecutive years (like 2024-25), not '\(TextEscaper.escape(text))'",
                   fix: fix)
        case .tooShort(let minimum, let length):
            report("schema/range", about: here, context,
                   minimum == 1 ? "\(subject) is empty" : "\(subject) is \(length) characters long, shorter than the minimum of \(minimum)")
        case .notInEnumeration:
            guard let enumeration = schema.enumeration else { return }
            let shown = TextEscaper.escape(text)
            var message = schema.selectsPack
                ? "\(subject) '\(shown)' is not the fund of the active rule pack '\(packID)'; to check a plan for another fund, give its rule pack with --rules"
                : "'\(shown)' is not a known \(enumeration.noun)"
            var fix: Diagnostic.Fix?
            var note: String?
            let range = document.range(context.shownVia ?? node)
            let suggestion = EditDistance.suggestion(for: text, among: enumeration.values)
            switch suggestion {
            case .typo(let best):
                fix = Diagnostic.Fix(range: range, replacement: best, safe: context.shownVia == nil, message: suggestion.question ?? "")
            case .guesses(let guesses) where guesses.count == 1:
                // A shortening (`cyber`, `ai`) is a guess at the id meant, not a typo of it:
                // offered, never applied unasked.
                fix = Diagnostic.Fix(range: range, replacement: guesses[0], safe: false, message: suggestion.question ?? "")
            case .guesses:
                message += "; " + (suggestion.question ?? "")
            case .none where schema.selectsPack:
                break  // The message says how to check a plan for another fund.
            case .none where enumeration.values.count <= 12:
                message += "; use one of: " + enumeration.values.joined(separator: ", ")
            case .none:
                // Too many to read in the message itself: listed in a note below it.
                note = "use one of: " + enumeration.values.joined(separator: ", ")
            }
            report("schema/enum", about: here, context, message, note: note, fix: fix)
        case .noPatternMatch:
            guard let pattern = schema.pattern else { return }
            let shown = TextEscaper.escape(text)
            report("schema/format", about: here, context,
                   schema.patternName.map { "\(subject) '\(shown)' is not \($0)" }
                       ?? "\(subject) '\(shown)' does not match the pattern \(pattern.source)")
        }
    }

    /// `contact:` left empty and `email:` written below it at the same indentation: `entry`'s
    /// key belongs to the empty key above it (`owner`, written before it past only unknown
    /// keys), which has it. The fix indents the line, when the key and its value are on one
    /// line. A guess: offered only.
    private func belongsUnderEmptyKey(_ key: String, _ entry: MappingEntry, below owner: MappingEntry,
                                      schema: SchemaNode) -> Diagnostic.Fix? {
        guard entry.mergedVia == nil, owner.mergedVia == nil, document.isNull(document.resolve(owner.value)),
              let found = document.withKeyUTF8(owner.key, { schema.propertyIndex(utf8: $0) }), let index = found
        else { return nil }
        let property = schema.properties[index]
        guard property.schema.propertyIndex(key) != nil else { return nil }
        let ownerRange = document.range(owner.key)
        let keyRange = document.range(entry.key)
        guard keyRange.start.column == ownerRange.start.column, document.range(entry.value).end.line == keyRange.start.line
        else { return nil }
        return Diagnostic.Fix(range: SourceRange(at: SourceLocation(line: keyRange.start.line, column: 1)), replacement: "  ",
                              safe: false,
                              message: "'\(TextEscaper.escape(key))' is a key of '\(property.name)', left empty on line \(ownerRange.start.line): indent it to go under it")
    }

    /// A fix writing the scalar `node` as `replacement`: safe unless it is a `guess` at what
    /// was meant, or the scalar carries a tag (which the new text would have to keep).
    private func rewrite(_ node: NodeID, as replacement: String, _ message: String, guess: Bool = false) -> Diagnostic.Fix {
        Diagnostic.Fix(range: document.range(node), replacement: replacement, safe: !guess && document.tag(node) == nil,
                       message: message)
    }

    /// `[some-id]` for a list of ids given as the one id `some-id` (or `[one, two]` for
    /// `one, two`): a plain value on one line, for a list of plain values, with nothing in it
    /// that a flow list would read another way.
    private func listOfOne(_ node: NodeID, schema: SchemaNode) -> Diagnostic.Fix? {
        guard document.isPlainScalar(node), let items = schema.items, items.kind != .object, items.kind != .list,
              let text = document.scalar(node), !text.isEmpty, !text.contains(where: { "[]{}#&*!|>'\"%@`\n\r\t".contains($0) }),
              !text.contains(": ")
        else { return nil }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: " ") }
        guard parts.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasPrefix("?") && !$0.hasSuffix(":") }) else { return nil }
        let list = "[" + parts.joined(separator: ", ") + "]"
        return rewrite(node, as: list, "write it as a list: \(list)")
    }

    /// A fix for a value written where a list is wanted: one plain value, or a mapping of one
    /// of the shapes ``ShapeFix`` knows.
    private func listFix(_ node: NodeID, schema: SchemaNode) -> Diagnostic.Fix? {
        if document.kind(node) == .mapping, let items = schema.items {
            return ShapeFix(document: document, source: source).listFix(node, items: items)
        }
        return listOfOne(node, schema: schema)
    }

    private mutating func checkList(_ node: NodeID, schema: SchemaNode, context: Context, here: Here) -> Bool {
        guard document.kind(node) == .sequence else {
            report("schema/type", about: here, context,
                   "\(subject(here)) must be a list, not \(describe(node))",
                   fix: context.shownVia == nil ? listFix(node, schema: schema) : nil)
            return false
        }
        let items = document.items(node)
        if let minItems = schema.minItems, items.count < minItems {
            report("schema/range", about: here, context,
                   items.isEmpty ? "\(subject(here)) is empty; it needs at least \(minItems) item\(minItems == 1 ? "" : "s")"
                                 : "\(subject(here)) has \(items.count) items; it needs at least \(minItems)")
        }
        if let itemSchema = schema.items {
            for (position, item) in items.enumerated() {
                let itemContext = context.item(position, parent: nil)
                steps.append(itemContext.step)
                if document.isNull(document.resolve(item)) {
                    let (resolved, entered) = origins.entering(item, itemContext)
                    let itemHere = Here(node: resolved, context: entered)
                    report("schema/type", about: itemHere, entered,
                           "\(subject(itemHere)) is empty; it must be \(itemSchema.kind.phrase)")
                } else {
                    check(item, schema: itemSchema, context: itemContext)
                }
                steps.removeLast()
            }
        }
        if let minItems = schema.minItems, items.count < minItems { return false }
        return true
    }

    /// Whether `text` is a number with a fraction (`140.5`, `-0.25`, `1_800_000.5`).
    private static func isFraction(_ text: String) -> Bool {
        let unsigned = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let whole = parts.first, let fraction = parts.last, !fraction.isEmpty,
              whole.first?.isASCII == true, whole.first?.isNumber == true
        else { return false }
        return whole.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "_" || $0 == "," } && fraction.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The keys a mapping of `schema` is written with, to name in a message: its required
    /// ones (else its first), three at most, and `...` when it has more.
    private static func keysNamed(by schema: SchemaNode) -> String {
        let names = schema.required.isEmpty ? schema.properties.map(\.name) : schema.required
        let shown = names.prefix(3).joined(separator: ", ")
        return schema.properties.count > min(names.count, 3) ? shown + ", ..." : shown
    }

    private mutating func checkObject(_ node: NodeID, schema: SchemaNode, context: Context, here: Here) -> Bool {
        guard document.kind(node) == .mapping else {
            if context.key == nil, steps.isEmpty {
                report("schema/type", about: here, context,
                       "a plan must be a mapping of keys (fund, project, ...), not \(describe(node))")
            } else {
                report("schema/type", about: here, context,
                       "\(subject(here)) must be a mapping of keys (\(Self.keysNamed(by: schema))), not \(describe(node))",
                       fix: context.shownVia == nil ? ShapeFix(document: document, source: source).mappingFix(node, schema: schema) : nil)
            }
            return false
        }
        let entries = document.effectiveEntries(node)
        // The mapping's field table, for the rules, filled as keys are matched.
        let tableStart = fields.begin(node, schema: schema, in: document)
        // Which properties have a value: a bit per property index (the first 64), and the
        // names of any others.
        var presentMask: UInt64 = 0
        var presentBeyond: [Int] = []
        var nullKeys: [(name: String, entry: MappingEntry)] = []
        // Keys the schema does not have: one of them may be a required key misspelt, which
        // its own fix renames.
        var unknownKeys = 0
        // What the unknown keys here are compared with, made once for the mapping when the
        // first of them is reported: the keys it can have, those of them it lacks, and those
        // more than one unknown key is closest to.
        var candidates: (known: [String], absent: [String], contested: Set<String>)?
        // Where the last key of the schema was, past unknown keys: a key below an empty one may
        // belong under it.
        var lastProperty = -1
        for position in entries.indices {
            let entry = entries[position]
            let entryContext = context.entry(entry, parent: nil)
            var keyRange: SourceRange { document.range(entryContext.shownVia ?? entry.key) }
            guard let found = document.withKeyUTF8(entry.key, { schema.propertyIndex(utf8: $0) }) else {
                report("schema/type", at: keyRange, path: path(here), via: entryContext.via,
                       "a key in \(subject(here)) must be text, not \(describe(document.resolve(entry.key)))")
                unknownKeys += 1
                continue
            }
            guard let propertyIndex = found else {
                unknownKeys += 1
                // The message and fix are made only for a diagnostic kept: past the file's
                // limit, a mapping of many unknown keys costs no comparisons.
                let below = lastProperty >= 0 ? entries[lastProperty] : nil
                report("schema/unknown-key", .warning, at: keyRange, path: origins.path(self.origin(here), then: entryContext.step),
                       via: entryContext.via) {
                    let key = document.keyText(entry.key) ?? ""
                    let (known, absent, contested) = candidates ?? {
                        let known = schema.properties.map(\.name)
                        let written = Set(entries.compactMap { document.keyText($0.key) })
                        let missing = known.filter { !written.contains($0) }
                        // Absent keys that more than one unknown key here is closest to:
                        // renaming them all would write that key twice.
                        var suggested: [String: Int] = [:]
                        for text in written where !known.contains(text) {
                            if let best = EditDistance.closest(to: text, among: missing) { suggested[best, default: 0] += 1 }
                        }
                        let made = (known: known, absent: missing, contested: Set(suggested.filter { $0.value > 1 }.keys))
                        candidates = made
                        return made
                    }()
                    var fix: Diagnostic.Fix?
                    if let best = EditDistance.closest(to: key, among: absent) {
                        let shared = contested.contains(best)
                        fix = Diagnostic.Fix(range: keyRange, replacement: best,
                                             safe: !shared && entryContext.shownVia == nil && document.kind(entry.key) == .scalar,
                                             message: "did you mean '\(best)'?" + (shared ? " (another key here is close to it too)" : ""))
                    } else if let best = EditDistance.closest(to: key, among: known) {
                        // Renaming it would write that key twice: offered, never applied unasked.
                        fix = Diagnostic.Fix(range: keyRange, replacement: best, safe: false,
                                             message: "did you mean '\(best)'? (this mapping has that key already)")
                    } else if entryContext.shownVia == nil, let below {
                        fix = belongsUnderEmptyKey(key, entry, below: below, schema: schema)
                    }
                    let objectPath = path(here)
                    // With nothing close to offer, the keys it can have are what helps.
                    let allowed = fix == nil ? "; allowed: \(known.joined(separator: ", "))" : ""
                    return ("\(objectPath.isEmpty ? "a plan" : objectPath) has no key '\(TextEscaper.escape(key))'\(allowed)", fix)
                }
                continue
            }
            lastProperty = position
            if document.isNull(document.resolve(entry.value)) {
                nullKeys.append((schema.properties[propertyIndex].name, entry))
                continue
            }
            if let tableStart { fields.setEntry(entry, at: tableStart + propertyIndex) }
            if propertyIndex < 64 { presentMask |= 1 << UInt64(propertyIndex) } else { presentBeyond.append(propertyIndex) }
            steps.append(entryContext.step)
            _ = schema.propertySchema(at: propertyIndex)._withUnsafeGuaranteedRef { property in
                check(entry.value, schema: property, context: entryContext, slot: tableStart.map { $0 + propertyIndex })
            }
            steps.removeLast()
        }
        for index in schema.requiredIndexes
        where index < 64 ? presentMask & (1 << UInt64(index)) == 0 : !presentBeyond.contains(index) {
            let name = schema.properties[index].name
            let path = origins.path(self.origin(here), field: name)
            let property = schema.properties[index].schema
            if let empty = nullKeys.first(where: { $0.name == name })?.entry {
                report("schema/required", at: document.range(empty.key), path: path, via: .direct,
                       "\(path) has no value, but it is required",
                       fix: empty.mergedVia == nil && context.shownVia == nil
                           ? Self.onlyValue(of: property).flatMap { ShapeFix(document: document, source: source).valueAfter(empty, value: $0) } : nil)
            } else {
                let objectPath = self.path(here)
                let anchor = context.missingKeyAnchor(of: here.node).map { document.range($0) } ?? SourceRange(at: document.start)
                report("schema/required", at: anchor, path: path, via: context.via,
                       "\(objectPath.isEmpty ? "the plan" : objectPath) is missing the required key '\(name)'",
                       fix: unknownKeys == 0 && context.shownVia == nil
                           ? Self.onlyValue(of: property).flatMap { ShapeFix(document: document, source: source).keyAbove(name, value: $0, in: here.node) }
                           : nil)
            }
        }
        return true
    }

    /// The one value a text property allows, when it allows one only (the plan's `fund`):
    /// nothing else can be meant where it is missing or left empty.
    private static func onlyValue(of property: SchemaNode) -> String? {
        guard property.kind == .string, let values = property.enumeration?.values, values.count == 1 else { return nil }
        return values.first
    }
}
