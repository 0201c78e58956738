import YAMLTree

/// A fixed set of short strings (a pack's enumeration, or a table's row ids), tested
/// without hashing the candidate: buckets are chosen by length and the first and last
/// bytes, so a lookup compares the candidate with at most a few members, byte for byte, in
/// storage read without reference counting (every enumerated value of every plan is looked
/// up here). Text that is not ASCII is compared with every member by `==`, so membership
/// means what `==` means (canonical equivalence) either way; such text is rare, and a set
/// made without a hashed index costs little when the pack loads.
final class TextSet: @unchecked Sendable {
    /// One less than the number of buckets, a power of two: about two buckets a member, at
    /// most 256 (a set's size decides, so a small one is small to make).
    private let mask: Int
    /// The members, each once, ordered by bucket: bucket `b` is members `starts[b]..<starts[b + 1]`.
    private let members: [String]
    /// Where each member was in the list the set was made from (its first place).
    private let positions: UnsafeMutableBufferPointer<Int>
    private let starts: UnsafeMutableBufferPointer<Int>
    /// The members' UTF-8, in the same order.
    private let bytes: ByteStrings

    init(_ list: [String]) {
        // A stable counting sort by bucket (a few small arrays, not one per bucket), keeping
        // each member once, at its first place. Members equal but written differently
        // (canonically equivalent) may both be kept; a lookup by `==` finds the first.
        var bucketCount = 4
        while bucketCount < 256, bucketCount < list.count * 2 { bucketCount *= 2 }
        let mask = bucketCount - 1
        self.mask = mask
        let buckets = list.map { Self.bucket($0, mask: mask) }
        var next = Array(repeating: 0, count: bucketCount + 1)
        for bucket in buckets { next[bucket + 1] += 1 }
        for bucket in 0..<bucketCount { next[bucket + 1] += next[bucket] }
        var sorted = Array(repeating: 0, count: list.count)
        for (position, bucket) in buckets.enumerated() {
            sorted[next[bucket]] = position
            next[bucket] += 1
        }
        // Room for every member of the list; repeats leave some unused.
        var members: [String] = []
        members.reserveCapacity(list.count)
        positions = .allocate(capacity: list.count)
        starts = .allocate(capacity: bucketCount + 1)
        starts.initialize(repeating: 0)
        var runStart = 0
        var runBucket = -1
        for position in sorted {
            let bucket = buckets[position]
            if bucket != runBucket {
                runBucket = bucket
                runStart = members.count
            }
            let member = list[position]
            guard !members[runStart...].contains(member) else { continue }
            positions[members.count] = position
            members.append(member)
            starts[bucket + 1] += 1
        }
        for bucket in 0..<bucketCount { starts[bucket + 1] += starts[bucket] }
        self.members = members
        bytes = ByteStrings(members)
    }

    deinit {
        positions.deallocate()
        starts.deallocate()
        bytes.deallocate()
    }

    /// Whether the text whose UTF-8 is `bytes` is a member; `text` makes it as a string,
    /// asked for only when it is not ASCII.
    func contains(utf8 bytes: UnsafeBufferPointer<UInt8>, text: () -> String) -> Bool {
        position(utf8: bytes, text: text) != nil
    }

    /// Where the member whose UTF-8 is `candidate` was in the list the set was made from;
    /// `nil` when it is not a member. `text` as for ``contains(utf8:text:)``.
    func position(utf8 candidate: UnsafeBufferPointer<UInt8>, text: () -> String) -> Int? {
        let bucket = Self.bucket(candidate, mask: mask)
        for index in starts[bucket]..<starts[bucket + 1] where bytes.equals(index, candidate) { return positions[index] }
        if candidate.allSatisfy({ $0 < 0x80 }) { return nil }
        let text = text()
        return members.indices.filter { members[$0] == text }.map { positions[$0] }.min()
    }

    /// Where `text` was in the list the set was made from; `nil` when it is not a member.
    func position(of text: String) -> Int? {
        var utf8 = text
        return utf8.withUTF8 { position(utf8: $0) { text } }
    }

    private static func bucket(_ text: String, mask: Int) -> Int {
        var text = text
        return text.withUTF8 { bucket($0, mask: mask) }
    }

    private static func bucket(_ bytes: UnsafeBufferPointer<UInt8>, mask: Int) -> Int {
        guard let first = bytes.first, let last = bytes.last else { return 0 }
        return (bytes.count &* 31 &+ Int(first) &* 7 &+ Int(last)) & mask
    }
}
