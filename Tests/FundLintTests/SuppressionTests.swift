import Testing
import TestSupport
import YAMLTree
@testable import FundLint

/// Inline suppressions: where they apply, what they may waive, and what is only
/// text that looks like a comment.
@Suite struct SuppressionTests {
    /// The pack's example plan with `extra` appended (keys it adds are unknown keys, which
    /// make convenient warnings to waive).
    private func check(_ marked: MarkedSource, options: CheckOptions = CheckOptions()) -> [Diagnostic] {
        PlanChecker(pack: TestPacks.lipf, options: options).check(marked.bytes, path: "plan.yaml").diagnostics
    }

    private var base: String { TestPacks.lipf.examplePlan ?? "" }

    @Test(arguments: [("x: 1 # fundlint:", true), ("# fundlint", true), ("#fffundlint:", true), ("# fundlint;", true),
                      ("a: '#'\nb: 1 # x fundlint: y", true), ("# a # fundlint", true), ("#\r# fundlint: x", true),
                      ("#\rfundlint: x", true), ("# a\r\n# fundlint: x\r\n", true), ("fundlint:", false), ("fundlint: x", false),
                      ("fundlint # x", false), ("# a\nfundlint: x", false), ("", false), ("#", false), ("# fundlin", false),
                      ("# fundlin-disable", false), ("# f", false), ("#fundlin\nt", false)])
    func theQuickSearchFindsTheMarkerInACommentsLine(_ text: String, _ found: Bool) {
        #expect(Suppressions.mayContainDirectives(Array(text.utf8)) == found)
    }

    @Test func disableLineWaivesADiagnosticStartingOnItsLine() throws {
        let marked = MarkedSource(base + "1️⃣extra: 1 # fundlint: disable-line schema/unknown-key -- kept for the portal\n")
        let diagnostics = check(marked)
        let waived = try #require(diagnostics.first { $0.rule == "schema/unknown-key" })
        #expect(waived.range.start == marked[1])
        #expect(waived.suppressed)
        #expect(waived.suppressionReason == "kept for the portal")
        #expect(diagnostics.filter { !$0.suppressed }.isEmpty)
    }

    @Test func disableNextLineSkipsBlankAndCommentLines() {
        let marked = MarkedSource(base + "# fundlint: disable-next-line schema/unknown-key -- portal field\n\n# a note\nextra: 1\n")
        #expect(check(marked).allSatisfy { $0.suppressed })
    }

    @Test func aHashInsideQuotesOrBlockScalarsIsNotAComment() {
        let marked = MarkedSource(base + """
        extra: "# fundlint: disable-line schema/unknown-key -- no"
        other: |
          # fundlint: disable-file schema/unknown-key -- no
        """ + "\n")
        let diagnostics = check(marked)
        #expect(diagnostics.map(\.rule) == ["schema/unknown-key", "schema/unknown-key"])
        #expect(diagnostics.allSatisfy { !$0.suppressed })
    }

    @Test func severalRulesAndAFileWideWaiver() {
        let marked = MarkedSource(base + "# fundlint: disable-file schema/unknown-key, yaml/duplicate-key -- legacy keys\nextra: 1\nmore: 2\n")
        let diagnostics = check(marked)
        #expect(diagnostics.filter { $0.rule == "schema/unknown-key" }.count == 2)
        #expect(diagnostics.filter { $0.rule == "schema/unknown-key" }.allSatisfy { $0.suppressed })
        // yaml/duplicate-key can never be suppressed: the attempt is an error, not unused.
        #expect(diagnostics.filter { !$0.suppressed }.map(\.rule) == ["suppression/not-allowed"])
    }

    @Test func problemsWithTheWaiverItself() {
        let marked = MarkedSource(base + """
        extra: 1 2️⃣# fundlint: disable-line schema/unknown-key
        3️⃣# fundlint: disable-next-line dates/start-in-window -- we asked
        more: 2 # fundlint: disable-line 4️⃣schema/unknwn-key -- typo
        5️⃣# fundlint: disable-next-line budget/co-investment -- nothing to waive
        last: 3 # fundlint: disable-line schema/unknown-key -- fine
        """ + "\n")
        let diagnostics = check(marked).filter { $0.rule.hasPrefix("suppression/") }
        #expect(diagnostics.map(\.rule) == ["suppression/missing-reason", "suppression/not-allowed", "suppression/unknown-rule", "suppression/unused"])
        #expect(diagnostics[0].range.start == marked[2])
        #expect(diagnostics[1].range.start.line == marked[3].line)
        #expect(diagnostics[2].range.start == marked[4])
        #expect(diagnostics[2].fix?.replacement == "schema/unknown-key")
        #expect(diagnostics[2].fix?.safe == true)
        #expect(diagnostics[3].range.start == marked[5])
    }

