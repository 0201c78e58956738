import YAMLTree

/// Runs rule examples: each bad example must produce exactly its rule's diagnostic at the
/// marked place, each good one nothing. How a pack author tests a pack (`rules --verify`).
public struct PackVerifier {
    /// One example that did not behave.
    public struct Failure: Sendable, CustomStringConvertible {
        /// The rule.
        public var rule: String
        /// What went wrong.
        public var message: String
        /// The pack file of the example, and where the example begins there.
        public var file: String
        public var start: SourceLocation

        public var description: String { "\(rule): \(message)" }
    }

    /// The pack the examples run against.
    public let pack: RulePack

    /// Creates a verifier.
    public init(pack: RulePack) {
        self.pack = pack
    }

    /// Verifies every rule of the pack and, with `builtins`, the engine's own rules.
    public func verify(builtins: [RuleInfo] = []) -> (checked: Int, failures: [Failure]) {
        var failures: [Failure] = []
        var checked = 0
        for info in pack.ruleInfos + builtins {
            for example in info.bad {
                checked += 1
                failures += verifyBad(example, info: info)
            }
            for example in info.good {
                checked += 1
                failures += verifyGood(example, info: info)
            }
        }
        return (checked, failures)
    }

    /// The diagnostics an example's plan gets.
    public func diagnostics(of example: RuleExample) -> [Diagnostic] {
        var report = PlanChecker(pack: pack).check(Array(plan(of: example).utf8), path: "example.yaml")
        var portfolio = PortfolioChecker(pack: pack) { [path = report.path] _ in path }
        portfolio.process(&report, file: 0)
        return report.diagnostics
    }

    /// The plan text an example checks: its own, or the pack's example plan patched.
    public func plan(of example: RuleExample) -> String {
        if example.plan.isEmpty, let patch = example.patch {
            return PlanEmitter.merging(baseText: pack.examplePlan ?? "", patchText: patch)
        }
        return example.plan
    }

    private func describe(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.isEmpty ? "none" : diagnostics.map { "\($0.rule) at \($0.yamlPath.isEmpty ? $0.range.start.description : $0.yamlPath) (\($0.message))" }.joined(separator: "; ")
    }

    private func matches(_ diagnostic: Diagnostic, _ expected: String?, document: Int?) -> Bool {
        if let document, diagnostic.document != document { return false }
        guard let expected else { return true }
        if expected.contains(":") { return diagnostic.range.start.description == expected }
        return diagnostic.yamlPath == expected
    }

    private func verifyBad(_ example: RuleExample, info: RuleInfo) -> [Failure] {
        let all = diagnostics(of: example)
        let relevant = info.builtin ? all.filter { $0.rule == info.id } : all.filter { !example.also.contains($0.rule) }
        guard relevant.count == 1, let only = relevant.first, only.rule == info.id, matches(only, example.expectedPath, document: example.document) else {
            return [Failure(rule: info.id, message: "a bad example should give exactly one \(info.id) at \(example.expectedPath ?? "?"), but gave: \(describe(relevant))",
                            file: example.file, start: example.start)]
        }
        return []
    }

    private func verifyGood(_ example: RuleExample, info: RuleInfo) -> [Failure] {
        let all = diagnostics(of: example)
        let relevant = info.builtin ? all.filter { $0.rule == info.id } : all
        guard relevant.isEmpty else {
            return [Failure(rule: info.id, message: "a good example should pass, but gave: \(describe(relevant))",
                            file: example.file, start: example.start)]
        }
        return []
    }
}
