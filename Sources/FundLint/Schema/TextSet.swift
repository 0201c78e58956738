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
        var buckets = Array(repeating: [String](), count: Self.bucketCount)
        for member in all { buckets[Self.bucket(member)].append(member) }
        var starts = [0]
        for bucket in buckets { starts.append(starts[starts.count - 1] + bucket.count) }
        self.members = buckets.flatMap { $0 }
        self.starts = starts
    }

    func contains(_ text: String) -> Bool {
        let bucket = Self.bucket(text)
        let length = text.utf8.count
        for index in starts[bucket]..<starts[bucket + 1] where members[index].utf8.count == length && members[index] == text {
            return true
        }
        return !text.utf8.allSatisfy { $0 < 0x80 } && all.contains(text)
    }

    private static func bucket(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last else { return 0 }
            return (bytes.count &* 31 &+ Int(first) &* 7 &+ Int(last)) & (bucketCount - 1)
        }
    }
}
