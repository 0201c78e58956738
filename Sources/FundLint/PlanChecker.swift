import YAMLTree

/// Checks the plans of one file: `(bytes, path) -> diagnostics`, with no I/O, so any number
/// of files can be checked in parallel with one shared checker.
public struct PlanChecker: Sendable {
    /// The options in force.
    public let options: CheckOptions
    /// The rule pack plans are checked against.
    public let pack: RulePack

    /// Every rule that can be named in a suppression, and whether it may be suppressed: made
    /// only for a file with a suppression, so checking needs no engine metadata otherwise.
    private var suppressible: [String: Bool] {
        var suppressible: [String: Bool] = [:]
        for rule in BuiltinPacks.coreRules + pack.ruleInfos { suppressible[rule.id] = rule.suppressible }
        return suppressible
    }
    private let portfolioRuleIDs: Set<String>
    /// What each plan's check borrows (tables and arrays), lent from plan to plan.
    private let scratches = CheckScratchPool()
    /// The pack's rules in their quick form, compiled once the checker has a second plan.
    private let quickRules = QuickRuleCache()

    /// Creates a checker.
    public init(pack: RulePack, options: CheckOptions = CheckOptions()) {
        self.pack = pack
        self.options = options
        portfolioRuleIDs = Set(pack.portfolioRules.map(\.info.id))
    }

    /// Checks every plan in `bytes`, reporting against `path`.
    public func check(_ bytes: [UInt8], path: String) -> FileReport {
        if bytes.count > options.maxFileSize {
            return oversizeReport(path: path, size: bytes.count)
        }
        // Searched before the file is parsed: the search reads the bytes that libyaml then
        // copies, so they are in the cache for it, rather than read again after the check.
        let mayHoldDirectives = options.inlineSuppressions && Suppressions.mayContainDirectives(bytes)
        let scratch = scratches.take()
        let stream = YAMLParser.parse(bytes, limits: options.limits, storage: &scratch.tree)
        let sink = DiagnosticSink(limit: options.maxDiagnostics, disabled: options.disabledRules,
                                  severities: options.severityOverrides)
        if stream.documents.isEmpty {
            sink.add(Diagnostic(
                file: path, document: 0, range: SourceRange(at: .fileStart), severity: .error,
                rule: BuiltinRule.planEmpty.rawValue,
                message: "the file holds no plan: it is empty or has only comments and blank lines"))
        }
        var facts: [PlanFacts] = []
        var rows: [ReportRow] = []
        for (index, document) in stream.documents.enumerated() {
            // The plan's view lives only for this turn: the next plan's check reuses its tables.
            let (planFacts, plan) = checkDocument(document, index: index, path: path, source: bytes, into: sink, scratch: scratch)
            facts.append(PlanFacts(document: index, errors: 0, rules: planFacts))
            if options.reportRows { rows.append(reportRow(plan, file: path, document: index)) }
            plan?.origins.giveBack(to: &scratch.origins)
        }
        if options.reportRows, stream.documents.isEmpty { rows.append(reportRow(nil, file: path, document: 0)) }
        var pending: [Suppressions.Pending] = []
        if mayHoldDirectives {
            // Where the file's plans put portfolio diagnostics, if other files make them.
            var portfolioLines: Set<Suppressions.RuleLine> = []
            for plan in facts {
                for case let (rule, ruleFacts?) in zip(pack.portfolioRules, plan.rules) where ruleFacts.key != nil {
                    portfolioLines.insert(.init(rule: rule.info.id, line: ruleFacts.range.start.line))
                }
            }
            Suppressions.apply(to: sink, bytes: bytes, path: path, documentStarts: stream.documents.map(\.start.line),
                               rules: suppressible, portfolioRules: portfolioRuleIDs, portfolioLines: portfolioLines, pending: &pending)
        }
        var (diagnostics, leftOut) = sink.take(file: path)
        diagnostics.sort(by: Diagnostic.precedes)
        for diagnostic in diagnostics where diagnostic.severity == .error && !diagnostic.suppressed && diagnostic.document < facts.count {
            facts[diagnostic.document].errors += 1
        }
        let plans = max(stream.documents.count, 1)
        // Nothing holds the tree any more: its arrays and the tables go to the next file.
        (consume stream).giveBack(to: &scratch.tree)
        scratches.giveBack(scratch)
        var report = FileReport(path: path, plans: plans, diagnostics: diagnostics, source: bytes)
        report.facts = facts
        report.pendingWaivers = pending
        report.leftOut = leftOut
        report.rows = rows
        return report
    }

