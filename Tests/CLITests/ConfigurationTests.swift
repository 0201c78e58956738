import Foundation
import Testing

/// `.fundlint.yml`: discovery, the five keys, and `config/invalid`.
@Suite struct ConfigurationTests {
    private func repository() throws -> URL {
        let root = try CommandRunner.temporaryDirectory()
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("repo/.git"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("repo/plans/drafts"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("repo/tools"), withIntermediateDirectories: true)
        let examples = CommandRunner.packageRoot.appendingPathComponent("Examples")
        try fm.copyItem(at: examples.appendingPathComponent("invalid-co-investment.yaml"), to: root.appendingPathComponent("repo/plans/co.yaml"))
        try fm.copyItem(at: examples.appendingPathComponent("invalid-outcomes-declared.yaml"), to: root.appendingPathComponent("repo/plans/outcomes.yaml"))
        try fm.copyItem(at: examples.appendingPathComponent("invalid-start-in-window.yaml"), to: root.appendingPathComponent("repo/plans/drafts/early.yaml"))
        return root
    }

    private func write(_ text: String, _ path: String, in root: URL) throws {
        try text.write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8)
    }

    @Test func theConfigurationIsFoundFromASubdirectoryAndApplied() throws {
        let root = try repository()
        defer { try? FileManager.default.removeItem(at: root) }
        try write("""
        fail_on: warning
        exclude: [drafts]
        disable: [budget/co-investment]
        severity: {outcomes/declared: error}
        """, "repo/.fundlint.yml", in: root)
        let result = try CommandRunner.run(["--no-source", "--quiet", "../plans"], in: root.appendingPathComponent("repo/tools"))
        #expect(result.stdout == "../plans/outcomes.yaml:2:1: error: the plan does not declare its outcomes (outcomes.jobs_created and outcomes.private_investment) [outcomes/declared]\n")
        #expect(result.status == 1)
        let without = try CommandRunner.run(["--no-config", "--no-source", "--quiet", "../plans"], in: root.appendingPathComponent("repo/tools"))
        #expect(without.stdout.split(separator: "\n").map { String($0.prefix { $0 != ":" }) } ==
                ["../plans/co.yaml", "../plans/drafts/early.yaml", "../plans/outcomes.yaml"])
    }

    @Test func discoveryStopsAtTheRepositoryRoot() throws {
        let root = try repository()
        defer { try? FileManager.default.removeItem(at: root) }
        try write("disable: [budget/co-investment]\n", ".fundlint.yml", in: root)
        let result = try CommandRunner.run(["--no-source", "--quiet", "plans/co.yaml"], in: root.appendingPathComponent("repo"))
        #expect(result.stdout.contains("[budget/co-investment]"))
    }

    @Test func failOnFromTheConfigurationYieldsToTheFlag() throws {
        let root = try repository()
        defer { try? FileManager.default.removeItem(at: root) }
        try write("fail_on: warning\n", "repo/.fundlint.yml", in: root)
        let repo = root.appendingPathComponent("repo")
        #expect(try CommandRunner.run(["plans/co.yaml"], in: repo).status == 1)
        #expect(try CommandRunner.run(["--fail-on", "error", "plans/co.yaml"], in: repo).status == 0)
        try write("fail_on: warning\n", "other.yml", in: root)
        #expect(try CommandRunner.run(["--no-config", "plans/co.yaml"], in: repo).status == 0)
        #expect(try CommandRunner.run(["--config", "../other.yml", "plans/co.yaml"], in: repo).status == 1)
    }

    @Test func aPackPathIsRelativeToTheConfiguration() throws {
        let root = try repository()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: CommandRunner.packageRoot.appendingPathComponent("Rules/lipf-2026.yaml"),
                                         to: root.appendingPathComponent("repo/tools/pack.yaml"))
        try write("rules: tools/pack.yaml\n", "repo/.fundlint.yml", in: root)
        let result = try CommandRunner.run(["--format", "json", "../co.yaml"], in: root.appendingPathComponent("repo/plans/drafts"))
        #expect(result.status == 0)
        try write("rules: tools/missing.yaml\n", "repo/.fundlint.yml", in: root)
        let missing = try CommandRunner.run(["--format", "json", "../co.yaml"], in: root.appendingPathComponent("repo/plans/drafts"))
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("tools/missing.yaml"))
        try write("rules: tools/pack.yaml\n", "repo/.fundlint.yml", in: root)
        let fromRoot = try CommandRunner.run(["--format", "json", "plans/co.yaml"], in: root.appendingPathComponent("repo"))
        #expect(fromRoot.status == 0)
        #expect(fromRoot.stdout.contains("\"rulePack\":{\"id\":\"lipf-2026\""))
    }

    @Test func mistakesInTheConfigurationArePositionedAndExitTwo() throws {
        let root = try repository()
        defer { try? FileManager.default.removeItem(at: root) }
        try write("""
        fail_on: sometimes
        colour: auto
        """, "repo/.fundlint.yml", in: root)
        let repo = root.appendingPathComponent("repo")
        let first = try CommandRunner.run(["--no-source", "plans"], in: repo)
        #expect(first.status == 2)
        #expect(first.stdout == """
        .fundlint.yml:1:10: error: fail_on must be one of error, warning, note, never, not 'sometimes' [config/invalid]
        .fundlint.yml:2:1: error: the configuration has no key 'colour'; allowed: rules, fail_on, exclude, disable, severity [config/invalid]

        """.replacingOccurrences(of: ".fundlint.yml", with: repo.appendingPathComponent(".fundlint.yml").path))
        try write("""
        disable: [budget/co-invest, dates/start-in-window]
        severity: {eligibility/region-funded: warning, budget/co-investment: loud}
        """, "repo/.fundlint.yml", in: root)
        let second = try CommandRunner.run(["--format", "json", "plans"], in: repo)
        #expect(second.status == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: second.stdoutBytes) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        // Every mistake at once, the rule ids' with the others, in file order.
        #expect(diagnostics.map { "\($0["line"] ?? 0):\($0["column"] ?? 0) \($0["rule"] ?? "")" }
            == ["1:11 config/invalid", "1:29 config/invalid", "2:12 config/invalid", "2:70 config/invalid"])
        try write("""
        disable: [budget/co-invest, dates/start-in-window]
        severity: {eligibility/region-funded: warning}
        """, "repo/.fundlint.yml", in: root)
        let third = try CommandRunner.run(["--format", "json", "plans"], in: repo)
        let thirdObject = try #require(try JSONSerialization.jsonObject(with: third.stdoutBytes) as? [String: Any])
        let messages = (thirdObject["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
        #expect(messages == [
            "'budget/co-invest' is not a rule of the active pack",
            "dates/start-in-window cannot be disabled: it is not suppressible",
            "eligibility/region-funded cannot be lowered from error to warning: it is not suppressible",
        ])
        // A value a letter or two away from a valid one is named, and so is one cut short.
        try write("""
        fail_on: warnings
        severity: {budget/co-investment: erorr, budget/total-matches-items: warn}
        """, "repo/.fundlint.yml", in: root)
        let fourth = try CommandRunner.run(["--format", "json", "plans"], in: repo)
        #expect(fourth.status == 2)
        let fourthObject = try #require(try JSONSerialization.jsonObject(with: fourth.stdoutBytes) as? [String: Any])
        #expect((fourthObject["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String } == [
            "fail_on must be one of error, warning, note, never, not 'warnings'; did you mean 'warning'?",
            "a severity must be error, warning or note, not 'erorr'; did you mean 'error'?",
            "a severity must be error, warning or note, not 'warn'; did you mean 'warning'?",
        ])
    }
}
