/// Parses the rule expression language: a small CEL-like grammar.
///
/// ```
/// expression  := or ('?' expression ':' expression)?
/// or          := and ('||' and)*
/// and         := comparison ('&&' comparison)*
/// comparison  := additive (('==' | '!=' | '<' | '<=' | '>' | '>=' | 'in') additive)?
/// additive    := multiplicative (('+' | '-') multiplicative)*
/// multiplicative := unary ('*' unary)*
/// unary       := ('!' | '-') unary | postfix
/// postfix     := primary ('.' NAME ('(' arguments ')')? | '[' expression ']')*
/// primary     := INTEGER | STRING | 'true' | 'false' | '[' arguments ']' | NAME ('(' arguments ')')?
///              | '(' expression ')'
/// ```
/// Integers may use `_` separators; strings use single or double quotes with `\` escapes.
/// Nesting is limited to 64 levels, so the parser's recursion is bounded by the pack, never
/// by a plan.
struct ExpressionParser {
    /// The punctuation of the language, named as written (operators keep these names in the
    /// syntax tree). A token's symbol is compared as a case, not as text: the grammar asks
    /// "is this `||`?" at every level of every operand.
    private enum Symbol: String {
        case equal = "==", notEqual = "!=", lessOrEqual = "<=", greaterOrEqual = ">=", and = "&&", or = "||"
        case plus = "+", minus = "-", times = "*", less = "<", greater = ">", not = "!"
        case openParen = "(", closeParen = ")", openBracket = "[", closeBracket = "]"
        case dot = ".", comma = ",", question = "?", colon = ":"

        /// The symbol that starts with `first` followed by `second`, taking two characters
        /// if a two-character symbol is written, else one.
        static func scan(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> (Symbol, length: Int)? {
            switch (first, second) {
            case ("=", "="): return (.equal, 2)
            case ("!", "="): return (.notEqual, 2)
            case ("<", "="): return (.lessOrEqual, 2)
            case (">", "="): return (.greaterOrEqual, 2)
            case ("&", "&"): return (.and, 2)
            case ("|", "|"): return (.or, 2)
            default: break
            }
            let single: Symbol? = switch first {
            case "+": .plus
            case "-": .minus
            case "*": .times
            case "<": .less
            case ">": .greater
            case "!": .not
            case "(": .openParen
            case ")": .closeParen
            case "[": .openBracket
            case "]": .closeBracket
            case ".": .dot
            case ",": .comma
            case "?": .question
            case ":": .colon
            default: nil
            }
            return single.map { ($0, 1) }
        }
    }

    private enum Token: Equatable {
        case int(Int128)
        case string(String)
        case name(String)
        case symbol(Symbol)
        case end
    }

    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var token: Token = .end
    private var tokenOffset = 0
    private var depth = 0
    /// The UTF-8 of the name or string being scanned: appending scalars to a `String` one
    /// by one costs several times as much.
    private var scratch: [UInt8] = []
    static let maxDepth = 64

    /// Parses `text` as one expression.
    static func parse(_ text: String) throws(ExpressionError) -> ExpressionSyntax {
        var parser = ExpressionParser(text)
        try parser.advance()
        let expression = try parser.expression()
        guard parser.token == .end else {
            throw ExpressionError(message: "unexpected \(parser.describe(parser.token)) after the expression", offset: parser.tokenOffset)
        }
        return expression
    }

    private init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    // MARK: lexing

    private mutating func advance() throws(ExpressionError) {
        while position < scalars.count, scalars[position].isExpressionSpace { position += 1 }
        tokenOffset = position
        guard position < scalars.count else { token = .end; return }
        let c = scalars[position]
        if ("0"..."9").contains(c) {
            var value: Int128 = 0
            while position < scalars.count, ("0"..."9").contains(scalars[position]) || scalars[position] == "_" {
                if scalars[position] != "_" {
                    let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
                    let (sum, overflow2) = times.addingReportingOverflow(Int128(scalars[position].value - 48))
                    if overflow1 || overflow2 { throw ExpressionError(message: "integer literal is too large", offset: tokenOffset) }
                    value = sum
                }
                position += 1
            }
            token = .int(value)
        } else if c == "'" || c == "\"" {
            position += 1
            scratch.removeAll(keepingCapacity: true)
            while true {
                guard position < scalars.count else { throw ExpressionError(message: "unterminated string literal", offset: tokenOffset) }
                let s = scalars[position]
                position += 1
                if s == c { break }
                if s == "\\", position < scalars.count {
                    let e = scalars[position]
                    position += 1
                    switch e {
                    case "n": scratch.append(0x0A)
                    case "t": scratch.append(0x09)
                    default: appendToScratch(e)
                    }
                } else {
                    appendToScratch(s)
                }
            }
            token = .string(String(decoding: scratch, as: UTF8.self))
        } else if c.isNameLetter || c == "_" {
            scratch.removeAll(keepingCapacity: true)
            while position < scalars.count, scalars[position].isNameLetter || scalars[position] == "_"
                    || ("0"..."9").contains(scalars[position]) {
                appendToScratch(scalars[position])
                position += 1
            }
            token = .name(String(decoding: scratch, as: UTF8.self))
        } else {
            let next: Unicode.Scalar = position + 1 < scalars.count ? scalars[position + 1] : " "
            guard let (symbol, length) = Symbol.scan(c, next) else {
                throw ExpressionError(message: "unexpected character '\(c)'", offset: position)
            }
            position += length
            token = .symbol(symbol)
        }
    }

