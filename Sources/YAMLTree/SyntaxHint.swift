/// Plain words for the syntax errors people new to YAML make most, added under libyaml's
/// own message, which names the parser's state rather than the mistake: a tab, a key written
/// without a space after its colon, a line indented more or less than the lines around it.
/// Each hint is given only when the text around libyaml's position shows that mistake.
struct SyntaxHint {
    /// A flow collection open where libyaml stopped.
    struct OpenFlow {
        /// Where it starts: its bracket, or the key of a pair written in a list.
        var start: SourceLocation
        /// `[` (a list) rather than `{` (a mapping).
        var isSequence: Bool
    }

    private let bytes: [UInt8]
    private let problem: String
    private let context: String?
    private let at: SourceLocation
    private let contextAt: SourceLocation?
    /// The innermost `[` or `{` open where libyaml stopped, if any.
    private let openFlow: OpenFlow?
    /// Each line's bytes (empty for UTF-16 input: no hint is given for it).
    private let lines: [Range<Int>]

    init(bytes: [UInt8], problem: String, context: String?, at: SourceLocation, contextAt: SourceLocation?,
         openFlows: [OpenFlow] = []) {
        self.bytes = bytes
        self.problem = problem
        self.context = context
        self.at = at
        self.contextAt = contextAt
        lines = ByteLocator.lineRanges(in: bytes)
        // A pair written in a list (`[a, b: 1`) is a mapping with no bracket of its own: the
        // bracket left open is further out.
        var openBracket: OpenFlow?
        for open in openFlows {
            guard open.start.line >= 1, open.start.line <= lines.count else { continue }
            let line = bytes[lines[open.start.line - 1]]
            if let offset = ByteLocator.offset(ofColumn: open.start.column, in: line), offset < line.endIndex,
               line[offset] == (open.isSequence ? UInt8(ascii: "[") : UInt8(ascii: "{")) {
                openBracket = open
                break
            }
        }
        openFlow = openBracket
    }

    /// Notes that name the mistake, if one is recognised.
    func notes() -> [YAMLProblem.Note] {
        if let tab = tab() { return [tab] }
        if let unclosed = flowLeftOpen() { return [unclosed] }
        // The dash's fix says what is wrong (a fix is shown as a note); the indentation is not.
        if dashWithoutSpace() != nil { return [] }
        if let indentation = overIndented() ?? misaligned() { return [indentation] }
        return []
    }

    /// A change that may mend the mistake: the closing bracket of a `[` or `{`, or the closing
    /// quote of a quoted value, left open on its line; the space after the colon of a key
    /// written `region:y`; quotes around a value holding `: ` or a stray quote. Each is a
    /// guess at what was meant, offered and never applied unasked.
    func fix() -> YAMLProblem.Fix? {
        if let unclosed = unclosedFlowCollection() ?? unclosedQuote() { return unclosed }
        if problem == "could not find expected ':'", context == "while scanning a simple key", let contextAt,
           let line = line(contextAt.line), let start = byteOffset(ofColumn: contextAt.column, in: line) {
            return missingSpace(in: line, number: contextAt.line, from: start)
        }
        // With a space later in the value (`title:Bus delays`), libyaml reads on into the
        // next line and stops at its colon instead.
        if problem == "mapping values are not allowed in this context", let line = line(at.line),
           let (number, previous) = previousSignificantLine(before: at.line) {
            let keyColumn = Self.keyColumn(previous)
            if Self.indent(line) >= keyColumn, !Self.isKeyLine(previous, from: keyColumn) {
                let start = previous.startIndex + keyColumn
                return missingSpace(in: previous, number: number, from: start)
                    ?? equalsForColon(in: previous, number: number, from: start)
                    ?? missingColon(in: previous, number: number, from: start)
            }
        }
        return dashWithoutSpace() ?? extraClosingBracket() ?? colonInPlainValue() ?? quoteEndingValue()
    }

