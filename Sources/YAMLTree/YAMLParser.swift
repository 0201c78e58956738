internal import CYAML

/// Reads YAML bytes with the system libyaml into positioned ``YAMLDocument``s.
///
/// The only type that touches libyaml. It owns one `yaml_parser_t` and frees it in
/// `deinit`; marks are converted to 1-based positions once, here.
public final class YAMLParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let limits: YAMLLimits
    private var initialized = false

    /// Creates a parser with the given limits.
    public init(limits: YAMLLimits = YAMLLimits()) {
        self.limits = limits
        parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    }

    deinit {
        if initialized { yaml_parser_delete(parser) }
        parser.deallocate()
    }

    /// Parses a whole stream. Never throws: problems are part of the result.
    public static func parse(_ bytes: [UInt8], limits: YAMLLimits = YAMLLimits()) -> YAMLStream {
        YAMLParser(limits: limits).parse(bytes)
    }

    /// Parses a whole stream, building its first document into the arrays of `storage`
    /// (left empty; ``YAMLStream/giveBack(to:)`` returns them).
    public static func parse(_ bytes: [UInt8], limits: YAMLLimits = YAMLLimits(), storage: inout TreeStorage) -> YAMLStream {
        YAMLParser(limits: limits).parse(bytes, storage: &storage)
    }

    /// Parses a whole stream with this parser.
    public func parse(_ bytes: [UInt8]) -> YAMLStream {
        var storage = TreeStorage()
        return parse(bytes, storage: &storage)
    }

    /// Parses a whole stream with this parser, building its first document into the arrays
    /// of `storage` (left empty).
    public func parse(_ bytes: [UInt8], storage: inout TreeStorage) -> YAMLStream {
        if initialized { yaml_parser_delete(parser) }
        guard yaml_parser_initialize(parser) == 1 else {
            initialized = false
            var document = YAMLDocument(start: .fileStart)
            document.problems.append(YAMLProblem(kind: .limits, message: "libyaml could not allocate a parser",
                                                 range: SourceRange(at: .fileStart)))
            return YAMLStream(documents: [document])
        }
        initialized = true
        return bytes.withUnsafeBufferPointer { buffer in
            var empty: UInt8 = 0
            withUnsafeMutablePointer(to: &empty) { emptyPointer in
                let base = buffer.baseAddress.map { UnsafePointer($0) } ?? UnsafePointer(emptyPointer)
                yaml_parser_set_input_string(parser, base, buffer.count)
            }
            return run(bytes, asciiPrefix: ByteText.asciiPrefixLength(buffer), storage: &storage)
        }
    }

    private func run(_ bytes: [UInt8], asciiPrefix: Int, storage: inout TreeStorage) -> YAMLStream {
        var documents: [YAMLDocument] = []
        var problemsLeft = limits.maxProblems
        var event = yaml_event_t()
        // Between documents: only the stream's start and end, and each document's start.
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else {
                return failed(documents, nil, openFlows: [], bytes)
            }
            let type = event.type
            let start = Self.location(event.start_mark)
            let end = Self.location(event.end_mark)
            yaml_event_delete(&event)
            switch type {
            case YAML_STREAM_END_EVENT:
                return YAMLStream(documents: documents)
            case YAML_DOCUMENT_START_EVENT where documents.count >= limits.maxDocuments:
                // One document past the limit: it holds only that problem, at its start (its
                // `---`, when written), and reading stops.
                var document = YAMLDocument(start: start)
                let shown = end.line == start.line && end.column > start.column
                    ? end : SourceLocation(line: start.line, column: start.column + 1)
                document.problems = [YAMLProblem(
                    kind: .limits,
                    message: "the file holds more than \(limits.maxDocuments) documents, the limit for a file; reading stops here",
                    range: SourceRange(start: start, end: shown))]
                return YAMLStream(documents: documents + [document])
            case YAML_DOCUMENT_START_EVENT:
                // Arrays sized for the document: about one node per ten bytes and the whole
                // input's bytes for the first, and as many as the one before had for each
                // later one (a stream keeps all its documents, so none may hold room it does
                // not use).
                var builder = TreeBuilder(start: start, limits: limits, source: bytes, asciiPrefix: asciiPrefix,
                                          expectedNodes: documents.last?.nodeCount ?? bytes.count / 6,
                                          expectedScalarBytes: documents.last?.scalarBytes.count ?? bytes.count,
                                          problemsLeft: problemsLeft, storage: &storage)
                let outcome = build(&builder, &event)
                problemsLeft = builder.problemsLeft
                // Read from the open collections before they go back to the storage.
                let openFlows = outcome == .syntaxError ? builder.openFlows : []
                builder.giveBack(to: &storage)
                switch outcome {
                case .finished:
                    documents.append(builder.finish())
                case .syntaxError:
                    return failed(documents, builder.unfinished(), openFlows: openFlows, bytes)
                case .stopped:
                    // A limit or a broken alias: stop feeding libyaml; this document keeps
                    // only that problem.
                    var document = builder.unfinished()
                    if let problem = document.problems.last {
                        document.problems = [problem]
                        document.isComplete = false
                        documents.append(document)
                    }
                    return YAMLStream(documents: documents)
                }
            default:
                break
            }
        }
    }

    /// How building one document ended.
    private enum DocumentEnd { case finished, syntaxError, stopped }

    /// Feeds the events of one document to `builder`, up to its end.
    private func build(_ builder: inout TreeBuilder, _ event: inout yaml_event_t) -> DocumentEnd {
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else { return .syntaxError }
            defer { yaml_event_delete(&event) }
            // Converted only by the events that use them: a scalar packs its marks directly.
            var start: SourceLocation { Self.location(event.start_mark) }
            var end: SourceLocation { Self.location(event.end_mark) }
            do throws(TreeBuilder.LimitExceeded) {
                switch event.type {
                case YAML_DOCUMENT_END_EVENT:
                    return .finished
                case YAML_SCALAR_EVENT:
                    let data = event.data.scalar
                    let text = UnsafeBufferPointer(start: data.value, count: data.value == nil ? 0 : data.length)
                    let range = PackedRange(zeroBasedStartLine: event.start_mark.line, column: event.start_mark.column,
                                            endLine: event.end_mark.line, column: event.end_mark.column)
                    // On one line, and as many characters as its text has bytes: a plain
                    // scalar there may be read where it is written.
                    let written = event.start_mark.line == event.end_mark.line
                        && event.end_mark.index &- event.start_mark.index == text.count ? event.start_mark.index : -1
                    try builder.scalar(text, style: Self.scalarStyle(data.style), tag: data.tag, anchor: data.anchor, range: range,
                                       written: written)
                case YAML_SEQUENCE_START_EVENT:
                    let data = event.data.sequence_start
                    try builder.startCollection(.sequence, flow: data.style == YAML_FLOW_SEQUENCE_STYLE,
                                                tag: data.tag, anchor: data.anchor, start: start)
                case YAML_MAPPING_START_EVENT:
                    let data = event.data.mapping_start
                    try builder.startCollection(.mapping, flow: data.style == YAML_FLOW_MAPPING_STYLE,
                                                tag: data.tag, anchor: data.anchor, start: start)
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    try builder.endCollection(end: end)
                case YAML_ALIAS_EVENT:
                    try builder.alias(Self.string(event.data.alias.anchor) ?? "", range: SourceRange(start: start, end: end))
                default:
                    break
                }
            } catch {
                return .stopped
            }
        }
    }

    /// The stream when libyaml stopped at a syntax error: the documents before, and the one
    /// it was in (`current`, as far as it was built; a new one at the error between
    /// documents) with only that problem. `openFlows` are the flow collections open when
    /// libyaml stopped, innermost first.
    private func failed(_ documents: [YAMLDocument], _ current: YAMLDocument?, openFlows: [SyntaxHint.OpenFlow],
                        _ bytes: [UInt8]) -> YAMLStream {
        let problem = syntaxProblem(bytes, openFlows: openFlows)
        var document = current ?? YAMLDocument(start: problem.range.start)
        document.problems = [problem]
        document.isComplete = false
        return YAMLStream(documents: documents + [document])
    }

    private func syntaxProblem(_ bytes: [UInt8], openFlows: [SyntaxHint.OpenFlow]) -> YAMLProblem {
        let state = parser.pointee
        let problem = Self.string(state.problem) ?? "unknown error"
        if state.error == YAML_READER_ERROR {
            let at = ByteLocator.location(ofByteOffset: state.problem_offset, in: bytes)
            var message = problem
            if state.problem_value >= 0 {
                message += " (\(Self.readerValue(state.problem_value, problem: problem)) at offset \(state.problem_offset))"
            }
            let note = SyntaxHint.encodingNote(problem: problem, offset: state.problem_offset, in: bytes)
            return YAMLProblem(kind: .syntax, message: message,
                               range: SourceRange(start: at, columns: 1),
                               notes: note.map { [$0] } ?? [])
        }
        if state.error == YAML_MEMORY_ERROR {
            return YAMLProblem(kind: .limits, message: "libyaml ran out of memory", range: SourceRange(at: .fileStart))
        }
        let at = Self.location(state.problem_mark)
        var message = problem
        var notes: [YAMLProblem.Note] = []
        let context = Self.string(state.context)
        let contextAt = context.map { _ in Self.location(state.context_mark) }
        if let context, let contextAt {
            message += " (\(context) at line \(contextAt.line), column \(contextAt.column))"
            notes.append(.init(range: SourceRange(start: contextAt, columns: 1), message: "\(context) that starts here"))
        }
        let range = SourceRange(start: at, columns: 1)
        let hint = SyntaxHint(bytes: bytes, problem: problem, context: context, at: at, contextAt: contextAt, openFlows: openFlows)
        return YAMLProblem(kind: .syntax, message: message, range: range, notes: notes + hint.notes(), fix: hint.fix())
    }

    /// What the value libyaml gives with a reader error is: the byte it stopped at (`0xA3`)
    /// for a bad UTF-8 byte, the code unit for a bad UTF-16 surrogate (`0xDC00`), else the
    /// character it decoded (`U+0007`).
    private static func readerValue(_ value: Int32, problem: String) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        if problem.hasSuffix("octet") { return "byte 0x" + String(repeating: "0", count: max(0, 2 - hex.count)) + hex }
        if problem.contains("surrogate") { return "code unit 0x" + hex }
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    private static func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(line: mark.line &+ 1, column: mark.column &+ 1)
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }

    private static func scalarStyle(_ style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}

