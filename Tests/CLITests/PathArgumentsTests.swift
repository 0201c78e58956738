import ArgumentParser
import Foundation
import Testing
@testable import FundLintCLI

/// Command lines naming many files: parsed without handing each name to ArgumentParser,
/// with the same result.
@Suite struct PathArgumentsTests {
    private static let names = (0..<40).map { "p\($0).yaml" }

    @Test func theOptionTablesAreArgumentParsersOwn() throws {
        let result = try CommandRunner.run(["--experimental-dump-help"])
        #expect(result.status == 0)
        let root = try #require(JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any])
        let command = try #require(root["command"] as? [String: Any])
        let subcommands = try #require(command["subcommands"] as? [[String: Any]])
        var values: Set<String> = [], flags: Set<String> = []
        for subcommand in subcommands where ["check", "report"].contains(subcommand["commandName"] as? String) {
            for argument in subcommand["arguments"] as? [[String: Any]] ?? [] {
                let names = (argument["names"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                // --help and --version are left to ArgumentParser: a line with them is parsed whole.
                guard !names.contains("help"), !names.contains("version") else { continue }
                let spelled = names.map { "--" + $0 }
                switch argument["kind"] as? String {
                case "option": values.formUnion(spelled)
                case "flag": flags.formUnion(spelled)
                default: #expect(argument["kind"] as? String == "positional")
                }
            }
        }
        #expect(values == Set(PathArguments.valueOptions))
        #expect(values.count == PathArguments.valueOptions.count)
        #expect(flags == Set(PathArguments.flags))
        #expect(flags.count == PathArguments.flags.count)
    }

    @Test func optionsStayAndPathsComeOutInOrder() throws {
        let line = ["--format", "json"] + Self.names.prefix(20) + ["--jobs=2", "-", "--quiet"] + Self.names.dropFirst(20)
        let split = try #require(PathArguments.split(line))
        #expect(split.reduced == ["--format", "json", "--jobs=2", "-", "--quiet"])
        #expect(split.paths == Array(Self.names.prefix(20)) + ["-"] + Array(Self.names.dropFirst(20)))

        let report = try #require(PathArguments.split(["report", "--output", "out.html"] + Self.names))
        #expect(report.reduced == ["report", "--output", "out.html"])
        #expect(report.paths == Self.names)
        // A path that is also a command's name, after the command.
        #expect(PathArguments.split(["check", "report"] + Self.names)?.paths == ["report"] + Self.names)
    }

    @Test(arguments: [["--bogus"], ["-h"], ["--version"], ["--"], ["rules"], ["help"], ["explain"]])
    func anythingElseIsParsedWhole(extra: [String]) {
        #expect(PathArguments.split(extra + Self.names) == nil)
        #expect(PathArguments.split(Array(Self.names.prefix(PathArguments.threshold - 1))) == nil)
    }

    /// A check parsed by `Check` alone is the check the root would hand it; every other
    /// line (commands, help, the version, mistakes) is the root's to answer.
    @Test func aCheckParsedAloneIsTheOneTheRootParses() {
        func outcome(_ parse: () throws -> any ParsableCommand) -> String {
            do {
                var text = ""
                dump(try parse(), to: &text)
                return text
            } catch {
                return "\(Fundlint.exitCode(for: error)): \(Fundlint.fullMessage(for: error))"
            }
        }
        // The comparison sees the values parsed, not only the command's type.
        #expect(outcome { try Fundlint.parseAsRoot(["--format", "json"]) } != outcome { try Fundlint.parseAsRoot(["--format", "sarif"]) })
        #expect(outcome { try Fundlint.parseAsRoot(["a.yaml"]) } != outcome { try Fundlint.parseAsRoot(["b.yaml"]) })
        let alone: [[String]] = [
            [], ["plan.yaml"], ["--quiet", "a.yaml", "b.yaml"], ["check", "--format", "json", "a.yaml"], ["check"],
            ["--format=sarif", "--output", "out.sarif", "--color", "never", "--no-source", "dir"],
            ["--stdin-filename", "plan.yaml", "-"], ["--", "-odd.yaml"], ["--fix", "--fail-on", "warning", "x.yaml"],
            ["--jobs", "2", "--max-file-size", "1024", "--rules", "lipf-2026", "--no-inline-suppressions"],
            ["--config", "c.yml", "x.yaml"], ["--no-config", "."],
        ]
        for line in alone {
            #expect(PathArguments.checkAlone(line) != nil, "\(line)")
            #expect(outcome { try PathArguments.parseAsRoot(line) } == outcome { try Fundlint.parseAsRoot(line) }, "\(line)")
        }
        let root: [[String]] = [
            ["--version"], ["-h"], ["--help"], ["check", "-h"], ["help"], ["help", "check"], ["report", "x.yaml"], ["rules"],
            ["x.yaml", "report"], ["check", "check"], ["--generate-completion-script", "bash"], ["--bogus"], ["--format", "xml"],
            ["--stdin-filename", "a.yaml"], ["--jobs", "0"], ["--color"], ["--experimental-dump-help"],
        ]
        for line in root {
            #expect(PathArguments.checkAlone(line) == nil, "\(line)")
            #expect(outcome { try PathArguments.parseAsRoot(line) } == outcome { try Fundlint.parseAsRoot(line) }, "\(line)")
        }
    }

    @Test func manyFileNamesAreCheckedInTheOrderGivenAndStandardInputIsStillCheckedOnce() throws {
        let root = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        for name in Self.names { try "fund: lipf-2026\n".write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let given = Array(Self.names.reversed())
        let result = try CommandRunner.run(Array(given.prefix(10)) + ["--format", "json", "--quiet"] + given.dropFirst(10), in: root)
        #expect(result.status == 1)
        let object = try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any]
        let files = (object?["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        #expect(files == given)
        #expect(result.stderr.isEmpty)

        let twice = try CommandRunner.run(Self.names + ["-", "-"], in: root)
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("standard input (-) can be read only once"))
    }
}
