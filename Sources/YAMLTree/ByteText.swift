#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Comparisons of UTF-8 text held as bytes, without making strings.
public enum ByteText {
    /// Whether `a` and `b` hold the same bytes.
    @inlinable
    public static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let left = a.baseAddress, let right = b.baseAddress else { return true }
        let count = a.count
        // Keys and names are short: two loads a side (overlapping when shorter than a word
        // pair) compare them without a call to memcmp.
        if count <= 16 {
            let x = UnsafeRawPointer(left), y = UnsafeRawPointer(right)
            if count >= 8 {
                return x.loadUnaligned(as: UInt64.self) == y.loadUnaligned(as: UInt64.self)
                    && x.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                        == y.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            }
            if count >= 4 {
                return x.loadUnaligned(as: UInt32.self) == y.loadUnaligned(as: UInt32.self)
                    && x.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
                        == y.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            }
            for index in 0..<count where left[index] != right[index] { return false }
            return true
        }
        return memcmp(left, right, count) == 0
    }

    /// Whether `bytes` hold exactly the UTF-8 of `text`.
    @inlinable
    public static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count == bytes.count else { return false }
        return utf8.withContiguousStorageIfAvailable { equal(bytes, $0) } ?? utf8.elementsEqual(bytes)
    }

    /// How many bytes at the start of `bytes` are ASCII: up to the first byte of 0x80 or
    /// more. In that part each byte is one character, so an offset libyaml counts in
    /// characters is an offset in bytes. Thirty-two bytes a step, then eight.
    public static func asciiPrefixLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let high: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index + 32 <= bytes.count {
            let words = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self)
            if words & high != 0 { break }
            index += 32
        }
        while index + 8 <= bytes.count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & high == 0 {
            index += 8
        }
        while index < bytes.count, base[index] < 0x80 { index += 1 }
        return index
    }
}
