import Testing
@testable import YAMLTree

/// Files saved in another encoding than UTF-8: libyaml's message stays, and a note points at
/// the character, says what it reads as and how to mend the file.
@Suite struct EncodingHintTests {
    private func problem(_ bytes: [UInt8]) throws -> YAMLProblem {
        try #require(YAMLParser.parse(bytes).documents.last?.problems.first)
    }

    private func bytes(_ parts: Any...) -> [UInt8] {
        parts.flatMap { part -> [UInt8] in
            if let text = part as? String { return Array(text.utf8) }
            if let byte = part as? Int { return [UInt8(byte)] }
            return []
        }
    }

    @Test func aPoundSignInWindows1252IsNamedWhereItIs() throws {
        // `£` saved as Windows-1252 is the one byte 0xA3, which cannot begin a UTF-8 character.
        let found = try problem(bytes("fund: lipf-2026\nbudget:\n  requested: ", 0xA3, "1,000,000\n"))
        #expect(found.kind == .syntax)
        #expect(found.message == "invalid leading UTF-8 octet (byte 0xA3 at offset 37)")
        #expect(found.range.start == SourceLocation(line: 3, column: 14))
        let note = try #require(found.notes.first)
        #expect(found.notes.count == 1)
        #expect(note.range == SourceRange(start: SourceLocation(line: 3, column: 14), end: SourceLocation(line: 3, column: 15)))
        #expect(note.message == "the file is not UTF-8: byte 0xA3 reads as '£' in Windows-1252; save the file as UTF-8")
    }

    @Test func aCharacterCutShortIsNamedAtItsFirstByteNotWhereLibyamlStopped() throws {
        // `é` as 0xE9 begins a three-byte character in UTF-8; libyaml stops at the space after
        // it, the byte that fails to continue it.
        let found = try problem(bytes("project:\n  title: caf", 0xE9, " au lait\n"))
        #expect(found.message == "invalid trailing UTF-8 octet (byte 0x20 at offset 22)")
        #expect(found.range.start == SourceLocation(line: 2, column: 14))
        let note = try #require(found.notes.first)
        #expect(note.range.start == SourceLocation(line: 2, column: 13))
        #expect(note.message == "the file is not UTF-8: byte 0xE9 reads as 'é' in Windows-1252; save the file as UTF-8")
        // One byte that looks like a continuation before the stop: still back to the first.
        let two = try problem(bytes("a: ", 0xE9, 0xA3, "1\n"))
        #expect(two.notes.first?.range.start == SourceLocation(line: 1, column: 4))
        #expect(two.notes.first?.message.hasPrefix("the file is not UTF-8: byte 0xE9 reads as 'é'") == true)
        // Cut short by the end of the file.
        let last = try problem(bytes("a: caf", 0xE9))
        #expect(last.message.hasPrefix("incomplete UTF-8 octet sequence"))
        #expect(last.notes.first?.range.start == SourceLocation(line: 1, column: 7))
    }

    @Test func curlyQuotesAndDashesAreReadAsWindows1252AndTheRestCounted() throws {
        // Quotes and a dash from a word processor: the first stops libyaml, three more follow.
        let found = try problem(bytes("title: Bus ", 0x93, "delays", 0x94, " ", 0x96, " phase ", 0x92, "2\n"))
        let note = try #require(found.notes.first)
        #expect(note.range.start == SourceLocation(line: 1, column: 12))
        #expect(note.message == "the file is not UTF-8: byte 0x93 reads as '“' in Windows-1252; save the file as UTF-8 "
            + "(3 more bytes further on are not UTF-8 either)")
        let one = try problem(bytes("a: ", 0x96, " b ", 0x80, "\n"))
        #expect(one.notes.first?.message == "the file is not UTF-8: byte 0x96 reads as '–' in Windows-1252; save the file as UTF-8 "
            + "(1 more byte further on is not UTF-8 either)")
    }

    @Test func bytesWindows1252LeavesUndefinedOrInvisibleAreSaidSo() throws {
        let undefined = try problem(bytes("a: ", 0x81, "\n"))
        #expect(undefined.notes.first?.message
            == "the file is not UTF-8: byte 0x81 is not a character in UTF-8 or Windows-1252; save the file as UTF-8")
        let space = try problem(bytes("a: x", 0xA0, "y\n"))
        #expect(space.notes.first?.message == "the file is not UTF-8: byte 0xA0 reads as a no-break space in Windows-1252; save the file as UTF-8")
        #expect(SyntaxHint.windows1252(0xAD) == "a soft hyphen")
        #expect(SyntaxHint.windows1252(0xFF) == "'ÿ'")
        #expect(SyntaxHint.windows1252(0x9F) == "'Ÿ'")
        #expect(SyntaxHint.windows1252(0x80) == "'€'")
        for undefined in [0x81, 0x8D, 0x8F, 0x90, 0x9D] as [UInt8] { #expect(SyntaxHint.windows1252(undefined) == nil) }
        #expect(SyntaxHint.windows1252(0x41) == nil)
    }

    @Test func aNulByteSaysWhetherTheFileLooksLikeUTF16() throws {
        // UTF-16 (little-endian) without its byte-order mark: every other byte is zero.
        let utf16 = try problem(Array("fund: x\n".utf8).flatMap { [$0, 0] })
        #expect(utf16.message == "control characters are not allowed (U+0000 at offset 1)")
        #expect(utf16.notes.first?.message == "this is a NUL byte: the file looks saved as UTF-16 without a byte-order mark; save it as UTF-8")
        let binary = try problem(bytes("fund: x\nproject: ", 0, 0x17, 0x42, "\n"))
        #expect(binary.notes.first?.message == "this is a NUL byte: a plan is a text file, saved as UTF-8")
        #expect(binary.notes.first?.range.start == SourceLocation(line: 2, column: 10))
    }

    @Test func otherReaderErrorsAndUTF16InputGetNoNote() throws {
        // An overlong form is not another encoding's character.
        // libyaml gives no value with this one.
        let overlong = try problem(bytes("a: ", 0xC0, 0x80, "\n"))
        #expect(overlong.message == "invalid length of a UTF-8 sequence")
        #expect(overlong.notes.isEmpty)
        // A control character other than NUL: the message names the character libyaml decoded.
        let control = try problem(bytes("a: b", 0x07, "\n"))
        #expect(control.message == "control characters are not allowed (U+0007 at offset 4)")
        #expect(control.notes.isEmpty)
        // UTF-16 with its mark and a lone surrogate: libyaml's value is a code unit, and its
        // offsets are not into UTF-8.
        let utf16 = try problem([0xFF, 0xFE, 0x61, 0x00, 0x3A, 0x00, 0x20, 0x00, 0x00, 0xDC, 0x0A, 0x00])
        #expect(utf16.message == "unexpected low surrogate area (code unit 0xDC00 at offset 8)")
        #expect(utf16.notes.isEmpty)
        // A valid file has no problem at all.
        #expect(YAMLParser.parse(Array("title: café £1 “quoted”\n".utf8)).documents.first?.problems.isEmpty == true)
    }
}
