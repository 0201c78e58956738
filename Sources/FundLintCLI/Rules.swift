import ArgumentParser
import FundLint

/// `fundlint rules`: lists the active pack's rules, or verifies its examples.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the rules of the active rule pack, or verify its examples.")

    enum Format: String, CommandLineChoice { case text, json, markdown }

    @Option(help: "Output format.")
    var format: Format = .text

    @OptionGroup var pack: PackOption

    @Flag(help: "Run every rule's bad and good examples and report the ones that misbehave.")
    var verify = false

    func run() throws {
        let pack = try PackLoading.load(self.pack.rules)
        if verify {
            // The engine's own rules show their examples on a built-in pack's plan format, so
            // they are verified with the packs that share it.
            let builtins = BuiltinPacks.pack(pack.id, complete: true) != nil ? BuiltinPacks.coreRules : []
            let (checked, failures) = PackVerifier(pack: pack).verify(builtins: builtins)
            // Each at its example in the pack, as a compiler reports, for editors to jump to.
            for failure in failures {
                StandardStream.output.write("\(TextEscaper.escape(failure.file)):\(failure.start): error: \(TextEscaper.escape(failure.description))\n")
            }
            StandardStream.error.write("fundlint: \(checked - failures.count) passed, \(failures.count) failed of \(checked) rule examples in \(pack.id)\n")
            if !failures.isEmpty { throw ExitCode(1) }
            return
        }
        let infos = BuiltinPacks.coreRules + pack.ruleInfos
        StandardStream.output.write(RuleListing(pack: pack, rules: infos).render(format.rawValue))
    }
}

/// Loads the pack named by `--rules` for commands other than `check`, reporting problems
/// on standard error and exiting 2.
enum PackLoading {
    static func load(_ rules: String?) throws -> RulePack {
        switch PackSelection.select(rules, firstPlan: nil, maxFileSize: CheckOptions.defaultMaxFileSize, complete: true) {
        case .success(let pack):
            return pack
        case .failure(.unreadable(let path, let reason)):
            StandardStream.error.write("fundlint: error: cannot read rule pack '\(TextEscaper.escape(path))': \(reason)\n")
        case .failure(.invalid(let path, let bytes, let diagnostics)):
            var reporter = CompilerReporter()
            StandardStream.output.write(reporter.file(FileReport(path: path, plans: 0, diagnostics: diagnostics, source: bytes)))
        }
        throw ExitCode(2)
    }
}
