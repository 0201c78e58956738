import Testing
import YAMLTree
@testable import FundLint

@Suite struct OutputTests {
    private func diagnostic(_ start: (Int, Int), _ end: (Int, Int), message: String = "m") -> Diagnostic {
        Diagnostic(file: "p.yaml", document: 0,
                   range: SourceRange(start: SourceLocation(line: start.0, column: start.1),
                                      end: SourceLocation(line: end.0, column: end.1)),
                   severity: .error, rule: "yaml/tag", message: message)
    }

    private func render(_ source: String, _ diagnostic: Diagnostic) -> String {
        var reporter = CompilerReporter()
        return reporter.file(FileReport(path: "p.yaml", plans: 1, diagnostics: [diagnostic], source: Array(source.utf8)))
    }

    @Test func theMarkerSitsUnderTheRangeCountingScalars() {
        let output = render("title: \"日本\" x\n", diagnostic((1, 8), (1, 12)))
        #expect(output == """
        p.yaml:1:8: error: m [yaml/tag]
        title: "日本" x
               ^~~~

        """)
    }

    @Test func tabsAreKeptSoTheMarkerLinesUp() {
        let output = render("\tkey: value\n", diagnostic((1, 7), (1, 12)))
        #expect(output.split(separator: "\n").last == "\t     ^~~~~")
    }

    @Test func rangesSpanningLinesMarkToTheEndOfTheFirstLine() {
        let output = render("a:\n  b: 1\n  c: 2\n", diagnostic((2, 3), (3, 7)))
        #expect(output.split(separator: "\n").last == "  ^~~~")
    }

    @Test func controlCharactersAreEscapedInMessagesAndSnippets() {
        let output = render("a: \"x\u{202E}y\"\n", diagnostic((1, 4), (1, 9), message: "bad \u{1B}[2J value"))
        #expect(output.contains("bad \\u{1B}[2J value"))
        #expect(output.contains("a: \"x\\u{202E}y\""))
        #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
        // The marker follows the escaped width: x, \u{202E} (8 scalars), y, quote.
        #expect(output.split(separator: "\n")[2] == "   ^~~~~~~~~~~~")
    }

    @Test func aPositionPastTheLineEndStillGetsACaret() {
        let output = render("a: [\n", diagnostic((1, 5), (1, 6)))
        #expect(output.split(separator: "\n")[2] == "    ^")
    }

    @Test func longLinesAreCutToAWindowAroundTheRange() {
        let source = String(repeating: "[", count: 1_000) + "\n"
        let output = render(source, diagnostic((1, 500), (1, 501)))
        let lines = output.split(separator: "\n")
        #expect(lines[1] == "..." + String(repeating: "[", count: 160) + "...")
        #expect(lines[2] == String(repeating: " ", count: 3 + 40) + "^")
    }

    @Test func jsonStringsEscapeControlsAndNotSlashes() {
        #expect(JSONWriter.quoted("a/b\"c\\d\n\u{1B}\u{202E}é") == "\"a/b\\\"c\\\\d\\n\\u001b\\u202eé\"")
    }

    @Test func theSummarySentenceReadsNaturally() {
        var summary = RunSummary()
        #expect(summary.sentence == "no problems in 0 plans")
        summary.plans = 5
        summary.plansWithProblems = 2
        summary.counts.errors = 3
        summary.counts.warnings = 1
        #expect(summary.sentence == "3 errors and 1 warning in 2 of 5 plans")
        summary.counts.notes = 2
        summary.counts.suppressed = 1
        #expect(summary.sentence == "3 errors, 1 warning and 2 notes in 2 of 5 plans (1 suppressed)")
    }
}
