import Foundation
import Testing
import RulePacks
@testable import FundLint

private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Rule packs: the built-in ones verify their examples, a made-up fund's pack works end
/// to end, and broken packs are reported at the right places.
@Suite struct PackTests {
    static let lipfRules = BuiltinPacks.coreRules.map(\.id) + (BuiltinPacks.pack("lipf-2026", complete: false)?.ruleInfos.map(\.id) ?? [])

    @Test(arguments: lipfRules)
    func everyRuleExampleBehaves(_ id: String) throws {
        let pack = TestPacks.lipf
        let info = try #require((BuiltinPacks.coreRules + pack.ruleInfos).first { $0.id == id })
        let verifier = PackVerifier(pack: pack)
        let own = info.builtin ? verifier.verify(builtins: [info]) : verifier.verify(builtins: [])
        #expect(own.failures.filter { $0.rule == id }.map(\.message) == [])
        #expect(!info.bad.isEmpty || id == "pack/invalid" || id == "config/invalid", "every rule about plans shows a failing example")
    }

    @Test func everyLIPFRuleOfTheSpecIsInThePack() {
        let ids = Set(Self.lipfRules)
        for id in ["eligibility/region-funded", "eligibility/competition-excluded", "eligibility/partnership-composition",
                   "eligibility/lead-type", "eligibility/lead-in-region", "sector/regional-strength", "dates/start-in-window",
                   "dates/end-after-start", "dates/end-in-window", "dates/milestone-in-project", "budget/total-matches-items",
                   "budget/total-matches-sources", "budget/requested-within-allocation", "budget/co-investment",
                   "budget/profile-years", "budget/profile-matches-request", "outcomes/declared",
                   "yaml/syntax", "yaml/duplicate-key", "yaml/tag", "yaml/limits", "plan/empty", "schema/required",
                   "schema/type", "schema/enum", "schema/unknown-key", "schema/format", "schema/range", "pack/invalid"] {
            #expect(ids.contains(id), "\(id) is missing")
        }
        let unsuppressible = Set((BuiltinPacks.pack("lipf-2026", complete: false)?.ruleInfos ?? []).filter { !$0.suppressible }.map(\.id))
        #expect(unsuppressible == ["eligibility/region-funded", "eligibility/competition-excluded", "eligibility/partnership-composition",
                                   "dates/start-in-window", "dates/end-in-window", "budget/requested-within-allocation"])
    }

    @Test func theEmbeddedPacksAreTheFilesInRules() throws {
        for file in RulePacks.funds + [RulePacks.core] {
            let onDisk = try Data(contentsOf: packageRoot.appendingPathComponent("Rules/" + file.name))
            #expect([UInt8](onDisk) == file.bytes, "Rules/\(file.name) differs from the copy built into the binary")
        }
    }

    @Test func aMadeUpFundWorksEndToEnd() throws {
        let bytes = [UInt8](try Data(contentsOf: fixtures.appendingPathComponent("coastal-heritage-2027.yaml")))
        let pack = try RulePack.load(bytes, path: "coastal-heritage-2027.yaml").get()
        #expect(PackVerifier(pack: pack).verify().failures.map(\.description) == [])
        let plan = """
        scheme: chg-2027
        site: amble
        applicant: {name: Amble Boat Club}
        works:
          - {kind: repair, pounds: 25000, starts: 2027-03-01}
          - {kind: party, pounds: 9000, starts: 2027-05-01}
        asked: 34000
        crew: [{name: Bo, trained: false}]
        """
        let report = PlanChecker(pack: pack).check(Array(plan.utf8), path: "amble.yaml")
        #expect(report.diagnostics.map { "\($0.range.start) \($0.rule) \($0.message)" } == [
            "5:43 works/not-too-early work starts on 2027-03-01, before 2027-04-01",
            "6:12 works/eligible-kind 'party' work is not eligible",
            "7:8 money/under-ceiling works cost £34,000, over Amble's ceiling of £30,000",
            "8:7 people/trained-crew no trained crew member, or fewer than 5 volunteers for a listed harbour",
        ])
    }

    @Test func aBrokenPackIsReportedAtEachMistake() throws {
        let bytes = [UInt8](try Data(contentsOf: fixtures.appendingPathComponent("broken-pack.yaml")))
        guard case .failure(let errors) = RulePack.load(bytes, path: "broken-pack.yaml") else {
            Issue.record("the broken pack loaded")
            return
        }
        #expect(errors.diagnostics.allSatisfy { $0.rule == "pack/invalid" && $0.file == "broken-pack.yaml" })
        #expect(errors.diagnostics.map { "\($0.range.start) \($0.message)" } == [
            "13:35 'placez' is not a keyed table; did you mean 'places'?",
            "22:19 '>' compares two integers, strings, dates or booleans, not integer and string",
            "30:27 a row of places has no field 'sise'; did you mean 'size'?",
            "31:15 '{' opens an expression that is never closed with '}'",
            "32:9 rule id 'Bad_Id' must be category/kebab-name (lower-case letters, digits and hyphens)",
        ])
    }

    @Test func forEachIsANameInAList() throws {
        let header = """
            pack: {id: loops}
            schema:
              plan:
                type: object
                properties:
                  items: {type: list, items: {type: integer}}
            rules:

            """
        let good = """
              - {id: loops/good, severity: error, summary: s, rationale: r, source: s,
                 for_each: '  café in items ', at: café, assert: café > 0, message: "{café} is not positive"}

            """
        let broken = """
              - {id: loops/unknown, severity: error, summary: s, rationale: r, source: s,
                 for_each: 'é in itemz', at: items, assert: 'true', message: m}
              - {id: loops/no-in, severity: error, summary: s, rationale: r, source: s,
                 for_each: items, at: items, assert: 'true', message: m}
              - {id: loops/not-a-list, severity: error, summary: s, rationale: r, source: s,
                 for_each: 'x in 3', at: items, assert: 'true', message: m}
              - {id: loops/not-a-name, severity: error, summary: s, rationale: r, source: s,
                 for_each: 'a b in items', at: items, assert: 'true', message: m}
            """
        let pack = try RulePack.load(Array((header + good).utf8), path: "loops.yaml").get()
        let report = PlanChecker(pack: pack).check(Array("items: [1, -2]\n".utf8), path: "plan.yaml")
        #expect(report.diagnostics.map { "\($0.range.start) \($0.rule) \($0.message)" } == ["1:12 loops/good -2 is not positive"])

        guard case .failure(let errors) = RulePack.load(Array((header + broken).utf8), path: "loops.yaml") else {
            Issue.record("a pack with broken for_each loaded")
            return
        }
        // The unknown name is pointed at past a two-byte 'é': columns count scalars.
        #expect(errors.diagnostics.map { "\($0.range.start) \($0.message)" } == [
            "9:22 unknown name 'itemz'; did you mean 'items'?",
            "11:16 for_each must be 'NAME in LIST', like 'milestone in milestones'",
            "13:16 for_each must be 'NAME in LIST', and this is not a list but integer",
            "15:16 for_each must be 'NAME in LIST', and 'a b' is not a name",
        ])
    }

    @Test func aMistakeInADefinitionIsReportedOnceAndUnderlinedWhole() throws {
        let pack = """
            pack: {id: once}
            schema:
              plan:
                type: object
                properties:
                  items: {type: list, items: {type: integer}}
                  total: {type: integer}
            rules:
              - id: once/let
                severity: error
                summary: s
                rationale: r
                source: s
                let: {spent: 'summ(items)'}
                at: total
                assert: spent == total
                message: "items add up to {spent}"
              - id: once/loop
                severity: error
                summary: s
                rationale: r
                source: s
                for_each: item in itemz
                at: item
                assert: item > 0
                message: "{item} is not positive"
              - id: once/fix
                severity: error
                summary: s
                rationale: r
                source: s
                at: total
                assert: total > 0
                message: m
                fix: {at: totl, replacement: '1', message: 'write {total + 1}'}
            """
        guard case .failure(let errors) = RulePack.load(Array(pack.utf8), path: "once.yaml") else {
            Issue.record("a pack with broken definitions loaded")
            return
        }
        // Each mistake once, where it is, with the whole name underlined; the uses of the
        // names it leaves undefined, and the fix it leaves incomplete, say nothing more.
        #expect(errors.diagnostics.map { "\($0.range.start)-\($0.range.end) \($0.message)" } == [
            "14:19-14:23 unknown function 'summ'; did you mean 'sum'?",
            "23:23-23:28 unknown name 'itemz'; did you mean 'items'?",
            "35:15-35:19 unknown name 'totl'; did you mean 'total'?",
        ])
    }

    @Test func aMistypedTypeIsReportedOnceAndReadAsTheTypeMeant() throws {
        let pack = """
            pack: {id: types}
            schema:
              types:
                money: {type: integr, minimum: 0}
              plan:
                type: object
                required: [asked, total]
                properties:
                  asked: {type: mony}
                  total: {type: integr}
                  kept: {type: whatever}
            rules:
              - {id: money/within, severity: error, summary: s, rationale: r, source: s,
                 at: asked, assert: asked <= total, message: "{asked} is over {total}"}
            """
        guard case .failure(let errors) = RulePack.load(Array(pack.utf8), path: "types.yaml") else {
            Issue.record("a pack with mistyped types loaded")
            return
        }
        // Each typo once, with the type meant; nothing that uses the types is reported too
        // (a type with no close name is dropped, as before).
        #expect(errors.diagnostics.map { "\($0.range.start)-\($0.range.end) \($0.message)" } == [
            "4:19-4:25 a named type must be one of object, list, string, integer, date, boolean, financial_year, not 'integr'; did you mean 'integer'?",
            "9:21-9:25 unknown type 'mony'; did you mean 'money'?",
            "10:21-10:27 unknown type 'integr'; did you mean 'integer'?",
            "11:20-11:28 unknown type 'whatever'",
        ])
    }

    @Test func aPatternCanBeNamedForMessages() throws {
        let pack = try RulePack.load(Array("""
            pack: {id: named}
            schema:
              plan:
                type: object
                properties:
                  code: {type: string, pattern: '^[A-Z]{3}$', pattern_name: three capital letters (like ABC)}
                  other: {type: string, pattern: '^[a-z]+$'}
            """.utf8), path: "named.yaml").get()
        let report = PlanChecker(pack: pack).check(Array("code: abcd\nother: X\n".utf8), path: "plan.yaml")
        #expect(report.diagnostics.map { "\($0.range.start) \($0.message)" } == [
            "1:7 code 'abcd' is not three capital letters (like ABC)",
            "2:8 other 'X' does not match the pattern ^[a-z]+$",
        ])
        guard case .failure(let errors) = RulePack.load(Array("""
            pack: {id: named}
            schema:
              plan:
                type: object
                properties:
                  code: {type: string, pattern_name: three capital letters}
                  count: {type: integer, pattern: '^1$', pattern_name: one}
            """.utf8), path: "named.yaml") else {
            Issue.record("a pattern name without a pattern loaded")
            return
        }
        #expect(errors.diagnostics.map { "\($0.range.start) \($0.message)" }.first == "6:28 'pattern_name' names what 'pattern' matches: give the pattern too")
        #expect(errors.diagnostics.count == 3)
    }

    @Test func aKeyMissingFromAListItemIsShownAtTheItem() throws {
        let pack = """
            pack: {id: parts}
            schema:
              plan:
                type: object
                properties:
                  parts:
                    type: list
                    items:
                      type: object
                      required: [name]
                      properties:
                        name: {type: string}
                        weight: {type: integer}
            rules:
              - {id: parts/weighed, severity: error, summary: s, rationale: r, source: s,
                 for_each: p in parts, at: p.weight, assert: has(p.weight), message: "part {size(p.name)} has no weight"}
            """
        let plan = """
            shared: &s {name: bolt, weight: 2}
            parts:
              - {weight: 3}
              - name: nut
              - *s
              - name: washer
                weight: 1
            """
        let loaded = try RulePack.load(Array(pack.utf8), path: "parts.yaml").get()
        let report = PlanChecker(pack: loaded).check(Array(plan.utf8), path: "plan.yaml")
        // The required key and the rule's missing field both point at the item, not at the
        // start of the file; the plan's own missing keys still do.
        #expect(report.diagnostics.map { "\($0.range.start)-\($0.range.end) \($0.rule) \($0.message)" } == [
            "1:1-1:7 schema/unknown-key a plan has no key 'shared'; allowed: parts",
            "3:5-3:16 schema/required parts[0] is missing the required key 'name'",
            "4:5-4:14 parts/weighed part 3 has no weight",
        ])
    }

    @Test func noFundKnowledgeLivesInTheEngine() throws {
        let pack = TestPacks.lipf
        var needles: [String] = pack.ruleInfos.map(\.id)
        for name in ["places", "sectors", "party_types"] {
            if case .table(let table)? = pack.tables[name]?.kind { needles += table.order }
        }
        needles += ["50000000", "50_000_000", "30000000", "20000000", "500000000", "2026-04-01", "2031-03-31", "2026-27", "2030-31", "lipf-2026"]
        let sources = packageRoot.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        #expect(files.count > 10)
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            // Ids that are also plain English words (space, defence) would match prose.
            for needle in needles where needle.contains(where: { $0 == "-" || $0 == "/" || $0.isNumber }) {
                #expect(!text.contains(needle), "\(file) mentions \(needle)")
            }
        }
    }

    @Test func ruleIDsAreTwoKebabParts() {
        for id in ["budget/total", "a/b", "dates/end-in-window", "x1/y-2-z"] { #expect(RuleCompiler.isRuleID(id), "\(id)") }
        for id in ["", "/", "a/", "/b", "a/b/c", "budget", "Budget/total", "a/-b", "a-/b", "a/b-", "a--b/c", "a/b_c", "a/é", "a//b"] {
            #expect(!RuleCompiler.isRuleID(id), "\(id)")
        }
    }
}

