import Foundation
import Testing
import YAMLTree
@testable import FundLint

private let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Examples")

/// A plan the quick check passes is never walked by the validator, so the check must pass
/// only plans the validator has nothing to say about, and leave the field tables as the
/// validator does. And it should pass all of those, or checking them costs twice.
@Suite struct QuickSchemaCheckTests {
    /// A plan with no mistake the schema catches, to break one way at a time.
    static let base = """
        fund: lipf-2026
        project:
          reference: LIPF-WM-0042
          title: AI for bus delay prediction
          region: west-midlands
          sectors: [artificial-intelligence, future-mobility]
          start_date: 2026-04-01
          end_date: 2029-03-31
        lead: {name: West Midlands Combined Authority, type: combined-authority, location: west-midlands}
        partners:
          - {name: Example Transit Analytics Ltd, type: business}
          - {name: University of Birmingham, type: university}
        budget:
          currency: GBP
          requested: 1_800_000
          match_funding: 1_900_000
          total: 3_700_000
          items:
            - {category: staff, description: data scientists, amount: 3_700_000}
          profile:
            - {year: 2026-27, amount: 1_800_000}
        outcomes: {jobs_created: 25, private_investment: 4_000_000}
        milestones:
          - {name: pilot, due: 2027-01-31}
        contact: {email: bids@example.org}

        """

    /// One mistake each, made by replacing the first `of` in ``base`` with `with`.
    static let mistakes: [(of: String, with: String)] = [
        ("  title:", "  titel:"),  // an unknown key
        ("fund: lipf-2026\n", ""),  // a required key missing
        ("fund: lipf-2026", "fund:"),  // a required key left empty
        ("jobs_created: 25", "jobs_created: many"),
        ("requested: 1_800_000", "requested: \"1800000\""),
        ("requested: 1_800_000", "requested: 1,800,000"),
        ("region: west-midlands", "region: nowhere"),
        ("start_date: 2026-04-01", "start_date: 2026-02-30"),
        ("start_date: 2026-04-01", "start_date: 01/04/2026"),
        ("year: 2026-27", "year: 2026-28"),
        ("reference: LIPF-WM-0042", "reference: x"),
        ("title: AI for bus delay prediction", "title: ''"),
        ("jobs_created: 25", "jobs_created: -1"),
        ("sectors: [artificial-intelligence, future-mobility]", "sectors: []"),
        ("sectors: [artificial-intelligence, future-mobility]", "sectors: cyber"),
        ("sectors: [artificial-intelligence, future-mobility]", "sectors: [~]"),
        ("  - {name: pilot, due: 2027-01-31}", "  - ~"),
        ("  - {name: pilot, due: 2027-01-31}", "  - pilot"),
        ("title: AI for bus delay prediction", "title: {a: 1}"),
        ("contact: {email: bids@example.org}", "contact: {email: bids@example.org, ? [a] : 1}"),
        ("fund: lipf-2026", "fund: coastal-heritage-2027"),
    ]

    /// Documents that are not simple (the validator alone checks them) or not plans at all.
    static let others = [
        "fund: !!str lipf-2026\n",
        "a: &x 1\nb: *x\n",
        "name: build\non: push\n",
        "hello\n",
        "{}\n",
        "- 1\n",
    ]

    /// The plans in `Examples/`, each read whole.
    static var examplePlans: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(at: examples, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
            .compactMap { try? String(contentsOf: $0, encoding: .utf8) }
    }

    /// ``base`` broken by each of ``mistakes``.
    static var brokenPlans: [String] {
        mistakes.map { base.replacingOccurrences(of: $0.of, with: $0.with, options: [], range: base.range(of: $0.of)) }
    }

    static var plans: [String] { [base] + brokenPlans + examplePlans + others }

    @Test func theBasePassesAndEachMistakeIsOneTheQuickCheckStopsAt() throws {
        // Each mistake changes the base (one that did not would repeat it), and the examples
        // were found: the test below is not run on nothing.
        #expect(Set([Self.base] + Self.brokenPlans).count == 1 + Self.mistakes.count)
        #expect(Self.examplePlans.count >= 10)
        let pack = TestPacks.lipf
        for (position, text) in ([Self.base] + Self.brokenPlans).enumerated() {
            let document = try #require(YAMLParser.parse(Array(text.utf8)).documents.first)
            #expect(document.isSimple)
            let passed = QuickSchemaCheck(fields: FieldTables(for: document)).passes(document, root: pack.schema)
            #expect(passed == (position == 0), "\(position == 0 ? "the base" : "\(Self.mistakes[position - 1])")")
        }
    }

    @Test(arguments: plans)
    func passesExactlyThePlansTheValidatorHasNothingToSayAbout(_ text: String) {
        let pack = TestPacks.lipf
        // A file of comments only (one of the examples) holds no document to check.
        guard let document = YAMLParser.parse(Array(text.utf8)).documents.first else { return }
        let validated = FieldTables(for: document)
        let sink = DiagnosticSink(limit: 10_000)
        var validator = PlanValidator(origins: OriginTable(document: document), fields: validated, file: "plan.yaml", source: Array(text.utf8), index: 0,
                                      packID: pack.id, sink: sink)
        let validatorPassed = validator.check(root: pack.schema)
        let silent = validatorPassed && sink.diagnostics.isEmpty
        // The checker asks the quick check only about simple documents.
        guard document.isSimple else { return }
        let checked = FieldTables(for: document)
        let passed = QuickSchemaCheck(fields: checked).passes(document, root: pack.schema)
        #expect(passed == silent, "\(sink.diagnostics.map(\.message))")
        if passed {
            #expect(Self.sameTables(checked, validated))
        }
    }

    @Test func aPlanThatFailsIsReportedAsBeforeAndItsRulesReadItAsBefore() {
        // Through the whole checker: the quick check stopped partway, the validator starts
        // from emptied tables, and rules read what it typed.
        let checker = PlanChecker(pack: TestPacks.lipf)
        let text = Self.base.replacingOccurrences(of: "jobs_created: 25", with: "jobs_created: many")
            .replacingOccurrences(of: "total: 3_700_000", with: "total: 3_600_000")
        let report = checker.check(Array(text.utf8), path: "plan.yaml")
        #expect(report.diagnostics.map(\.rule) == ["budget/total-matches-items", "budget/total-matches-sources", "schema/type"])
        #expect(report.diagnostics.map(\.range.start.line) == [17, 17, 22])
    }

    private static func sameTables(_ a: FieldTables, _ b: FieldTables) -> Bool {
        guard a.tables.count == b.tables.count, a.slotCount == b.slotCount else { return false }
        for slot in 0..<a.slotCount where a.entry(at: slot) != b.entry(at: slot) || a.typed(at: slot) != b.typed(at: slot) {
            return false
        }
        return !(0..<a.tables.count).contains { a.tables[$0].start != b.tables[$0].start || a.tables[$0].schema != b.tables[$0].schema }
    }
}
