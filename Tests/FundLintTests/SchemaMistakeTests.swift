import Foundation
import Testing
import TestSupport
import YAMLTree
@testable import FundLint

/// Mistakes in a plan's shape that one diagnostic names, with the fix that mends them: a
/// required key misspelt, a list written as one value.
@Suite struct SchemaMistakeTests {
    /// The schema's diagnostics for the base plan with the first `of` replaced by `with`,
    /// the replacement marked as MarkedSource marks positions.
    private func check(replacing of: String, with: String) throws -> (MarkedSource, [Diagnostic]) {
        let base = QuickSchemaCheckTests.base
        let range = try #require(base.range(of: of))
        let marked = MarkedSource(base.replacingCharacters(in: range, with: with))
        let report = PlanChecker(pack: TestPacks.lipf).check(marked.bytes, path: "plan.yaml")
        return (marked, report.diagnostics.filter { $0.rule.hasPrefix("schema/") })
    }

    @Test func aMisspeltRequiredKeyIsOneErrorAtTheKeyWritten() throws {
        let (marked, diagnostics) = try check(replacing: "  start_date:", with: "  1️⃣start-date:")
        #expect(diagnostics.count == 1)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.rule == "schema/required")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message == "'start-date' is not a key of project, which is missing the required key 'start_date'")
        #expect(diagnostic.range.start == marked[1])
        #expect(diagnostic.yamlPath == "project.start-date")
        #expect(diagnostic.fix?.replacement == "start_date")
        #expect(diagnostic.fix?.safe == true)
        // At the root too.
        let (_, root) = try check(replacing: "fund: lipf-2026", with: "fnud: lipf-2026")
        #expect(root.map(\.message) == ["'fnud' is not a key of the plan, which is missing the required key 'fund'"])
    }

    @Test func otherUnknownKeysStayWarnings() throws {
        // Like a key that is there already: the required key is not missing.
        let (_, present) = try check(replacing: "  title: AI", with: "  titel: x\n  title: AI")
        #expect(present.map(\.rule) == ["schema/unknown-key"])
        #expect(present.first?.severity == .warning)
        // Like an optional key (`summary`): nothing required is missing.
        let (_, optional) = try check(replacing: "  title: AI", with: "  summery: x\n  title: AI")
        #expect(optional.map(\.rule) == ["schema/unknown-key"])
        #expect(optional.first?.fix?.replacement == "summary")
        // Two keys like the one missing: the first stands for it, the second is unknown.
        let (marked, twice) = try check(replacing: "  start_date: 2026-04-01",
                                        with: "  1️⃣start-date: 2026-04-01\n  2️⃣startdate: 2026-04-01")
        #expect(twice.map(\.rule) == ["schema/required", "schema/unknown-key"])
        #expect(twice.map(\.range.start) == [marked[1], marked[2]])
        // Nothing like it: the missing key is reported at its mapping, the key as unknown.
        let (_, unlike) = try check(replacing: "  start_date:", with: "  commencement:")
        #expect(unlike.map(\.rule).sorted() == ["schema/required", "schema/unknown-key"])
        #expect(unlike.first { $0.rule == "schema/required" }?.message == "project is missing the required key 'start_date'")
    }

    @Test func oneValueWhereAListIsWantedGetsItWrittenAsAList() throws {
        let (marked, one) = try check(replacing: "sectors: [artificial-intelligence, future-mobility]",
                                      with: "sectors: 1️⃣artificial-intelligence")
        #expect(one.map(\.rule) == ["schema/type"])
        #expect(one.first?.range.start == marked[1])
        #expect(one.first?.fix?.replacement == "[artificial-intelligence]")
        #expect(one.first?.fix?.message == "write it as a list: [artificial-intelligence]")
        #expect(one.first?.fix?.safe == true)
        let (_, two) = try check(replacing: "sectors: [artificial-intelligence, future-mobility]",
                                 with: "sectors: artificial-intelligence ,future-mobility")
        #expect(two.first?.fix?.replacement == "[artificial-intelligence, future-mobility]")
        // A comment after the value is not part of it, and stays where it is.
        let (commented, three) = try check(replacing: "sectors: [artificial-intelligence, future-mobility]",
                                           with: "sectors: 1️⃣ai2️⃣ # a comment, really")
        #expect(three.first?.fix?.replacement == "[ai]")
        #expect(three.first?.fix?.range == SourceRange(start: commented[1], end: commented[2]))
        // Not where a list item would be read another way, nor for a list of mappings, nor
        // for a quoted value or an empty part.
        for (of, with) in [("sectors: [artificial-intelligence, future-mobility]", "sectors: ai {fm}"),
                           ("sectors: [artificial-intelligence, future-mobility]", "sectors: \"artificial-intelligence\""),
                           ("sectors: [artificial-intelligence, future-mobility]", "sectors: ai,,fm"),
                           ("sectors: [artificial-intelligence, future-mobility]", "sectors: ai, -fm"),
                           ("partners:\n  - {name: Example Transit Analytics Ltd, type: business}\n  - {name: University of Birmingham, type: university}",
                            "partners: Example Transit Analytics Ltd")] {
            let (_, diagnostics) = try check(replacing: of, with: with)
            let type = diagnostics.first { $0.rule == "schema/type" }
            #expect(type != nil, "\(with)")
            #expect(type?.fix == nil, "\(with)")
        }
    }
}
