/// Turns a byte offset into a line and column the way libyaml counts them, for the errors
/// libyaml reports with an offset only (invalid UTF-8, NUL and other control bytes).
enum ByteLocator {
    /// The location of `offset` in `bytes`, counting line breaks (LF, CR, CR LF, NEL, LS, PS)
    /// and Unicode scalars like libyaml; UTF-16 input (by its byte-order mark) counts in
    /// code units paired into scalars.
    static func location(ofByteOffset offset: Int, in bytes: [UInt8]) -> SourceLocation {
        let limit = min(max(offset, 0), bytes.count)
        if bytes.count >= 2, (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) {
            return utf16Location(limit: limit, in: bytes, bigEndian: bytes[0] == 0xFE)
        }
        var line = 1
        var column = 1
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        while index < limit {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1; column = 1; index += 1
            } else if byte == 0x0D {
                index += 1
                if index < limit, bytes[index] == 0x0A { index += 1 }
                line += 1; column = 1
            } else if byte == 0xC2, index + 1 < limit, bytes[index + 1] == 0x85 {
                line += 1; column = 1; index += 2
            } else if byte == 0xE2, index + 2 < limit, bytes[index + 1] == 0x80,
                      bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                line += 1; column = 1; index += 3
            } else {
                index += 1
                while index < limit, bytes[index] & 0xC0 == 0x80 { index += 1 }
                column += 1
            }
        }
        return SourceLocation(line: line, column: column)
    }

    /// The byte offset of the character at `location` in UTF-8 `bytes` (the inverse of
    /// ``location(ofByteOffset:in:)``); `nil` past the end of its line or of the bytes, or
    /// for UTF-16 input.
    static func byteOffset(of location: SourceLocation, in bytes: [UInt8]) -> Int? {
        if bytes.count >= 2, (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) { return nil }
        var index = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        var line = 1
        var column = 1
        while index < bytes.count {
            let byte = bytes[index]
            let breakLength: Int
            if byte == 0x0A {
                breakLength = 1
            } else if byte == 0x0D {
                breakLength = index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
            } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 {
                breakLength = 2
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                      bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                breakLength = 3
            } else {
                breakLength = 0
            }
            if line == location.line {
                if breakLength > 0 { return nil }
                if column == location.column { return index }
            }
            if breakLength > 0 {
                line += 1
                column = 1
                index += breakLength
                if line > location.line { return nil }
            } else {
                index += 1
                while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
                column += 1
            }
        }
        return nil
    }

    /// The bytes of each line of UTF-8 `bytes` (without its line break and, on the first
    /// line, without a byte-order mark), lines counted as ``location(ofByteOffset:in:)``
    /// counts them; empty for UTF-16 input.
    static func lineRanges(in bytes: [UInt8]) -> [Range<Int>] {
        if bytes.count >= 2, (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) { return [] }
        var ranges: [Range<Int>] = []
        var start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            var breakLength = 0
            if byte == 0x0A {
                breakLength = 1
            } else if byte == 0x0D {
                breakLength = index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
            } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 {
                breakLength = 2
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                      bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                breakLength = 3
            }
            if breakLength > 0 {
                ranges.append(start..<index)
                index += breakLength
                start = index
            } else {
                index += 1
            }
        }
        ranges.append(start..<bytes.count)
        return ranges
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
