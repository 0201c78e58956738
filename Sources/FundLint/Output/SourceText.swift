/// The lines of a source file as Unicode scalars, split where libyaml breaks lines (LF, CR,
/// CR LF, NEL, LS, PS), for source snippets under diagnostics.
public struct SourceText: Sendable {
    private let scalars: [Unicode.Scalar]
    private var lineStarts: [Int] = [0]

    /// Decodes `bytes` as UTF-8, or UTF-16 when it starts with a UTF-16 byte-order mark;
    /// invalid sequences become U+FFFD.
    public init(_ bytes: [UInt8]) {
        var decoded: [Unicode.Scalar] = []
        decoded.reserveCapacity(bytes.count)
        if bytes.count >= 2, (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) {
            let bigEndian = bytes[0] == 0xFE
            var units: [UInt16] = []
            var index = 2
            while index + 1 < bytes.count {
                units.append(bigEndian ? UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
                                       : UInt16(bytes[index + 1]) << 8 | UInt16(bytes[index]))
                index += 2
            }
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
            switch scalar.value {
            case 0x0D:
                if index < scalars.count, scalars[index] == "\n" { index += 1 }
                lineStarts.append(index)
            case 0x0A, 0x85, 0x2028, 0x2029:
                lineStarts.append(index)
            default:
                break
            }
        }
    }

    /// The number of lines.
    public var lineCount: Int { lineStarts.count }

    /// The scalars of 1-based line `line`, without its line break; empty past the end.
    public func line(_ line: Int) -> ArraySlice<Unicode.Scalar> {
        guard line >= 1, line <= lineStarts.count else { return [] }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : scalars.count
        while end > start, [0x0A, 0x0D, 0x85, 0x2028, 0x2029].contains(scalars[end - 1].value) { end -= 1 }
        return scalars[start..<end]
    }
}