/// A comment found in a YAML stream, and which lines hold content.
public struct YAMLComments: Sendable {
    /// One `# ...` comment.
    public struct Comment: Sendable {
        /// The text after `#`, to the end of the line.
        public var text: String
        /// From the `#` to the end of the line.
        public var range: SourceRange
    }

    /// Every comment, in order.
    public var comments: [Comment]
    /// `holdsContent[line]` (1-based) tells whether a YAML token lies on that line; it ends
    /// with the last line that does (lines past it hold none).
    public var holdsContent: [Bool]

    /// Whether 1-based `line` holds content.
    public func lineHoldsContent(_ line: Int) -> Bool {
        line >= 0 && line < holdsContent.count && holdsContent[line]
    }
}

extension YAMLParser {
    /// Finds comments with libyaml's own scanner: a comment is a `#` in the gap between
    /// two tokens, so a `#` inside a quoted or block scalar is never taken for one. Stops at
    /// the first scanner error (the comments before it are returned). With `prefix`, only
    /// the comments whose text starts with it (after blanks) are kept: a file of many
    /// comments does not hold them all.
    public static func comments(in bytes: [UInt8], startingWith prefix: String? = nil) -> YAMLComments {
        let prefixScalars = prefix.map { Array($0.unicodeScalars) } ?? []
        // The text is walked once, alongside libyaml's tokens, never held decoded.
        var cursor = utf8Cursor(bytes)
        var comments: [YAMLComments.Comment] = []
        var holdsContent: [Bool] = []
        /// Collects the comments between the cursor and scalar `end`.
        func scanGap(to end: Int) {
            while cursor.index < end {
                let start = cursor.location
                let follows = cursor.previous.map(DecodedText.isSpaceOrBreak) ?? true
                guard let scalar = cursor.advance() else { return }
                guard scalar == "#", follows else { continue }
                let keep = startsWith(prefixScalars, cursor)
                let body = cursor.restOfLine(keep: keep)
                if keep { comments.append(.init(text: body, range: SourceRange(start: start, end: cursor.location))) }
            }
        }
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { return YAMLComments(comments: [], holdsContent: []) }
        defer { yaml_parser_delete(parser) }
        bytes.withUnsafeBufferPointer { buffer in
            var empty: UInt8 = 0
            withUnsafeMutablePointer(to: &empty) { emptyPointer in
                yaml_parser_set_input_string(parser, buffer.baseAddress.map { UnsafePointer($0) } ?? UnsafePointer(emptyPointer), buffer.count)
                var token = yaml_token_t()
                var previousEnd = 0
                while yaml_parser_scan(parser, &token) == 1 {
                    let type = token.type
                    let start = Int(token.start_mark.index)
                    let end = Int(token.end_mark.index)
                    let startMark = token.start_mark
                    let endMark = token.end_mark
                    // yaml_token_delete zeroes the token: read everything needed first.
                    yaml_token_delete(&token)
                    if type == YAML_STREAM_END_TOKEN { break }
                    if start > previousEnd {
                        cursor.advance(to: previousEnd)
                        scanGap(to: start)
                    }
                    previousEnd = max(previousEnd, end)
                    if end > start, type != YAML_STREAM_START_TOKEN {
                        let first = Int(startMark.line) + 1
                        var last = Int(endMark.line) + 1
                        if endMark.column == 0, last > first { last -= 1 }
                        if first >= 1 {
                            let lines = first...max(first, last)
                            if holdsContent.count <= lines.upperBound {
                                holdsContent += repeatElement(false, count: lines.upperBound + 1 - holdsContent.count)
                            }
                            for line in lines { holdsContent[line] = true }
                        }
                    }
                }
                cursor.advance(to: previousEnd)
                scanGap(to: Int.max)
            }
        }
        return YAMLComments(comments: comments, holdsContent: holdsContent)
    }

