import Foundation
import Testing
import YAMLTree
@testable import FundLint

/// A rule's quick form may only ever say "does not fire" where the general evaluator agrees:
/// every plan here is checked with quick rules and without, and the diagnostics must be the
/// same. The plans pass their schema (only then do quick rules run) and each makes one rule
/// fire, or reads a value a word cannot hold, or takes a path of the quick form that the
/// base plan does not.
@Suite struct QuickRuleTests {
    static let base = QuickSchemaCheckTests.base

    /// One change each, made by replacing the first `of` in ``base`` with `with`.
    static let changes: [(of: String, with: String)] = [
        ("region: west-midlands", "region: east-midlands"),  // region-funded, regional-strength's `when`
        ("region: west-midlands", "region: 'west-midlands'"),  // quoted text reads the same
        ("  region: west-midlands\n", "  region: west-midlands\n  route: competition\n"),  // competition-excluded
        ("  region: west-midlands\n", "  region: east-midlands\n  route: competition\n"),  // the competed strand's cap
        ("  region: west-midlands\n", "  region: west-midlands\n  route: allocation\n"),  // the default, written
        ("  - {name: University of Birmingham, type: university}\n", ""),  // partnership-composition
        ("type: combined-authority", "type: business"),  // lead-type, and composition without civic
        ("location: west-midlands", "location: greater-manchester"),  // lead-in-region
        (", location: west-midlands", ""),  // no location: lead-in-region's `when` is false
        ("sectors: [artificial-intelligence, future-mobility]", "sectors: [space]"),  // regional-strength
        ("sectors: [artificial-intelligence, future-mobility]", "sectors: [net-zero, space]"),
        ("start_date: 2026-04-01", "start_date: 2026-03-31"),  // start-in-window
        ("end_date: 2029-03-31", "end_date: 2026-04-01"),  // end-after-start, milestone-in-project
        ("end_date: 2029-03-31", "end_date: 2031-04-01"),  // end-in-window
        ("due: 2027-01-31", "due: 2030-01-31"),  // milestone-in-project
        ("  - {name: pilot, due: 2027-01-31}\n", "  - {name: pilot, due: 2027-01-31}\n  - {name: scale, due: 2029-04-01}\n"),
        ("amount: 3_700_000}", "amount: 3_600_000}"),  // total-matches-items
        ("match_funding: 1_900_000", "match_funding: 1_800_000"),  // total-matches-sources
        ("requested: 1_800_000", "requested: 60_000_000"),  // requested-within-allocation, and more
        ("match_funding: 1_900_000", "match_funding: 1_700_000"),  // co-investment
        ("year: 2026-27", "year: 2031-32"),  // profile-years
        ("year: 2026-27, amount: 1_800_000", "year: 2026-27, amount: 1_700_000"),  // profile-matches-request
        ("    - {year: 2026-27, amount: 1_800_000}\n", "    - {year: 2026-27, amount: 900_000}\n    - {year: 2027-28, amount: 900_000}\n"),
        ("  profile:\n    - {year: 2026-27, amount: 1_800_000}\n", ""),  // no profile: `has` is false
        ("outcomes: {jobs_created: 25, private_investment: 4_000_000}", "outcomes: {jobs_created: 25}"),  // outcomes/declared
        // Past 64 bits: the quick form cannot add these, and leaves the verdict to the evaluator.
        ("requested: 1_800_000", "requested: 9_223_372_036_854_775_000"),
        ("amount: 3_700_000}", "amount: 9_223_372_036_854_775_000}\n    - {category: travel, description: trains, amount: 9_000}"),
        // Past the 62 bits a field table's slot keeps: kept untyped, typed again when read.
        ("requested: 1_800_000", "requested: 3_000_000_000_000_000_000"),
        ("amount: 3_700_000}", "amount: 3_000_000_000_000_000_000}\n    - {category: travel, description: trains, amount: 9_000}"),
        // Text beyond ASCII is compared as strings are.
        ("title: AI for bus delay prediction", "title: Prédiction des retards"),
        ("name: West Midlands Combined Authority", "name: Autorité combinée des Midlands"),
    ]

    static var changedPlans: [String] {
        changes.map { base.replacingOccurrences(of: $0.of, with: $0.with, options: [], range: base.range(of: $0.of)) }
    }

