import ArgumentParser
import FundLint

/// `fundlint explain RULE-ID`: what a rule checks, why, where it comes from, and examples.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Explain a rule: rationale, source, a failing and a passing example.")

    @Argument(help: "The rule id, e.g. category/rule-name.")
    var rule: String

    @OptionGroup var pack: PackOption

    func run() throws {
        let pack = try PackLoading.load(self.pack.rules)
        let infos = BuiltinPacks.coreRules + pack.ruleInfos
        guard let info = infos.first(where: { $0.id == rule }) else {
            let ids = infos.map(\.id)
            let hint = RuleExplanation.suggestion(for: rule, among: ids).map { " Did you mean '\($0.id)'?" } ?? ""
            StandardStream.error.write("fundlint: error: no rule '\(TextEscaper.escape(rule))' in \(pack.id).\(hint) 'fundlint rules' lists them.\n")
            throw ExitCode(2)
        }
        StandardStream.output.write(RuleExplanation(info: info, pack: pack).text)
    }
}
