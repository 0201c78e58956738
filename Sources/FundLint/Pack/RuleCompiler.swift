import YAMLTree

/// Compiles one rule of a pack: reads its fields, parses and type-checks its expressions
/// and templates, and builds its examples.
struct RuleCompiler {
    var reader: PackReader
    let globals: [String: ExpressionCompiler.Binding]
    let rootType: ObjectType
    let examplePlan: NodeID?
    let metadataOnly: Bool
    /// Whether message templates are compiled when first rendered (a pack known to compile).
    var deferTemplates = false
    /// Set by ``compile(_:)`` for a portfolio rule (which returns `nil`).
    var portfolio: PortfolioRule?
    /// The shared slots of the pack's rules (see ``ExpressionCompiler/sharedSlots``): given
    /// the ones of the rules compiled before, and left with this rule's added.
    var sharedSlots: [String: Int] = [:]

    init(reader: PackReader, globals: [String: ExpressionCompiler.Binding], rootType: ObjectType, examplePlan: NodeID?, metadataOnly: Bool) {
        self.reader = reader
        self.globals = globals
        self.rootType = rootType
        self.examplePlan = examplePlan
        self.metadataOnly = metadataOnly
    }

    mutating func compile(_ node: NodeID) -> Rule? {
        guard let fields = reader.mapping(node, what: "a rule", allowed: PackLoader.ruleKeys) else { return nil }
        func value(_ key: String) -> NodeID? { fields.first { $0.key == key }?.value }
        func text(_ key: String, required: Bool = true) -> String? {
            guard let node = value(key) else {
                if required { reader.error(at: node, "the rule needs '\(key)'") }
                return nil
            }
            return reader.string(node, what: key)
        }
        guard let id = text("id") else { return nil }
        guard Self.isRuleID(id) else {
            reader.error(at: value("id") ?? node, "rule id '\(id)' must be category/kebab-name (lower-case letters, digits and hyphens)")
            return nil
        }
        let severityText = text("severity") ?? "error"
        guard let severity = Severity(rawValue: severityText) else {
            reader.error(at: value("severity") ?? node, "severity must be error, warning or note, not '\(severityText)'"
                         + EditDistance.hint(severityText, among: Severity.allCases.map(\.rawValue)))
            return nil
        }
        let scope = text("scope", required: false) ?? "plan"
        if scope != "plan" && scope != "portfolio" {
            reader.error(at: value("scope") ?? node, "scope must be plan or portfolio, not '\(scope)'" + EditDistance.hint(scope, among: ["plan", "portfolio"]))
        }
        var info = RuleInfo(id: id, severity: severity, summary: text("summary") ?? "", rationale: text("rationale") ?? "",
                            source: text("source") ?? "", suppressible: value("suppressible").flatMap { reader.bool($0, what: "suppressible") } ?? true,
                            scope: scope, bad: [], good: [], definedAt: reader.document.range(node).start, builtin: metadataOnly)
        if let examples = value("examples") { readExamples(examples, into: &info) }

        var compiler = ExpressionCompiler(rootType: rootType, globals: globals)
        // One evaluator runs every rule over a plan (and reads its portfolio facts): what
        // one rule reads of the plan alone, the next finds read.
        compiler.sharedSlots = sharedSlots
        sharedSlots = [:]
        // Taken back once the code that runs for every plan is compiled: `at`, notes, fixes
        // and messages run only when the rule fires, and are compiled without sharing.
        var shared: [String: Int]?
        defer { sharedSlots = shared ?? compiler.sharedSlots ?? [:] }
        if scope == "portfolio", !metadataOnly {
            portfolio = compilePortfolio(info: info, value: value, node: node, compiler: &compiler)
            return nil
        }
        for key in ["unique", "group", "sum", "limit", "passing_only"] where value(key) != nil {
            reader.error(at: value(key) ?? node, "'\(key)' applies only to rules with scope: portfolio")
        }
        if metadataOnly {
            for key in ["when", "for_each", "let", "at", "assert", "message", "notes", "fix"] {
                if let extra = value(key) { reader.error(at: extra, "'\(key)' has no meaning for a rule the engine implements") }
            }
            return Rule(info: info, when: nil, forEach: nil, at: .rootObject, assert: .constant(Value(.bool(true))),
                        message: MessageTemplate(parts: []), notes: [], fix: nil, slots: 0)
        }

        var forEach: (slot: Int, list: CompiledExpression)?
        if let forEachNode = value("for_each"), let source = reader.string(forEachNode, what: "for_each") {
            // Found and cut on the scalar view itself: appending a slice of scalars to a
            // string goes through the standard library's unspecialised generic code.
            let scalars = source.unicodeScalars
            let marker = " in ".unicodeScalars
            var split: (index: String.Index, offset: Int)?
            var index = scalars.startIndex
            var offset = 0
            while index != scalars.endIndex {
                if scalars[index...].starts(with: marker) {
                    split = (index, offset)
                    break
                }
                scalars.formIndex(after: &index)
                offset += 1
            }
            if let split {
                let name = String(scalars[..<split.index]).trimmingCharacters(in: " ")
                let listOffset = split.offset + marker.count
                let listSource = String(scalars[scalars.index(split.index, offsetBy: marker.count)...])
                let compiled = expression(listSource, node: forEachNode, offset: listOffset, compiler: &compiler)
                if let (code, type) = compiled, case .list(let element) = type, Self.isName(name) {
                    forEach = (compiler.declareLocal(name, type: element), code)
                } else {
                    if !Self.isName(name) {
                        reader.error(at: forEachNode, "for_each must be 'NAME in LIST', and '\(name)' is not a name")
                    } else if let (_, type) = compiled {
                        reader.error(at: forEachNode, "for_each must be 'NAME in LIST', and this is not a list but \(type)")
                    }
                    // Its uses in the rule are not reported again.
                    if Self.isName(name) { compiler.markUnavailable(name) }
                }
            } else {
                reader.error(at: forEachNode, "for_each must be 'NAME in LIST', like 'milestone in milestones'")
            }
        }
        if let letNode = value("let"), let bindings = reader.mapping(letNode, what: "let") {
            for (name, _, expressionNode) in bindings {
                guard let source = reader.string(expressionNode, what: "a let expression"),
                      let (code, type) = expression(source, node: expressionNode, offset: 0, compiler: &compiler) else {
                    // Its problem is reported: its uses in the rule are not reported again.
                    compiler.markUnavailable(name)
                    continue
                }
                compiler.bind(name, code, type: type)
            }
        }
        let when = value("when").flatMap { boolean($0, compiler: &compiler) }
        let assert = value("assert").flatMap { boolean($0, compiler: &compiler) }
        shared = compiler.sharedSlots
        compiler.sharedSlots = nil
        if value("assert") == nil { reader.error(at: node, "the rule needs 'assert': the condition a passing plan meets") }
        var at: CompiledExpression?
        if let atNode = value("at"), let source = reader.string(atNode, what: "at") {
            at = expression(source, node: atNode, offset: 0, compiler: &compiler)?.0
        } else {
            reader.error(at: node, "the rule needs 'at': the value its diagnostic points at")
        }
        let message = value("message").flatMap { template($0, compiler: &compiler) }
        if value("message") == nil { reader.error(at: node, "the rule needs 'message'") }
        var notes: [Rule.Note] = []
        for noteNode in value("notes").flatMap({ reader.list($0, what: "notes") }) ?? [] {
            guard let noteFields = reader.mapping(noteNode, what: "a note", allowed: ["at", "message"]),
                  let atNode = noteFields.first(where: { $0.key == "at" })?.value,
                  let messageNode = noteFields.first(where: { $0.key == "message" })?.value else {
                reader.error(at: noteNode, "a note needs 'at' and 'message'")
                continue
            }
            guard let source = reader.string(atNode, what: "at"),
                  let (code, _) = expression(source, node: atNode, offset: 0, compiler: &compiler),
                  let noteMessage = template(messageNode, compiler: &compiler) else { continue }
            notes.append(Rule.Note(at: code, message: noteMessage))
        }
        var fix: Rule.Fix?
        if let fixNode = value("fix"), let fixFields = reader.mapping(fixNode, what: "fix", allowed: ["at", "replacement", "safe", "message"]) {
            func part(_ key: String) -> NodeID? { fixFields.first { $0.key == key }?.value }
            if let atNode = part("at"), let replacementNode = part("replacement"), let messageNode = part("message") {
                // A part that does not compile has reported its problem where it is.
                if let source = reader.string(atNode, what: "at"),
                   let (code, _) = expression(source, node: atNode, offset: 0, compiler: &compiler),
                   let replacement = template(replacementNode, compiler: &compiler), let fixMessage = template(messageNode, compiler: &compiler) {
                    fix = Rule.Fix(at: code, replacement: replacement, safe: part("safe").flatMap { reader.bool($0, what: "safe") } ?? false,
                                   message: fixMessage)
                }
            } else {
                reader.error(at: fixNode, "fix needs 'at', 'replacement' and 'message'")
            }
        }
        guard let at, let assert, let message else { return nil }
        return Rule(info: info, when: when, forEach: forEach, at: at, assert: assert, message: message, notes: notes, fix: fix,
                    slots: compiler.slotCount)
    }

