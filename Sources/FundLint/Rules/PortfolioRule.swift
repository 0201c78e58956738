import YAMLTree

/// A rule over all plans of a run, in report order: either a key that must be unique, or a
/// running total per group that must stay within a limit. Plans are reduced in the worker
/// to a few facts (``PortfolioFacts``), so a run of any size keeps flat memory.
struct PortfolioRule: Sendable {
    enum Kind: Sendable {
        /// The later of two plans with the same key fires, with a note at the first.
        case unique(CompiledExpression)
        /// The plan at which a group's running `sum` first exceeds `limit` fires.
        case total(group: CompiledExpression, sum: CompiledExpression, limit: CompiledExpression)
    }

    var info: RuleInfo
    var kind: Kind
    /// Only plans with no error diagnostics of their own count (totals only).
    var passingOnly: Bool
    var when: CompiledExpression?
    /// `let` values, evaluated per plan and kept for the message.
    var lets: [CompiledExpression]
    var at: CompiledExpression
    var planSlots: Int
    /// The message, evaluated with the kept `let` values and the run's state.
    var message: MessageTemplate
    var messageSlots: Int
    var letSlots: [Int]
    var keySlot: Int
    var totalSlot: Int
    var limitSlot: Int
    var amountSlot: Int
    var firstSlot: Int
}

/// What one plan contributes to one portfolio rule.
public struct PortfolioFacts: Sendable {
    var key: String?
    var amount: Int128?
    var limit: Int128?
    var range: SourceRange
    var path: String
    var note: Diagnostic.Note?
    var lets: [Value]
}

/// One plan's facts for every portfolio rule of the pack.
public struct PlanFacts: Sendable {
    /// The plan's document index in its file.
    public var document: Int
    /// Unsuppressed errors of the plan's own.
    public var errors: Int
    /// By portfolio rule, in pack order; `nil` where the rule does not apply.
    var rules: [PortfolioFacts?]
}
