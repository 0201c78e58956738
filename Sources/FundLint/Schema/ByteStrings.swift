import YAMLTree

/// Strings held as their UTF-8, one after another, in raw storage read without reference
/// counting: a schema's property names and a set's members, which every key and enumerated
/// value of every plan is compared with. Copies share the storage; the one owner frees it
/// with ``deallocate()``.
struct ByteStrings: @unchecked Sendable {
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    /// Where each string ends in `bytes`.
    private let ends: UnsafeMutableBufferPointer<Int>

    /// No strings.
    init() {
        bytes = UnsafeMutableBufferPointer(start: nil, count: 0)
        ends = UnsafeMutableBufferPointer(start: nil, count: 0)
    }

    /// `strings`, in order.
    init(_ strings: [String]) {
        bytes = .allocate(capacity: strings.reduce(0) { $0 + $1.utf8.count })
        ends = .allocate(capacity: strings.count)
        var end = 0
        for (index, string) in strings.enumerated() {
            for byte in string.utf8 {
                bytes[end] = byte
                end += 1
            }
            ends[index] = end
        }
    }

    /// Frees the storage; no copy may be read after.
    func deallocate() {
        bytes.deallocate()
        ends.deallocate()
    }

    /// How many strings there are.
    var count: Int { ends.count }

    /// The UTF-8 of the string at `index` (in `0..<count`).
    subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = index == 0 ? 0 : ends[index - 1]
        return UnsafeBufferPointer(rebasing: bytes[start..<ends[index]])
    }

    /// Whether the string at `index` is exactly `candidate`'s bytes.
    func equals(_ index: Int, _ candidate: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteText.equal(candidate, self[index])
    }
}