    private mutating func compilePortfolio(info: RuleInfo, value: (String) -> NodeID?, node: NodeID,
                                           compiler: inout ExpressionCompiler) -> PortfolioRule? {
        for key in ["for_each", "assert", "notes", "fix"] where value(key) != nil {
            reader.error(at: value(key) ?? node, "'\(key)' does not apply to a portfolio rule; use unique, or group, sum and limit")
        }
        func compiled(_ key: String, type expected: ValueType?) -> CompiledExpression? {
            guard let expressionNode = value(key), let source = reader.string(expressionNode, what: key),
                  let (code, type) = expression(source, node: expressionNode, offset: 0, compiler: &compiler) else { return nil }
            if let expected, type != expected {
                reader.error(at: expressionNode, "'\(key)' must be \(expected), not \(type)")
                return nil
            }
            return code
        }
        var messageCompiler = ExpressionCompiler(rootType: ObjectType(name: "no plan (portfolio messages see lets, key, total, limit, amount and first)"),
                                                 globals: globals)
        var lets: [CompiledExpression] = []
        var letSlots: [Int] = []
        if let letNode = value("let"), let bindings = reader.mapping(letNode, what: "let") {
            for (name, _, expressionNode) in bindings {
                guard let source = reader.string(expressionNode, what: "a let expression"),
                      let (code, type) = expression(source, node: expressionNode, offset: 0, compiler: &compiler) else { continue }
                compiler.bind(name, code, type: type)
                lets.append(code)
                letSlots.append(messageCompiler.declareLocal(name, type: type))
            }
        }
        let when = value("when").flatMap { boolean($0, compiler: &compiler) }
        var kind: PortfolioRule.Kind?
        if value("unique") != nil {
            if let key = compiled("unique", type: .string) { kind = .unique(key) }
        } else if value("group") != nil || value("sum") != nil || value("limit") != nil {
            if let group = compiled("group", type: .string), let sum = compiled("sum", type: .int), let limit = compiled("limit", type: .int) {
                kind = .total(group: group, sum: sum, limit: limit)
            }
        } else {
            reader.error(at: node, "a portfolio rule needs 'unique', or 'group', 'sum' and 'limit'")
        }
        guard let atNode = value("at"), let atSource = reader.string(atNode, what: "at"),
              let (at, _) = expression(atSource, node: atNode, offset: 0, compiler: &compiler) else {
            if value("at") == nil { reader.error(at: node, "the rule needs 'at': the value its diagnostic points at") }
            return nil
        }
        let keySlot = messageCompiler.declareLocal("key", type: .string)
        let totalSlot = messageCompiler.declareLocal("total", type: .int)
        let limitSlot = messageCompiler.declareLocal("limit", type: .int)
        let amountSlot = messageCompiler.declareLocal("amount", type: .int)
        let firstSlot = messageCompiler.declareLocal("first", type: .string)
        guard let messageNode = value("message") else {
            reader.error(at: node, "the rule needs 'message'")
            return nil
        }
        guard let message = template(messageNode, compiler: &messageCompiler), let kind else { return nil }
        return PortfolioRule(info: info, kind: kind, passingOnly: value("passing_only").flatMap { reader.bool($0, what: "passing_only") } ?? false,
                             when: when, lets: lets, at: at, planSlots: compiler.slotCount, message: message,
                             messageSlots: messageCompiler.slotCount, letSlots: letSlots, keySlot: keySlot, totalSlot: totalSlot,
                             limitSlot: limitSlot, amountSlot: amountSlot, firstSlot: firstSlot)
    }

