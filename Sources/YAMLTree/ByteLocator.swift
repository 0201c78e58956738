/// Turns a byte offset into a line and column the way libyaml counts them, for the errors
/// libyaml reports with an offset only (invalid UTF-8, NUL and other control bytes), and
/// splits text into lines the same way (for ``SyntaxHint``).
public enum ByteLocator {
    /// The location of `offset` in `bytes`, counting line breaks (LF, CR, CR LF, NEL, LS, PS)
    /// and Unicode scalars like libyaml; UTF-16 input (by its byte-order mark) counts in
    /// code units paired into scalars.
    static func location(ofByteOffset offset: Int, in bytes: [UInt8]) -> SourceLocation {
        let limit = min(max(offset, 0), bytes.count)
        if isUTF16(bytes) {
            return utf16Location(limit: limit, in: bytes, bigEndian: bytes[0] == 0xFE)
        }
        var line = 1
        var column = 1
        var index = byteOrderMarkLength(bytes)
        while index < limit {
            let length = breakLength(at: index, in: bytes, limit: limit)
            if length > 0 {
                line += 1
                column = 1
                index += length
            } else {
                index += 1
                while index < limit, bytes[index] & 0xC0 == 0x80 { index += 1 }
                column += 1
            }
        }
        return SourceLocation(line: line, column: column)
    }

    /// The bytes of each line of UTF-8 `bytes` (without its line break and, on the first
    /// line, without a byte-order mark), lines counted as ``location(ofByteOffset:in:)``
    /// counts them; empty for UTF-16 input.
    public static func lineRanges(in bytes: [UInt8]) -> [Range<Int>] {
        if isUTF16(bytes) { return [] }
        var ranges: [Range<Int>] = []
        var start = byteOrderMarkLength(bytes)
        var index = start
        while index < bytes.count {
            let length = breakLength(at: index, in: bytes, limit: bytes.count)
            if length > 0 {
                ranges.append(start..<index)
                index += length
                start = index
            } else {
                index += 1
            }
        }
        ranges.append(start..<bytes.count)
        return ranges
    }

    /// The byte offset in `line` (one line's bytes, as ``lineRanges(in:)`` gives them) of the
    /// character at 1-based Unicode-scalar `column`: the line's end for the column just past its
    /// last character, `nil` beyond that.
    public static func offset(ofColumn column: Int, in line: ArraySlice<UInt8>) -> Int? {
        guard column >= 1 else { return nil }
        var index = line.startIndex
        var remaining = column - 1
        while remaining > 0 {
            guard index < line.endIndex else { return nil }
            index += 1
            while index < line.endIndex, line[index] & 0xC0 == 0x80 { index += 1 }
            remaining -= 1
        }
        return index
    }

    /// The bytes of the line break that ends `line` (a range from ``lineRanges(in:)``): LF,
    /// CR, CR LF, NEL, LS or PS; empty for the last line when no break ends it.
    public static func lineBreak(after line: Range<Int>, in bytes: [UInt8]) -> ArraySlice<UInt8> {
        let end = line.upperBound
        guard end < bytes.count else { return [] }
        return bytes[end..<(end + breakLength(at: end, in: bytes, limit: bytes.count))]
    }

    /// The length of the line break at `index` (LF, CR, CR LF, NEL, LS or PS, as libyaml
    /// counts them), looking no further than `limit`; 0 when there is none.
    private static func breakLength(at index: Int, in bytes: [UInt8], limit: Int) -> Int {
        switch bytes[index] {
        case 0x0A: return 1
        case 0x0D: return index + 1 < limit && bytes[index + 1] == 0x0A ? 2 : 1
        case 0xC2 where index + 1 < limit && bytes[index + 1] == 0x85: return 2
        case 0xE2 where index + 2 < limit && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
            return 3
        default: return 0
        }
    }

    /// Whether the input is UTF-16, by its byte-order mark (libyaml's own test).
    static func isUTF16(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE))
    }

    /// 3 when UTF-8 input starts with a byte-order mark, else 0.
    private static func byteOrderMarkLength(_ bytes: [UInt8]) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    private static func utf16Location(limit: Int, in bytes: [UInt8], bigEndian: Bool) -> SourceLocation {
        var line = 1
        var column = 1
        var index = 2
        var previousWasCR = false
        while index + 1 < limit {
            let unit = bigEndian ? UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
                                 : UInt16(bytes[index + 1]) << 8 | UInt16(bytes[index])
            index += 2
            if unit == 0x0A && previousWasCR { previousWasCR = false; continue }
            previousWasCR = unit == 0x0D
            if unit == 0x0A || unit == 0x0D || unit == 0x85 || unit == 0x2028 || unit == 0x2029 {
                line += 1; column = 1
            } else if unit & 0xFC00 == 0xDC00 {
                continue
            } else {
                column += 1
            }
        }
        return SourceLocation(line: line, column: column)
    }
}