    /// `title Smart harbour` on the line before a key: a snake_case word, a space and a value
    /// with no colon anywhere, which YAML reads with the next line as one key. The colon is
    /// offered after the word.
    private func missingColon(in line: ArraySlice<UInt8>, number: Int, from start: Int) -> YAMLProblem.Fix? {
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

    /// `sectors: [ai, cyber]]`: libyaml stops at a `]` or `}` that closes nothing opened
    /// before it on its line. Removing it is offered.
    private func extraClosingBracket() -> YAMLProblem.Fix? {
        guard problem == "did not find expected key" || problem == "did not find expected <document start>",
              let line = line(at.line), let offset = byteOffset(ofColumn: at.column, in: line)
        else { return nil }
        let closer = line[offset]
        let opener: UInt8
        switch closer {
        case UInt8(ascii: "]"): opener = UInt8(ascii: "[")
        case UInt8(ascii: "}"): opener = UInt8(ascii: "{")
        default: return nil
        }
        let before = line[line.startIndex..<offset]
        guard !before.contains(where: { $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "#") }),
              before.count(where: { $0 == closer }) >= before.count(where: { $0 == opener })
        else { return nil }
        let bracket = String(UnicodeScalar(closer))
        return YAMLProblem.Fix(range: range(of: offset..<(offset + 1), in: line, number: at.line), replacement: "",
                               message: "this '\(bracket)' closes nothing opened before it: remove it")
    }

