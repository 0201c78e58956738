/// The syntax tree of a rule expression. Offsets count Unicode scalars from the start of the
/// expression text, so errors can be placed exactly in the pack file.
indirect enum ExpressionSyntax: Sendable {
    case int(Int128, offset: Int)
    case string(String, offset: Int)
    case bool(Bool, offset: Int)
    case list([ExpressionSyntax], offset: Int)
    case identifier(String, offset: Int)
    case member(ExpressionSyntax, String, offset: Int)
    case index(ExpressionSyntax, ExpressionSyntax, offset: Int)
    case call(String, [ExpressionSyntax], offset: Int)
    case method(ExpressionSyntax, String, [ExpressionSyntax], offset: Int)
    case unary(String, ExpressionSyntax, offset: Int)
    case binary(String, ExpressionSyntax, ExpressionSyntax, offset: Int)
    case conditional(ExpressionSyntax, ExpressionSyntax, ExpressionSyntax, offset: Int)

    /// Where the construct's text begins (its leftmost operand).
    var start: Int {
        switch self {
        case .member(let base, _, _), .index(let base, _, _), .method(let base, _, _, _), .binary(_, let base, _, _):
            base.start
        default:
            offset
        }
    }

    /// Where the construct starts in the expression text (for operators: the operator).
    var offset: Int {
        switch self {
        case .int(_, let offset), .string(_, let offset), .bool(_, let offset), .list(_, let offset),
             .identifier(_, let offset), .member(_, _, let offset), .index(_, _, let offset),
             .call(_, _, let offset), .method(_, _, _, let offset), .unary(_, _, let offset),
             .binary(_, _, _, let offset), .conditional(_, _, _, let offset):
            offset
        }
    }
}

/// A problem in an expression, at a scalar offset into its text.
struct ExpressionError: Error, Sendable {
    var message: String
    var offset: Int
    /// How many Unicode scalars the problem spans from `offset`: the whole name, for a name
    /// that is not known, so that a report underlines it; 1 for a single place.
    var length = 1
    /// Whether the problem follows from one reported already: a use of a name whose own
    /// definition did not compile. It is not reported again.
    var followsReported = false
}
