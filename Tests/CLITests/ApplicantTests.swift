import Foundation
import Testing

/// What a first-time applicant uses: the editor schema, `init`, `--fix` and fix-its.
@Suite struct ApplicantTests {
    @Test func theCommittedSchemaIsWhatTheBinaryExports() throws {
        let result = try CommandRunner.run(["schema"])
        #expect(result.status == 0)
        let committed = try Data(contentsOf: CommandRunner.packageRoot.appendingPathComponent("schema/lipf-2026.schema.json"))
        #expect(result.stdoutBytes == committed, "run: swift run fundlint schema --output schema/lipf-2026.schema.json")
        let object = try #require(try JSONSerialization.jsonObject(with: committed) as? [String: Any])
        #expect(object["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let project = try #require((object["properties"] as? [String: Any])?["project"] as? [String: Any])
        let region = try #require((project["properties"] as? [String: Any])?["region"] as? [String: Any])
        let names = try #require(region["enumDescriptions"] as? [String])
        #expect(names.contains("Belfast to Derry/Londonderry innovation corridor"))
        #expect(project["additionalProperties"] as? Bool == false)
    }

    /// The invalid examples whose mistake a JSON Schema can express.
    static let schemaRejects = ["invalid-schema-required.yaml", "invalid-schema-type.yaml", "invalid-schema-enum.yaml",
                                "invalid-schema-unknown-key.yaml", "invalid-schema-format.yaml", "invalid-schema-range.yaml",
                                "invalid-plan-empty.yaml", "invalid-yaml-syntax.yaml", "invalid-yaml-duplicate-key.yaml"]

    @Test(.enabled(if: ProcessInfo.processInfo.environment["FUNDLINT_PYTHON"] != nil,
                   "set FUNDLINT_PYTHON to a Python whose environment has check-jsonschema (as .ci/run does)"),
          arguments: ExamplesGoldenTests.examples.filter { $0 != "invalid-yaml-limits.yaml" })
    func checkJSONSchemaAgreesOnTheExamples(_ name: String) throws {
        let python = ProcessInfo.processInfo.environment["FUNDLINT_PYTHON"] ?? "python3"
        let checker = URL(fileURLWithPath: python).deletingLastPathComponent().appendingPathComponent("check-jsonschema")
        let process = Process()
        process.executableURL = checker
        process.arguments = ["--schemafile", CommandRunner.packageRoot.appendingPathComponent("schema/lipf-2026.schema.json").path,
                             CommandRunner.packageRoot.appendingPathComponent("Examples/" + name).path]
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        if Self.schemaRejects.contains(name) {
            #expect(process.terminationStatus != 0, "the schema accepts \(name)")
        } else if !name.hasPrefix("invalid-") {
            #expect(process.terminationStatus == 0, "the schema rejects the valid plan \(name)")
        }
    }

    @Test func initWritesAPlanThatPassesForEveryPlace() throws {
        let schema = try CommandRunner.run(["schema"])
        let object = try JSONSerialization.jsonObject(with: schema.stdoutBytes) as? [String: Any]
        let project = (object?["properties"] as? [String: Any])?["project"] as? [String: Any]
        let places = ((project?["properties"] as? [String: Any])?["region"] as? [String: Any])?["enum"] as? [String] ?? []
        #expect(places.count >= 25)
        for place in places {
            let plan = try CommandRunner.run(["init", "--region", place])
            #expect(plan.status == 0)
            let check = try CommandRunner.run(["--fail-on", "note", "-"], stdin: plan.stdoutBytes)
            #expect(check.status == 0, "the skeleton for \(place): \(check.stdout)")
        }
    }