    /// Every plan: the base, each change, the examples, and all of them as one stream (the
    /// frame serving one plan after another).
    static var plans: [String] {
        let single = [base] + changedPlans + QuickSchemaCheckTests.examplePlans
        return single + [single.joined(separator: "\n---\n")]
    }

    /// A checker with quick rules on or off, past its first plan (quick rules are compiled
    /// for the second).
    private static func checker(quick: Bool) -> PlanChecker {
        var options = CheckOptions()
        options.quickRules = quick
        let checker = PlanChecker(pack: TestPacks.lipf, options: options)
        _ = checker.check(Array(base.utf8), path: "first.yaml")
        return checker
    }

    @Test func everyChangeChangesTheBaseAndPassesTheSchema() throws {
        #expect(Set([Self.base] + Self.changedPlans).count == 1 + Self.changes.count)
        let pack = TestPacks.lipf
        for (change, text) in zip(Self.changes, Self.changedPlans) {
            let document = try #require(YAMLParser.parse(Array(text.utf8)).documents.first)
            let passed = QuickSchemaCheck(fields: FieldTables(for: document)).passes(document, root: pack.schema)
            #expect(passed, "\(change)")
        }
    }

    @Test func everyPlanRuleOfTheBuiltInPackHasAQuickForm() {
        let pack = TestPacks.lipf
        let program = QuickRuleProgram(pack: pack)
        let perPlan = pack.rules.filter(\.isPerPlan).map(\.info.id)
        let quick = zip(pack.rules, program.entries).compactMap { $1 == nil ? nil : $0.info.id }
        #expect(perPlan.count >= 15)
        #expect(quick == perPlan)
    }

    @Test func onTheBasePlanEveryQuickRuleDecidesThatItDoesNotFire() throws {
        let pack = TestPacks.lipf
        let text = Array(Self.base.utf8)
        let document = try #require(YAMLParser.parse(text).documents.first)
        let fields = FieldTables(for: document)
        #expect(QuickSchemaCheck(fields: fields).passes(document, root: pack.schema))
        let program = QuickRuleProgram(pack: pack)
        let frame = QuickRuleFrame(program: program, fields: fields)
        frame.begin()
        for (index, rule) in pack.rules.enumerated() where rule.isPerPlan {
            #expect(program.cannotFire(index, on: document, frame: frame), "\(rule.info.id)")
        }
        // And the general way agrees: the base plan breaks no rule.
        #expect(PlanChecker(pack: pack).check(text, path: "plan.yaml").diagnostics.map(\.rule) == [])
    }

    @Test func aChangeThatBreaksARuleIsOneItsQuickFormLeavesToTheEvaluator() throws {
        let pack = TestPacks.lipf
        let program = QuickRuleProgram(pack: pack)
        let general = Self.checker(quick: false)
        for (change, text) in zip(Self.changes, Self.changedPlans) {
            let bytes = Array(text.utf8)
            let document = try #require(YAMLParser.parse(bytes).documents.first)
            let fields = FieldTables(for: document)
            #expect(QuickSchemaCheck(fields: fields).passes(document, root: pack.schema))
            let frame = QuickRuleFrame(program: program, fields: fields)
            frame.begin()
            let fired = Set(general.check(bytes, path: "plan.yaml").diagnostics.map(\.rule))
            for (index, rule) in pack.rules.enumerated() where rule.isPerPlan && fired.contains(rule.info.id) {
                #expect(!program.cannotFire(index, on: document, frame: frame), "\(rule.info.id) after \(change)")
            }
        }
    }

    /// Plans that pass every rule and ask for £45m each, under references of their own:
    /// twelve of them are more than the fund and than any place has.
    static var largePlans: [String] {
        (10..<22).map { number in
            [("reference: LIPF-WM-0042", "reference: LIPF-WM-00\(number)"), ("requested: 1_800_000", "requested: 45_000_000"),
             ("match_funding: 1_900_000", "match_funding: 45_000_000"), ("total: 3_700_000", "total: 90_000_000"),
             ("amount: 3_700_000}", "amount: 90_000_000}"), ("amount: 1_800_000}", "amount: 45_000_000}")]
                .reduce(base) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        }
    }

