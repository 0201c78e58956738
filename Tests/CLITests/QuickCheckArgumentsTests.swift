import ArgumentParser
import Testing
@testable import FundLintCLI

/// The usual check lines, parsed without ArgumentParser, give the command ArgumentParser
/// gives, value for value; every other line is left to ArgumentParser.
@Suite struct QuickCheckArgumentsTests {
    /// Every property of the command, as the runtime sees it (each property wrapper's state
    /// and value included).
    private func dumped(_ check: Check) -> String {
        var text = ""
        dump(check, to: &text)
        return text
    }

    @Test(arguments: [
        [], ["plan.yaml"], ["a.yaml", "b.yaml", "dir"], ["-"], ["a=b.yaml"], [""], ["plän.yaml", "--quiet"],
        ["--format", "json", "plan.yaml"], ["--format=sarif", "plan.yaml"], ["--format", "github"], ["--format", "junit"],
        ["--format", "compiler"], ["--color", "never"], ["--color=always"], ["--color", "auto"],
        ["--output", "out.json"], ["--output=out.json", "x.yaml"], ["--rules", "lipf-2026"], ["--rules=my-pack.yaml"],
        ["--config", "c.yml", "x.yaml"], ["--no-config", "."], ["--fail-on", "warning"], ["--fail-on=error"],
        ["--jobs", "2"], ["--jobs=1"], ["--jobs", "+3"], ["--max-file-size", "1024"], ["--max-file-size=0"],
        ["--stdin-filename", "plan.yaml", "-"], ["-", "--stdin-filename=plan.yaml"], ["--quiet"], ["--no-source"],
        ["--no-inline-suppressions"], ["--fix", "x.yaml"],
        ["--format", "json", "--output", "r.json", "--color", "never", "--no-source", "--fix", "--quiet", "--jobs", "2",
         "--max-file-size", "4096", "--rules", "lipf-2026", "--fail-on", "warning", "--no-inline-suppressions",
         "--config", "c.yml", "a.yaml", "b.yaml"],
    ])
    func usualLinesAreParsedAsArgumentParserParsesThem(_ line: [String]) throws {
        let quick = try #require(QuickCheckArguments.parse(line))
        let parsed = try Check.parse(line)
        #expect(dumped(quick) == dumped(parsed))
    }

    @Test func theComparisonSeesEveryValue() throws {
        let json = try #require(QuickCheckArguments.parse(["--format", "json"]))
        let sarif = try #require(QuickCheckArguments.parse(["--format", "sarif"]))
        #expect(dumped(json) != dumped(sarif))
        let plain = try #require(QuickCheckArguments.parse([]))
        #expect(dumped(plain) != dumped(try #require(QuickCheckArguments.parse(["--no-inline-suppressions"]))))
        #expect(dumped(plain) != dumped(try #require(QuickCheckArguments.parse(["--max-file-size", "7"]))))
        #expect(dumped(plain) == dumped(try Check.parse([])))
    }

    @Test(arguments: [
        ["-h"], ["--help"], ["--version"], ["--bogus"], ["-q"], ["--", "-odd.yaml"], ["--format", "xml"], ["--format"],
        ["--format="], ["--output", "-"], ["--output=-x"], ["--jobs", "x"], ["--jobs", "0"], ["--jobs", "-1"],
        ["--max-file-size", "-5"], ["--max-file-size", "1e3"], ["--quiet=yes"], ["--quiet", "--quiet"],
        ["--format", "json", "--format", "sarif"], ["--stdin-filename", "a.yaml"], ["-", "-"], ["--fix", "-"],
        ["--config", "c.yml", "--no-config"], ["--color", "NEVER"], ["--fail-on", "info"],
    ])
    func everyOtherLineIsLeftToArgumentParser(_ line: [String]) {
        #expect(QuickCheckArguments.parse(line) == nil)
    }
}