    /// Compiles a pack's `report` section: `columns` (an expression per report column),
    /// `group_by`, `group_name` and `group_limit` (with `key` bound to a group), `fund_limit`.
    mutating func compileReport(_ node: NodeID) -> ReportSpec? {
        guard let fields = reader.mapping(node, what: "report", allowed: ["columns", "group_by", "group_name", "group_limit", "fund_limit"]) else { return nil }
        func part(_ key: String) -> NodeID? {
            guard let value = fields.first(where: { $0.key == key })?.value else {
                reader.error(at: node, "report needs '\(key)'")
                return nil
            }
            return value
        }
        var planCompiler = ExpressionCompiler(rootType: rootType, globals: globals)
        func compiled(_ node: NodeID, _ expected: ValueType, in compiler: inout ExpressionCompiler) -> CompiledExpression? {
            guard let source = reader.string(node, what: "an expression"),
                  let (code, type) = expression(source, node: node, offset: 0, compiler: &compiler) else { return nil }
            guard type == expected else {
                reader.error(at: node, "this must be \(expected), not \(type)")
                return nil
            }
            return code
        }
        var columns: [String: CompiledExpression] = [:]
        if let columnsNode = part("columns") {
            let entries = reader.mapping(columnsNode, what: "report.columns", allowed: ReportSpec.allColumns) ?? []
            for (name, _, expressionNode) in entries {
                let expected: ValueType = ReportSpec.moneyColumns.contains(name) ? .int : ReportSpec.dateColumns.contains(name) ? .date : .string
                if let code = compiled(expressionNode, expected, in: &planCompiler) { columns[name] = code }
            }
            for name in ReportSpec.allColumns where !entries.contains(where: { $0.key == name }) {
                reader.error(at: columnsNode, "report.columns needs '\(name)'")
            }
        }
        var groupCompiler = ExpressionCompiler(rootType: ObjectType(name: "no plan (group expressions see key and tables)"), globals: globals)
        let keySlot = groupCompiler.declareLocal("key", type: .string)
        guard let groupNode = part("group_by"), let nameNode = part("group_name"), let limitNode = part("group_limit"),
              let fundNode = part("fund_limit"),
              let group = compiled(groupNode, .string, in: &planCompiler),
              let name = compiled(nameNode, .string, in: &groupCompiler),
              let limit = compiled(limitNode, .int, in: &groupCompiler),
              let fund = compiled(fundNode, .int, in: &groupCompiler),
              columns.count == ReportSpec.allColumns.count else { return nil }
        return ReportSpec(columns: columns, columnSlots: planCompiler.slotCount, group: group, groupName: name, groupLimit: limit,
                          keySlot: keySlot, groupSlots: groupCompiler.slotCount, fundLimit: fund)
    }