    /// The skeleton's first line names a schema file for editors: `init` says how to write
    /// it beside the plan when it is not there, and the command it gives writes it.
    @Test func initSaysHowToWriteTheSchemaItsPlanNames() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("my plan.yaml")
        let first = try CommandRunner.run(["init", "--output", target.path])
        #expect(first.status == 0)
        let schema = directory.appendingPathComponent("lipf-2026.schema.json").path
        #expect(first.stderr == "fundlint: wrote \(target.path); edit it, then run: fundlint '\(target.path)'\n"
            + "fundlint: its first line points editors at lipf-2026.schema.json, which is not beside it yet; "
            + "for completion as you type, run: fundlint schema --output \(schema)\n")
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("# yaml-language-server: $schema=lipf-2026.schema.json\n"))
        #expect(try CommandRunner.run(["schema", "--output", schema]).status == 0)
        let second = try CommandRunner.run(["init", "--output", directory.appendingPathComponent("second.yaml").path])
        #expect(second.status == 0)
        #expect(!second.stderr.contains("schema"), "the schema is there now: \(second.stderr)")
        // Written to standard output, the plan is all that is printed.
        let printed = try CommandRunner.run(["init"])
        #expect(printed.stderr.isEmpty)
    }

    @Test func initSuggestsTheStrengthsAndNeverOverwrites() throws {
        let plan = try CommandRunner.run(["init", "--region", "cardiff-capital-region"])
        #expect(plan.stdout.contains("Cardiff Capital Region has an earmarked allocation of £30,000,000"))
        #expect(plan.stdout.contains("electric-vehicles, compound-semiconductors, digital-technologies, future-mobility"))
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("plan.yaml")
        #expect(try CommandRunner.run(["init", "--output", target.path]).status == 0)
        try "mine\n".write(to: target, atomically: true, encoding: .utf8)
        let again = try CommandRunner.run(["init", "--output", target.path])
        #expect(again.status == 2)
        #expect(again.stderr.contains("never overwrites"))
        #expect(try String(contentsOf: target, encoding: .utf8) == "mine\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["plan.yaml"])
        let unknown = try CommandRunner.run(["init", "--region", "west-midland"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean 'west-midlands'?"))
        // A place's own name, cut short, points to its id; nothing close lists them all.
        #expect(try CommandRunner.run(["init", "--region", "cardiff"]).stderr
            == "fundlint: error: 'cardiff' is not a known place; did you mean 'cardiff-capital-region'?\n")
        let nothing = try CommandRunner.run(["init", "--region", "xx"])
        #expect(nothing.status == 2)
        #expect(nothing.stderr.hasPrefix("fundlint: error: 'xx' is not a known place; use one of: greater-manchester, west-midlands, "))
    }

    @Test func fixChangesOnlyTheFixedScalars() throws {
        let (directory, plan) = try CommandRunner.planInTemporaryDirectory(CommandRunner.examplePlan([
            "  region: west-midlands": "  region: west-midland   # typo",
            "  requested: 1_800_000": "  requested: \"1800000\"",
            "  start_date: 2026-04-01": "  start-date: 2026-04-01",
            "  end_date: 2029-03-31": "  end_date: 2026-03-31",
        ]))
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(["--fix", "--no-source", "plan.yaml"], in: directory)
        #expect(try String(contentsOf: plan, encoding: .utf8) == CommandRunner.examplePlan([
            "  region: west-midlands": "  region: west-midlands   # typo",
            "  requested: 1_800_000": "  requested: 1800000",
            "  end_date: 2029-03-31": "  end_date: 2026-03-31",
        ]))
        // What is left is the mistake no fix can guess.
        #expect(result.stdout.contains("[dates/end-after-start]"))
        #expect(result.stderr.contains("fixed 3 problems in 1 file"))
        #expect(result.status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["plan.yaml"])
    }

    @Test func amountsWrittenAsMoneyOrInWordsAreRewrittenByFix() throws {
        let (directory, plan) = try CommandRunner.planInTemporaryDirectory(CommandRunner.examplePlan([
            "  requested: 1_800_000": "  requested: £1,800,000",
            "  match_funding: 1_900_000": "  match_funding: \"1,900,000\"",
            "  total: 3_700_000": "  total: £3700000",
            "  private_investment: 4_000_000": "  private_investment: 4,000,00",
            "{category: travel, amount: 100_000}": "{category: travel, amount: £0.1m}",
            "  jobs_created: 25": "  jobs_created: twenty-five",
        ]))
        defer { try? FileManager.default.removeItem(at: directory) }
        let check = try CommandRunner.run(["--no-source", "plan.yaml"], in: directory)
        #expect(check.stdout.contains("plan.yaml:32:14: note: write it as 1_800_000\n"))
        #expect(check.stdout.contains("plan.yaml:33:18: note: write it as 1_900_000\n"))
        #expect(check.stdout.contains("plan.yaml:34:10: note: write it as 3700000\n"))
        #expect(check.stdout.contains("plan.yaml:38:34: note: write it as 100_000\n"))
        #expect(check.stdout.contains("plan.yaml:44:17: note: write it as 25\n"))
        let fixed = try CommandRunner.run(["--fix", "--no-source", "plan.yaml"], in: directory)
        // A group of two digits is no way of writing an amount: that one is left to the applicant.
        #expect(try String(contentsOf: plan, encoding: .utf8) == CommandRunner.examplePlan([
            "  total: 3_700_000": "  total: 3700000",
            "  private_investment: 4_000_000": "  private_investment: 4,000,00",
        ]))
        #expect(fixed.stderr.contains("fixed 5 problems in 1 file"))
        #expect(fixed.stdout.contains("plan.yaml:45:23: error: outcomes.private_investment must be a whole number"))
        #expect(!fixed.stdout.contains("note: write it as"))
        #expect(fixed.status == 1)
    }

    /// A list written as a mapping, the two ways applicants write one: a single item without
    /// its dash, and items as keys (`staff: 2_000_000`). Each gets the list offered, with the
    /// file's own text (comments, a folded value) kept, and --fix applies it.
    @Test func listsWrittenAsMappingsAreRewrittenAsLists() throws {
        let mapped = try CommandRunner.examplePlan([
            "    - {year: 2026-27, amount: 900_000}\n    - {year: 2027-28, amount: 900_000}":
                "    2026-27: 900_000   # first year\n\n    2027-28: 900_000",
            "    - {category: staff, description: data scientists and engineers, amount: 2_000_000}\n": "",
            "    - {category: equipment, description: on-bus sensors and edge computers, amount: 1_200_000}\n": "",
            "    - {category: travel, amount: 100_000}\n    - {category: overheads, amount: 400_000}":
                "    staff: 3_200_000\n    travel: 100_000\n    overheads: 400_000",
            "milestones:\n  - {name: pilot on two bus routes, due: 2027-01-31}\n  - {name: network-wide forecasts live, due: 2028-06-30}":
                "milestones:\n  name: pilot on two bus routes  # the first\n  due: 2027-01-31",
        ])
        let (directory, plan) = try CommandRunner.planInTemporaryDirectory(mapped)
        defer { try? FileManager.default.removeItem(at: directory) }
        let check = try CommandRunner.run(["--no-source", "plan.yaml"], in: directory)
        #expect(check.stdout == """
            plan.yaml:36:5: error: budget.items must be a list, not a mapping [schema/type]
            plan.yaml:36:5: note: write each as an item of the list: - {category: staff, amount: 3_200_000}
            plan.yaml:40:5: error: budget.profile must be a list, not a mapping [schema/type]
            plan.yaml:40:5: note: write each as an item of the list: - {year: 2026-27, amount: 900_000}
            plan.yaml:47:3: error: milestones must be a list, not a mapping [schema/type]
            plan.yaml:47:3: note: make it the list's one item: put '- ' before 'name' and indent its other lines two more spaces

            """)
        let fixed = try CommandRunner.run(["--fix", "--no-source", "plan.yaml"], in: directory)
        #expect(fixed.stderr.contains("fixed 3 problems in 1 file"))
        #expect(fixed.status == 0)
        #expect(try String(contentsOf: plan, encoding: .utf8) == CommandRunner.examplePlan([
            "    - {year: 2026-27, amount: 900_000}\n    - {year: 2027-28, amount: 900_000}":
                "    - {year: 2026-27, amount: 900_000}   # first year\n\n    - {year: 2027-28, amount: 900_000}",
            "    - {category: staff, description: data scientists and engineers, amount: 2_000_000}\n": "",
            "    - {category: equipment, description: on-bus sensors and edge computers, amount: 1_200_000}\n": "",
            "    - {category: travel, amount: 100_000}\n    - {category: overheads, amount: 400_000}":
                "    - {category: staff, amount: 3_200_000}\n    - {category: travel, amount: 100_000}\n    - {category: overheads, amount: 400_000}",
            "milestones:\n  - {name: pilot on two bus routes, due: 2027-01-31}\n  - {name: network-wide forecasts live, due: 2028-06-30}":
                "milestones:\n  - name: pilot on two bus routes  # the first\n    due: 2027-01-31",
        ]))
        // Keys that do not all fit an item, or values that do not, get no fix: the shape is a guess then.
        let unfit = try CommandRunner.examplePlan([
            "    - {year: 2026-27, amount: 900_000}\n    - {year: 2027-28, amount: 900_000}": "    2026-27: 900_000\n    first: 900_000",
            "milestones:\n  - {name: pilot on two bus routes, due: 2027-01-31}\n  - {name: network-wide forecasts live, due: 2028-06-30}":
                "milestones:\n  name: pilot\n  when: 2027-01-31",
        ])
        let unfitCheck = try CommandRunner.run(["--no-source", "-", "--stdin-filename", "plan.yaml"], stdin: Data(unfit.utf8))
        #expect(unfitCheck.stdout.contains("plan.yaml:41:5: error: budget.profile must be a list, not a mapping [schema/type]\n"))
        #expect(unfitCheck.stdout.contains("plan.yaml:47:3: error: milestones must be a list, not a mapping [schema/type]\n"))
        #expect(!unfitCheck.stdout.contains("note:"))
    }

    @Test func datesAndYearsWrittenOtherWaysGetFixes() throws {
        let plan = try CommandRunner.examplePlan([
            "  start_date: 2026-04-01": "  start_date: 01/04/2026",
            "  end_date: 2029-03-31": "  end_date: 2029-3-31",
            "{year: 2026-27,": "{year: 2026/27,",
            "due: 2027-01-31}": "due: 31/01/2027}",
            "due: 2028-06-30}": "due: 06/30/2028}",
            "  email: bids@example.org": "  email: bids at example.org",
        ])
        let result = try CommandRunner.run(["--no-source", "-", "--stdin-filename", "plan.yaml"], stdin: Data(plan.utf8))
        #expect(result.stdout == """
            plan.yaml:11:15: error: project.start_date must be a date written YYYY-MM-DD, not '01/04/2026' [schema/format]
            plan.yaml:11:15: note: did you mean 2026-04-01? (read as day/month/year)
            plan.yaml:12:13: error: project.end_date must be a date written YYYY-MM-DD, not '2029-3-31' [schema/format]
            plan.yaml:12:13: note: write it as 2029-03-31
            plan.yaml:41:14: error: budget.profile[0].year must be a financial year written YYYY-YY with consecutive years \
            (like 2024-25), not '2026/27' [schema/format]
            plan.yaml:41:14: note: write it as 2026-27
            plan.yaml:47:42: error: milestones[0].due must be a date written YYYY-MM-DD, not '31/01/2027' [schema/format]
            plan.yaml:47:42: note: write it as 2027-01-31
            plan.yaml:48:46: error: milestones[1].due must be a date written YYYY-MM-DD, not '06/30/2028' [schema/format]
            plan.yaml:48:46: note: did you mean 2028-06-30? (read as month/day/year)
            plan.yaml:50:10: error: contact.email 'bids at example.org' is not an email address (like name@example.org) [schema/format]

            """)
        // Day first is the British reading, not the only one: where the order decides the date,
        // the fix is offered, not marked safe; a date with one reading in the calendar gets a
        // safe one.
        let json = try CommandRunner.run(["--format", "json", "-"], stdin: Data(plan.utf8))
        let object = try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any]
        let fixes = (object?["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["fix"] as? [String: Any] }
        #expect(fixes.map { $0["replacement"] as? String } == ["2026-04-01", "2029-03-31", "2026-27", "2027-01-31", "2028-06-30"])
        #expect(fixes.map { $0["safe"] as? Bool } == [false, true, true, true, false])
    }

    /// Initials are a guess at the id meant (several ids could share them): the one id they
    /// spell is offered, never applied by --fix.
    @Test func initialsOfAnIdAreOfferedNotApplied() throws {
        let plan = try CommandRunner.examplePlan(["  sectors: [artificial-intelligence, future-mobility]": "  sectors: [AI, fm]"])
        let result = try CommandRunner.run(["--no-source", "-", "--stdin-filename", "plan.yaml"], stdin: Data(plan.utf8))
        #expect(result.stdout == """
            plan.yaml:10:13: error: 'AI' is not a known sector [schema/enum]
            plan.yaml:10:13: note: did you mean 'artificial-intelligence'?
            plan.yaml:10:17: error: 'fm' is not a known sector [schema/enum]
            plan.yaml:10:17: note: did you mean 'future-mobility'?

            """)
        let (directory, file) = try CommandRunner.planInTemporaryDirectory(plan)
        defer { try? FileManager.default.removeItem(at: directory) }
        let fixed = try CommandRunner.run(["--fix", "--no-source", file.path])
        #expect(fixed.status == 1)
        #expect(try String(contentsOf: file, encoding: .utf8) == plan)
        // The summary says why nothing was fixed, and what to do.
        #expect(fixed.stderr.hasPrefix(
            "fundlint: fixed 0 problems in 0 files; 2 suggested fixes are guesses, shown as notes: apply them by hand if they are right\n"))
    }

    /// A word of an id (`london`), the start of one (`cyber`), or a longer name holding
    /// all of one (`quantum computing`) points to the id; a word several ids share names
    /// them in the message; anything else lists the ids in a note.
    @Test func shortenedOrLongerNamesPointToTheIdsMeant() throws {
        let plan = try CommandRunner.examplePlan([
            "  region: west-midlands": "  region: London",
            "  sectors: [artificial-intelligence, future-mobility]": "  sectors: [cyber, quantum computing, health, robotics]",
        ])
        let result = try CommandRunner.run(["--no-source", "-", "--stdin-filename", "plan.yaml"], stdin: Data(plan.utf8))
        let sectors = "advanced-manufacturing, advanced-materials, electric-vehicles, future-mobility, space, clean-energy, "
            + "net-zero, creative-industries, defence, artificial-intelligence, cybersecurity, digital-technologies, "
            + "compound-semiconductors, quantum, financial-services, fintech, life-sciences, medical-technology, "
            + "health-diagnostics, health-technology, drug-discovery, professional-and-business-services"
        #expect(result.stdout.hasPrefix("""
            plan.yaml:9:11: error: 'London' is not a known place [schema/enum]
            plan.yaml:9:11: note: did you mean 'greater-london'?
            plan.yaml:10:13: error: 'cyber' is not a known sector [schema/enum]
            plan.yaml:10:13: note: did you mean 'cybersecurity'?
            plan.yaml:10:20: error: 'quantum computing' is not a known sector [schema/enum]
            plan.yaml:10:20: note: did you mean 'quantum'?
            plan.yaml:10:39: error: 'health' is not a known sector; did you mean 'health-diagnostics' or 'health-technology'? [schema/enum]
            plan.yaml:10:47: error: 'robotics' is not a known sector [schema/enum]
            plan.yaml:10:47: note: use one of: \(sectors)

            """))
        // Each is a guess: --fix leaves them all.
        let (directory, file) = try CommandRunner.planInTemporaryDirectory(plan)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try CommandRunner.run(["--fix", "--quiet", file.path]).status == 1)
        #expect(try String(contentsOf: file, encoding: .utf8) == plan)
    }

    /// The fund written short is pointed to the active pack's fund, as a guess.
    @Test func aFundWrittenShortIsPointedToThePacksFund() throws {
        let plan = try CommandRunner.examplePlan(["fund: lipf-2026": "fund: LIPF"])
        let result = try CommandRunner.run(["--no-source", "--format", "json", "-", "--stdin-filename", "plan.yaml"], stdin: Data(plan.utf8))
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1)
        let fix = try #require(diagnostics.first?["fix"] as? [String: Any])
        #expect(fix["replacement"] as? String == "lipf-2026")
        #expect(fix["safe"] as? Bool == false)
    }

    /// A key written at the indentation of the empty key above it, which has such a key:
    /// the note says where it belongs, and the fix (offered only) indents the line.
    @Test func aKeyBelowAnEmptyKeyThatHasItIsToldToGoUnderIt() throws {
        let plan = try CommandRunner.examplePlan(["  email: bids@example.org": "email: bids@example.org"])
        let result = try CommandRunner.run(["--no-source", "-", "--stdin-filename", "plan.yaml"], stdin: Data(plan.utf8))
        #expect(result.status == 0)
        #expect(result.stdout == """
            plan.yaml:50:1: warning: a plan has no key 'email' [schema/unknown-key]
            plan.yaml:50:1: note: 'email' is a key of 'contact', left empty on line 49: indent it to go under it

            """)
        let json = try CommandRunner.run(["--format", "json", "-"], stdin: Data(plan.utf8))
        let object = try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any]
        let fix = (object?["diagnostics"] as? [[String: Any]])?.first?["fix"] as? [String: Any]
        #expect(fix?["replacement"] as? String == "  ")
        #expect(fix?["safe"] as? Bool == false)
        #expect(fix?["line"] as? Int == 50 && fix?["column"] as? Int == 1 && fix?["endColumn"] as? Int == 1)
        // A key the empty one does not have gets no such note.
        let other = try CommandRunner.examplePlan(["  email: bids@example.org": "phone: 0123"])
        let plain = try CommandRunner.run(["--no-source", "-"], stdin: Data(other.utf8))
        #expect(plain.stdout == "<stdin>:50:1: warning: a plan has no key 'phone'; allowed: fund, project, lead, partners, budget, outcomes, milestones, contact [schema/unknown-key]\n")
    }

    @Test func fixItsAreNotesWithTheReplacement() throws {
        let result = try CommandRunner.run(["--no-source", "Examples/invalid-schema-type.yaml"])
        #expect(result.stdout.contains("Examples/invalid-schema-type.yaml:32:14: note: remove the quotes: 18500000\n"))
    }

    @Test func completionScriptsAreGenerated() throws {
        for shell in ["bash", "zsh", "fish"] {
            let result = try CommandRunner.run(["--generate-completion-script", shell])
            #expect(result.status == 0)
            #expect(result.stdout.contains("fundlint"))
        }
    }
}
