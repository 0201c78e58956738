/// Plain words for the syntax errors people new to YAML make most, added under libyaml's
/// own message, which names the parser's state rather than the mistake: a tab, a key written
/// without a space after its colon, a line indented more or less than the lines around it.
/// Each hint is given only when the text around libyaml's position shows that mistake.
/// The hints are grouped by subject in this type's extensions (keys, quotes, brackets,
/// indentation); this file holds what they share: the problem, the lines and the values on
/// them.
struct SyntaxHint {
    /// A flow collection open where libyaml stopped.
    struct OpenFlow {
        /// Where it starts: its bracket, or the key of a pair written in a list.
        var start: SourceLocation
        /// `[` (a list) rather than `{` (a mapping).
        var isSequence: Bool
    }

    let bytes: [UInt8]
    let problem: String
    let context: String?
    let at: SourceLocation
    let contextAt: SourceLocation?
    /// The innermost `[` or `{` open where libyaml stopped, if any.
    let openFlow: OpenFlow?
    /// Each line's bytes (empty for UTF-16 input: no hint is given for it).
    let lines: [Range<Int>]

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
        if let indentation = overIndented() ?? misaligned() ?? keyAmongItems() ?? itemAmongKeys() { return [indentation] }
        return []
    }

    /// A change that may mend the mistake: the closing bracket of a `[` or `{`, or the closing
    /// quote of a quoted value, left open on its line; the space after the colon of a key
    /// written `region:y`; quotes around a value holding `: ` (in a block or a `{...}`
    /// mapping) or a stray quote. Each is a guess at what was meant, offered and never
    /// applied unasked.
    func fix() -> YAMLProblem.Fix? {
        if let tab = tabIndentation() { return tab }
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
        return dashWithoutSpace() ?? extraClosingBracket() ?? colonInPlainValue() ?? colonInFlowValue()
            ?? keysRunTogether() ?? quoteEndingValue()
    }

    /// Where the value of the line's `key: value` starts (past `- ` items, a plain key, its
    /// colon and the spaces after it), if the line is one with a value written on it.
    static func valueStart(_ line: ArraySlice<UInt8>) -> Int? {
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
    static func valueEnd(_ line: ArraySlice<UInt8>, from start: Int) -> Int {
        var end = line.endIndex
        if let comment = line[start...].indices.first(where: { $0 > start && line[$0] == UInt8(ascii: "#") && line[$0 - 1] == 0x20 }) {
            end = comment
        }
        while end > start, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
        return end
    }

    func range(of bytes: Range<Int>, in line: ArraySlice<UInt8>, number: Int) -> SourceRange {
        SourceRange(start: SourceLocation(line: number, column: column(ofByteOffset: bytes.lowerBound, in: line)),
                    end: SourceLocation(line: number, column: column(ofByteOffset: bytes.upperBound, in: line)))
    }

    // MARK: lines

    func line(_ number: Int) -> ArraySlice<UInt8>? {
        guard number >= 1, number <= lines.count else { return nil }
        return bytes[lines[number - 1]]
    }

    /// The nearest line before `number` that holds more than blanks or a comment.
    func previousSignificantLine(before number: Int) -> (Int, ArraySlice<UInt8>)? {
        var candidate = number - 1
        while let line = line(candidate) {
            let rest = line.drop { $0 == 0x20 }
            if let first = rest.first, first != UInt8(ascii: "#") { return (candidate, line) }
            candidate -= 1
        }
        return nil
    }

    static func indent(_ line: ArraySlice<UInt8>) -> Int {
        line.prefix { $0 == 0x20 }.count
    }

    /// Where the line's first key starts, past its indentation and any `- ` of list items.
    static func keyColumn(_ line: ArraySlice<UInt8>) -> Int {
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
    static func isKeyLine(_ line: ArraySlice<UInt8>, from keyColumn: Int) -> Bool {
        let rest = line.dropFirst(keyColumn)
        // A flow collection (`{a: 1}`) or a comment is not a key of the block mapping.
        guard let first = rest.first, !"#{[".utf8.contains(first) else { return false }
        return rest.indices.contains { rest[$0] == UInt8(ascii: ":") && ($0 + 1 == rest.endIndex || rest[$0 + 1] == 0x20) }
    }

    /// Whether the line has a list item's `- ` at `column`.
    static func isItemLine(_ line: ArraySlice<UInt8>, from column: Int) -> Bool {
        let rest = line.dropFirst(column)
        guard let first = rest.first, first == UInt8(ascii: "-") else { return false }
        return rest.count == 1 || rest[rest.startIndex + 1] == 0x20
    }

    /// Whether the line has `key: value` at `keyColumn`, the value on the same line.
    static func hasValueOnTheLine(_ line: ArraySlice<UInt8>, from keyColumn: Int) -> Bool {
        let rest = line.dropFirst(keyColumn)
        guard let colon = rest.indices.first(where: { rest[$0] == UInt8(ascii: ":") && $0 + 1 < rest.endIndex && rest[$0 + 1] == 0x20 })
        else { return false }
        let value = rest[(colon + 1)...].drop { $0 == 0x20 }
        guard let first = value.first else { return false }
        // A block scalar's header, or an anchor or tag alone, leaves the value to the lines below.
        return !"#|>&!".utf8.contains(first)
    }

    /// The byte offset of the character at 1-based `column`, if the line has one there.
    func byteOffset(ofColumn column: Int, in line: ArraySlice<UInt8>) -> Int? {
        ByteLocator.offset(ofColumn: column, in: line).flatMap { $0 < line.endIndex ? $0 : nil }
    }

    /// The 1-based column of the character at `offset`.
    func column(ofByteOffset offset: Int, in line: ArraySlice<UInt8>) -> Int {
        line[line.startIndex..<offset].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    }
}
