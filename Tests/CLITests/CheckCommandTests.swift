import Foundation
import Testing

/// End-to-end tests of `fundlint check`, running the real binary.
@Suite struct CheckCommandTests {
    private let validPlan = "Examples/west-midlands-bus-delays.yaml"

    @Test func aValidPlanPassesSilently() throws {
        let result = try CommandRunner.run([validPlan])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "fundlint: no problems in 1 plan\n")
    }

    @Test func aSyntaxErrorExitsOneWithACompilerStyleLine() throws {
        let result = try CommandRunner.run(["--no-source", "Examples/invalid-yaml-syntax.yaml"])
        #expect(result.status == 1)
        let first = result.stdout.split(separator: "\n").first.map(String.init)
        #expect(first == "Examples/invalid-yaml-syntax.yaml:11:13: error: did not find expected ',' or ']' (while parsing a flow sequence at line 10, column 12) [yaml/syntax]")
        #expect(result.stderr.contains("1 error in 1 of 1 plan"))
    }

    @Test func aMissingPathExitsTwoButOtherPathsAreStillChecked() throws {
        let result = try CommandRunner.run(["no-such-plan.yaml", "Examples/invalid-yaml-tag.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot read 'no-such-plan.yaml': No such file or directory"))
        #expect(result.stdout.contains("[yaml/tag]"))
        // The summary does not call a run clean when a path was not read.
        #expect(result.stderr.hasSuffix("fundlint: 1 error in 1 of 1 plan; 1 path could not be read\n"))
        let alone = try CommandRunner.run(["no-such-plan.yaml", "also-missing.yaml"])
        #expect(alone.status == 2)
        #expect(alone.stderr.hasSuffix("fundlint: no problems in 0 plans; 2 paths could not be read\n"))
    }

    @Test(arguments: [["--format", "yaml"], ["--jobs", "0"], ["--no-such-flag"], ["--fail-on", "sometimes"]])
    func usageErrorsExitTwo(_ arguments: [String]) throws {
        let result = try CommandRunner.run(arguments + [validPlan])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.isEmpty)
    }

    @Test func versionAndHelpExitZero() throws {
        let version = try CommandRunner.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let help = try CommandRunner.run(["check", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--fail-on"))
    }

    @Test func valuesReachedThroughAnchorsAreShownWhereUsedAndReportedOnce() throws {
        let plan = try CommandRunner.examplePlan([
            "fund: lipf-2026\n": "fund: lipf-2026\nx-defaults: &d\n  type: universty\n  location: west-midlands\n",
            "  region: west-midlands\n": "  region: &place west-midlands\n",
            "  type: combined-authority\n": "  type: *place\n",
            "  - name: University of Birmingham\n    type: university\n    location: west-midlands\n":
                "  - <<: *d\n    name: University of Birmingham\n",
            "  - name: Transport for West Midlands\n    type: public-body\n    location: west-midlands\n":
                "  - <<: *d\n    name: Transport for West Midlands\n",
        ])
        let result = try CommandRunner.run(["--no-source", "-", "--stdin-filename", "plan.yaml"], stdin: Data(plan.utf8))
        // A valid value used where it is not allowed: at the alias, with a note at the anchor.
        // A typo merged into two partners is one mistake: one diagnostic, at the first merge.
        #expect(result.stdout == """
            plan.yaml:3:1: warning: a plan has no key 'x-defaults'; allowed: fund, project, lead, partners, budget, outcomes, \
            milestones, contact [schema/unknown-key]
            plan.yaml:18:9: error: 'west-midlands' is not a known party type; use one of: combined-authority, local-authority, \
            public-body, business, university, research-organisation, nhs-organisation, charity [schema/enum]
            plan.yaml:12:11: note: the value comes from the anchor '&place' here
            plan.yaml:25:9: error: 'universty' is not a known party type [schema/enum]
            plan.yaml:4:3: note: 'type' is merged from here
            plan.yaml:25:9: note: did you mean 'university'?

            """)
        #expect(result.status == 1)
    }

    @Test func aKeyWithoutASpaceAfterItsColonGetsAFixThatIsOnlyOffered() throws {
        let plan = "fund: lipf-2026\nproject:\n  title:Bus delays\n  region: west-midlands\n"
        let result = try CommandRunner.run(["--no-source", "-", "--stdin-filename", "plan.yaml"], stdin: Data(plan.utf8))
        // With a space later in the value, libyaml stops on the next line: the fix is on this one.
        #expect(result.stdout == """
            plan.yaml:4:9: error: mapping values are not allowed in this context [yaml/syntax]
            plan.yaml:3:8: note: no space after this colon: YAML reads 'title:Bus' as one word; a key and its value are written 'title: Bus'

            """)
        let json = try CommandRunner.run(["--format", "json", "-"], stdin: Data(plan.utf8))
        let object = try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any]
        let fix = (object?["diagnostics"] as? [[String: Any]])?.first?["fix"] as? [String: Any]
        #expect(fix?["replacement"] as? String == ": ")
        #expect(fix?["safe"] as? Bool == false)
        #expect(fix?["column"] as? Int == 8)
    }

    /// Another YAML file handed over with the plans (a pre-commit hook on every YAML file)
    /// gets one diagnostic, not one per missing key and per key of its own; a plan whose
    /// keys are only mistyped is still checked key by key.
    @Test func aYAMLFileThatIsNotAPlanGetsOneDiagnostic() throws {
        let workflow = "# CI\nname: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n"
        let result = try CommandRunner.run(["--quiet", "--stdin-filename", "ci.yml", "-"], stdin: Data(workflow.utf8))
        #expect(result.status == 1)
        #expect(result.stdout == """
            ci.yml:2:1: error: this is not a plan: it has none of a plan's keys (a plan needs fund, project, lead, partners and budget) [schema/required]
            name: CI
            ^
            ci.yml:2:1: note: a YAML file that is not a plan can be left out with 'exclude' in .fundlint.yml

            """)
        let mistyped = try CommandRunner.run(["--quiet", "--format", "json", "-"], stdin: Data("Fund: lipf-2026\n".utf8))
        let object = try JSONSerialization.jsonObject(with: mistyped.stdoutBytes) as? [String: Any]
        let rules = (object?["diagnostics"] as? [[String: Any]])?.compactMap { $0["rule"] as? String } ?? []
        #expect(rules.filter { $0 == "schema/required" }.count == 5)
        #expect(rules.contains("schema/unknown-key"))
    }

    @Test func aDirectoryWithNoPlansIsSaidToHaveNone() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "notes\n".write(to: directory.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        try "fund: x\n".write(to: directory.appendingPathComponent(".hidden.yaml"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["--quiet"], in: directory)
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "fundlint: warning: no plans to check: no *.yaml or *.yml files in '.' (hidden ones are skipped)\n")
    }

    @Test func standardInputIsReportedUnderItsGivenName() throws {
        let result = try CommandRunner.run(["--no-source", "-", "--stdin-filename", "plans/mine.yaml"],
                                           stdin: Data("a: 1\na: 2\n".utf8))
        #expect(result.status == 1)
        #expect(result.stdout.contains("\nplans/mine.yaml:2:1: error: duplicate key 'a'"))
    }

    @Test func failOnDecidesTheExitStatus() throws {
        let bad = "Examples/invalid-yaml-tag.yaml"
        #expect(try CommandRunner.run(["--fail-on", "never", bad]).status == 0)
        #expect(try CommandRunner.run(["--fail-on", "error", bad]).status == 1)
        #expect(try CommandRunner.run(["--fail-on", "note", validPlan]).status == 0)
    }

    @Test func quietDropsTheSummaryAndNoSourceDropsSnippets() throws {
        let result = try CommandRunner.run(["--quiet", "--no-source", "Examples/invalid-yaml-duplicate-key.yaml"])
        #expect(result.stderr.isEmpty)
        #expect(result.stdout == """
        Examples/invalid-yaml-duplicate-key.yaml:35:3: error: duplicate key 'currency': this mapping already has it at line 31; the last value counts [yaml/duplicate-key]
        Examples/invalid-yaml-duplicate-key.yaml:31:3: note: 'currency' first appears here

        """)
    }

    @Test func colourFollowsTheFlagAndNoColor() throws {
        let bad = "Examples/invalid-yaml-tag.yaml"
        #expect(try CommandRunner.run(["--color", "always", bad]).stdout.contains("\u{1B}[1;31merror:"))
        #expect(!(try CommandRunner.run([bad]).stdout.contains("\u{1B}")))
        #expect(!(try CommandRunner.run(["--color", "auto", bad], environment: ["NO_COLOR": "1"]).stdout.contains("\u{1B}")))
    }

    @Test func controlCharactersFromAPlanNeverReachTheTerminalRaw() throws {
        // Raw control characters are a libyaml error; escapes in double quotes reach values.
        let plan = "\"k\\e[31m\\u202E\": 1\n\"k\\e[31m\\u202E\": 2\nraw: \u{202E}evil\n"
        for format in ["compiler", "json"] {
            let result = try CommandRunner.run(["--format", format, "-"], stdin: Data(plan.utf8))
            #expect(result.status == 1)
            #expect(!result.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
            if format == "compiler" {
                #expect(result.stdout.contains("duplicate key 'k\\u{1B}[31m\\u{202E}'"))
            } else {
                #expect(result.stdout.contains("k\\u001b[31m\\u202e"))
            }
        }
    }

    @Test func jsonCarriesEverythingInTheDocumentedShape() throws {
        let result = try CommandRunner.run(["--format", "json", "Examples/invalid-yaml-duplicate-key.yaml", validPlan])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any])
        #expect(object["formatVersion"] as? Int == 1)
        #expect((object["tool"] as? [String: Any])?["name"] as? String == "fundlint")
        #expect((object["rulePack"] as? [String: Any])?["id"] != nil)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1)
        let diagnostic = try #require(diagnostics.first)
        #expect(Set(diagnostic.keys) == ["file", "line", "column", "endLine", "endColumn", "severity", "rule",
                                         "message", "yamlPath", "notes", "suppressed"])
        #expect(diagnostic["line"] as? Int == 35)
        #expect(diagnostic["column"] as? Int == 3)
        #expect(diagnostic["endColumn"] as? Int == 11)
        #expect(diagnostic["yamlPath"] as? String == "budget.currency")
        #expect(diagnostic["rule"] as? String == "yaml/duplicate-key")
        let note = try #require((diagnostic["notes"] as? [[String: Any]])?.first)
        #expect(note["line"] as? Int == 31)
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String } == ["Examples/invalid-yaml-duplicate-key.yaml", validPlan])
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["files": 2, "plans": 2, "errors": 1, "warnings": 0, "notes": 0, "suppressed": 0])
    }

    @Test func outputIsByteIdenticalForAnyNumberOfJobs() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for index in 0..<60 {
            let text = index % 3 == 0 ? "a: [\(index)\n" : index % 3 == 1 ? "k: 1\nk: \(index)\n" : "ok: \(index)\n"
            try text.write(to: directory.appendingPathComponent(String(format: "plan-%02d.yaml", index)), atomically: true, encoding: .utf8)
        }
        let one = try CommandRunner.run(["--jobs", "1", "--format", "json", directory.path])
        for jobs in ["2", "4", "16", String(Int.max)] {
            let many = try CommandRunner.run(["--jobs", jobs, "--format", "json", directory.path])
            #expect(many.stdoutBytes == one.stdoutBytes)
            #expect(many.stderr == one.stderr)
        }
        let compilerOne = try CommandRunner.run(["--jobs", "1", directory.path])
        let compilerMany = try CommandRunner.run(["--jobs", "8", directory.path])
        #expect(compilerOne.stdout == compilerMany.stdout)
        #expect(compilerOne.status == 1)
    }

    @Test func outputFileIsWrittenWholeAndMatchesStandardOutput() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("report.json")
        let written = try CommandRunner.run(["--format", "json", "--output", target.path, "Examples"])
        #expect(written.stdout.isEmpty)
        let direct = try CommandRunner.run(["--format", "json", "Examples"])
        #expect(try Data(contentsOf: target) == direct.stdoutBytes)
        #expect(written.status == direct.status)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(leftovers == ["report.json"])
    }

    @Test func anOversizedFileIsALimitsError() throws {
        let result = try CommandRunner.run(["--max-file-size", "100", "--no-source", validPlan])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("\(validPlan):1:1: error: the file is "))
        #expect(result.stdout.contains("over the limit of 100 bytes"))
        #expect(result.stdout.contains("[yaml/limits]"))
    }

    /// A listed file is read without asking its size first when a first read of 16 KiB holds
    /// it. Each plan here ends in an unknown key on its last line, whose value closes at the
    /// file's last byte, so the one warning there shows the whole file was read: at sizes
    /// around that first read and well past it, named directly and found in a directory.
    @Test func filesAroundTheFirstReadAreReadWhole() throws {
        // Without the file's last byte, the flow mapping would not close.
        let last = "zz_unknown: {a: 1}"
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sizes = [16_383, 16_384, 16_385, 40_000]
        let plan = try CommandRunner.examplePlan()
        for (index, size) in sizes.enumerated() {
            // Each plan its own reference, or the portfolio check would report them.
            let plan = try CommandRunner.examplePlan(["LIPF-WM-0042": "LIPF-WM-004\(index)"])
            let padding = size - plan.utf8.count - last.utf8.count - 3
            let text = plan + "# " + String(repeating: "x", count: padding) + "\n" + last
            #expect(text.utf8.count == size)
            try text.write(to: directory.appendingPathComponent("plan-\(size).yaml"), atomically: true, encoding: .utf8)
        }
        let lastLine = plan.split(separator: "\n", omittingEmptySubsequences: false).count + 1
        for arguments in [[directory.path], sizes.map { directory.appendingPathComponent("plan-\($0).yaml").path }] {
            let result = try CommandRunner.run(["--no-source"] + arguments)
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines == sizes.map {
                "\(directory.appendingPathComponent("plan-\($0).yaml").path):\(lastLine):1: warning: a plan has no key 'zz_unknown'; allowed: fund, project, lead, partners, budget, outcomes, milestones, contact [schema/unknown-key]"
            })
        }
        // Over the limit: the size named is the file's, not what the first read got.
        let limited = try CommandRunner.run(["--no-source", "--max-file-size", "16384", directory.path])
        #expect(limited.status == 1)
        #expect(limited.stdout.contains("plan-16385.yaml:1:1: error: the file is 16385 bytes, over the limit of 16384 bytes"))
        #expect(limited.stdout.contains("plan-40000.yaml:1:1: error: the file is 40000 bytes, over the limit of 16384 bytes"))
        #expect(!limited.stdout.contains("plan-16384.yaml:1:1: error"))
    }
}
