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
}
