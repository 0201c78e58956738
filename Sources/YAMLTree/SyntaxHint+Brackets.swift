/// Hints about `[` and `{`: left open, or a closing one with nothing to close.
extension SyntaxHint {
    /// libyaml found no value where a `[` or `{` opened on an earlier line wanted its next one
    /// (`sectors: [` or `sectors: [ai,` at the end of the file): it names the place it stopped
    /// and "a flow node", not the bracket left open, so a note points at the bracket.
    func flowLeftOpen() -> YAMLProblem.Note? {
        guard problem == "did not find expected node content", context == "while parsing a flow node",
              let openFlow, openFlow.start.line < at.line
        else { return nil }
        let (noun, bracket) = openFlow.isSequence ? ("list", "]") : ("mapping", "}")
        return YAMLProblem.Note(
            range: SourceRange(start: openFlow.start, columns: 1),
            message: "the \(noun) opened on line \(openFlow.start.line) is not closed: end it with '\(bracket)'")
    }

    /// A `[` or `{` list or mapping written on one line without its closing bracket, so that
    /// libyaml reads on into the next lines: the bracket is offered at the end of that line.
    /// Not when the line ends in a comma (a list may go on over several lines).
    func unclosedFlowCollection() -> YAMLProblem.Fix? {
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

    /// `sectors: [ai, cyber]]`: libyaml stops at a `]` or `}` that closes nothing opened
    /// before it on its line. Removing it is offered.
    func extraClosingBracket() -> YAMLProblem.Fix? {
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
}