    @Test func quickRulesChangeNoPortfolioDiagnostic() {
        // Every plan as a file of one run: the same references, places and totals recur, so
        // each portfolio rule fires, from facts read with quick rules and without.
        var runs: [[Diagnostic]] = []
        for quick in [true, false] {
            let checker = Self.checker(quick: quick)
            let plans = Self.plans + Self.largePlans
            var portfolio = PortfolioChecker(pack: TestPacks.lipf, expectedPlans: plans.count) { "plan-\($0).yaml" }
            var diagnostics: [Diagnostic] = []
            for (file, text) in plans.enumerated() {
                var report = checker.check(Array(text.utf8), path: "plan-\(file).yaml")
                portfolio.process(&report, file: file)
                diagnostics += report.diagnostics
            }
            runs.append(diagnostics)
        }
        let portfolioRules = Set(TestPacks.lipf.portfolioRules.map(\.info.id))
        #expect(Set(runs[0].map(\.rule)).isSuperset(of: portfolioRules))
        #expect(runs[0] == runs[1])
    }

    @Test func theQuickFormIsCompiledForASecondPlanOrALargeFirstOne() {
        let usual = QuickRuleCache()
        #expect(usual.program(for: TestPacks.lipf, large: false) == nil)
        #expect(usual.program(for: TestPacks.lipf, large: false) != nil)
        #expect(QuickRuleCache().program(for: TestPacks.lipf, large: true) != nil)
    }

    @Test func aLargeFirstPlanGetsTheSameDiagnosticsWithQuickRules() throws {
        // Enough milestones for the plan to count as large, two of them outside the project.
        var milestones = (0..<14_000).map { "  - {name: step \($0), due: 2027-01-31}" }
        milestones[7] = "  - {name: early, due: 2026-01-31}"
        milestones[13_999] = "  - {name: late, due: 2030-01-31}"
        let text = Self.base.replacingOccurrences(of: "  - {name: pilot, due: 2027-01-31}", with: milestones.joined(separator: "\n"))
        let bytes = Array(text.utf8)
        let document = try #require(YAMLParser.parse(bytes).documents.first)
        #expect(document.nodeCount >= QuickRuleCache.largePlanNodes)
        var off = CheckOptions()
        off.quickRules = false
        let quick = PlanChecker(pack: TestPacks.lipf).check(bytes, path: "plan.yaml")
        let general = PlanChecker(pack: TestPacks.lipf, options: off).check(bytes, path: "plan.yaml")
        #expect(quick.diagnostics.map(\.rule) == ["dates/milestone-in-project", "dates/milestone-in-project"])
        #expect(quick.diagnostics == general.diagnostics)
    }

    @Test(arguments: plans)
    func quickRulesChangeNoDiagnostic(_ text: String) {
        let bytes = Array(text.utf8)
        let quick = Self.checker(quick: true).check(bytes, path: "plan.yaml")
        let general = Self.checker(quick: false).check(bytes, path: "plan.yaml")
        #expect(quick.diagnostics == general.diagnostics)
        #expect(quick.facts.map(\.errors) == general.facts.map(\.errors))
    }
}

