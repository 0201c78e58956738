import YAMLTree

/// Runs a pack's portfolio rules over the plans of a run, in report order, one file at a
/// time: it keeps only the keys seen and the running totals, never the plans.
public struct PortfolioChecker: Sendable {
    private let pack: RulePack
    private let options: CheckOptions
    /// Whether each portfolio rule is disabled, looked up once.
    private let disabled: [Bool]
    private var seen: [FirstOccurrences]
    /// Names the run's files by number, for first occurrences in other files: the caller
    /// keeps the file list, so the checker keeps no path per file.
    private let fileName: @Sendable (Int) -> String
    private var totals: [[String: Int128]]
    private var crossed: [Set<String>]

    /// Creates a checker for a run. `fileName` names the files by the numbers given to
    /// ``process(_:file:)``; `expectedPlans` (the number of files, when known) sizes the
    /// index of first occurrences once, instead of as it fills.
    public init(pack: RulePack, options: CheckOptions = CheckOptions(), expectedPlans: Int = 0,
                fileName: @escaping @Sendable (Int) -> String) {
        self.pack = pack
        self.options = options
        self.fileName = fileName
        disabled = pack.portfolioRules.map { options.disabledRules.contains($0.info.id) }
        let count = pack.portfolioRules.count
        seen = pack.portfolioRules.map { rule in
            guard case .unique = rule.kind else { return FirstOccurrences() }
            return FirstOccurrences(expected: expectedPlans)
        }
        totals = Array(repeating: [:], count: count)
        crossed = Array(repeating: [], count: count)
    }

    /// Adds the portfolio diagnostics a file's plans cause (they belong to that file, since a
    /// rule fires at the plan that crosses a limit or repeats a key). `file` numbers the file
    /// in the run.
    public mutating func process(_ report: inout FileReport, file: Int) {
        guard !pack.portfolioRules.isEmpty || !report.pendingWaivers.isEmpty else { return }
        var added: [Diagnostic] = []
        for plan in report.facts {
            for (index, rule) in pack.portfolioRules.enumerated() {
                guard index < plan.rules.count, let facts = plan.rules[index], let key = facts.key, !disabled[index] else { continue }
                switch rule.kind {
                case .unique:
                    if let first = seen[index].firstOrRecord(key, file: file, range: facts.range) {
                        let firstFile = fileName(first.file)
                        let firstText = "\(firstFile):\(first.range.start.line)"
                        var notes = facts.note.map { [$0] } ?? []
                        notes.append(Diagnostic.Note(file: firstFile, range: first.range, message: "'\(TextEscaper.escape(key))' is first used here"))
                        added.append(diagnostic(rule, facts, document: plan.document, file: report.path, notes: notes,
                                                key: key, total: nil, first: firstText))
                    }
                case .total:
                    guard !rule.passingOnly || plan.errors == 0, let amount = facts.amount, let limit = facts.limit else { continue }
                    let total = Self.add(amount, to: &totals[index][key, default: 0])
                    if total > limit, !crossed[index].contains(key) {
                        crossed[index].insert(key)
                        added.append(diagnostic(rule, facts, document: plan.document, file: report.path,
                                                notes: facts.note.map { [$0] } ?? [], key: key, total: total, first: nil))
                    }
                }
            }
        }
        waive(&added, in: &report)
        guard !added.isEmpty else { return }
        report.diagnostics += added
        report.diagnostics.sort(by: Diagnostic.precedes)
    }

    /// Adds `amount` to `total` (staying at the largest value rather than overflowing) and
    /// returns the new total: one lookup of a place's running total, not two.
    private static func add(_ amount: Int128, to total: inout Int128) -> Int128 {
        let (sum, overflow) = total.addingReportingOverflow(amount)
        total = overflow ? Int128.max : sum
        return total
    }

    /// Applies the waivers of portfolio rules in `report` to the portfolio diagnostics
    /// `added` to it, and reports those that waive nothing, within the file's limit on
    /// diagnostics. If checking the file left some out already, its `yaml/limits` error is
    /// replaced by one that counts these too: a file has one.
    private func waive(_ added: inout [Diagnostic], in report: inout FileReport) {
        let waivers = report.pendingWaivers
        guard !waivers.isEmpty else { return }
        let file = report.path
        var waivable = WaivableDiagnostics(added)
        let earlier = report.leftOut
        let kept = report.diagnostics.count - (earlier == nil ? 0 : 1)
        let unused = DiagnosticSink(limit: options.maxDiagnostics, keptElsewhere: kept + added.count, leftOutElsewhere: earlier,
                                    disabled: options.disabledRules, severities: options.severityOverrides)
        for waiver in waivers {
            let indices = waivable.take(waiver.rule, line: waiver.line)
            for index in indices {
                added[index].suppressed = true
                added[index].suppressionReason = waiver.reason ?? ""
            }
            guard indices.isEmpty else { continue }
            unused.add(waiver.unused(file: file))
        }
        let (reported, leftOut) = unused.take(file: file)
        if let earlier, leftOut != nil, let old = report.diagnostics.firstIndex(of: earlier.diagnostic) {
            report.diagnostics.remove(at: old)
        }
        report.leftOut = leftOut ?? earlier
        added += reported
    }

    private func diagnostic(_ rule: PortfolioRule, _ facts: PortfolioFacts, document: Int, file: String, notes: [Diagnostic.Note],
                            key: String, total: Int128?, first: String?) -> Diagnostic {
        var evaluator = Evaluator(slots: rule.messageSlots)
        for (slot, value) in zip(rule.letSlots, facts.lets) { evaluator.locals[slot] = value }
        evaluator.locals[rule.keySlot] = Value(.string(key))
        if let total { evaluator.locals[rule.totalSlot] = Value(.int(total)) }
        if let limit = facts.limit { evaluator.locals[rule.limitSlot] = Value(.int(limit)) }
        if let amount = facts.amount { evaluator.locals[rule.amountSlot] = Value(.int(amount)) }
        if let first { evaluator.locals[rule.firstSlot] = Value(.string(first)) }
        return Diagnostic(file: file, document: document, range: facts.range,
                          severity: options.severityOverrides[rule.info.id] ?? rule.info.severity, rule: rule.info.id,
                          message: rule.message.render(&evaluator), yamlPath: facts.path, notes: notes)
    }
}
