import Testing
@testable import YAMLTree

/// `ByteText.equal` compares short byte strings with overlapping word loads rather than
/// `memcmp`: it must agree with a byte-by-byte comparison at every length, wherever the
/// bytes differ.
@Suite struct ByteTextTests {
    @Test func agreesWithComparingByteByByteAtEveryLengthAndPlace() {
        for count in 0...40 {
            let text = (0..<count).map { UInt8(truncatingIfNeeded: 97 + $0 % 26) }
            var differing: [[UInt8]] = [Array(text.dropLast()), text + [0]]
            for place in 0..<count {
                var changed = text
                changed[place] ^= 0x20
                differing.append(changed)
            }
            text.withUnsafeBufferPointer { a in
                // The same bytes at another address are equal.
                let copy = Array(text)
                copy.withUnsafeBufferPointer { b in #expect(ByteText.equal(a, b), "length \(count)") }
                for other in differing {
                    other.withUnsafeBufferPointer { b in
                        #expect(ByteText.equal(a, b) == (Array(a) == Array(b)), "length \(count) against \(other)")
                    }
                }
            }
        }
    }

    /// The ASCII part of a buffer ends at its first byte of 0x80 or more, wherever that is
    /// against the thirty-two and eight bytes the scan takes a step.
    @Test func theASCIIPartEndsAtTheFirstHighByteAtEveryLengthAndPlace() {
        for count in 0...80 {
            let ascii = (0..<count).map { UInt8(truncatingIfNeeded: 32 + $0 % 95) }
            ascii.withUnsafeBufferPointer { #expect(ByteText.asciiPrefixLength($0) == count, "length \(count)") }
            for place in 0..<count {
                for high: UInt8 in [0x80, 0xC2, 0xFF] {
                    var text = ascii
                    text[place] = high
                    text.withUnsafeBufferPointer { #expect(ByteText.asciiPrefixLength($0) == place, "length \(count), at \(place)") }
                }
            }
        }
        #expect(ByteText.asciiPrefixLength(UnsafeBufferPointer(start: nil, count: 0)) == 0)
    }
}