    /// `title = Smart harbour` on the line before a key: with no colon, YAML reads it and the
    /// next line as one key, then stops at that line's colon. `: ` is offered for the `=`.
    private func equalsForColon(in line: ArraySlice<UInt8>, number: Int, from start: Int) -> YAMLProblem.Fix? {
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
    private static func isKeyByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    /// `-name: A` for a list item, the next line's key lined up with `name`: without a space
    /// after it the dash is part of the key `-name`, and YAML finds the next line indented
    /// more than that key. The space is offered, in place of the note about indentation.
    private func dashWithoutSpace() -> YAMLProblem.Fix? {
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
    private func colonInPlainValue() -> YAMLProblem.Fix? {
        guard problem == "mapping values are not allowed in this context", let line = line(at.line),
              let colon = byteOffset(ofColumn: at.column, in: line), line[colon] == UInt8(ascii: ":"),
              let start = Self.valueStart(line), start < colon, !"\"'[{|>&*!#-?%@`".utf8.contains(line[start])
        else { return nil }
        let end = Self.valueEnd(line, from: start)
        guard colon + 1 < end, line[colon + 1] == 0x20, Self.readsAsProse(line[start..<end], before: colon) else { return nil }
        let text = String(decoding: line[start..<end], as: UTF8.self)
        let quoted = Self.quoted(text, with: "\"")
        return YAMLProblem.Fix(range: range(of: start..<end, in: line, number: at.line), replacement: quoted,
                               message: "a value holding ': ' reads as another key unless it is quoted: write it as \(quoted)")
    }

    /// Whether a value with `: ` at `colon` reads as words someone meant as one value
    /// (`Smart: harbour sensors`, `Phase 1: pilot`) rather than two lines run together
    /// (`LIPF-0001  title: x`, `10_000 total: 20_000`, `name: Acme`) or broken brackets,
    /// where quoting would be the wrong advice.
    private static func readsAsProse(_ value: ArraySlice<UInt8>, before colon: Int) -> Bool {
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

    /// `title: 'Harbour's sensors'`: a quote inside a quoted value ends it, and libyaml stops
    /// at the text after it. The value is offered quoted the other way (or, for `'...'`, with
    /// the inner quote written twice).
    private func quoteEndingValue() -> YAMLProblem.Fix? {
        guard problem == "did not find expected key", let line = line(at.line),
              let after = byteOffset(ofColumn: at.column, in: line), after > line.startIndex,
              let start = Self.valueStart(line), start < after - 1, line[start] == line[after - 1]
        else { return nil }
        let quote = line[start]
        guard quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\""),
              Self.closingQuote(in: line, from: start) == after - 1
        else { return nil }
        let valueEnd = Self.valueEnd(line, from: start)
        // `'it's`: an apostrophe inside a word, and no quote after it to end the value.
        let apostrophe = quote == UInt8(ascii: "'") && Self.isKeyByte(line[after]) && !line[after..<valueEnd].contains(quote)
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
    private static func quoted(_ text: String, with quote: Character) -> String {
        var result = String(quote)
        for character in text {
            if quote == "\"", character == "\"" || character == "\\" { result.append("\\") }
            if quote == "'", character == "'" { result.append("'") }
            result.append(character)
        }
        result.append(quote)
        return result
    }

    /// Where the value of the line's `key: value` starts (past `- ` items, a plain key, its
    /// colon and the spaces after it), if the line is one with a value written on it.
    private static func valueStart(_ line: ArraySlice<UInt8>) -> Int? {
        var index = line.startIndex + keyColumn(line)
        guard index < line.endIndex, !"\"'[{#?&*!|>-".utf8.contains(line[index]) else { return nil }
        while index + 1 < line.endIndex, !(line[index] == UInt8(ascii: ":") && line[index + 1] == 0x20) {
            if line[index] == UInt8(ascii: "#") && line[index - 1] == 0x20 { return nil }
            index += 1
        }
        guard index + 1 < line.endIndex else { return nil }
        index += 1
        while index < line.endIndex, line[index] == 0x20 { index += 1 }
        return index < line.endIndex ? index : nil
    }

    /// The end of what is written on the line from `start`: before a ` #` comment, without
    /// trailing blanks.
    private static func valueEnd(_ line: ArraySlice<UInt8>, from start: Int) -> Int {
        var end = line.endIndex
        if let comment = line[start...].indices.first(where: { $0 > start && line[$0] == UInt8(ascii: "#") && line[$0 - 1] == 0x20 }) {
            end = comment
        }
        while end > start, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
        return end
    }

    /// Where the quoted scalar opening at `start` closes: the first `'` not written twice, or
    /// the first `"` not escaped.
    private static func closingQuote(in line: ArraySlice<UInt8>, from start: Int) -> Int? {
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

    private func range(of bytes: Range<Int>, in line: ArraySlice<UInt8>, number: Int) -> SourceRange {
        SourceRange(start: SourceLocation(line: number, column: column(ofByteOffset: bytes.lowerBound, in: line)),
                    end: SourceLocation(line: number, column: column(ofByteOffset: bytes.upperBound, in: line)))
    }

    /// libyaml found no value where a `[` or `{` opened on an earlier line wanted its next one
    /// (`sectors: [` or `sectors: [ai,` at the end of the file): it names the place it stopped
    /// and "a flow node", not the bracket left open, so a note points at the bracket.
    private func flowLeftOpen() -> YAMLProblem.Note? {
        guard problem == "did not find expected node content", context == "while parsing a flow node",
              let openFlow, openFlow.start.line < at.line
        else { return nil }
        let (noun, bracket) = openFlow.isSequence ? ("list", "]") : ("mapping", "}")
        return YAMLProblem.Note(
            range: SourceRange(start: openFlow.start, end: SourceLocation(line: openFlow.start.line, column: openFlow.start.column + 1)),
            message: "the \(noun) opened on line \(openFlow.start.line) is not closed: end it with '\(bracket)'")
    }

    /// A `[` or `{` list or mapping written on one line without its closing bracket, so that
    /// libyaml reads on into the next lines: the bracket is offered at the end of that line.
    /// Not when the line ends in a comma (a list may go on over several lines).
    private func unclosedFlowCollection() -> YAMLProblem.Fix? {
        let closer: UInt8
        let noun: String
        let openedAt: SourceLocation?
        switch (problem, context) {
        case ("did not find expected ',' or ']'", "while parsing a flow sequence"):
            (closer, noun, openedAt) = (UInt8(ascii: "]"), "list", contextAt)
        case ("did not find expected ',' or '}'", "while parsing a flow mapping"):
            (closer, noun, openedAt) = (UInt8(ascii: "}"), "mapping", contextAt)
        case ("did not find expected node content", "while parsing a flow node"):
            guard let openFlow else { return nil }
            (closer, noun, openedAt) = openFlow.isSequence ? (UInt8(ascii: "]"), "list", openFlow.start)
                                                           : (UInt8(ascii: "}"), "mapping", openFlow.start)
        default: return nil
        }
        guard let contextAt = openedAt, at.line > contextAt.line, let line = line(contextAt.line),
              let open = byteOffset(ofColumn: contextAt.column, in: line), !line[open...].contains(closer)
        else { return nil }
        let end = Self.valueEnd(line, from: open)
        guard end > open + 1, line[end - 1] != UInt8(ascii: ","), !line[(open + 1)..<end].contains(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "{") })
        else { return nil }
        let column = self.column(ofByteOffset: end, in: line)
        let bracket = String(UnicodeScalar(closer))
        return YAMLProblem.Fix(
            range: SourceRange(at: SourceLocation(line: contextAt.line, column: column)),
            replacement: bracket,
            message: "the \(noun) opened on line \(contextAt.line) is not closed: end it with '\(bracket)'")
    }

    /// A quoted value left open on its line (`title: "Smart harbour`), so that libyaml reads on
    /// to the end of the stream (or the next document) for the closing quote: the quote is
    /// offered at the end of that line, after all that is written on it (a ` #` there may be
    /// part of the value).
    private func unclosedQuote() -> YAMLProblem.Fix? {
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
    private static func opensBlockValue(_ line: ArraySlice<UInt8>, at index: Int) -> Bool {
        let before = line[line.startIndex..<index]
        guard !before.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") }),
              let last = before.lastIndex(where: { $0 != 0x20 && $0 != 0x09 }), last < index - 1
        else { return false }
        return before[last] == UInt8(ascii: ":") || before[last] == UInt8(ascii: "-")
    }

    /// The fix for a key at `start` of `line` followed by a colon and no space, if it is one.
    private func missingSpace(in line: ArraySlice<UInt8>, number: Int, from start: Int) -> YAMLProblem.Fix? {
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
            range: SourceRange(start: SourceLocation(line: number, column: column), end: SourceLocation(line: number, column: column + 1)),
            replacement: ": ",
            message: "no space after this colon: YAML reads '\(word)' as one word; a key and its value are written '\(key): \(value)'")
    }

    /// Whether a key scanned for a missing space ends before this byte.
    private static func stops(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ":") || byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
            || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[")
    }

    /// libyaml stopped at a tab.
    private func tab() -> YAMLProblem.Note? {
        guard let line = line(at.line), let offset = byteOffset(ofColumn: at.column, in: line), line[offset] == 0x09 else { return nil }
        let indents = line[line.startIndex..<offset].allSatisfy { $0 == 0x20 || $0 == 0x09 }
        return YAMLProblem.Note(range: SourceRange(start: at, end: SourceLocation(line: at.line, column: at.column + 1)),
                                message: indents ? "this is a tab: YAML is indented with spaces only"
                                                 : "this is a tab: YAML separates with spaces here")
    }

    /// A `key: value` line followed by a line indented further: YAML reads the second as more
    /// of the first one's value, then finds a colon it cannot take.
    private func overIndented() -> YAMLProblem.Note? {
        guard problem == "mapping values are not allowed in this context", let line = line(at.line),
              let (number, previous) = previousSignificantLine(before: at.line)
        else { return nil }
        let indent = Self.indent(line)
        let keyColumn = Self.keyColumn(previous)
        guard indent > keyColumn, Self.hasValueOnTheLine(previous, from: keyColumn) else { return nil }
        return YAMLProblem.Note(
            range: indentation(of: at.line, indent),
            message: "line \(at.line) is indented more than the key on line \(number) (\(Self.spaces(indent)) against \(keyColumn)), "
                + "so YAML reads it as more of the value there; to be a key beside that one, \(Self.indentIt(keyColumn))")
    }

    /// A line whose key lines up with no mapping around it: between the keys of a mapping
    /// and those of the mapping nested in it, or deeper than the `key: value` line before it
    /// (with a comment between them, so not read as more of its value).
    private func misaligned() -> YAMLProblem.Note? {
        guard let contextAt, let line = line(at.line), let (number, previous) = previousSignificantLine(before: at.line)
        else { return nil }
        let indent = Self.indent(line)
        // A key between the keys of two mappings, or a list item between the items of a list
        // and the keys of the mapping in its last item.
        let outerThings: String
        switch (problem, context) {
        case ("did not find expected key", "while parsing a block mapping") where Self.isKeyLine(line, from: indent):
            outerThings = "the keys of the mapping"
        case ("did not find expected '-' indicator", "while parsing a block collection") where Self.isItemLine(line, from: indent):
            outerThings = "the items of the list"
        default:
            return nil
        }
        let outer = contextAt.column - 1
        let inner = Self.keyColumn(previous)
        guard at.column == indent + 1, outer < indent, Self.isKeyLine(previous, from: inner) else { return nil }
        if indent < inner {
            return YAMLProblem.Note(
                range: indentation(of: at.line, indent),
                message: "line \(at.line) is indented \(Self.spaces(indent)): more than \(outerThings) on line "
                    + "\(contextAt.line) (\(outer)) and less than the key on line \(number) (\(inner)); line it up with one of them")
        }
        guard outerThings == "the keys of the mapping" else { return nil }
        guard indent > inner, Self.hasValueOnTheLine(previous, from: inner) else { return nil }
        return YAMLProblem.Note(
            range: indentation(of: at.line, indent),
            message: "line \(at.line) is indented more than the key on line \(number) (\(Self.spaces(indent)) against \(inner)); "
                + "to be a key beside that one, \(Self.indentIt(inner))")
    }

    // MARK: lines

    private func line(_ number: Int) -> ArraySlice<UInt8>? {
        guard number >= 1, number <= lines.count else { return nil }
        return bytes[lines[number - 1]]
    }

    /// The nearest line before `number` that holds more than blanks or a comment.
    private func previousSignificantLine(before number: Int) -> (Int, ArraySlice<UInt8>)? {
        var candidate = number - 1
        while let line = line(candidate) {
            let rest = line.drop { $0 == 0x20 }
            if let first = rest.first, first != UInt8(ascii: "#") { return (candidate, line) }
            candidate -= 1
        }
        return nil
    }

    private static func indent(_ line: ArraySlice<UInt8>) -> Int {
        line.prefix { $0 == 0x20 }.count
    }

    /// Where the line's first key starts, past its indentation and any `- ` of list items.
    private static func keyColumn(_ line: ArraySlice<UInt8>) -> Int {
        var index = line.startIndex
        while index < line.endIndex {
            if line[index] == 0x20 {
                index += 1
            } else if line[index] == UInt8(ascii: "-"), index + 1 < line.endIndex, line[index + 1] == 0x20 {
                index += 2
            } else {
                break
            }
        }
        return index - line.startIndex
    }

    /// Whether the line has a key at `keyColumn`: a word and a colon, then a space or the end.
    private static func isKeyLine(_ line: ArraySlice<UInt8>, from keyColumn: Int) -> Bool {
        let rest = line.dropFirst(keyColumn)
        // A flow collection (`{a: 1}`) or a comment is not a key of the block mapping.
        guard let first = rest.first, !"#{[".utf8.contains(first) else { return false }
        return rest.indices.contains { rest[$0] == UInt8(ascii: ":") && ($0 + 1 == rest.endIndex || rest[$0 + 1] == 0x20) }
    }

    /// Whether the line has a list item's `- ` at `column`.
    private static func isItemLine(_ line: ArraySlice<UInt8>, from column: Int) -> Bool {
        let rest = line.dropFirst(column)
        guard let first = rest.first, first == UInt8(ascii: "-") else { return false }
        return rest.count == 1 || rest[rest.startIndex + 1] == 0x20
    }

    /// Whether the line has `key: value` at `keyColumn`, the value on the same line.
    private static func hasValueOnTheLine(_ line: ArraySlice<UInt8>, from keyColumn: Int) -> Bool {
        let rest = line.dropFirst(keyColumn)
        guard let colon = rest.indices.first(where: { rest[$0] == UInt8(ascii: ":") && $0 + 1 < rest.endIndex && rest[$0 + 1] == 0x20 })
        else { return false }
        let value = rest[(colon + 1)...].drop { $0 == 0x20 }
        guard let first = value.first else { return false }
        // A block scalar's header, or an anchor or tag alone, leaves the value to the lines below.
        return !"#|>&!".utf8.contains(first)
    }

    private func indentation(of line: Int, _ indent: Int) -> SourceRange {
        SourceRange(start: SourceLocation(line: line, column: 1), end: SourceLocation(line: line, column: indent + 1))
    }

    private static func indentIt(_ count: Int) -> String {
        count == 0 ? "start it at the beginning of the line" : "indent it \(spaces(count))"
    }

    private static func spaces(_ count: Int) -> String {
        count == 1 ? "1 space" : "\(count) spaces"
    }

    /// The byte offset of the character at 1-based `column`, if the line has one there.
    private func byteOffset(ofColumn column: Int, in line: ArraySlice<UInt8>) -> Int? {
        ByteLocator.offset(ofColumn: column, in: line).flatMap { $0 < line.endIndex ? $0 : nil }
    }

    /// The 1-based column of the character at `offset`.
    private func column(ofByteOffset offset: Int, in line: ArraySlice<UInt8>) -> Int {
        line[line.startIndex..<offset].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    }
}
