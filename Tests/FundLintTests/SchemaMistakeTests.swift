import Foundation
import Testing
import TestSupport
import YAMLTree
@testable import FundLint

/// Mistakes in a plan's shape, what they get and the fix that mends them: a required key
/// misspelt, a list written as one value.
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

    @Test func aMisspeltRequiredKeyIsAnUnknownKeyAndLeavesTheKeyMissing() throws {
        // Two checks that each fail, as the plan format's contract says: the key written is
        // unknown (with the did-you-mean fix), and the key the schema requires is missing.
        let (marked, diagnostics) = try check(replacing: "  start_date:", with: "  1️⃣start-date:")
        #expect(diagnostics.map(\.rule).sorted() == ["schema/required", "schema/unknown-key"])
        let unknown = try #require(diagnostics.first { $0.rule == "schema/unknown-key" })
        #expect(unknown.range.start == marked[1])
        #expect(unknown.fix?.replacement == "start_date")
        #expect(diagnostics.first { $0.rule == "schema/required" }?.message == "project is missing the required key 'start_date'")
    }

    @Test func oneValueWhereAMappingIsWantedNamesTheKeysItIsWrittenWith() throws {
        let (marked, lead) = try check(replacing: "lead: {name: West Midlands Combined Authority, type: combined-authority, location: west-midlands}",
                                       with: "lead: 1️⃣West Midlands Combined Authority")
        #expect(lead.map(\.rule) == ["schema/type"])
        #expect(lead.first?.range.start == marked[1])
        // Its required keys, and `...` for the others.
        #expect(lead.first?.message == "lead must be a mapping of keys (name, type, ...), not West Midlands Combined Authority")
        // No key required: the first ones.
        let (_, contact) = try check(replacing: "contact: {email: bids@example.org}", with: "contact: bids@example.org")
        #expect(contact.first?.message == "contact must be a mapping of keys (email), not bids@example.org")
    }

    @Test func aNumberWithAFractionIsToldOnlyThatItMustBeWhole() throws {
        let (_, fraction) = try check(replacing: "jobs_created: 25", with: "jobs_created: 25.5")
        #expect(fraction.map(\.message) == ["outcomes.jobs_created must be a whole number, not 25.5"])
        #expect(fraction.first?.fix == nil)
        // Written other ways, it gets told how to write it in digits.
        let (_, words) = try check(replacing: "jobs_created: 25", with: "jobs_created: about 25")
        #expect(words.map(\.message) == ["outcomes.jobs_created must be a whole number written in digits (like 25 or 1_800_000), not about 25"])
        // Where a fix shows the number written as it should be, the message leaves out the example.
        let (_, pounds) = try check(replacing: "jobs_created: 25", with: "jobs_created: ten")
        #expect(pounds.map(\.message) == ["outcomes.jobs_created must be a whole number written in digits, not ten"])
        #expect(pounds.first?.fix?.replacement == "10")
        // A number followed by what it counts: the number is offered, never applied unasked.
        let (_, counted) = try check(replacing: "jobs_created: 25", with: "jobs_created: 25 jobs")
        #expect(counted.map(\.message) == ["outcomes.jobs_created must be a whole number written in digits, not 25 jobs"])
        #expect(counted.first?.fix?.replacement == "25")
        #expect(counted.first?.fix?.safe == false)
        // An amount grouped with spaces, or in millions, before a word: the amount is offered.
        let (_, grouped) = try check(replacing: "requested: 1_800_000", with: "requested: 1 800 000 pounds")
        #expect(grouped.map(\.message) == ["budget.requested must be a whole number written in digits, not 1 800 000 pounds"])
        #expect(grouped.first?.fix?.replacement == "1_800_000")
        #expect(grouped.first?.fix?.safe == false)
        let (_, exponent) = try check(replacing: "jobs_created: 25", with: "jobs_created: 2.5e1")
        #expect(exponent.first?.message.contains("written in digits") == true)
    }

    @Test func anUnknownKeyWithNothingCloseToItNamesTheKeysAllowed() throws {
        let (marked, unknown) = try check(replacing: "type: business}", with: "type: business, 1️⃣contact: bob@example.org}")
        #expect(unknown.map(\.message) == ["partners[0] has no key 'contact'; allowed: name, type, location, role"])
        #expect(unknown.first?.range.start == marked[1])
        #expect(unknown.first?.fix == nil)
        // With a key close to it, the did-you-mean is offered instead of the list.
        let (_, close) = try check(replacing: "type: business}", with: "type: business, rol: pilots}")
        #expect(close.map(\.message) == ["partners[0] has no key 'rol'"])
        #expect(close.first?.fix?.replacement == "role")
    }

    @Test func aDateWithoutItsDaySaysTheDayIsMissingAndOffersNoGuess() throws {
        let (_, found) = try check(replacing: "start_date: 2026-04-01", with: "start_date: April 2026")
        #expect(found.map(\.message) == ["project.start_date must be a date written YYYY-MM-DD, not 'April 2026'; it needs its day too, as 2026-04-DD"])
        #expect(found.first?.fix == nil)
        // With a day, the date is mended instead.
        let (_, dated) = try check(replacing: "start_date: 2026-04-01", with: "start_date: 1 April 2026")
        #expect(dated.map(\.message) == ["project.start_date must be a date written YYYY-MM-DD, not '1 April 2026'"])
        #expect(dated.first?.fix?.replacement == "2026-04-01")
    }

    @Test func aFlowMappingWhereAListIsWantedIsPutInBrackets() throws {
        let (_, one) = try check(replacing: "  - {year: 2026-27, amount: 1_800_000}", with: "  {year: 2026-27, amount: 1_800_000}")
        #expect(one.map(\.message) == ["budget.profile must be a list, not a mapping"])
        #expect(one.first?.fix?.replacement == "[{year: 2026-27, amount: 1_800_000}]")
        #expect(one.first?.fix?.safe == true)
        let (_, keyed) = try check(replacing: "  - {year: 2026-27, amount: 1_800_000}", with: "  {2026-27: 1_000_000, '2027-28': 800_000}")
        #expect(keyed.first?.fix?.replacement == "[{year: 2026-27, amount: 1_000_000}, {year: '2027-28', amount: 800_000}]")
        // A value that does not fit (a quoted amount) leaves the shape a guess: no fix.
        let (_, quoted) = try check(replacing: "  - {year: 2026-27, amount: 1_800_000}", with: "  {2026-27: \"1_800_000\"}")
        #expect(quoted.count == 1)
        #expect(quoted.first?.fix == nil)
        // A year written twice counts once as a key but twice as items: offered, not applied.
        let (_, twice) = try check(replacing: "  - {year: 2026-27, amount: 1_800_000}", with: "  {2026-27: 1_000_000, 2026-27: 800_000}")
        let fix = try #require(twice.first { $0.rule == "schema/type" }?.fix)
        #expect(fix.replacement == "[{year: 2026-27, amount: 1_000_000}, {year: 2026-27, amount: 800_000}]")
        #expect(fix.safe == false)
        #expect(fix.message == "write each as an item of the list: - {year: 2026-27, amount: 1_000_000} (a key written twice becomes two items)")
    }

    @Test func aListOfOneMappingWhereAMappingIsWantedLosesItsDash() throws {
        let lead = "lead: {name: West Midlands Combined Authority, type: combined-authority, location: west-midlands}"
        let (_, block) = try check(replacing: lead, with: """
            lead:
              - name: West Midlands Combined Authority   # the lead
                type: combined-authority
            # a comment at the margin
                location: west-midlands
            """)
        #expect(block.map(\.message) == ["lead must be a mapping of keys (name, type, ...), not a list"])
        let fix = try #require(block.first?.fix)
        #expect(fix.replacement == """
            name: West Midlands Combined Authority   # the lead
              type: combined-authority
            # a comment at the margin
              location: west-midlands
            """)
        #expect(fix.safe)
        #expect(fix.range.start.line == 10 && fix.range.start.column == 3 && fix.range.end.line == 13)
        let (_, flow) = try check(replacing: lead, with: "lead: [{name: West Midlands Combined Authority, type: combined-authority}]")
        #expect(flow.first?.fix?.replacement == "{name: West Midlands Combined Authority, type: combined-authority}")
        // Two items, or a key the mapping does not have: which mapping was meant is a guess.
        let (_, two) = try check(replacing: lead, with: "lead: [{name: A, type: business}, {name: B, type: business}]")
        #expect(two.count == 1 && two.first?.fix == nil)
        let (_, unknown) = try check(replacing: lead, with: "lead: [{name: A, kind: business}]")
        #expect(unknown.count == 1 && unknown.first?.fix == nil)
    }

    @Test func oneValueThatFitsAMappingsOneKeyIsWrittenAsThatMapping() throws {
        let (_, contact) = try check(replacing: "contact: {email: bids@example.org}", with: "contact: bids@example.org")
        #expect(contact.map(\.message) == ["contact must be a mapping of keys (email), not bids@example.org"])
        #expect(contact.first?.fix?.replacement == "{email: bids@example.org}")
        #expect(contact.first?.fix?.safe == true)
        let (_, notAnEmail) = try check(replacing: "contact: {email: bids@example.org}", with: "contact: the bids team")
        #expect(notAnEmail.count == 1 && notAnEmail.first?.fix == nil)
        // A mapping of several keys: which one the value is for is a guess.
        let (_, lead) = try check(replacing: "lead: {name: West Midlands Combined Authority, type: combined-authority, location: west-midlands}",
                                  with: "lead: West Midlands Combined Authority")
        #expect(lead.count == 1 && lead.first?.fix == nil)
    }

    @Test func aPlanWrittenUnderAKeyOfItsOwnIsOneDiagnosticWithTheWayOut() throws {
        let base = QuickSchemaCheckTests.base
        let indented = base.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
        let wrapped = Array(("# exported from the portal\napplication:\n" + indented).utf8)
        let report = PlanChecker(pack: TestPacks.lipf).check(wrapped, path: "plan.yaml")
        #expect(report.diagnostics.map(\.message) == [
            "the plan is written under 'application': its keys (fund, project, lead, ...) go at the top of the file, not under another key",
        ])
        let diagnostic = try #require(report.diagnostics.first)
        #expect(diagnostic.rule == "schema/required")
        #expect(diagnostic.range == SourceRange(start: SourceLocation(line: 2, column: 1), columns: 11))
        // It takes out a line: offered, and when applied the plan is as it should be.
        let fix = try #require(diagnostic.fix)
        #expect(!fix.safe)
        let mended = try #require(FixApplier.apply([fix], to: wrapped))
        #expect(String(decoding: mended.bytes, as: UTF8.self) == "# exported from the portal\n" + base)
        #expect(PlanChecker(pack: TestPacks.lipf).check(mended.bytes, path: "plan.yaml").diagnostics.isEmpty)
        // Beside another key, the plan is still named; taking one key out is not the whole way.
        let beside = PlanChecker(pack: TestPacks.lipf).check(Array(("version: 2\napplication:\n" + indented).utf8), path: "plan.yaml")
        #expect(beside.diagnostics.map(\.rule) == ["schema/required"])
        #expect(beside.diagnostics.first?.message.hasPrefix("the plan is written under 'application'") == true)
        #expect(beside.diagnostics.first?.fix == nil)
    }

    @Test func aMissingKeyWithOneAllowedValueIsWrittenIn() throws {
        // `fund` takes the pack's id and nothing else: the fix writes it above the first key.
        let (marked, diagnostics) = try check(replacing: "fund: lipf-2026\n", with: "1️⃣")
        #expect(diagnostics.map(\.message) == ["the plan is missing the required key 'fund'"])
        let fix = try #require(diagnostics.first?.fix)
        #expect(fix.range == SourceRange(at: marked[1]))
        #expect(fix.replacement == "fund: lipf-2026\n")
        #expect(fix.safe)
        let mended = try #require(FixApplier.apply([fix], to: marked.bytes))
        #expect(String(decoding: mended.bytes, as: UTF8.self) == QuickSchemaCheckTests.base)
        // Misspelt, the key gets its name back from the unknown key's fix; writing it in as
        // well would give the plan two.
        let (_, misspelt) = try check(replacing: "fund: lipf-2026", with: "fnud: lipf-2026")
        #expect(misspelt.map(\.rule).sorted() == ["schema/required", "schema/unknown-key"])
        #expect(misspelt.first { $0.rule == "schema/required" }?.fix == nil)
        // A required key with values to choose from gets no value made up.
        let (_, start) = try check(replacing: "  start_date: 2026-04-01\n", with: "")
        #expect(start.map(\.message) == ["project is missing the required key 'start_date'"])
        #expect(start.first?.fix == nil)
    }

    @Test func aKeyLeftEmptyThatCanTakeOneValueIsGivenIt() throws {
        // Nothing after the colon: the value goes after it, a comment after that kept.
        for (written, expected) in [("fund:", "fund: lipf-2026"), ("fund:   # to do", "fund: lipf-2026   # to do"),
                                    ("fund: ~", "fund: lipf-2026"), ("fund: null", "fund: lipf-2026")] {
            let (_, diagnostics) = try check(replacing: "fund: lipf-2026", with: written)
            #expect(diagnostics.map(\.message) == ["fund has no value, but it is required"], "\(written)")
            let fix = try #require(diagnostics.first?.fix, "\(written)")
            #expect(fix.safe)
            #expect(fix.message == "write it as lipf-2026")
            let plan = QuickSchemaCheckTests.base.replacingOccurrences(of: "fund: lipf-2026", with: written)
            let mended = try #require(FixApplier.apply([fix], to: Array(plan.utf8)))
            #expect(String(decoding: mended.bytes, as: UTF8.self) == QuickSchemaCheckTests.base.replacingOccurrences(of: "fund: lipf-2026", with: expected))
        }
        // Nested, with a space already after the colon; and in a flow mapping.
        let (_, currency) = try check(replacing: "currency: GBP", with: "currency: ")
        #expect(currency.first?.fix?.replacement == " GBP")
        let flow = PlanChecker(pack: TestPacks.lipf).check(Array("{fund: , project: {title: x}}".utf8), path: "plan.yaml")
        let fund = try #require(flow.diagnostics.first { $0.message == "fund has no value, but it is required" })
        #expect(fund.fix?.replacement == " lipf-2026")
        #expect(fund.fix?.range == SourceRange(at: SourceLocation(line: 1, column: 7)))
        // A key with values to choose from is left to its author.
        let (_, title) = try check(replacing: "  title: AI for bus delay prediction", with: "  title:")
        #expect(title.map(\.message) == ["project.title has no value, but it is required"])
        #expect(title.first?.fix == nil)
    }

    @Test func aMissingKeyIsWrittenInAtTheStartOfItsMapping() throws {
        // After a document marker and a comment, the key goes where the first key is.
        let base = QuickSchemaCheckTests.base.replacingOccurrences(of: "fund: lipf-2026\n", with: "")
        let bytes = Array(("---\n# the plan\n" + base).utf8)
        let report = PlanChecker(pack: TestPacks.lipf).check(bytes, path: "plan.yaml")
        #expect(report.diagnostics.map(\.message) == ["the plan is missing the required key 'fund'"])
        let fix = try #require(report.diagnostics.first?.fix)
        #expect(fix.range == SourceRange(at: SourceLocation(line: 3, column: 1)))
        let mended = try #require(FixApplier.apply([fix], to: bytes))
        #expect(String(decoding: mended.bytes, as: UTF8.self) == "---\n# the plan\n" + QuickSchemaCheckTests.base)
        #expect(PlanChecker(pack: TestPacks.lipf).check(mended.bytes, path: "plan.yaml").diagnostics.isEmpty)
        // In a file whose lines end in CR LF, so does the new one.
        let crlf = Array(base.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let crlfFix = try #require(PlanChecker(pack: TestPacks.lipf).check(crlf, path: "plan.yaml").diagnostics.first?.fix)
        #expect(crlfFix.replacement == "fund: lipf-2026\r\n")
        // A plan written as a flow mapping gets no line written into it.
        let flow = PlanChecker(pack: TestPacks.lipf).check(Array("{project: {title: x}}".utf8), path: "plan.yaml")
        let flowMissing = try #require(flow.diagnostics.first { $0.message == "the plan is missing the required key 'fund'" })
        #expect(flowMissing.fix == nil)
    }

    @Test func aMisspeltKeyBesideTheKeyItIsCloseToIsNotRenamedUnasked() throws {
        let (marked, diagnostics) = try check(replacing: "contact: {email: bids@example.org}",
                                              with: "contact: {email: bids@example.org, 1️⃣emial: info@example.org}")
        #expect(diagnostics.map(\.rule) == ["schema/unknown-key"])
        let fix = try #require(diagnostics.first?.fix)
        #expect(fix.range.start == marked[1])
        #expect(fix.replacement == "email")
        // Renaming it would write `email` twice.
        #expect(fix.safe == false)
        #expect(fix.message == "did you mean 'email'? (this mapping has that key already)")
    }

    @Test func twoKeysCloseToOneMissingKeyAreNotBothRenamedUnasked() throws {
        let (_, diagnostics) = try check(replacing: "  start_date:", with: "  strat_date: 2026-04-02\n  start-date:")
        let unknown = diagnostics.filter { $0.rule == "schema/unknown-key" }
        #expect(unknown.count == 2)
        // Renaming both would write `start_date` twice, and the last value would count.
        #expect(unknown.allSatisfy { $0.fix?.replacement == "start_date" && $0.fix?.safe == false })
        #expect(unknown.first?.fix?.message == "did you mean 'start_date'? (another key here is close to it too)")
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
