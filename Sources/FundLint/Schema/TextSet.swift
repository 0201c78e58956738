/// A fixed set of short strings (a pack's enumeration), tested without hashing the
/// candidate: buckets are chosen by length and the first and last bytes, so a lookup
/// compares the candidate with at most a few members. Text that is not ASCII is looked up
/// in a `Set`, so membership means what `==` means (canonical equivalence) either way.
struct TextSet: Sendable {
    private static let bucketCount = 256
    private var buckets: [[String]]
    private let all: Set<String>

    init(_ members: [String]) {
        all = Set(members)
        buckets = Array(repeating: [], count: Self.bucketCount)
        for member in members {
            let index = Self.bucket(member)
            if !buckets[index].contains(member) { buckets[index].append(member) }
        }
    }

    func contains(_ text: String) -> Bool {
        let candidates = buckets[Self.bucket(text)]
        let length = text.utf8.count
        for member in candidates where member.utf8.count == length && member == text { return true }
        return !text.utf8.allSatisfy { $0 < 0x80 } && all.contains(text)
    }

    private static func bucket(_ text: String) -> Int {
        let utf8 = text.utf8
        let first = Int(utf8.first ?? 0)
        let last = Int(utf8.last ?? 0)
        return (utf8.count &* 31 &+ first &* 7 &+ last) & (bucketCount - 1)
    }
}
