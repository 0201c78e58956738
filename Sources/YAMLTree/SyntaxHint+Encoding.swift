extension SyntaxHint {
    /// A note for libyaml's reader errors that come from a file saved in another encoding than
    /// UTF-8: a plan written in a word processor or an old editor on Windows, where `£`, `é`
    /// or a curly quote is one byte that UTF-8 does not allow there. libyaml names the byte it
    /// stopped at, which for a character cut short is the one after it; the note points at the
    /// character itself, says what it reads as in Windows-1252 (the encoding such files are
    /// almost always in; Latin-1 agrees with it from 0xA0 up) and how many more bytes further
    /// on are not UTF-8 either. `nil` for other problems and for UTF-16 input.
    static func encodingNote(problem: String, offset: Int, in bytes: [UInt8]) -> YAMLProblem.Note? {
        guard !ByteLocator.isUTF16(bytes), offset >= 0, offset < bytes.count else { return nil }
        var start = offset
        switch problem {
        case "invalid leading UTF-8 octet", "incomplete UTF-8 octet sequence":
            break
        case "invalid trailing UTF-8 octet":
            // Back over the continuation bytes to the byte that began the character (at most
            // three: no UTF-8 character is longer than four bytes).
            var steps = 0
            while start > 0, steps < 3, bytes[start - 1] & 0xC0 == 0x80 {
                start -= 1
                steps += 1
            }
            guard start > 0, bytes[start - 1] >= 0xC0 else { return nil }
            start -= 1
        case "control characters are not allowed" where bytes[offset] == 0:
            return nulNote(at: offset, in: bytes)
        default:
            return nil
        }
        let byte = bytes[start]
        guard byte >= 0x80 else { return nil }
        let hex = "0x" + String(byte, radix: 16, uppercase: true)
        let reading = windows1252(byte).map { "reads as \($0) in Windows-1252" } ?? "is not a character in UTF-8 or Windows-1252"
        let more = invalidSequences(in: bytes[(start + 1)...])
        let rest = switch more {
        case 0: ""
        case 1: " (1 more byte further on is not UTF-8 either)"
        default: " (\(more) more bytes further on are not UTF-8 either)"
        }
        let at = ByteLocator.location(ofByteOffset: start, in: bytes)
        return YAMLProblem.Note(range: SourceRange(start: at, columns: 1),
                                message: "the file is not UTF-8: byte \(hex) \(reading); save the file as UTF-8\(rest)")
    }

    /// A NUL byte: most often a UTF-16 file without the byte-order mark that tells libyaml it
    /// is one (every other byte of its ASCII text is zero), else not a text file at all.
    private static func nulNote(at offset: Int, in bytes: [UInt8]) -> YAMLProblem.Note {
        let sample = bytes.prefix(64)
        let zeros = sample.indices.filter { sample[$0] == 0 }
        let evenZeros = zeros.filter { $0 % 2 == 0 }.count
        let looksUTF16 = sample.count >= 4 && zeros.count * 2 >= sample.count - 1
            && (evenZeros == zeros.count || evenZeros == 0)
        let message = looksUTF16
            ? "this is a NUL byte: the file looks saved as UTF-16 without a byte-order mark; save it as UTF-8"
            : "this is a NUL byte: a plan is a text file, saved as UTF-8"
        let at = ByteLocator.location(ofByteOffset: offset, in: bytes)
        return YAMLProblem.Note(range: SourceRange(start: at, columns: 1),
                                message: message)
    }

    /// How many times decoding `bytes` as UTF-8 fails (a maximal bad run counts once).
    private static func invalidSequences(in bytes: ArraySlice<UInt8>) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var count = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid: continue
            case .error: count += 1
            case .emptyInput: return count
            }
        }
    }

    /// The character `byte` stands for in Windows-1252, quoted or described, if it stands for
    /// one.
    static func windows1252(_ byte: UInt8) -> String? {
        switch byte {
        case 0xA0: return "a no-break space"
        case 0xAD: return "a soft hyphen"
        case 0xA1...0xFF: return "'\(Character(Unicode.Scalar(byte)))'"
        case 0x80...0x9F:
            // The block where Windows-1252 differs from Latin-1: curly quotes, dashes, the euro.
            let scalars: [UInt32] = [
                0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
                0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
            ]
            guard let scalar = Unicode.Scalar(scalars[Int(byte - 0x80)]), scalar.value != 0 else { return nil }
            return "'\(Character(scalar))'"
        default:
            return nil
        }
    }
}
