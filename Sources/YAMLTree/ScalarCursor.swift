/// Walks UTF-8 text one Unicode scalar at a time, forward only, knowing at each step the
/// scalar index (as libyaml counts characters in its marks), the 1-based line and column,
/// and the scalar before. Decodes as ``DecodedText`` does (invalid sequences read as
/// U+FFFD, `\r\n` one line break) without holding the text decoded: memory stays constant
/// however long the text is.
struct ScalarCursor {
    private let bytes: [UInt8]
    /// The byte where the next scalar starts.
    private var offset: Int
    /// The index of the next scalar.
    private(set) var index = 0
    /// Where the next scalar is.
    private(set) var line = 1
    private(set) var column = 1
    /// The scalar before the next one; `nil` at the start.
    private(set) var previous: Unicode.Scalar?

    /// A cursor at byte `start` of `bytes` (past a byte order mark), as scalar 0 on line 1.
    init(_ bytes: [UInt8], from start: Int = 0) {
        self.bytes = bytes
        offset = start
    }

    var location: SourceLocation { SourceLocation(line: line, column: column) }

    /// Moves past the next scalar and returns it; `nil` at the end.
    @discardableResult
    mutating func advance() -> Unicode.Scalar? {
        guard offset < bytes.count else { return nil }
        let first = bytes[offset]
        let scalar: Unicode.Scalar
        if first < 0x80 {
            // ASCII, nearly every character of a plan: no decoding.
            scalar = Unicode.Scalar(first)
            offset += 1
        } else {
            let (decoded, length) = decodeMultibyte()
            scalar = decoded
            offset += length
        }
        index += 1
        // A `\r` directly before `\n` ends no line: the pair is one break.
        if DecodedText.isBreak(scalar), !(scalar == "\r" && offset < bytes.count && bytes[offset] == 0x0A) {
            line += 1
            column = 1
        } else {
            column += 1
        }
        previous = scalar
        return scalar
    }

    /// Moves forward to scalar `target` (or the end).
    mutating func advance(to target: Int) {
        while index < target, advance() != nil {}
    }

    /// Moves to the end of the line (before its break, or to the end of the text) and
    /// returns the text passed over when `keep` is set, else an empty string.
    mutating func restOfLine(keep: Bool) -> String {
        var text = ""
        while offset < bytes.count {
            let first = bytes[offset]
            let (scalar, length) = first < 0x80 ? (Unicode.Scalar(first), 1) : decodeMultibyte()
            if DecodedText.isBreak(scalar) { break }
            if keep { text.unicodeScalars.append(scalar) }
            offset += length
            index += 1
            column += 1
            previous = scalar
        }
        return text
    }

    /// The scalar of two bytes or more at `offset` (which must be before the end) and its
    /// length in bytes; an invalid sequence reads as U+FFFD, as long as its maximal prefix.
    private func decodeMultibyte() -> (scalar: Unicode.Scalar, length: Int) {
        var iterator = bytes[offset...].makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        switch parser.parseScalar(from: &iterator) {
        case .valid(let encoded):
            return (Unicode.UTF8.decode(encoded), encoded.count)
        case .error(let length):
            return ("\u{FFFD}", max(length, 1))
        case .emptyInput:
            return ("\u{FFFD}", 1)
        }
    }
}
