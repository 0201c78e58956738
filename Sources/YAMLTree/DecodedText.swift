/// A stream decoded to Unicode scalars the way libyaml reads it (UTF-8, or UTF-16 by its
/// byte-order mark; the mark itself skipped), with line starts for positions.
public struct DecodedText: Sendable {
    /// The decoded scalars.
    public let scalars: [Unicode.Scalar]
    private var lineStarts: [Int] = [0]

    /// Decodes `bytes`; invalid sequences become U+FFFD.
    public init(_ bytes: [UInt8]) {
        var decoded: [Unicode.Scalar] = []
        decoded.reserveCapacity(bytes.count)
        if let units = Self.utf16Units(bytes) {
            _ = transcode(units.makeIterator(), from: UTF16.self, to: UTF32.self, stoppingOnError: false) {
                decoded.append(Unicode.Scalar($0) ?? "\u{FFFD}")
            }
        } else {
            let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            _ = transcode(bytes[start...].makeIterator(), from: UTF8.self, to: UTF32.self, stoppingOnError: false) {
                decoded.append(Unicode.Scalar($0) ?? "\u{FFFD}")
            }
        }
        scalars = decoded
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == "\r", index < scalars.count, scalars[index] == "\n" { index += 1 }
            if Self.isBreak(scalar) { lineStarts.append(index) }
        }
    }

    /// The number of scalars.
    public var count: Int { scalars.count }
    /// The number of lines.
    public var lineCount: Int { lineStarts.count }

    /// The 1-based line and column of scalar `index`.
    public func location(of index: Int) -> SourceLocation {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return SourceLocation(line: low + 1, column: index - lineStarts[low] + 1)
    }

    /// The scalars of 1-based line `line`, without its line break; empty past the end.
    public func line(_ line: Int) -> ArraySlice<Unicode.Scalar> {
        guard line >= 1, line <= lineStarts.count else { return [] }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : scalars.count
        while end > start, Self.isBreak(scalars[end - 1]) { end -= 1 }
        return scalars[start..<end]
    }

    /// The code units of UTF-16 text (marked as libyaml reads it, by a byte order mark),
    /// without the mark; `nil` for other text (UTF-8).
    static func utf16Units(_ bytes: [UInt8]) -> [UInt16]? {
        guard bytes.count >= 2, (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) else { return nil }
        let bigEndian = bytes[0] == 0xFE
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 2
        while index + 1 < bytes.count {
            let (high, low) = bigEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            units.append(UInt16(high) << 8 | UInt16(low))
            index += 2
        }
        return units
    }

    static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    static func isSpaceOrBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || isBreak(scalar)
    }
}