    /// The report for a file over `--max-file-size`, without reading it.
    public func oversizeReport(path: String, size: Int) -> FileReport {
        FileReport(path: path, plans: 1, diagnostics: [Diagnostic(
            file: path, document: 0, range: SourceRange(at: .fileStart), severity: .error,
            rule: BuiltinRule.yamlLimits.rawValue,
            message: "the file is \(size) bytes, over the limit of \(options.maxFileSize) bytes (raise it with --max-file-size)")],
            source: [])
    }

    /// Checks one document, reporting into `sink`; returns what portfolio rules need of it
    /// and, for a plan, its view (over `scratch`'s tables, so valid until `scratch` checks
    /// another plan).
    private func checkDocument(_ document: YAMLDocument, index: Int, path: String, source: [UInt8],
                               into sink: DiagnosticSink, scratch: CheckScratch) -> ([PortfolioFacts?], PlanView?) {
        let none = [PortfolioFacts?](repeating: nil, count: pack.portfolioRules.count)
        if !document.problems.isEmpty {
            var paths = YAMLPathIndex(document: document)
            for problem in document.problems {
                let rule = BuiltinRule(problem.kind).rawValue
                let make = { Diagnostic(problem: problem, file: path, document: index, rule: rule,
                                        yamlPath: problem.node.map { paths.path(of: $0) } ?? "") }
                switch problem.kind {
                case .duplicateKey, .tag:
                    sink.report(rule, .error, document: index, at: problem.range, make)
                case .syntax, .limits:
                    // The problem that stopped reading: one a file, always shown.
                    sink.addPastLimit(make())
                }
            }
        }
        guard document.isComplete, let root = document.root else { return (none, nil) }
        if document.kind(root) == .scalar, document.scalar(root) == "", document.scalarStyle(root) == .plain,
           document.tag(root) == nil, document.anchor(root) == nil {
            sink.add(Diagnostic(
                file: path, document: index, range: SourceRange(at: document.start), severity: .error,
                rule: BuiltinRule.planEmpty.rawValue,
                message: "document \(index + 1) is empty: it holds no plan"))
            return (none, nil)
        }
        let origins = OriginTable(document: document, storage: &scratch.origins)
        let fields = scratch.fields
        fields.prepare(for: document)
        // Most plans pass the quick check, and that is all their validation costs; the
        // validator walks the others (again, from empty tables), to say what is wrong.
        var passed = false
        if document.isSimple {
            passed = QuickSchemaCheck(fields: fields).passes(document, root: pack.schema)
            if !passed { fields.reset() }
        }
        if !passed {
            var validator = PlanValidator(origins: origins, fields: fields, file: path, source: source, index: index, packID: pack.id, sink: sink)
            guard validator.check(root: pack.schema) else {
                // No view is made of this plan: its origin table is done with now.
                origins.giveBack(to: &scratch.origins)
                return (none, nil)
            }
        }
        let plan = PlanView(origins: origins, fields: fields, schema: pack.schema, passedSchema: passed)
        // One evaluator for every rule of the plan: what one reads of the plan, the others
        // find read (see CompiledExpression.shared).
        var evaluator = Evaluator(plan: plan, slots: pack.localSlots, sharedSlots: pack.sharedSlots,
                                  storage: &scratch.evaluator)
        let quick = passed && options.quickRules ? scratch.quickRules(from: quickRules, pack: pack, nodeCount: document.nodeCount) : nil
        RuleRunner(file: path, document: index, documentStart: document.start, plan: plan, sink: sink)
            .run(pack.rules, on: &evaluator, quick: quick)
        let facts = pack.portfolioRules.indices.map {
            portfolioFacts($0, plan: plan, document: document, evaluator: &evaluator, quick: quick)
        }
        evaluator.giveBack(to: &scratch.evaluator)
        return (facts, plan)
    }