    /// A cursor at the first character of `bytes` as libyaml reads them: UTF-8 past its byte
    /// order mark, or UTF-16 (marked by one) converted to UTF-8.
    private static func utf8Cursor(_ bytes: [UInt8]) -> ScalarCursor {
        if let units = DecodedText.utf16Units(bytes) { return ScalarCursor(Array(String(decoding: units, as: UTF16.self).utf8)) }
        return ScalarCursor(bytes, from: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
    }

    /// Whether the text at `cursor`, past spaces and tabs, starts with `prefix` (always, for
    /// an empty one). The cursor is a copy: it does not move.
    private static func startsWith(_ prefix: [Unicode.Scalar], _ cursor: ScalarCursor) -> Bool {
        guard !prefix.isEmpty else { return true }
        var cursor = cursor
        var next = cursor.advance()
        while next == " " || next == "\t" { next = cursor.advance() }
        for expected in prefix {
            guard next == expected else { return false }
            next = cursor.advance()
        }
        return true
    }
}

extension YAMLParser {
    /// The plain text of the scalar under `key` in the first document's root mapping, read
    /// with libyaml's event parser and stopping as soon as it is found, so a large file
    /// costs only its first lines. `nil` when the root is not a mapping, the key is absent, or
    /// its value is not a scalar. `found` is `false` when this reading cannot tell: a syntax
    /// error, or an alias or merge before the key (those need the whole tree: ask
    /// ``parse(_:limits:)``).
    public static func firstScalar(forKey key: String, in bytes: [UInt8]) -> (found: Bool, value: String?) {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { return (false, nil) }
        defer { yaml_parser_delete(parser) }
        return bytes.withUnsafeBufferPointer { buffer in
            var empty: UInt8 = 0
            return withUnsafeMutablePointer(to: &empty) { emptyPointer in
                let base = buffer.baseAddress.map { UnsafePointer($0) } ?? UnsafePointer(emptyPointer)
                yaml_parser_set_input_string(parser, base, buffer.count)
                return scanRoot(parser, for: Array(key.utf8))
            }
        }
    }

