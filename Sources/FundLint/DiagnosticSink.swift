import YAMLTree

/// Gathers the diagnostics of one file, keeping at most a limit of them
/// (``CheckOptions/maxDiagnostics``). A diagnostic holds its message, path, notes and fix
/// (about a kilobyte), so a crafted plan of nothing but unknown keys would otherwise cost
/// far more memory than its size. Past the limit, diagnostics are counted, not kept, and
/// ``limitDiagnostic(file:)`` says how many were left out and where the first was. Errors
/// are kept before warnings and notes: an error found when the sink is full takes the place
/// of the last warning kept.
///
/// The configuration applies here: a diagnostic of a disabled rule is dropped uncounted, and
/// severities are changed as configured. One sink serves one file on one thread, shared by
/// the checks that report, so the limit is the file's.
final class DiagnosticSink {
    /// What a sink left out of a file: how many, and the `yaml/limits` error that said so
    /// (at the first of them).
    struct LeftOut: Sendable {
        var count: Int
        var diagnostic: Diagnostic
    }

    /// The diagnostics kept (inline suppressions mark them waived).
    var diagnostics: [Diagnostic] = []
    private let limit: Int
    /// How many of the file's diagnostics are kept elsewhere and count towards the limit.
    private let keptElsewhere: Int
    private let disabled: Set<String>
    private let severities: [String: Severity]
    /// Where in `diagnostics` the kept warnings and notes are: the places an error found past
    /// the limit takes.
    private var yielding: [Int] = []
    /// How many were left out.
    private var leftOut = 0
    /// The document and place of the first diagnostic left out (the earliest in the file).
    private var firstLeftOut: (document: Int, range: SourceRange)?

    /// A sink keeping the file to at most `limit` diagnostics, `keptElsewhere` of which it
    /// has already (those found before portfolio rules ran, of which `leftOutElsewhere`
    /// were left out: this sink's own `yaml/limits` error then counts them too, to replace
    /// that one), none of the `disabled` rules, with the `severities` configured for some
    /// rules.
    init(limit: Int, keptElsewhere: Int = 0, leftOutElsewhere: LeftOut? = nil, disabled: Set<String> = [],
         severities: [String: Severity] = [:]) {
        self.limit = max(limit, 0)
        self.keptElsewhere = max(keptElsewhere, 0)
        self.disabled = disabled
        self.severities = severities
        if let leftOutElsewhere {
            leftOut = max(leftOutElsewhere.count, 0)
            firstLeftOut = (leftOutElsewhere.diagnostic.document, leftOutElsewhere.diagnostic.range)
        }
    }

    /// Reports a diagnostic of `rule` about `range`: `make` is called only if it is kept,
    /// so one left out costs neither its message nor its path.
    func report(_ rule: String, _ severity: Severity, document: Int, at range: SourceRange, _ make: () -> Diagnostic) {
        if !disabled.isEmpty, disabled.contains(rule) { return }
        let severity = severities.isEmpty ? severity : severities[rule] ?? severity
        if keptElsewhere < limit, diagnostics.count < limit - keptElsewhere {
            if severity != .error { yielding.append(diagnostics.count) }
            diagnostics.append(configured(make(), severity))
            return
        }
        guard severity == .error, let slot = yielding.popLast() else {
            countLeftOut(document: document, range: range)
            return
        }
        countLeftOut(document: diagnostics[slot].document, range: diagnostics[slot].range)
        diagnostics[slot] = configured(make(), severity)
    }

    /// Whether any diagnostic was left out (then whether a waiver matched one is unknown).
    var hasLeftOut: Bool { leftOut > 0 }

    /// Reports `diagnostic`, made already.
    func add(_ diagnostic: Diagnostic) {
        report(diagnostic.rule, diagnostic.severity, document: diagnostic.document, at: diagnostic.range) { diagnostic }
    }

    /// Keeps `diagnostic` even past the limit: for the problem that stopped reading a file,
    /// of which there is at most one.
    func addPastLimit(_ diagnostic: Diagnostic) {
        if !disabled.isEmpty, disabled.contains(diagnostic.rule) { return }
        diagnostics.append(configured(diagnostic, severities[diagnostic.rule] ?? diagnostic.severity))
    }

    /// The diagnostics kept, handed over (the sink keeps none), with the `yaml/limits` error
    /// for those left out, if any were; and what was left out.
    func take(file: String) -> (diagnostics: [Diagnostic], leftOut: LeftOut?) {
        var left: LeftOut?
        if let limitDiagnostic = limitDiagnostic(file: file) {
            let before = diagnostics.count
            addPastLimit(limitDiagnostic)
            if diagnostics.count > before, let shown = diagnostics.last { left = LeftOut(count: leftOut, diagnostic: shown) }
        }
        var taken: [Diagnostic] = []
        swap(&taken, &diagnostics)
        return (taken, left)
    }

    private func configured(_ diagnostic: Diagnostic, _ severity: Severity) -> Diagnostic {
        var diagnostic = diagnostic
        diagnostic.severity = severity
        return diagnostic
    }

    /// Counts one more left out; the first is the earliest in the file, whatever the order
    /// they were found in.
    private func countLeftOut(document: Int, range: SourceRange) {
        if leftOut < Int.max { leftOut += 1 }
        if let first = firstLeftOut, (first.document, first.range.start.line, first.range.start.column)
            <= (document, range.start.line, range.start.column) { return }
        firstLeftOut = (document, range)
    }

    /// The `yaml/limits` error for the diagnostics left out, at the first of them; `nil`
    /// when none was.
    private func limitDiagnostic(file: String) -> Diagnostic? {
        guard let first = firstLeftOut else { return nil }
        let kept = keptElsewhere.addingReportingOverflow(diagnostics.count)
        let found = kept.partialValue.addingReportingOverflow(leftOut)
        let total = kept.overflow || found.overflow ? "more than \(Int.max)" : "\(found.partialValue)"
        return Diagnostic(
            file: file, document: first.document, range: first.range, severity: .error, rule: BuiltinRule.yamlLimits.rawValue,
            message: "the file has \(total) problems, more than the \(limit) a file may report: "
                + (leftOut == 1 ? "1 is left out (errors are kept before warnings), here"
                                : "\(leftOut) are left out (errors are kept before warnings), the first of them here"),
            notes: [.init(range: first.range,
                          message: "fix the problems shown and check again; a rule that reports many of them can be turned off with 'disable' in .fundlint.yml")])
    }
}
