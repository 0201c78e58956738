import Testing
import TestSupport
import YAMLTree
@testable import FundLint

/// The most diagnostics a file reports: past it they are counted, not kept, errors are kept
/// before warnings, and one `yaml/limits` error says how many were left out.
@Suite struct DiagnosticLimitTests {
    private var base: String { TestPacks.lipf.examplePlan ?? "" }

    private func check(_ text: String, limit: Int, configure: (inout CheckOptions) -> Void = { _ in }) -> [Diagnostic] {
        var options = CheckOptions()
        options.maxDiagnostics = limit
        configure(&options)
        return PlanChecker(pack: TestPacks.lipf, options: options).check(Array(text.utf8), path: "plan.yaml").diagnostics
    }

    @Test func thePackExampleIsCleanSoEveryDiagnosticBelowIsOneWeWrote() {
        #expect(check(base, limit: 0).isEmpty)
    }

    @Test func atTheLimitEverythingIsShown() {
        let diagnostics = check(base + "a: 1\nb: 2\nc: 3\n", limit: 3)
        #expect(diagnostics.map(\.rule) == Array(repeating: "schema/unknown-key", count: 3))
    }

    @Test func pastTheLimitTheRestAreCountedAtTheFirstLeftOut() throws {
        let marked = MarkedSource(base + "a: 1\nb: 2\nc: 3\n1️⃣d: 4\ne: 5\n")
        let diagnostics = check(marked.text, limit: 3)
        #expect(diagnostics.map(\.rule) == Array(repeating: "schema/unknown-key", count: 3) + ["yaml/limits"])
        let limit = try #require(diagnostics.last)
        #expect(limit.severity == .error)
        #expect(limit.range.start == marked[1])
        #expect(limit.message == "the file has 5 problems, more than the 3 a file may report: 2 are left out (errors are kept before warnings), the first of them here")
        #expect(check(base + "a: 1\nb: 2\nc: 3\nd: 4\n", limit: 3).last?.message
                == "the file has 4 problems, more than the 3 a file may report: 1 is left out (errors are kept before warnings), here")
        #expect(diagnostics.prefix(3).map(\.message) == ["a", "b", "c"].map { "a plan has no key '\($0)'; allowed: fund, project, lead, partners, budget, outcomes, milestones, contact" })
    }

    @Test func errorsFoundPastTheLimitTakeTheLastWarningsPlaces() throws {
        // Unknown keys come first in the walk, the missing required key after them: it is
        // an error, so it is kept instead of the last warning kept.
        let plan = base.replacingOccurrences(of: "fund: lipf-2026\n", with: "fund: lipf-2026\na: 1\nb: 2\nc: 3\n")
            .replacingOccurrences(of: "  title:", with: "  heading:")
        let diagnostics = check(plan, limit: 3)
        #expect(diagnostics.filter { $0.rule == "schema/required" }.count == 1)
        #expect(diagnostics.filter { $0.rule == "schema/unknown-key" }.map(\.message) == ["a", "b"].map { "a plan has no key '\($0)'; allowed: fund, project, lead, partners, budget, outcomes, milestones, contact" })
        let limit = try #require(diagnostics.first { $0.rule == "yaml/limits" })
        // Left out: 'c' (its place taken by the error) and 'heading', found before the error.
        #expect(limit.message.hasPrefix("the file has 5 problems, more than the 3 a file may report: 2 are left out"))
    }

    @Test func disabledRulesAreNotCountedAndSeveritiesApplyBeforeTheLimit() {
        let text = base + "a: 1\nb: 2\nc: 3\n"
        #expect(check(text, limit: 1) { $0.disabledRules = ["schema/unknown-key"] }.isEmpty)
        let raised = check(text, limit: 3) { $0.severityOverrides = ["schema/unknown-key": .error] }
        #expect(raised.map(\.severity) == [.error, .error, .error])
    }

    @Test func theProblemThatStopsReadingIsShownPastTheLimit() {
        let diagnostics = check(base + "a: 1\nb: 2\nc: [\n", limit: 1)
        #expect(diagnostics.map(\.rule) == ["yaml/syntax"])
    }

    @Test func waiversOfDiagnosticsLeftOutAreNotCalledUnused() {
        var text = base
        for key in ["a", "b", "c"] { text += "\(key): 1 # fundlint: disable-line schema/unknown-key -- imported\n" }
        let diagnostics = check(text, limit: 2)
        #expect(diagnostics.filter(\.suppressed).count == 2)
        #expect(!diagnostics.contains { $0.rule == "suppression/unused" })
        #expect(diagnostics.filter { !$0.suppressed }.map(\.rule) == ["yaml/limits"])
    }
}