    /// Walks the events of the first document's root mapping: depth 1 holds its pairs.
    private static func scanRoot(_ parser: UnsafeMutablePointer<yaml_parser_t>, for key: [UInt8]) -> (found: Bool, value: String?) {
        var event = yaml_event_t()
        var depth = 0
        var expectingKey = true
        var valueIsWanted = false
        while yaml_parser_parse(parser, &event) == 1 {
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT, YAML_DOCUMENT_END_EVENT:
                return (false, nil)
            case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                // A root that is not a mapping has no keys.
                if depth == 0, event.type != YAML_MAPPING_START_EVENT { return (true, nil) }
                if depth == 1 {
                    // A collection as a key or a value at the top: skip it whole.
                    if valueIsWanted { return (true, nil) }
                    expectingKey.toggle()
                }
                depth += 1
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                depth -= 1
                // The whole root mapping, with no alias or merge: the key is not there.
                if depth == 0 { return (true, nil) }
            case YAML_ALIAS_EVENT:
                // An alias or a merge before the key could change what the key holds.
                return (false, nil)
            case YAML_SCALAR_EVENT:
                if depth == 0 { return (true, nil) }
                guard depth == 1 else { continue }
                let data = event.data.scalar
                let text = UnsafeBufferPointer(start: data.value, count: data.length)
                if expectingKey {
                    if text.elementsEqual([UInt8(ascii: "<"), UInt8(ascii: "<")]) { return (false, nil) }
                    valueIsWanted = text.elementsEqual(key)
                } else if valueIsWanted {
                    return (true, String(decoding: text, as: UTF8.self))
                }
                expectingKey.toggle()
            default:
                continue
            }
        }
        return (false, nil)
    }
}