    @Test func aWaiverNamingARuleWithoutItsGroupIsOfferedTheWholeID() {
        let marked = MarkedSource(base + "extra: 1 # fundlint: disable-line 1️⃣unknown-key -- legacy\n")
        let diagnostics = check(marked).filter { $0.rule == "suppression/unknown-rule" }
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.range.start == marked[1])
        #expect(diagnostics.first?.fix?.replacement == "schema/unknown-key")
        // A guess at what was meant, not a typo: offered, not applied unasked.
        #expect(diagnostics.first?.fix?.safe == false)
    }

    @Test func aNextLineWaiverWithNothingAfterItSaysSo() {
        let marked = MarkedSource(base + "1️⃣# fundlint: disable-next-line budget/co-investment -- checked\n\n# the end\n")
        let diagnostics = check(marked)
        #expect(diagnostics.map(\.rule) == ["suppression/unused"])
        #expect(diagnostics.first?.range.start == marked[1])
        #expect(diagnostics.first?.message == "the suppression suppresses nothing: no line with content follows it")
    }

    @Test func reviewersCanIgnoreEveryWaiver() {
        var options = CheckOptions()
        options.inlineSuppressions = false
        let marked = MarkedSource(base + "extra: 1 # fundlint: disable-line schema/unknown-key -- kept\n")
        #expect(check(marked, options: options).map(\.rule) == ["schema/unknown-key"])
        #expect(check(marked, options: options).allSatisfy { !$0.suppressed })
    }

    @Test func aConfiguredSeverityReachesTheWaiversOwnDiagnostics() {
        var options = CheckOptions()
        options.severityOverrides = ["suppression/unused": .error]
        let marked = MarkedSource(base + "1️⃣# fundlint: disable-file budget/co-investment -- pooled\n")
        let diagnostics = check(marked, options: options)
        #expect(diagnostics.map(\.rule) == ["suppression/unused"])
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.range.start == marked[1])
    }

    @Test func filesWithoutTheMarkerAreNotScanned() {
        #expect(!Suppressions.mayContainDirectives(Array("a: 1 # lint: disable\n".utf8)))
        #expect(Suppressions.mayContainDirectives(Array("a: 1 # fundlint: x\n".utf8)))
        #expect(Suppressions.mayContainDirectives(Array("a: 1 # fundlint-disable-line x\n".utf8)))
    }

    @Test func aDirectiveWithoutItsColonIsReportedWithItsFix() throws {
        let marked = MarkedSource(base + "1️⃣extra: 1 2️⃣# 3️⃣fundlint-4️⃣disable-line schema/unknown-key -- kept for the portal\n"
                                  + "# fundlint checks this file in CI\n"
                                  + "5️⃣# fundlint disable-nextline schema/unknown-key\n")
        let diagnostics = check(marked)
        // The waiver meant is not applied: the comment is reported, with the colon as its fix.
        #expect(diagnostics.map { "\($0.rule) \($0.range.start) \($0.suppressed)" } == [
            "schema/unknown-key \(marked[1]) false",
            "suppression/unknown-rule \(marked[2]) false",
            "suppression/unknown-rule \(marked[5]) false",
        ])
        let colon = try #require(diagnostics[1].fix)
        #expect(colon.range == SourceRange(start: marked[3], end: marked[4]))
        #expect(colon.replacement == "fundlint: " && colon.safe && colon.message == "write '# fundlint: disable-line'")
        #expect(diagnostics[1].message == "a fundlint directive has a colon after 'fundlint'; as written, this comment suppresses nothing")
        // A word that is no directive's gets no fix; a comment that only names the tool is left alone.
        #expect(diagnostics[2].fix == nil)
        #expect(diagnostics[2].message.hasPrefix("this comment is not a fundlint directive"))
    }
}