    /// Compiles a pack's `init` section: `parameter` (a name), `table` (its values are the
    /// table's ids), `default`, and `template` (text with `{expression}` holes).
    mutating func compileInit(_ node: NodeID, tables: [String: TableLoader.Table]) -> InitTemplate? {
        guard let fields = reader.mapping(node, what: "init", allowed: ["parameter", "table", "default", "template"]) else { return nil }
        func text(_ key: String) -> String? {
            guard let value = fields.first(where: { $0.key == key })?.value else {
                reader.error(at: node, "init needs '\(key)'")
                return nil
            }
            return reader.string(value, what: key)
        }
        guard let parameter = text("parameter"), let tableName = text("table"), let defaultValue = text("default"),
              let templateNode = fields.first(where: { $0.key == "template" })?.value else { return nil }
        guard let table = tables[tableName], case .table = table.type else {
            reader.error(at: node, "init.table '\(tableName)' is not a keyed table")
            return nil
        }
        guard table.keys.contains(defaultValue) else {
            reader.error(at: node, "init.default '\(defaultValue)' is not an id of '\(tableName)'")
            return nil
        }
        var compiler = ExpressionCompiler(rootType: rootType, globals: globals)
        let slot = compiler.declareLocal(parameter, type: .string)
        guard let body = template(templateNode, compiler: &compiler) else { return nil }
        return InitTemplate(parameter: parameter, values: table.keys, noun: table.title, defaultValue: defaultValue,
                            text: body, slot: slot, slots: compiler.slotCount)
    }

    private mutating func expression(_ source: String, node: NodeID, offset: Int, compiler: inout ExpressionCompiler) -> (CompiledExpression, ValueType)? {
        do {
            let syntax = try ExpressionParser.parse(source)
            return try compiler.compile(syntax)
        } catch {
            guard !error.followsReported else { return nil }
            let at = reader.location(of: node, offset: offset + error.offset)
            reader.error(SourceRange(start: at, columns: max(1, error.length)), error.message)
            return nil
        }
    }

