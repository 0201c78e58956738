import YAMLTree

/// The default format, like a compiler's: `PATH:LINE:COLUMN: SEVERITY: MESSAGE [RULE-ID]`,
/// then the source line with a caret and tildes under the range, then one line per note and
/// fix. Suppressed diagnostics are not shown.
public struct CompilerReporter: Reporter {
    /// Whether to print source lines with markers.
    public var showSource: Bool
    /// Whether to colour the output with ANSI escapes.
    public var color: Bool

    /// Creates the reporter.
    public init(showSource: Bool = true, color: Bool = false) {
        self.showSource = showSource
        self.color = color
    }

    public mutating func begin() -> String { "" }

    public mutating func end(_ summary: RunSummary) -> String { "" }

    public mutating func file(_ report: FileReport) -> String {
        var out = ""
        var source: SourceText?
        let path = TextEscaper.escape(report.path)
        for diagnostic in report.diagnostics where !diagnostic.suppressed {
            out += paint("\(path):\(diagnostic.range.start.line):\(diagnostic.range.start.column):", .bold)
            out += " " + paint("\(diagnostic.severity.rawValue):", style(for: diagnostic.severity))
            out += " " + paint(TextEscaper.escape(diagnostic.message), .bold)
            out += " [\(diagnostic.rule)]\n"
            if showSource {
                if source == nil { source = SourceText(report.source) }
                if let source { out += snippet(diagnostic.range, in: source) }
            }
            for note in diagnostic.notes {
                let notePath = note.file.map { TextEscaper.escape($0) } ?? path
                out += paint("\(notePath):\(note.range.start.line):\(note.range.start.column):", .bold)
                out += " " + paint("note:", .note) + " " + TextEscaper.escape(note.message) + "\n"
            }
            if let fix = diagnostic.fix {
                out += paint("\(path):\(fix.range.start.line):\(fix.range.start.column):", .bold)
                out += " " + paint("note:", .note) + " " + TextEscaper.escape(fix.message) + "\n"
            }
        }
        return out
    }

    /// The widest source excerpt shown, in scalars; longer lines are cut around the range.
    static let maxSnippetWidth = 160

    /// The source line of `range.start` and a marker line: `^` at the start, `~` to the end
    /// of the range (or of the line, for a range spanning lines). Unsafe characters are
    /// shown escaped and the marker follows their escaped width; tabs are kept as tabs. A
    /// line longer than ``maxSnippetWidth`` is cut to a window around the start, with `...`.
    func snippet(_ range: SourceRange, in source: SourceText) -> String {
        let scalars = source.line(range.start.line)
        if scalars.isEmpty && range.start.line > source.lineCount { return "" }
        let startColumn = range.start.column
        let endColumn = range.end.line == range.start.line ? max(range.end.column, startColumn + 1) : scalars.count + 1
        var firstColumn = 1
        var lastColumn = scalars.count
        if scalars.count > Self.maxSnippetWidth {
            firstColumn = max(1, min(startColumn - 40, scalars.count - Self.maxSnippetWidth + 1))
            lastColumn = min(scalars.count, firstColumn + Self.maxSnippetWidth - 1)
        }
        var line = firstColumn > 1 ? "..." : ""
        var marker = firstColumn > 1 ? "   " : ""
        var column = firstColumn
        for scalar in scalars.dropFirst(firstColumn - 1).prefix(lastColumn - firstColumn + 1) {
            let shown = TextEscaper.isUnsafe(scalar, allowTab: true) ? TextEscaper.visible(scalar) : String(scalar)
            line += shown
            let width = shown.unicodeScalars.count
            if column < startColumn {
                marker += scalar == "\t" ? "\t" : String(repeating: " ", count: width)
            } else if column == startColumn {
                marker += "^" + String(repeating: "~", count: width - 1)
            } else if column < endColumn {
                marker += String(repeating: "~", count: width)
            }
            column += 1
        }
        if lastColumn < scalars.count { line += "..." }
        if startColumn >= column { marker += String(repeating: " ", count: max(0, startColumn - column)) + "^" }
        return line + "\n" + paint(marker, .caret) + "\n"
    }

    private enum Style: String {
        case bold = "\u{1B}[1m"
        case error = "\u{1B}[1;31m"
        case warning = "\u{1B}[1;35m"
        case note = "\u{1B}[1;36m"
        case caret = "\u{1B}[1;32m"
    }

    private func style(for severity: Severity) -> Style {
        switch severity {
        case .error: .error
        case .warning: .warning
        case .note: .note
        }
    }

    private func paint(_ text: String, _ style: Style) -> String {
        color ? style.rawValue + text + "\u{1B}[0m" : text
    }
}
