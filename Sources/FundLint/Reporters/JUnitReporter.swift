/// JUnit XML: one `<testsuite>` per file, one `<testcase>` per plan, and a `<failure>` for
/// each plan with errors (its message the first error, its text every error in compiler
/// format).
public struct JUnitReporter: Reporter {
    /// Creates the reporter.
    public init() {}

    public mutating func begin() -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"fundlint\">\n"
    }

    public mutating func file(_ report: FileReport) -> String {
        let path = TextEscaper.escape(report.path)
        var byPlan: [Int: [Diagnostic]] = [:]
        for diagnostic in report.diagnostics where !diagnostic.suppressed && diagnostic.severity == .error {
            byPlan[diagnostic.document, default: []].append(diagnostic)
        }
        let plans = max(report.plans, 1)
        var out = "  <testsuite name=\"\(Self.escape(path))\" tests=\"\(plans)\" failures=\"\(byPlan.count)\" errors=\"0\">\n"
        for plan in 0..<plans {
            out += "    <testcase classname=\"\(Self.escape(path))\" name=\"plan \(plan + 1)\""
            guard let errors = byPlan[plan], let first = errors.first else {
                out += "/>\n"
                continue
            }
            let lines = errors.map { "\(path):\($0.range.start.line):\($0.range.start.column): error: \(TextEscaper.escape($0.message)) [\($0.rule)]" }
            out += ">\n      <failure message=\"\(Self.escape(TextEscaper.escape(first.message)))\" type=\"\(Self.escape(first.rule))\">"
            out += Self.escape(lines.joined(separator: "\n")) + "</failure>\n    </testcase>\n"
        }
        return out + "  </testsuite>\n"
    }

    public mutating func end(_ summary: RunSummary) -> String {
        "</testsuites>\n"
    }

    /// XML escaping for text and attribute values (control characters are already shown
    /// escaped by ``TextEscaper``, so the output is valid XML 1.0).
    static func escape(_ text: String) -> String {
        TextEscaper.replacing(text, ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&apos;", "\n": "&#10;"])
    }
}