    private mutating func boolean(_ node: NodeID, compiler: inout ExpressionCompiler) -> CompiledExpression? {
        guard let source = reader.string(node, what: "a condition"),
              let (code, type) = expression(source, node: node, offset: 0, compiler: &compiler) else { return nil }
        guard type == .bool else {
            reader.error(at: node, "a condition must be boolean, but this is \(type)")
            return nil
        }
        return code
    }

    /// Compiles the message template at `node` (or, with `deferTemplates`, keeps it to be
    /// compiled when first rendered).
    private mutating func template(_ node: NodeID, compiler: inout ExpressionCompiler) -> MessageTemplate? {
        guard let source = reader.string(node, what: "a message") else { return nil }
        if deferTemplates {
            // Compiled after every rule is: slots it would add could be another rule's.
            var frozen = compiler
            frozen.sharedSlots = nil
            return MessageTemplate(deferred: DeferredTemplate(source: source, compiler: frozen))
        }
        switch TemplateCompiler.compile(source, compiler: &compiler) {
        case .success(let parts):
            return MessageTemplate(parts: parts)
        case .failure(let problems):
            for problem in problems.list {
                let at = reader.location(of: node, offset: problem.offset)
                let range = SourceRange(start: at, columns: problem.length)
                reader.error(range, problem.message)
            }
            return nil
        }
    }

    private mutating func readExamples(_ node: NodeID, into info: inout RuleInfo) {
        guard let groups = reader.mapping(node, what: "examples", allowed: ["bad", "good"]) else { return }
        let emitter = PlanEmitter(document: reader.document)
        for (group, _, listNode) in groups {
            for item in reader.list(listNode, what: "examples.\(group)") ?? [] {
                guard let fields = reader.mapping(item, what: "an example", allowed: ["patch", "plans", "text", "at", "document", "also"]) else { continue }
                func part(_ key: String) -> NodeID? { fields.first { $0.key == key }?.value }
                var example = RuleExample(source: .text(""), expectedPath: nil, also: [], document: nil,
                                          file: reader.file, start: reader.document.range(item).start)
                if let patch = part("patch"), metadataOnly {
                    // The engine's rules are shown on whichever pack is active: the patch is
                    // applied to that pack's example plan when the example runs.
                    example.source = .detachedPatch(emitter.emit(patch))
                } else if let patch = part("patch") {
                    guard examplePlan != nil else {
                        reader.error(at: patch, "a patch example needs pack.example_plan to patch")
                        continue
                    }
                    example.source = .patches(reader.document, base: examplePlan, [patch])
                } else if let plans = part("plans") {
                    // Several plans, one document each: for portfolio rules.
                    example.source = .patches(reader.document, base: examplePlan, reader.list(plans, what: "plans") ?? [])
                } else if let text = part("text") {
                    example.source = .text(reader.string(text, what: "text") ?? "")
                } else {
                    example.source = .patches(reader.document, base: examplePlan, examplePlan.map { [$0] } ?? [])
                }
                example.expectedPath = part("at").flatMap { reader.string($0, what: "at") }
                example.document = part("document").flatMap { reader.string($0, what: "document") }.flatMap { Int($0) }
                if group == "bad", example.expectedPath == nil {
                    reader.error(at: item, "a bad example needs 'at': the YAML path (or LINE:COLUMN) its diagnostic points at")
                }
                for also in part("also").flatMap({ reader.list($0, what: "also") }) ?? [] {
                    if let id = reader.string(also, what: "a rule id") { example.also.append(id) }
                }
                if group == "bad" { info.bad.append(example) } else { info.good.append(example) }
            }
        }
    }

    /// Whether `id` is two parts joined by `/`, each lower-case letters, digits and single
    /// hyphens between them.
    static func isRuleID(_ id: String) -> Bool {
        let slash = UInt8(ascii: "/"), hyphen = UInt8(ascii: "-")
        var slashes = 0
        var previous = slash
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case hyphen, slash:
                if previous == slash || previous == hyphen { return false }
                if byte == slash { slashes += 1 }
            default: return false
            }
            previous = byte
        }
        return slashes == 1 && previous != slash && previous != hyphen
    }

    static func isName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isNameLetter || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy { $0.isNameLetter || $0 == "_" || ("0"..."9").contains($0) }
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, set.contains(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
