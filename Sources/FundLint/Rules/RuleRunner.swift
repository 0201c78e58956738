import YAMLTree

/// Runs a pack's per-plan rules over one typed plan.
struct RuleRunner {
    let file: String
    let document: Int
    let documentStart: SourceLocation

    let plan: PlanView
    /// Where the file's diagnostics go.
    let sink: DiagnosticSink
    private var origins: OriginTable { plan.origins }

    /// Runs `rules` on `evaluator` (one for all the rules of the plan, with room for the
    /// locals of each), clearing its locals between them. With `quick` (the pack's quick
    /// program and a frame on this plan), a rule it says does not fire is not run.
    func run(_ rules: [Rule], on evaluator: inout Evaluator, quick: (QuickRuleProgram, QuickRuleFrame)? = nil) {
        // Read once, and the program and frame used in place: a copy of either at each rule
        // is a retain and a release (of the document, one for each of its arrays).
        let document = plan.document
        for index in rules.indices {
            // The quick program has forms only for per-plan rules. A rule it rules out is not
            // read at all.
            if quick.map({ $0.0.cannotFire(index, on: document, frame: $0.1) }) == true { continue }
            let rule = rules[index]
            guard rule.isPerPlan else { continue }
            evaluator.clearLocals(rule.slots)
            if let forEach = rule.forEach {
                let list = evaluator.evaluate(forEach.list)
                guard let items = evaluator.items(list) else { continue }
                for item in items {
                    evaluator.forgetLets()
                    evaluator.locals[forEach.slot] = item
                    fire(rule, &evaluator)
                }
            } else {
                fire(rule, &evaluator)
            }
        }
    }

    /// Reports `rule` if it fails. Its message, notes and fix are made only if the file's
    /// sink keeps it.
    private func fire(_ rule: Rule, _ evaluator: inout Evaluator) {
        if let when = rule.when {
            guard case .bool(true) = evaluator.evaluate(when).kind else { return }
        }
        guard case .bool(false) = evaluator.evaluate(rule.assert).kind else { return }
        let at = evaluator.evaluate(rule.at).origin
        let range = at.map { origins.range($0) } ?? SourceRange(at: documentStart)
        sink.report(rule.info.id, rule.info.severity, document: document, at: range) {
            diagnostic(rule, at: at, range: range, &evaluator)
        }
    }

    private func diagnostic(_ rule: Rule, at: Origin?, range: SourceRange, _ evaluator: inout Evaluator) -> Diagnostic {
        var notes: [Diagnostic.Note] = []
        if let at, let note = origins.note(at) { notes.append(note) }
        for note in rule.notes {
            let origin = evaluator.evaluate(note.at).origin
            notes.append(Diagnostic.Note(range: origin.map { origins.range($0) } ?? SourceRange(at: documentStart),
                                         message: note.message.render(&evaluator)))
        }
        var fix: Diagnostic.Fix?
        if let ruleFix = rule.fix, let origin = evaluator.evaluate(ruleFix.at).origin {
            fix = Diagnostic.Fix(range: origins.range(origin), replacement: ruleFix.replacement.render(&evaluator),
                                 safe: ruleFix.safe && !origins.isIndirect(origin), message: ruleFix.message.render(&evaluator))
        }
        return Diagnostic(file: file, document: document, range: range, severity: rule.info.severity, rule: rule.info.id,
                          message: rule.message.render(&evaluator), yamlPath: at.map { origins.path($0) } ?? "", notes: notes,
                          fix: fix)
    }
}
