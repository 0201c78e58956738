/// Hints about quoted values: one left open, and one ended early by a quote inside it.
extension SyntaxHint {
    /// `title: 'Harbour's sensors'`: a quote inside a quoted value ends it, and libyaml stops
    /// at the text after it. The value is offered quoted the other way (or, for `'...'`, with
    /// the inner quote written twice).
    func quoteEndingValue() -> YAMLProblem.Fix? {
        guard problem == "did not find expected key", let line = line(at.line),
              let after = byteOffset(ofColumn: at.column, in: line), after > line.startIndex,
              let start = Self.valueStart(line), start < after - 1, line[start] == line[after - 1]
        else { return nil }
        let quote = line[start]
        guard quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\""),
              Self.closingQuote(in: line, from: start) == after - 1
        else { return nil }
        let valueEnd = Self.valueEnd(line, from: start)
        // `'it's`: an apostrophe inside a word, and no quote after it to end the value (which
        // may end before `after`, at a ` #` inside the quoted text).
        let apostrophe = quote == UInt8(ascii: "'") && valueEnd > after && Self.isKeyByte(line[after])
            && !line[after..<valueEnd].contains(quote)
            && !line[after..<valueEnd].contains(UInt8(ascii: ":"))
        guard let last = apostrophe ? valueEnd : line[after...].lastIndex(of: quote), apostrophe || valueEnd == last + 1
        else { return nil }
        let inner = String(decoding: line[(start + 1)..<last], as: UTF8.self)
        let replacement: String
        if quote == UInt8(ascii: "'") {
            // What was meant: each `''` already written stands for one quote.
            var meant = ""
            var previousWasQuote = false
            for character in inner {
                if character == "'", previousWasQuote {
                    previousWasQuote = false
                    continue
                }
                previousWasQuote = character == "'"
                meant.append(character)
            }
            replacement = Self.quoted(meant, with: "\"")
        } else {
            // Escapes written in it would change meaning in single quotes.
            guard !inner.contains("\\") else { return nil }
            replacement = Self.quoted(inner, with: "'")
        }
        let mark = quote == UInt8(ascii: "'") ? "'" : "\""
        let markColumn = column(ofByteOffset: after - 1, in: line)
        return YAMLProblem.Fix(range: range(of: start..<(apostrophe ? last : last + 1), in: line, number: at.line), replacement: replacement,
                               message: "the \(mark) at column \(markColumn) ends the quoted value: write it as \(replacement)")
    }

    /// `text` as a double-quoted (`"` and `\\` escaped) or single-quoted (`'` doubled) scalar.
    static func quoted(_ text: String, with quote: Character) -> String {
        var result = String(quote)
        for character in text {
            if quote == "\"", character == "\"" || character == "\\" { result.append("\\") }
            if quote == "'", character == "'" { result.append("'") }
            result.append(character)
        }
        result.append(quote)
        return result
    }

    /// Where the quoted scalar opening at `start` closes: the first `'` not written twice, or
    /// the first `"` not escaped.
    static func closingQuote(in line: ArraySlice<UInt8>, from start: Int) -> Int? {
        let quote = line[start]
        var index = start + 1
        while index < line.endIndex {
            if quote == UInt8(ascii: "\""), line[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if line[index] == quote {
                guard quote == UInt8(ascii: "'"), index + 1 < line.endIndex, line[index + 1] == quote else { return index }
                index += 2
                continue
            }
            index += 1
        }
        return nil
    }

    /// A quoted value left open on its line (`title: "Smart harbour`), so that libyaml reads on
    /// to the end of the stream (or the next document) for the closing quote: the quote is
    /// offered at the end of that line, after all that is written on it (a ` #` there may be
    /// part of the value).
    func unclosedQuote() -> YAMLProblem.Fix? {
        guard context == "while scanning a quoted scalar",
              problem == "found unexpected end of stream" || problem == "found unexpected document indicator",
              let contextAt, at.line > contextAt.line, let line = line(contextAt.line),
              let open = byteOffset(ofColumn: contextAt.column, in: line),
              line[open] == UInt8(ascii: "\"") || line[open] == UInt8(ascii: "'"),
              Self.closingQuote(in: line, from: open) == nil, Self.opensBlockValue(line, at: open)
        else { return nil }
        var end = line.endIndex
        while end > open + 1, line[end - 1] == 0x20 || line[end - 1] == 0x09 || line[end - 1] == 0x0D { end -= 1 }
        // A backslash at the end escapes the line break: the value goes on by design.
        guard end > open + 1, line[end - 1] != UInt8(ascii: "\\") else { return nil }
        let quote = String(UnicodeScalar(line[open]))
        return YAMLProblem.Fix(
            range: SourceRange(at: SourceLocation(line: contextAt.line, column: column(ofByteOffset: end, in: line))),
            replacement: quote,
            message: "the quoted value opened on line \(contextAt.line) is not closed on its line: end it with '\(quote)'")
    }

    /// Whether what comes before `index` on the line is `key: ` or `- ` (outside brackets):
    /// what starts there is a value. A quote at the start of a key, or inside `{...}`, is more
    /// likely stray than unclosed.
    static func opensBlockValue(_ line: ArraySlice<UInt8>, at index: Int) -> Bool {
        let before = line[line.startIndex..<index]
        guard !before.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") }),
              let last = before.lastIndex(where: { $0 != 0x20 && $0 != 0x09 }), last < index - 1
        else { return false }
        return before[last] == UInt8(ascii: ":") || before[last] == UInt8(ascii: "-")
    }
}
