/// Levenshtein distance, for did-you-mean suggestions.
enum EditDistance {
    /// The edit distance between `a` and `b`, counting Unicode scalars.
    static func between(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// The closest candidate within a distance that still reads as a typo (at most a third
    /// of the word, at least 2), or `nil`. Case and `-`/`_` differences count as close.
    static func closest(to word: String, among candidates: [String]) -> String? {
        guard !word.isEmpty, word.unicodeScalars.count <= 64 else { return nil }
        let normalized = normalize(word)
        var best: (String, Int)?
        for candidate in candidates where candidate != word {
            if normalize(candidate) == normalized { return candidate }
            let distance = between(word, candidate)
            if best == nil || distance < best?.1 ?? Int.max { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        let limit = max(2, word.unicodeScalars.count / 3)
        return distance <= limit ? candidate : nil
    }

    private static func normalize(_ word: String) -> String {
        String(word.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
    }
}
