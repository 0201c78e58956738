import ArgumentParser
import FundLint
#if canImport(Glibc)
import Glibc
#endif

/// The `fundlint` command: checks Local Innovation Partnerships Fund plans.
@main
struct Fundlint: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "fundlint",
        abstract: "Check project plans for the Local Innovation Partnerships Fund.",
        version: version,
        subcommands: [Check.self, Report.self, Rules.self, Explain.self, Schema.self, Init.self],
        defaultSubcommand: Check.self
    )

    /// Runs the command; usage errors exit with 2 (not the parser's 64), as documented.
    static func main() {
        do {
            var command = try PathArguments.parse(Array(CommandLine.arguments.dropFirst()))
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                StandardStream.error.write(fullMessage(for: error) + "\n")
                Glibc.exit(2)
            }
            exit(withError: error)
        }
    }
}