    private mutating func appendToScratch(_ scalar: Unicode.Scalar) {
        if scalar.isASCII {
            scratch.append(UInt8(truncatingIfNeeded: scalar.value))
        } else {
            scratch.append(contentsOf: scalar.utf8)
        }
    }

    private func describe(_ token: Token) -> String {
        switch token {
        case .int(let value): "number \(value)"
        case .string: "string"
        case .name(let name): "'\(name)'"
        case .symbol(let symbol): "'\(symbol.rawValue)'"
        case .end: "end of expression"
        }
    }

    private mutating func expect(_ symbol: Symbol) throws(ExpressionError) {
        guard token == .symbol(symbol) else {
            throw ExpressionError(message: "expected '\(symbol.rawValue)' but found \(describe(token))", offset: tokenOffset)
        }
        try advance()
    }

    // MARK: grammar

    private mutating func expression() throws(ExpressionError) -> ExpressionSyntax {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { throw ExpressionError(message: "expression nests too deeply", offset: tokenOffset) }
        let start = tokenOffset
        let condition = try or()
        guard token == .symbol(.question) else { return condition }
        try advance()
        let then = try expression()
        try expect(.colon)
        let otherwise = try expression()
        return .conditional(condition, then, otherwise, offset: start)
    }

    private mutating func or() throws(ExpressionError) -> ExpressionSyntax {
        var left = try and()
        while token == .symbol(.or) {
            let offset = tokenOffset
            try advance()
            left = .binary("||", left, try and(), offset: offset)
        }
        return left
    }

    private mutating func and() throws(ExpressionError) -> ExpressionSyntax {
        var left = try comparison()
        while token == .symbol(.and) {
            let offset = tokenOffset
            try advance()
            left = .binary("&&", left, try comparison(), offset: offset)
        }
        return left
    }

    private mutating func comparison() throws(ExpressionError) -> ExpressionSyntax {
        let left = try additive()
        let op: String
        switch token {
        case .symbol(let symbol) where [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual].contains(symbol):
            op = symbol.rawValue
        case .name("in"): op = "in"
        default: return left
        }
        let offset = tokenOffset
        try advance()
        return .binary(op, left, try additive(), offset: offset)
    }

    private mutating func additive() throws(ExpressionError) -> ExpressionSyntax {
        var left = try multiplicative()
        while token == .symbol(.plus) || token == .symbol(.minus) {
            guard case .symbol(let op) = token else { break }
            let offset = tokenOffset
            try advance()
            left = .binary(op.rawValue, left, try multiplicative(), offset: offset)
        }
        return left
    }

    private mutating func multiplicative() throws(ExpressionError) -> ExpressionSyntax {
        var left = try unary()
        while token == .symbol(.times) {
            let offset = tokenOffset
            try advance()
            left = .binary("*", left, try unary(), offset: offset)
        }
        return left
    }

    private mutating func unary() throws(ExpressionError) -> ExpressionSyntax {
        if token == .symbol(.not) || token == .symbol(.minus) {
            guard case .symbol(let symbol) = token else { return try postfix() }
            let op = symbol.rawValue
            let offset = tokenOffset
            try advance()
            depth += 1
            defer { depth -= 1 }
            if depth > Self.maxDepth { throw ExpressionError(message: "expression nests too deeply", offset: offset) }
            return .unary(op, try unary(), offset: offset)
        }
        return try postfix()
    }

    private mutating func postfix() throws(ExpressionError) -> ExpressionSyntax {
        var base = try primary()
        while true {
            if token == .symbol(.dot) {
                try advance()
                let offset = tokenOffset
                guard case .name(let name) = token else {
                    throw ExpressionError(message: "expected a field or function name after '.'", offset: tokenOffset)
                }
                try advance()
                if token == .symbol(.openParen) {
                    base = .method(base, name, try arguments(closing: .closeParen), offset: offset)
                } else {
                    base = .member(base, name, offset: offset)
                }
            } else if token == .symbol(.openBracket) {
                let offset = tokenOffset
                try advance()
                let index = try expression()
                try expect(.closeBracket)
                base = .index(base, index, offset: offset)
            } else {
                return base
            }
        }
    }

    private mutating func arguments(closing: Symbol) throws(ExpressionError) -> [ExpressionSyntax] {
        try advance()
        var result: [ExpressionSyntax] = []
        if token == .symbol(closing) {
            try advance()
            return result
        }
        while true {
            result.append(try expression())
            if token == .symbol(.comma) { try advance(); continue }
            try expect(closing)
            return result
        }
    }

    private mutating func primary() throws(ExpressionError) -> ExpressionSyntax {
        let offset = tokenOffset
        switch token {
        case .int(let value):
            try advance()
            return .int(value, offset: offset)
        case .string(let text):
            try advance()
            return .string(text, offset: offset)
        case .name("true"):
            try advance()
            return .bool(true, offset: offset)
        case .name("false"):
            try advance()
            return .bool(false, offset: offset)
        case .name(let name):
            try advance()
            if token == .symbol(.openParen) {
                return .call(name, try arguments(closing: .closeParen), offset: offset)
            }
            return .identifier(name, offset: offset)
        case .symbol(.openBracket):
            return .list(try arguments(closing: .closeBracket), offset: offset)
        case .symbol(.openParen):
            try advance()
            let inner = try expression()
            try expect(.closeParen)
            return inner
        default:
            throw ExpressionError(message: "expected a value but found \(describe(token))", offset: offset)
        }
    }
}
