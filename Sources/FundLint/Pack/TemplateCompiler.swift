/// Compiles message templates: text with `{expression}` holes, where `{{` and `}}` stand for
/// braces. Every problem is kept with its offset in the template, counted in Unicode
/// scalars, for the caller to place in the pack.
enum TemplateCompiler {
    /// A problem at `offset` (Unicode scalars into the template), `length` scalars wide: 0
    /// for one that has a position but no width (an unclosed brace), the whole name for a
    /// name that is not known.
    struct Problem {
        var offset: Int
        var message: String
        var length: Int
    }

    /// The template's parts, or the problems that keep it from compiling.
    static func compile(_ source: String, compiler: inout ExpressionCompiler) -> Result<[MessageTemplate.Part], Problems> {
        // Scanned as UTF-8: the braces and quotes that matter are ASCII, and runs of text are
        // copied whole.
        let bytes = Array(source.utf8)
        func scalarOffset(_ byteIndex: Int) -> Int {
            bytes[..<byteIndex].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        }
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var parts: [MessageTemplate.Part] = []
        var problems: [Problem] = []
        // A part that failed for a problem reported elsewhere (a name whose definition did
        // not compile): the template fails without a problem of its own for it.
        var failed = false
        var literal: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == open, index + 1 < bytes.count, bytes[index + 1] == open {
                literal.append(open); index += 2; continue
            }
            if byte == close, index + 1 < bytes.count, bytes[index + 1] == close {
                literal.append(close); index += 2; continue
            }
            guard byte == open else {
                literal.append(byte)
                index += 1
                continue
            }
            guard let end = closingBrace(in: bytes, after: index) else {
                problems.append(Problem(offset: scalarOffset(index), message: "'{' opens an expression that is never closed with '}'",
                                        length: 0))
                return .failure(Problems(list: problems))
            }
            if !literal.isEmpty { parts.append(.text(String(decoding: literal, as: UTF8.self))); literal = [] }
            let inner = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
            do {
                let (code, _) = try compiler.compile(try ExpressionParser.parse(inner))
                parts.append(.expression(code))
            } catch {
                failed = true
                if !error.followsReported {
                    problems.append(Problem(offset: scalarOffset(index + 1) + error.offset, message: error.message, length: max(1, error.length)))
                }
            }
            index = end + 1
        }
        if !literal.isEmpty { parts.append(.text(String(decoding: literal, as: UTF8.self))) }
        return failed ? .failure(Problems(list: problems)) : .success(parts)
    }

    /// The problems of a template, in order.
    struct Problems: Error {
        var list: [Problem]
    }

    /// The index of the `}` that closes the `{` at `start`, skipping quoted strings and
    /// nested braces; `nil` if there is none.
    private static func closingBrace(in bytes: [UInt8], after start: Int) -> Int? {
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var depth = 1
        var end = start + 1
        var quote: UInt8?
        while end < bytes.count {
            let c = bytes[end]
            if let opened = quote {
                if c == UInt8(ascii: "\\") { end += 1 } else if c == opened { quote = nil }
            } else if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
                quote = c
            } else if c == open {
                depth += 1
            } else if c == close {
                depth -= 1
                if depth == 0 { return end }
            }
            end += 1
        }
        return nil
    }
}
