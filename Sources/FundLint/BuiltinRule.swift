import YAMLTree

/// The rules built into the engine for every pack; their metadata lives in `Rules/core.yaml`.
public enum BuiltinRule: String, Sendable, CaseIterable {
    case yamlSyntax = "yaml/syntax"
    case yamlDuplicateKey = "yaml/duplicate-key"
    case yamlTag = "yaml/tag"
    case yamlLimits = "yaml/limits"
    case planEmpty = "plan/empty"

    /// The rule a YAML reading problem is reported under.
    init(_ kind: YAMLProblem.Kind) {
        switch kind {
        case .syntax: self = .yamlSyntax
        case .duplicateKey: self = .yamlDuplicateKey
        case .tag: self = .yamlTag
        case .limits: self = .yamlLimits
        }
    }
}
