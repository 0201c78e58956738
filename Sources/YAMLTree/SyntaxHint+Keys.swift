/// Hints about keys: a missing space, colon or dash space, and a value that reads as a key.
extension SyntaxHint {
    /// The fix for a key at `start` of `line` followed by a colon and no space, if it is one.
    func missingSpace(in line: ArraySlice<UInt8>, number: Int, from start: Int) -> YAMLProblem.Fix? {
        var colon = start
        while colon < line.endIndex, !Self.stops(line[colon]) { colon += 1 }
        guard colon > start, colon + 1 < line.endIndex, line[colon] == UInt8(ascii: ":"),
              line[colon + 1] != 0x20, line[colon + 1] != 0x09
        else { return nil }
        var end = colon + 1
        while end < line.endIndex, line[end] != 0x20, line[end] != 0x09 { end += 1 }
        guard end - start <= 60 else { return nil }
        let word = String(decoding: line[start..<end], as: UTF8.self)
        let key = String(decoding: line[start..<colon], as: UTF8.self)
        let value = String(decoding: line[(colon + 1)..<end], as: UTF8.self)
        let column = self.column(ofByteOffset: colon, in: line)
        return YAMLProblem.Fix(
            range: SourceRange(start: SourceLocation(line: number, column: column), columns: 1),
            replacement: ": ",
            message: "no space after this colon: YAML reads '\(word)' as one word; a key and its value are written '\(key): \(value)'")
    }

    /// Whether a key scanned for a missing space ends before this byte.
    static func stops(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ":") || byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
            || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[")
    }

