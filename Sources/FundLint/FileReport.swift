/// Everything checking one file produced.
public struct FileReport: Sendable {
    /// The file, as the user named it.
    public var path: String
    /// How many plans (documents) the file holds; a file with none counts as one.
    public var plans: Int
    /// Its diagnostics, in report order (document, line, column, rule).
    public var diagnostics: [Diagnostic]
    /// The file's bytes, for source snippets.
    public var source: [UInt8]
    /// What each plan contributes to the portfolio rules.
    public var facts: [PlanFacts] = []
    /// Each plan's row of the reviewer report (with `CheckOptions.reportRows`).
    public var rows: [ReportRow] = []
    /// Waivers of portfolio rules, applied when the run's portfolio diagnostics are known.
    var pendingWaivers: [Suppressions.Pending] = []
    /// The diagnostics checking the file left out past its limit, if any were.
    var leftOut: DiagnosticSink.LeftOut?

    /// Creates a report.
    public init(path: String, plans: Int, diagnostics: [Diagnostic], source: [UInt8]) {
        self.path = path
        self.plans = plans
        self.diagnostics = diagnostics
        self.source = source
    }

    /// Counts of the diagnostics that are not suppressed, by severity.
    public var counts: SeverityCounts {
        var counts = SeverityCounts()
        for diagnostic in diagnostics { counts.add(diagnostic) }
        return counts
    }

    /// How many plans have at least one unsuppressed diagnostic.
    public var plansWithProblems: Int {
        Set(diagnostics.lazy.filter { !$0.suppressed }.map(\.document)).count
    }
}

/// Diagnostic counts by severity; suppressed diagnostics are counted apart.
public struct SeverityCounts: Sendable, Hashable {
    public var errors = 0
    public var warnings = 0
    public var notes = 0
    public var suppressed = 0

    /// Empty counts.
    public init() {}

    /// Counts one diagnostic.
    public mutating func add(_ diagnostic: Diagnostic) {
        if diagnostic.suppressed { suppressed += 1; return }
        switch diagnostic.severity {
        case .error: errors += 1
        case .warning: warnings += 1
        case .note: notes += 1
        }
    }

    /// Adds other counts.
    public mutating func add(_ other: SeverityCounts) {
        errors += other.errors
        warnings += other.warnings
        notes += other.notes
        suppressed += other.suppressed
    }

    /// Whether any unsuppressed diagnostic is at or above `level`.
    public func reaches(_ level: Severity) -> Bool {
        switch level {
        case .error: errors > 0
        case .warning: errors + warnings > 0
        case .note: errors + warnings + notes > 0
        }
    }
}
