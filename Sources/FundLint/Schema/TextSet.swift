import YAMLTree

/// A fixed set of short strings (a pack's enumeration, or a table's row ids), tested
/// without hashing the candidate: buckets are chosen by length and the first and last
/// bytes, so a lookup compares the candidate with at most a few members. Text that is not
/// ASCII is compared with every member by `==`, so membership means what `==` means
/// (canonical equivalence) either way; such text is rare, and a set made without a hashed
/// index costs little when the pack loads.
struct TextSet: Sendable {
    private static let bucketCount = 256
    /// The members ordered by bucket; bucket `b` is `members[starts[b]..<starts[b + 1]]`.
    private let members: [String]
    /// Where each of `members` was in the list the set was made from (its first place).
    private let positions: [Int]
    private let starts: [Int]

    init(_ list: [String]) {
        // A stable counting sort by bucket (a few small arrays, not one per bucket), keeping
        // each member once, at its first place. Members equal but written differently
        // (canonically equivalent) may both be kept; a lookup by `==` finds the first.
        let buckets = list.map(Self.bucket)
        var starts = Array(repeating: 0, count: Self.bucketCount + 1)
        for bucket in buckets { starts[bucket + 1] += 1 }
        for bucket in 0..<Self.bucketCount { starts[bucket + 1] += starts[bucket] }
        var next = starts
        var sorted = Array(repeating: 0, count: list.count)
        for (position, bucket) in buckets.enumerated() {
            sorted[next[bucket]] = position
            next[bucket] += 1
        }
        var members: [String] = []
        var positions: [Int] = []
        members.reserveCapacity(list.count)
        positions.reserveCapacity(list.count)
        var counts = Array(repeating: 0, count: Self.bucketCount + 1)
        var runStart = 0
        var runBucket = -1
        for position in sorted {
            let bucket = buckets[position]
            if bucket != runBucket {
                runBucket = bucket
                runStart = members.count
            }
            guard !members[runStart...].contains(list[position]) else { continue }
            members.append(list[position])
            positions.append(position)
            counts[bucket + 1] += 1
        }
        for bucket in 0..<Self.bucketCount { counts[bucket + 1] += counts[bucket] }
        self.members = members
        self.positions = positions
        self.starts = counts
    }

    /// Whether the text whose UTF-8 is `bytes` is a member; `text` makes it as a string,
    /// asked for only when it is not ASCII.
    func contains(utf8 bytes: UnsafeBufferPointer<UInt8>, text: () -> String) -> Bool {
        position(utf8: bytes, text: text) != nil
    }

    /// Where the member whose UTF-8 is `bytes` was in the list the set was made from; `nil`
    /// when it is not a member. `text` as for ``contains(utf8:text:)``.
    func position(utf8 bytes: UnsafeBufferPointer<UInt8>, text: () -> String) -> Int? {
        let bucket = Self.bucket(bytes)
        for index in starts[bucket]..<starts[bucket + 1] where ByteText.equal(bytes, members[index]) { return positions[index] }
        if bytes.allSatisfy({ $0 < 0x80 }) { return nil }
        let candidate = text()
        return zip(members, positions).filter { $0.0 == candidate }.map(\.1).min()
    }

    /// Where `text` was in the list the set was made from; `nil` when it is not a member.
    func position(of text: String) -> Int? {
        var bytes = text
        return bytes.withUTF8 { position(utf8: $0) { text } }
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