    /// `title Smart harbour` on the line before a key: a snake_case word, a space and a value
    /// with no colon anywhere, which YAML reads with the next line as one key. The colon is
    /// offered after the word.
    func missingColon(in line: ArraySlice<UInt8>, number: Int, from start: Int) -> YAMLProblem.Fix? {
        var index = start
        while index < line.endIndex, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(line[index])
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[index]) || line[index] == UInt8(ascii: "_") {
            index += 1
        }
        let end = Self.valueEnd(line, from: start)
        guard index - start >= 2, index + 1 < end, line[index] == 0x20, line[index + 1] != 0x20,
              !line[start..<end].contains(UInt8(ascii: ":")), !"\"'[{#&*!|>-=".utf8.contains(line[index + 1])
        else { return nil }
        let key = String(decoding: line[start..<index], as: UTF8.self)
        let value = String(decoding: line[(index + 1)..<end], as: UTF8.self)
        return YAMLProblem.Fix(range: range(of: index..<(index + 1), in: line, number: number), replacement: ": ",
                               message: "line \(number) has no ':', so YAML reads it and the next line as one key; if '\(key)' is a key, write '\(key): \(value)'")
    }

    /// `title = Smart harbour` on the line before a key: with no colon, YAML reads it and the
    /// next line as one key, then stops at that line's colon. `: ` is offered for the `=`.
    func equalsForColon(in line: ArraySlice<UInt8>, number: Int, from start: Int) -> YAMLProblem.Fix? {
        var index = start
        while index < line.endIndex, Self.isKeyByte(line[index]) { index += 1 }
        let keyEnd = index
        while index < line.endIndex, line[index] == 0x20 { index += 1 }
        guard keyEnd > start, index < line.endIndex, line[index] == UInt8(ascii: "=") else { return nil }
        var valueStart = index + 1
        while valueStart < line.endIndex, line[valueStart] == 0x20 { valueStart += 1 }
        let end = Self.valueEnd(line, from: valueStart)
        guard valueStart < end, !line[valueStart..<end].contains(UInt8(ascii: ":")) else { return nil }
        let key = String(decoding: line[start..<keyEnd], as: UTF8.self)
        let value = String(decoding: line[valueStart..<end], as: UTF8.self)
        return YAMLProblem.Fix(range: range(of: keyEnd..<valueStart, in: line, number: number), replacement: ": ",
                               message: "'=' does not separate a key from its value in YAML: write '\(key): \(value)'")
    }

    /// A letter, digit, `_` or `-`: what the keys of plans are written with.
    static func isKeyByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    /// `-name: A` for a list item, the next line's key lined up with `name`: without a space
    /// after it the dash is part of the key `-name`, and YAML finds the next line indented
    /// more than that key. The space is offered, in place of the note about indentation.
    func dashWithoutSpace() -> YAMLProblem.Fix? {
        guard problem == "mapping values are not allowed in this context", let line = line(at.line),
              let (number, previous) = previousSignificantLine(before: at.line)
        else { return nil }
        let dash = previous.startIndex + Self.indent(previous)
        guard dash + 1 < previous.endIndex, previous[dash] == UInt8(ascii: "-"), Self.isKeyByte(previous[dash + 1]),
              previous[dash + 1] != UInt8(ascii: "-"), Self.indent(line) == Self.indent(previous) + 1,
              Self.isKeyLine(previous, from: Self.indent(previous))
        else { return nil }
        var end = dash + 1
        while end < previous.endIndex, Self.isKeyByte(previous[end]) { end += 1 }
        let word = String(decoding: previous[dash..<end], as: UTF8.self)
        let column = self.column(ofByteOffset: dash + 1, in: previous)
        return YAMLProblem.Fix(
            range: SourceRange(at: SourceLocation(line: number, column: column)), replacement: " ",
            message: "a list item needs a space after its dash: YAML reads '\(word)' on line \(number) as a key; write '- \(word.dropFirst())'")
    }

    /// `title: Smart: harbour sensors`: a plain value holding `: `, where libyaml reads a
    /// second key. The value is offered in double quotes.
    func colonInPlainValue() -> YAMLProblem.Fix? {
        guard problem == "mapping values are not allowed in this context", let line = line(at.line),
              let colon = byteOffset(ofColumn: at.column, in: line), line[colon] == UInt8(ascii: ":"),
              let start = Self.valueStart(line), start < colon, Self.startsPlainValue(line[start])
        else { return nil }
        let end = Self.valueEnd(line, from: start)
        guard colon + 1 < end, line[colon + 1] == 0x20, Self.readsAsProse(line[start..<end], before: colon) else { return nil }
        return quotedValue(start..<end, in: line)
    }

    /// `- name: Acme Ltd type: business`: a second key written on the line of the first, so
    /// that YAML reads it as more of the first one's value and stops at its colon. A line of
    /// its own for it, lined up with the first key, is offered.
    func keysRunTogether() -> YAMLProblem.Fix? {
        guard problem == "mapping values are not allowed in this context", let line = line(at.line),
              let colon = byteOffset(ofColumn: at.column, in: line), line[colon] == UInt8(ascii: ":"),
              colon + 1 == line.endIndex || line[colon + 1] == 0x20,
              let start = Self.valueStart(line), start < colon, Self.startsPlainValue(line[start]),
              !line[start..<colon].contains(where: { "[]{}\"'#".utf8.contains($0) })
        else { return nil }
        var keyStart = colon
        while keyStart > start, Self.isKeyByte(line[keyStart - 1]) { keyStart -= 1 }
        // Words with a colon in them are offered quotes instead (`colonInPlainValue`); a key
        // whose value is left for the lines below (`type:` at the end) is no such words.
        let end = Self.valueEnd(line, from: start)
        guard keyStart > start, keyStart < colon, line[keyStart - 1] == 0x20, end > colon,
              colon + 2 > end || !Self.readsAsProse(line[start..<end], before: colon)
        else { return nil }
        // What separates the first value from the second key: blanks, and a comma.
        var valueEnd = keyStart
        while valueEnd > start, line[valueEnd - 1] == 0x20 || line[valueEnd - 1] == UInt8(ascii: ",") { valueEnd -= 1 }
        guard valueEnd > start, line[valueEnd - 1] != UInt8(ascii: "-") else { return nil }
        let keyColumn = Self.keyColumn(line)
        let key = String(decoding: line[keyStart..<colon], as: UTF8.self)
        let first = String(decoding: line[(line.startIndex + keyColumn)...].prefix { $0 != UInt8(ascii: ":") }, as: UTF8.self)
        return YAMLProblem.Fix(
            range: range(of: valueEnd..<keyStart, in: line, number: at.line),
            replacement: "\n" + String(repeating: " ", count: keyColumn),
            message: "'\(key)' is written on the line of '\(first)', so YAML reads it as more of that value: "
                + "put it on a line of its own, lined up with '\(first)'")
    }

    /// Whether a value starting with `byte` is plain text, not a quoted, flow, block,
    /// anchored, aliased, tagged or reserved one.
    private static func startsPlainValue(_ byte: UInt8) -> Bool {
        !"\"'[{|>&*!#-?%@`".utf8.contains(byte)
    }

    /// The value at `bytes` of libyaml's line, offered in double quotes.
    private func quotedValue(_ bytes: Range<Int>, in line: ArraySlice<UInt8>) -> YAMLProblem.Fix {
        let quoted = Self.quoted(String(decoding: line[bytes], as: UTF8.self), with: "\"")
        return YAMLProblem.Fix(range: range(of: bytes, in: line, number: at.line), replacement: quoted,
                               message: "a value holding ': ' reads as another key unless it is quoted: write it as \(quoted)")
    }

    /// `- {name: Phase 1: pilot, due: 2027-01-31}`: the same inside a `{...}` mapping, where
    /// libyaml wants a `,` or `}` after the first words and stops at the second colon. The
    /// value, from after its key's `: ` to the next `,` or `}`, is offered in double quotes.
    func colonInFlowValue() -> YAMLProblem.Fix? {
        guard problem == "did not find expected ',' or '}'", context == "while parsing a flow mapping",
              let contextAt, contextAt.line == at.line, let line = line(at.line),
              let open = byteOffset(ofColumn: contextAt.column, in: line), line[open] == UInt8(ascii: "{"),
              let colon = byteOffset(ofColumn: at.column, in: line), colon > open, line[colon] == UInt8(ascii: ":"),
              colon + 1 < line.endIndex, line[colon + 1] == 0x20
        else { return nil }
        // The pair's start: after the `{` or the last `,` before the colon; its key's `: `.
        let pairStart = (line[(open + 1)..<colon].lastIndex(of: UInt8(ascii: ",")) ?? open) + 1
        guard let keyColon = line[pairStart..<colon].indices.first(where: { line[$0] == UInt8(ascii: ":") && line[$0 + 1] == 0x20 })
        else { return nil }
        var start = keyColon + 1
        while start < colon, line[start] == 0x20 { start += 1 }
        guard start < colon, Self.startsPlainValue(line[start]) else { return nil }
        var end = line[colon...].firstIndex(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "}") }) ?? line.endIndex
        guard end < line.endIndex else { return nil }
        while end > colon, line[end - 1] == 0x20 { end -= 1 }
        guard colon + 2 < end, Self.readsAsProse(line[start..<end], before: colon) else { return nil }
        return quotedValue(start..<end, in: line)
    }

    /// Whether a value with `: ` at `colon` reads as words someone meant as one value
    /// (`Smart: harbour sensors`, `Phase 1: pilot`) rather than two lines run together
    /// (`LIPF-0001  title: x`, `10_000 total: 20_000`, `name: Acme`) or broken brackets,
    /// where quoting would be the wrong advice.
    static func readsAsProse(_ value: ArraySlice<UInt8>, before colon: Int) -> Bool {
        let runTogether: [[UInt8]] = [Array("  ".utf8), Array("- ".utf8), Array("\t".utf8)]
        guard !value.contains(where: { "[]{}".utf8.contains($0) }),
              !runTogether.contains(where: { pattern in value.indices.contains { value[$0...].starts(with: pattern) } })
        else { return false }
        let head = value[value.startIndex..<colon]
        let lastWord = head.split(separator: 0x20).last ?? head[...]
        guard !lastWord.contains(UInt8(ascii: "_")) else { return false }
        // `location: some-place` after other words: a key and its value, run together.
        let rest = value[(colon + 2)...]
        if lastWord.allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || $0 == UInt8(ascii: "-") }),
           !rest.contains(0x20) {
            return false
        }
        return head.contains { $0 == 0x20 || $0 >= 0x80 || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