/// The quick forms the built-in pack's rules do not use, in a made-up pack
/// (`Fixtures/quick-forms.yaml`): every rule of it has a quick form, and plans that make
/// each rule fire, or not, get the same diagnostics with quick rules and without.
@Suite struct QuickRuleFormTests {
    static let pack: RulePack? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/quick-forms.yaml")
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? RulePack.load([UInt8](data), path: "quick-forms.yaml").get()
    }()

    /// The pack's example plan, as written there.
    static let base = """
        scheme: quick-forms
        site: whitby
        applicant: {name: Whitby Harbour Trust, volunteers: 12}
        works:
          - {kind: repair, pounds: 40000, starts: 2027-05-01}
          - {kind: survey, pounds: 5000, starts: 2027-06-01}
        asked: 45000
        notes: [repair the east pier, survey the slipway]
        crew:
          - {name: Ann, trained: true}

        """

    static let changes: [(of: String, with: String)] = [
        ("asked: 45000", "asked: 60000"),
        ("asked: 45000", "asked: 45004"),
        ("asked: 45000", "asked: 9_223_372_036_854_775_000"),
        ("pounds: 40000", "pounds: -9_223_372_036_854_775_000"),
        ("pounds: 40000, starts: 2027-05-01}\n  - {kind: survey, pounds: 5000",
         "pounds: 5_000_000_000_000_000_000, starts: 2027-05-01}\n  - {kind: survey, pounds: 5_000_000_000_000_000_000"),
        ("name: Whitby Harbour Trust", "name: \"Cafe\\u0301\""),  // the pack's "Café", decomposed
        ("name: Whitby Harbour Trust", "name: Café"),
        ("name: Whitby Harbour Trust", "name: Zürich Boats"),
        ("name: Whitby Harbour Trust", "name: Ärzte am Meer"),
        ("name: Whitby Harbour Trust", "name: Zürichsee"),
        ("name: Whitby Harbour Trust", "name: \"A\\u0308rzte\""),  // "Ärzte", decomposed
        ("kind: survey", "kind: dredge"),
        ("name: Whitby Harbour Trust", "name: Ab"),
        ("name: Whitby Harbour Trust", "name: Whitby"),
        ("name: Whitby Harbour Trust", "name: listed"),
        ("name: Whitby Harbour Trust", "name: whitby"),
        ("site: whitby", "site: amble"),
        ("site: whitby", "site: café"),
        ("kind: repair", "kind: party"),
        ("kind: survey", "kind: party"),
        ("starts: 2027-05-01", "starts: 2027-04-01"),
        ("starts: 2027-06-01", "starts: 2028-03-31"),
        ("notes: [repair the east pier, survey the slipway]", "notes: [todo]"),
        ("notes: [repair the east pier, survey the slipway]", "notes: ['', tbd]"),
        ("notes: [repair the east pier, survey the slipway]", "notes: [~]"),
        ("notes: [repair the east pier, survey the slipway]", "notes: []"),
        ("notes: [repair the east pier, survey the slipway]\n", ""),
        ("{name: Ann, trained: true}", "{name: Ann, trained: false}"),
        ("{name: Ann, trained: true}", "{name: Ann}"),
        ("asked: 45000", "asked: 45000\npriority: 9"),
        ("asked: 45000", "asked: 45000\nurgent: true"),
        ("asked: 45000", "asked: 45000\npriority: 1\nurgent: false"),
        ("  - {kind: survey, pounds: 5000, starts: 2027-06-01}", "  - {kind: survey, pounds: 60000, starts: 2027-06-01}"),
    ]

    /// The example plan, each change, and all of them as one stream.
    static var plans: [String] {
        let single = [base] + changes.map { base.replacingOccurrences(of: $0.of, with: $0.with, options: [], range: base.range(of: $0.of)) }
        return single + [single.joined(separator: "\n---\n")]
    }

    @Test func theFixtureLoadsAndEveryRuleHasAQuickForm() throws {
        let pack = try #require(Self.pack)
        let program = QuickRuleProgram(pack: pack)
        #expect(pack.rules.count == 12)
        #expect(zip(pack.rules, program.entries).filter { $1 == nil }.map(\.0.info.id) == [])
    }

    @Test func everyChangeChangesThePlanAndMostPassTheSchema() throws {
        let pack = try #require(Self.pack)
        #expect(Set(Self.plans).count == Self.plans.count)
        var passed = 0
        for text in Self.plans.dropLast() {
            let document = try #require(YAMLParser.parse(Array(text.utf8)).documents.first)
            if QuickSchemaCheck(fields: FieldTables(for: document)).passes(document, root: pack.schema) {
                passed += 1
            }
        }
        // A null note fails the schema; the others are plans quick rules run on.
        #expect(passed >= Self.plans.count - 3)
    }

    @Test(arguments: plans)
    func quickRulesChangeNoDiagnostic(_ text: String) throws {
        let pack = try #require(Self.pack)
        var reports: [FileReport] = []
        for quick in [true, false] {
            var options = CheckOptions()
            options.quickRules = quick
            let checker = PlanChecker(pack: pack, options: options)
            _ = checker.check(Array(Self.base.utf8), path: "first.yaml")
            reports.append(checker.check(Array(text.utf8), path: "plan.yaml"))
        }
        #expect(reports[0].diagnostics == reports[1].diagnostics)
    }

    @Test func theChangesMakeEveryRuleFireSomewhere() throws {
        let pack = try #require(Self.pack)
        let checker = PlanChecker(pack: pack)
        let fired = Set(Self.plans.flatMap { checker.check(Array($0.utf8), path: "plan.yaml").diagnostics.map(\.rule) })
        #expect(Set(pack.rules.map(\.info.id)).subtracting(fired) == [])
        #expect(checker.check(Array(Self.base.utf8), path: "plan.yaml").diagnostics.map(\.rule) == [])
    }
}
