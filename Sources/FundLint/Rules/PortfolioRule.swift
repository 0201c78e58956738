import YAMLTree

/// A rule over all plans of a run, in report order: either a key that must be unique, or a
/// running total per group that must stay within a limit. Plans are reduced in the worker
/// to a few facts (``PortfolioFacts``), so a run of any size keeps flat memory. A class:
/// it is shared by reference, not copied for every plan.
final class PortfolioRule: Sendable {
    enum Kind: Sendable {
        /// The later of two plans with the same key fires, with a note at the first.
        case unique(CompiledExpression)
        /// The plan at which a group's running `sum` first exceeds `limit` fires.
        case total(group: CompiledExpression, sum: CompiledExpression, limit: CompiledExpression)
    }

    let info: RuleInfo
    let kind: Kind
    /// Only plans with no error diagnostics of their own count (totals only).
    let passingOnly: Bool
    let when: CompiledExpression?
    /// `let` values, evaluated per plan and kept for the message.
    let lets: [CompiledExpression]
    let at: CompiledExpression
    let planSlots: Int
    /// The message, evaluated with the kept `let` values and the run's state.
    let message: MessageTemplate
    let messageSlots: Int
    let letSlots: [Int]
    let keySlot: Int
    let totalSlot: Int
    let limitSlot: Int
    let amountSlot: Int
    let firstSlot: Int

    init(info: RuleInfo, kind: Kind, passingOnly: Bool, when: CompiledExpression?, lets: [CompiledExpression],
         at: CompiledExpression, planSlots: Int, message: MessageTemplate, messageSlots: Int, letSlots: [Int],
         keySlot: Int, totalSlot: Int, limitSlot: Int, amountSlot: Int, firstSlot: Int) {
        self.info = info
        self.kind = kind
        self.passingOnly = passingOnly
        self.when = when
        self.lets = lets
        self.at = at
        self.planSlots = planSlots
        self.message = message
        self.messageSlots = messageSlots
        self.letSlots = letSlots
        self.keySlot = keySlot
        self.totalSlot = totalSlot
        self.limitSlot = limitSlot
        self.amountSlot = amountSlot
        self.firstSlot = firstSlot
    }
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
