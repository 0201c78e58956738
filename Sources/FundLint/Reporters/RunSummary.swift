/// Totals over a whole run.
public struct RunSummary: Sendable, Hashable {
    /// Files checked.
    public var files = 0
    /// Plans checked (a file with no document counts as one).
    public var plans = 0
    /// Plans with at least one unsuppressed diagnostic.
    public var plansWithProblems = 0
    /// Diagnostic counts.
    public var counts = SeverityCounts()

    /// Empty totals.
    public init() {}

    /// Adds one file's report.
    public mutating func add(_ report: FileReport) {
        files += 1
        plans += report.plans
        plansWithProblems += report.plansWithProblems
        counts.add(report.counts)
    }

    /// The summary line: `3 errors and 1 warning in 2 of 5 plans`.
    public var sentence: String {
        var parts: [String] = []
        func add(_ count: Int, _ noun: String) {
            if count > 0 { parts.append("\(count) \(noun)\(count == 1 ? "" : "s")") }
        }
        add(counts.errors, "error")
        add(counts.warnings, "warning")
        add(counts.notes, "note")
        let planNoun = plans == 1 ? "plan" : "plans"
        var text: String
        if parts.isEmpty {
            text = "no problems in \(plans) \(planNoun)"
        } else {
            text = "\(ProseList.joined(parts)) in \(plansWithProblems) of \(plans) \(planNoun)"
        }
        if counts.suppressed > 0 { text += " (\(counts.suppressed) suppressed)" }
        return text
    }
}
