import Testing
import YAMLTree
@testable import FundLint

@Suite struct PlanCheckerTests {
    /// Checks `text`, keeping only the YAML-level diagnostics (the plans here are not
    /// complete LIPF plans, so the schema has much to say that these tests do not ask).
    private func check(_ text: String) -> FileReport {
        var report = PlanChecker(pack: TestPacks.lipf).check(Array(text.utf8), path: "plan.yaml")
        report.diagnostics = report.diagnostics.filter { $0.rule.hasPrefix("yaml/") || $0.rule.hasPrefix("plan/") }
        return report
    }

    @Test func anEmptyFileIsOnePlanWithOnePlanEmptyDiagnostic() {
        for text in ["", "# nothing yet\n\n", "\n"] {
            let report = check(text)
            #expect(report.plans == 1)
            #expect(report.diagnostics.map(\.rule) == ["plan/empty"])
            #expect(report.diagnostics.first?.range.start == .fileStart)
        }
    }

    @Test func anEmptyDocumentIsReportedAtItsStart() {
        let report = check("a: 1\n---\n# empty\n---\nb: 2\n")
        #expect(report.plans == 3)
        #expect(report.diagnostics.map(\.rule) == ["plan/empty"])
        #expect(report.diagnostics.first?.document == 1)
        #expect(report.diagnostics.first?.range.start == SourceLocation(line: 2, column: 1))
    }

    @Test func nullOrTaggedRootsAreNotEmptyButNotPlansEither() {
        for text in ["~\n", "--- !!str\n"] {
            let report = PlanChecker(pack: TestPacks.lipf).check(Array(text.utf8), path: "plan.yaml")
            #expect(report.diagnostics.map(\.rule) == ["schema/type"])
        }
    }

    @Test func diagnosticsAreOrderedByDocumentLineColumnAndRule() {
        let report = check("""
        a: 1
        b: !!binary x
        a: 2
        ---
        c: 1
        c: 2
        """)
        #expect(report.diagnostics.map(\.rule) == ["yaml/tag", "yaml/duplicate-key", "yaml/duplicate-key"])
        #expect(report.diagnostics.map(\.document) == [0, 0, 1])
        #expect(report.diagnostics.map(\.range.start.line) == [2, 3, 6])
    }

    @Test func yamlPathsNameTheNode() {
        let report = check("""
        budget:
          items:
            - {category: staff, amount: 1}
            - {category: travel, amount: 2, amount: 3}
          "odd key": {x: 1, x: 2}
          'q"b\\é': {y: 1, y: 2}
        """)
        #expect(report.diagnostics.map(\.yamlPath)
                == ["budget.items[1].amount", "budget[\"odd key\"].x", #"budget["q\"b\\é"].y"#])
    }

    @Test func aSyntaxErrorHidesEverythingElseInItsDocumentOnly() {
        let report = check("a: 1\na: 2\n---\nb: 1\nb: 2\nc: [\n")
        #expect(report.diagnostics.map(\.rule) == ["yaml/duplicate-key", "yaml/syntax"])
        #expect(report.plans == 2)
    }

    @Test func oversizedFilesAreNotParsed() {
        let checker = PlanChecker(pack: TestPacks.lipf, options: CheckOptions(maxFileSize: 4))
        let report = checker.check(Array("a: [[[[[\n".utf8), path: "big.yaml")
        #expect(report.diagnostics.map(\.rule) == ["yaml/limits"])
        #expect(report.diagnostics.first?.message == "the file is 9 bytes, over the limit of 4 bytes (raise it with --max-file-size)")
    }
}
