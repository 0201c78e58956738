/// GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation per
/// diagnostic, grouped per file, with the toolkit's escaping; a pointer to the full list when
/// there are more than GitHub shows (10 errors and 10 warnings per step).
public struct GitHubReporter: Reporter {
    private let paths: ReportPaths
    /// How many annotations of each level GitHub shows per step.
    public static let annotationLimit = 10

    /// Creates the reporter.
    public init(paths: ReportPaths) {
        self.paths = paths
    }

    public mutating func begin() -> String { "" }

    public mutating func file(_ report: FileReport) -> String {
        let shown = report.diagnostics.filter { !$0.suppressed }
        guard !shown.isEmpty else { return "" }
        let file = paths.relative(report.path)
        var out = "::group::\(Self.escapeData(file))\n"
        for diagnostic in shown {
            let command: String
            switch diagnostic.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .note: command = "notice"
            }
            var message = diagnostic.message
            for note in diagnostic.notes {
                message += "\nnote: \(note.range.start.line):\(note.range.start.column): \(note.message)"
            }
            if let fix = diagnostic.fix { message += "\nfix: \(fix.message)" }
            let properties = [
                "file=" + Self.escapeProperty(file),
                "line=\(diagnostic.range.start.line)",
                "col=\(diagnostic.range.start.column)",
                "endLine=\(diagnostic.range.end.line)",
                "endColumn=\(diagnostic.range.end.column)",
                "title=" + Self.escapeProperty(diagnostic.rule),
            ]
            out += "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(TextEscaper.escape(message, allowTab: true, allowNewline: true)))\n"
        }
        return out + "::endgroup::\n"
    }

    public mutating func end(_ summary: RunSummary) -> String {
        let counts = summary.counts
        guard counts.errors > Self.annotationLimit || counts.warnings > Self.annotationLimit || counts.notes > Self.annotationLimit else { return "" }
        return "fundlint: \(summary.sentence); GitHub shows at most \(Self.annotationLimit) errors and \(Self.annotationLimit) warnings per step as annotations, so see the log above (or the SARIF upload) for all of them\n"
    }

    /// The toolkit's escaping of a command's message.
    static func escapeData(_ text: String) -> String {
        TextEscaper.replacing(text, ["%": "%25", "\r": "%0D", "\n": "%0A"])
    }

    /// The toolkit's escaping of a property value.
    static func escapeProperty(_ text: String) -> String {
        TextEscaper.replacing(TextEscaper.escape(text), ["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
    }
}
