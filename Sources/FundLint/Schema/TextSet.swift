import YAMLTree

/// A fixed set of short strings (a pack's enumeration), tested without hashing the
/// candidate: buckets are chosen by length and the first and last bytes, so a lookup
/// compares the candidate with at most a few members. Text that is not ASCII is looked up
/// in a `Set`, so membership means what `==` means (canonical equivalence) either way.
struct TextSet: Sendable {
    private static let bucketCount = 256
    /// The members ordered by bucket; bucket `b` is `members[starts[b]..<starts[b + 1]]`.
    private let members: [String]
    private let starts: [Int]
    private let all: Set<String>

    init(_ members: [String]) {
        all = Set(members)
        // A counting sort by bucket: two small arrays, not one per bucket.
        let unique = Array(all)
        let buckets = unique.map(Self.bucket)
        var starts = Array(repeating: 0, count: Self.bucketCount + 1)
        for bucket in buckets { starts[bucket + 1] += 1 }
        for bucket in 0..<Self.bucketCount { starts[bucket + 1] += starts[bucket] }
        var next = starts
        var ordered = Array(repeating: "", count: unique.count)
        for (member, bucket) in zip(unique, buckets) {
            ordered[next[bucket]] = member
            next[bucket] += 1
        }
        self.members = ordered
        self.starts = starts
    }

    /// Whether the text whose UTF-8 is `bytes` is a member; `text` makes it as a string,
    /// asked for only when it is not ASCII.
    func contains(utf8 bytes: UnsafeBufferPointer<UInt8>, text: () -> String) -> Bool {
        let bucket = Self.bucket(bytes)
        for index in starts[bucket]..<starts[bucket + 1] where ByteText.equal(bytes, members[index]) { return true }
        return !bytes.allSatisfy { $0 < 0x80 } && all.contains(text())
    }

    private static func bucket(_ text: String) -> Int {
        var text = text
        return text.withUTF8(bucket)
    }

    private static func bucket(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let first = bytes.first, let last = bytes.last else { return 0 }
        return (bytes.count &* 31 &+ Int(first) &* 7 &+ Int(last)) & (bucketCount - 1)
    }
}
