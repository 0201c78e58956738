/// A type-checked expression, ready to evaluate: names resolved to plan fields, tables,
/// constants and local slots once, when the pack loads.
indirect enum CompiledExpression: Sendable {
    case constant(Value)
    case rootObject
    case local(Int)
    /// A rule's `let`: evaluated on first use in a rule's evaluation and kept in local
    /// `slot` for the other uses (the runner forgets it between rules and loop items).
    case cached(slot: Int, CompiledExpression)
    /// A value that depends on the plan alone (`project.region`,
    /// `places[project.region].funded`): evaluated on first use for a plan and kept in
    /// shared slot `slot` for every later use by any rule of the plan.
    case shared(slot: Int, CompiledExpression)
    /// A field, with its position among the fields of the object's type: the index of the
    /// property in a plan mapping's schema, which spares a search by name (-1: unknown).
    case member(CompiledExpression, String, position: Int)
    case listIndex(CompiledExpression, CompiledExpression)
    case tableLookup(CompiledExpression, CompiledExpression)
    case has(CompiledExpression, String)
    case function(BuiltinFunction, [CompiledExpression])
    case macro(Macro, CompiledExpression, slot: Int, CompiledExpression)
    case not(CompiledExpression)
    case negate(CompiledExpression)
    case arithmetic(ArithmeticOperator, CompiledExpression, CompiledExpression)
    case concatenate(CompiledExpression, CompiledExpression)
    case compare(ComparisonOperator, CompiledExpression, CompiledExpression)
    case inList(CompiledExpression, CompiledExpression)
    case inTable(CompiledExpression, CompiledExpression)
    case and(CompiledExpression, CompiledExpression)
    case or(CompiledExpression, CompiledExpression)
    case conditional(CompiledExpression, CompiledExpression, CompiledExpression)
    case list([CompiledExpression])

    enum Macro: String, Sendable { case exists, all, map, filter }
    enum ArithmeticOperator: String, Sendable { case add = "+", subtract = "-", multiply = "*" }
    enum ComparisonOperator: String, Sendable {
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }
}

/// The functions every pack may call. Generic by design: none exists for one rule's sake.
enum BuiltinFunction: String, Sendable, CaseIterable {
    case size, sum, abs, gbp, date, join, string

    /// Argument types and result type, for the checker; `nil` means "see `check`".
    var summary: String {
        switch self {
        case .size: "size(list or string) -> integer"
        case .sum: "sum(list of integers) -> integer"
        case .abs: "abs(integer) -> integer"
        case .gbp: "gbp(integer) -> string, e.g. £1,800,000"
        case .date: "date(string 'YYYY-MM-DD') -> date"
        case .join: "join(list of strings, separator string) -> string"
        case .string: "string(value) -> string"
        }
    }
}
