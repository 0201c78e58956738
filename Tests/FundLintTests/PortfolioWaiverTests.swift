import Testing
import YAMLTree
@testable import FundLint

/// Inline waivers of portfolio rules, which only the portfolio checker can apply: the
/// diagnostics they waive exist once earlier files have been seen.
@Suite struct PortfolioWaiverTests {
    private var base: String { TestPacks.lipf.examplePlan ?? "" }
    private let referenceLine = "  reference: LIPF-WM-0042\n"

    /// Checks `texts` as the files of one run, in order; each file's diagnostics.
    private func run(_ texts: [String], limit: Int = 10_000) -> [[Diagnostic]] {
        var options = CheckOptions()
        options.maxDiagnostics = limit
        let checker = PlanChecker(pack: TestPacks.lipf, options: options)
        let names = texts.indices.map { "plan-\($0).yaml" }
        var portfolio = PortfolioChecker(pack: TestPacks.lipf, options: options) { names[$0] }
        return texts.enumerated().map { index, text in
            var report = checker.check(Array(text.utf8), path: names[index])
            portfolio.process(&report, file: index)
            return report.diagnostics
        }
    }

    private func waiving(_ scope: String, on line: String = "  reference: LIPF-WM-0042", reason: String = "resubmitted") -> String {
        base.replacingOccurrences(of: line + "\n", with: "\(line) # fundlint: \(scope) portfolio/duplicate-reference -- \(reason)\n")
    }

    @Test func theExamplePlanHoldsTheReferenceTheseTestsRepeat() {
        #expect(base.contains(referenceLine))
        let second = run([base, base])[1]
        #expect(second.map(\.rule) == ["portfolio/duplicate-reference"])
        #expect(second.first?.range.start.line == 3)
    }

    @Test func aWaiverOnTheReferenceLineWaivesTheRepeat() throws {
        let second = run([base, waiving("disable-line")])[1]
        let waived = try #require(second.first)
        #expect(second.count == 1)
        #expect(waived.rule == "portfolio/duplicate-reference")
        #expect(waived.suppressed)
        #expect(waived.suppressionReason == "resubmitted")
    }

    @Test func aWaiverOfAnotherLineIsUnusedAndTheRepeatStays() {
        let second = run([base, waiving("disable-line", on: "  title: AI for bus delay prediction")])[1]
        #expect(second.map(\.rule) == ["portfolio/duplicate-reference", "suppression/unused"])
        #expect(second.map(\.suppressed) == [false, false])
        #expect(second.last?.message == "the suppression suppresses nothing on line 4")
    }

    @Test func aNextLineWaiverAtTheEndSaysNothingFollowsIt() {
        let trailing = base + "# fundlint: disable-next-line portfolio/duplicate-reference -- too late\n"
        let second = run([base, trailing])[1]
        #expect(second.map(\.rule) == ["portfolio/duplicate-reference", "suppression/unused"])
        #expect(second.last?.message == "the suppression suppresses nothing: no line with content follows it")
    }

    @Test func aFileWaiverWaivesOnceAndASecondOneIsUnused() {
        let twice = "# fundlint: disable-file portfolio/duplicate-reference -- one\n"
            + "# fundlint: disable-file portfolio/duplicate-reference -- two\n" + base
        let second = run([base, twice])[1]
        #expect(second.map(\.rule) == ["suppression/unused", "portfolio/duplicate-reference"])
        #expect(second.last?.suppressionReason == "one")
        #expect(second.first?.range.start.line == 2)
    }

    @Test func unusedWaiversPastTheFilesLimitAreCounted() throws {
        // Only the first waiver of a rule for the whole file can waive anything: the others are
        // reported as the file is checked, the first once the portfolio is known (it waives
        // nothing in a run of one file). Two fit in the limit; one `yaml/limits` error counts
        // the rest, at the earliest left out.
        let waivers = String(repeating: "# fundlint: disable-file portfolio/duplicate-reference -- none\n", count: 5)
        let only = run([waivers + base], limit: 2)[0]
        #expect(only.map(\.rule) == ["yaml/limits", "suppression/unused", "suppression/unused"])
        #expect(only.map(\.range.start.line) == [1, 2, 3])
        #expect(only.first?.message == "the file has 5 problems, more than the 2 a file may report: 3 are left out (errors are kept before warnings), the first of them here")
        // The file's own diagnostics take room first.
        let withOwn = run([String(repeating: "# fundlint: disable-file portfolio/duplicate-reference -- none\n", count: 3) + base + "extra: 1\n"], limit: 2)[0]
        #expect(withOwn.map(\.rule) == ["yaml/limits", "suppression/unused", "schema/unknown-key"])
        #expect(withOwn.first?.message == "the file has 4 problems, more than the 2 a file may report: 2 are left out (errors are kept before warnings), the first of them here")
    }

    @Test func waiversOfPortfolioRulesWhereNoneCanReportAreUnusedAtOnceAndNotKept() {
        // A line waiver holds on only where a plan's facts put the rule's diagnostic (the
        // reference line), and only the first for a rule and line: the rest wait for nothing.
        let lines = "# fundlint: disable-line portfolio/duplicate-reference -- not here\n"
        let text = waiving("disable-line") + String(repeating: lines, count: 3)
        let report = PlanChecker(pack: TestPacks.lipf).check(Array(text.utf8), path: "plan.yaml")
        #expect(report.pendingWaivers.map(\.line) == [3])
        #expect(report.diagnostics.map(\.rule) == Array(repeating: "suppression/unused", count: 3))
        // The one kept waives the repeat when it comes.
        let second = run([base, text])[1]
        #expect(second.filter { $0.rule == "portfolio/duplicate-reference" }.map(\.suppressed) == [true])
        #expect(second.filter { $0.rule == "suppression/unused" }.count == 3)
    }

    @Test func aFileThatLeftDiagnosticsOutHasOneLimitError() {
        // Unknown keys fill the file's limit as it is checked; an unused portfolio waiver found
        // later is counted in the same `yaml/limits` error.
        let text = "# fundlint: disable-file portfolio/duplicate-reference -- none\n" + base + "a: 1\nb: 2\nc: 3\n"
        let diagnostics = run([text], limit: 2)[0]
        #expect(diagnostics.filter { $0.rule == "yaml/limits" }.count == 1)
        #expect(diagnostics.map(\.rule) == ["yaml/limits", "schema/unknown-key", "schema/unknown-key"])
        #expect(diagnostics.first?.range.start.line == 1)
        #expect(diagnostics.first?.message == "the file has 4 problems, more than the 2 a file may report: 2 are left out (errors are kept before warnings), the first of them here")
    }
}
