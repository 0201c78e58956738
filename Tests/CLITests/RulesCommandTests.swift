import Foundation
import Testing

/// `fundlint rules`, `fundlint explain` and `--rules`, run as a user runs them.
@Suite struct RulesCommandTests {
    @Test func rulesListsEveryRuleInEachFormat() throws {
        let text = try CommandRunner.run(["rules"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("dates/start-in-window"))
        #expect(text.stdout.contains("yaml/syntax"))
        let markdown = try CommandRunner.run(["rules", "--format", "markdown"])
        #expect(markdown.stdout.contains("| `budget/co-investment` | warning | yes |"))
        let json = try CommandRunner.run(["rules", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any])
        let rules = try #require(object["rules"] as? [[String: Any]])
        #expect(rules.count >= 29)
        #expect(rules.contains { $0["id"] as? String == "eligibility/region-funded" && $0["suppressible"] as? Bool == false })
    }

    @Test func verifyRunsEveryExampleOfTheBuiltInPack() throws {
        let result = try CommandRunner.run(["rules", "--verify"])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(" 0 failed of "))
    }

    @Test func explainShowsRationaleSourceAndExamples() throws {
        let result = try CommandRunner.run(["explain", "dates/start-in-window"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("dates/start-in-window (error, cannot be suppressed)"))
        #expect(result.stdout.contains("Why: "))
        #expect(result.stdout.contains("Source: seed"))
        #expect(result.stdout.contains("start_date: 2026-03-01"))
        #expect(result.stdout.contains("error: project starts on 2026-03-01, before the fund opens on 2026-04-01 [dates/start-in-window]\n\n"
            + "A passing example"))
        // The diagnostic's fix is shown under it, as the compiler format shows it.
        let enumeration = try CommandRunner.run(["explain", "schema/enum"])
        #expect(enumeration.stdout.contains("""
                5:11: error: 'west-midland' is not a known place [schema/enum]
                5:11: note: did you mean 'west-midlands'?

            A passing example
            """))
    }

    @Test func explainOfAnUnknownRuleSuggestsOne() throws {
        let result = try CommandRunner.run(["explain", "dates/start-in-windw"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Did you mean 'dates/start-in-window'?"))
        // Without its group, or cut short: the one rule it names.
        for (given, meant) in [("co-investment", "budget/co-investment"), ("region-fundd", "eligibility/region-funded"),
                               ("budget/requested-within", "budget/requested-within-allocation")] {
            let other = try CommandRunner.run(["explain", given])
            #expect(other.status == 2)
            #expect(other.stderr.contains("Did you mean '\(meant)'?"), "\(given)")
        }
        // A start that several rules share names none of them.
        let shared = try CommandRunner.run(["explain", "budget/total"])
        #expect(shared.status == 2)
        #expect(!shared.stderr.contains("Did you mean"))
    }

    /// Writes a pack of one rule, `n/positive` over a whole number `n`, asserting `assert`,
    /// followed by `examples` (lines at the rule's indentation), into a new directory.
    private func tinyPack(assert: String, examples: String = "") throws -> (directory: URL, file: URL) {
        let directory = try CommandRunner.temporaryDirectory()
        let pack = directory.appendingPathComponent("pack.yaml")
        try ("""
            pack: {id: tiny, version: "1"}
            schema:
              plan:
                type: object
                properties:
                  n: {type: integer}
            rules:
              - id: n/positive
                severity: error
                summary: s
                rationale: r
                source: s
                at: n
                assert: \(assert)
                message: "n is {n}"

            """ + examples).write(to: pack, atomically: true, encoding: .utf8)
        return (directory, pack)
    }

    @Test func anInvalidPackIsReportedAgainstItsFileAndExitsTwo() throws {
        let (directory, pack) = try tinyPack(assert: "n > 'one'")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(["--no-source", "--rules", pack.path, "Examples/west-midlands-bus-delays.yaml"])
        #expect(result.status == 2)
        #expect(result.stdout == "\(pack.path):14:15: error: '>' compares two integers, strings, dates or booleans, not integer and string [pack/invalid]\n")
        let json = try CommandRunner.run(["--format", "json", "--rules", pack.path, "Examples/west-midlands-bus-delays.yaml"])
        #expect(json.status == 2)
        #expect(json.stdout.contains("\"rule\":\"pack/invalid\""))
    }

    @Test func anExampleThatMisbehavesIsPointedAtInItsPack() throws {
        let (directory, pack) = try tinyPack(assert: "n > 0", examples: """
                examples:
                  bad:
                    - {text: "n: -1\\n", at: n}
                  good:
                    - {text: "n: -2\\n"}

            """)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(["rules", "--verify", "--rules", pack.path])
        #expect(result.status == 1)
        #expect(result.stdout == "\(pack.path):20:11: error: n/positive: a good example should pass, but gave: n/positive at n (n is -2)\n")
        #expect(result.stderr.contains("1 passed, 1 failed of 2 rule examples in tiny"))
    }

    @Test func aPlanForAnotherFundIsAnEnumErrorThatSaysHowToSwitch() throws {
        let plan = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("Examples/west-midlands-bus-delays.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "fund: lipf-2026", with: "fund: lipf-2027")
        let result = try CommandRunner.run(["--no-source", "-"], stdin: Data(plan.utf8))
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("<stdin>:2:7: error: fund 'lipf-2027' is not the fund of the active rule pack 'lipf-2026'; to check a plan for another fund, give its rule pack with --rules [schema/enum]"))
    }

    @Test func theBinaryCopiedAloneStillChecksPlans() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("fundlint")
        try FileManager.default.copyItem(at: CommandRunner.executable, to: copy)
        try FileManager.default.copyItem(at: CommandRunner.packageRoot.appendingPathComponent("Examples/invalid-start-in-window.yaml"),
                                         to: directory.appendingPathComponent("plan.yaml"))
        let process = Process()
        process.executableURL = copy
        process.arguments = ["--no-source", "plan.yaml"]
        process.currentDirectoryURL = directory
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(String(decoding: data, as: UTF8.self).contains("[dates/start-in-window]"))
    }
}