    /// A plan's row of the reviewer report: the pack's column expressions, evaluated.
    private func reportRow(_ plan: PlanView?, file: String, document: Int) -> ReportRow {
        var row = ReportRow(file: file, document: document, text: [:], money: [:], group: nil)
        guard let plan, let spec = pack.reportSpec else { return row }
        var evaluator = Evaluator(plan: plan, slots: spec.columnSlots)
        for (name, code) in spec.columns {
            switch evaluator.evaluate(code).kind {
            case .int(let value): row.money[name] = value
            case .string(let text): row.text[name] = text
            case .date(let day): row.text[name] = day.description
            default: break
            }
        }
        if case .string(let group) = evaluator.evaluate(spec.group).kind { row.group = group }
        return row
    }

    /// Reduces a plan to what the portfolio rule at `index` needs; `nil` when the rule does
    /// not apply or a value it needs is unknown. With `quick`, what it keeps is worked out
    /// in words where it can be, and the general way only where the rule points.
    /// `document` is the plan's (given, not read from `plan`: a copy read from the view
    /// would retain and release each of its arrays, for each portfolio rule).
    private func portfolioFacts(_ index: Int, plan: PlanView, document: YAMLDocument, evaluator: inout Evaluator,
                                quick: (QuickRuleProgram, QuickRuleFrame)?) -> PortfolioFacts? {
        let rule = pack.portfolioRules[index]
        let origins = plan.origins
        evaluator.clearLocals(rule.planSlots)
        if let verdict = quick.map({ $0.0.portfolioFacts(index, on: document, frame: $0.1) }) {
            switch verdict {
            case .notApplicable:
                return nil
            case .undecided:
                break  // worked out the general way, below
            case .kept(let kept):
                // A plan that passed its schema has no aliases: where the quick form found the
                // place, no note says where a value came from.
                let (range, path, note) = kept.at.map { ($0.range, $0.path, nil) }
                    ?? place(of: evaluator.evaluate(rule.at).origin, in: origins)
                return PortfolioFacts(key: kept.key, amount: kept.amount.map { Int128($0) }, limit: kept.limit.map { Int128($0) },
                                      range: range, path: path, note: note, lets: kept.lets.map { Value($0) })
            }
        }
        if let when = rule.when {
            guard case .bool(true) = evaluator.evaluate(when).kind else { return nil }
        }
        let (range, path, note) = place(of: evaluator.evaluate(rule.at).origin, in: origins)
        // Facts outlive the plan: keep the values of `let`, not where they were written.
        var facts = PortfolioFacts(key: nil, amount: nil, limit: nil, range: range, path: path, note: note,
                                   lets: rule.lets.map {
                                       let value = evaluator.evaluate($0)
                                       return Value(evaluator.materialized(value).kind)
                                   })
        switch rule.kind {
        case .unique(let key):
            guard case .string(let text) = evaluator.evaluate(key).kind else { return nil }
            facts.key = text
        case .total(let group, let sum, let limit):
            guard case .string(let text) = evaluator.evaluate(group).kind, case .int(let amount) = evaluator.evaluate(sum).kind,
                  case .int(let cap) = evaluator.evaluate(limit).kind else { return nil }
            facts.key = text
            facts.amount = amount
            facts.limit = cap
        }
        return facts
    }

    /// Where a portfolio rule's diagnostic points for a plan: the place `at` names (its
    /// range, its path, and the note on an alias it came through), or the document's start.
    private func place(of at: Origin?, in origins: OriginTable) -> (SourceRange, String, Diagnostic.Note?) {
        guard let at else { return (SourceRange(at: origins.document.start), "", nil) }
        return (origins.range(at), origins.path(at), origins.note(at))
    }
}
