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
    private enum Token: Equatable {
        case int(Int128)
        case string(String)
        case name(String)
        case symbol(String)
        case end
    }

    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var token: Token = .end
    private var tokenOffset = 0
    private var depth = 0
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
            var text = ""
            while true {
                guard position < scalars.count else { throw ExpressionError(message: "unterminated string literal", offset: tokenOffset) }
                let s = scalars[position]
                position += 1
                if s == c { break }
                if s == "\\", position < scalars.count {
                    let e = scalars[position]
                    position += 1
                    switch e {
                    case "n": text += "\n"
                    case "t": text += "\t"
                    default: text.unicodeScalars.append(e)
                    }
                } else {
                    text.unicodeScalars.append(s)
                }
            }
            token = .string(text)
        } else if c.isNameLetter || c == "_" {
            var name = ""
            while position < scalars.count, scalars[position].isNameLetter || scalars[position] == "_"
                    || ("0"..."9").contains(scalars[position]) {
                name.unicodeScalars.append(scalars[position])
                position += 1
            }
            token = .name(name)
        } else {
            let next: Unicode.Scalar = position + 1 < scalars.count ? scalars[position + 1] : " "
            let pair: String? = switch (c, next) {
            case ("=", "="): "=="
            case ("!", "="): "!="
            case ("<", "="): "<="
            case (">", "="): ">="
            case ("&", "&"): "&&"
            case ("|", "|"): "||"
            default: nil
            }
            if let pair {
                position += 2
                token = .symbol(pair)
            } else {
                switch c {
                case "+", "-", "*", "<", ">", "!", "(", ")", "[", "]", ".", ",", "?", ":":
                    position += 1
                    token = .symbol(String(c))
                default:
                    throw ExpressionError(message: "unexpected character '\(c)'", offset: position)
                }
            }
        }
    }

    private func describe(_ token: Token) -> String {
        switch token {
        case .int(let value): "number \(value)"
        case .string: "string"
        case .name(let name): "'\(name)'"
        case .symbol(let symbol): "'\(symbol)'"
        case .end: "end of expression"
        }
    }

    private mutating func expect(_ symbol: String) throws(ExpressionError) {
        guard token == .symbol(symbol) else {
            throw ExpressionError(message: "expected '\(symbol)' but found \(describe(token))", offset: tokenOffset)
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
        guard token == .symbol("?") else { return condition }
        try advance()
        let then = try expression()
        try expect(":")
        let otherwise = try expression()
        return .conditional(condition, then, otherwise, offset: start)
    }

    private mutating func or() throws(ExpressionError) -> ExpressionSyntax {
        var left = try and()
        while token == .symbol("||") {
            let offset = tokenOffset
            try advance()
            left = .binary("||", left, try and(), offset: offset)
        }
        return left
    }

    private mutating func and() throws(ExpressionError) -> ExpressionSyntax {
        var left = try comparison()
        while token == .symbol("&&") {
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
        case .symbol(let s) where ["==", "!=", "<", "<=", ">", ">="].contains(s): op = s
        case .name("in"): op = "in"
        default: return left
        }
        let offset = tokenOffset
        try advance()
        return .binary(op, left, try additive(), offset: offset)
    }

    private mutating func additive() throws(ExpressionError) -> ExpressionSyntax {
        var left = try multiplicative()
        while token == .symbol("+") || token == .symbol("-") {
            guard case .symbol(let op) = token else { break }
            let offset = tokenOffset
            try advance()
            left = .binary(op, left, try multiplicative(), offset: offset)
        }
        return left
    }

    private mutating func multiplicative() throws(ExpressionError) -> ExpressionSyntax {
        var left = try unary()
        while token == .symbol("*") {
            let offset = tokenOffset
            try advance()
            left = .binary("*", left, try unary(), offset: offset)
        }
        return left
    }

    private mutating func unary() throws(ExpressionError) -> ExpressionSyntax {
        if token == .symbol("!") || token == .symbol("-") {
            guard case .symbol(let op) = token else { return try postfix() }
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
            if token == .symbol(".") {
                try advance()
                let offset = tokenOffset
                guard case .name(let name) = token else {
                    throw ExpressionError(message: "expected a field or function name after '.'", offset: tokenOffset)
                }
                try advance()
                if token == .symbol("(") {
                    base = .method(base, name, try arguments(closing: ")"), offset: offset)
                } else {
                    base = .member(base, name, offset: offset)
                }
            } else if token == .symbol("[") {
                let offset = tokenOffset
                try advance()
                let index = try expression()
                try expect("]")
                base = .index(base, index, offset: offset)
            } else {
                return base
            }
        }
    }

    private mutating func arguments(closing: String) throws(ExpressionError) -> [ExpressionSyntax] {
        try advance()
        var result: [ExpressionSyntax] = []
        if token == .symbol(closing) {
            try advance()
            return result
        }
        while true {
            result.append(try expression())
            if token == .symbol(",") { try advance(); continue }
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
            if token == .symbol("(") {
                return .call(name, try arguments(closing: ")"), offset: offset)
            }
            return .identifier(name, offset: offset)
        case .symbol("["):
            return .list(try arguments(closing: "]"), offset: offset)
        case .symbol("("):
            try advance()
            let inner = try expression()
            try expect(")")
            return inner
        default:
            throw ExpressionError(message: "expected a value but found \(describe(token))", offset: offset)
        }
    }
}
