/// Levenshtein distance, for did-you-mean suggestions.
enum EditDistance {
    /// The edit distance between `a` and `b`, counting Unicode scalars.
    static func between(_ a: String, _ b: String) -> Int {
        let x = scalars(a)
        let y = scalars(b)
        var rows = Rows()
        // No distance exceeds the longer length.
        return rows.distance(x, y, bound: max(x.count, y.count))
    }

    /// `; did you mean 'x'?`, to end a message with, when a candidate is close to `word`
    /// (``closest(to:among:)``); empty otherwise.
    static func hint(_ word: String, among candidates: [String]) -> String {
        hint(closest(to: word, among: candidates))
    }

    /// `; did you mean 'x'?` for a candidate found already by ``closest(to:among:)``; empty
    /// for `nil`.
    static func hint(_ closest: String?) -> String {
        closest.map { "; did you mean '\($0)'?" } ?? ""
    }

    /// The closest candidate within a distance that still reads as a typo (at most a third
    /// of the word, at least 2), or `nil`. Case and `-`/`_`/space differences count as
    /// close: the first candidate equal to the word but for those wins outright. Otherwise
    /// the first candidate at the smallest distance wins.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let wordScalars = scalars(word)
        guard !wordScalars.isEmpty, wordScalars.count <= 64 else { return nil }
        let normalized = Normalized(word)
        // Only a distance within the limit is ever suggested, and only one below the best
        // found so far can replace it: the work stops as soon as a candidate exceeds that.
        var bound = max(2, wordScalars.count / 3)
        var best: String?
        var rows = Rows()
        for candidate in candidates where candidate != word {
            if normalized.matches(candidate) { return candidate }
            if bound < 0 { continue }
            // A candidate too long or too short to be within the bound is passed over without
            // making an array of its scalars.
            let length = candidate.unicodeScalars.count
            if length - wordScalars.count > bound || wordScalars.count - length > bound { continue }
            let distance = rows.distance(wordScalars, scalars(candidate), bound: bound)
            if distance <= bound {
                best = candidate
                bound = distance - 1
            }
        }
        return best
    }

    /// What `word`, which is not one of `ids`, was most likely meant to be.
    enum Suggestion: Equatable {
        /// A typo of this id (``closest(to:among:)``).
        case typo(String)
        /// A shortened or longer name for these ids, one to four (``shortenings(of:among:limit:)``).
        case guesses([String])
        /// Nothing close.
        case none

        /// The ids suggested, in a question: `did you mean 'a' or 'b'?`; `nil` for none.
        var question: String? {
            switch self {
            case .typo(let id): "did you mean '\(id)'?"
            case .guesses(let ids): "did you mean " + ProseList.joined(ids.map { "'\($0)'" }, "or") + "?"
            case .none: nil
            }
        }
    }

    /// The typo `word` is of one of `ids`, else the ids it is a shortened or longer name for.
    static func suggestion(for word: String, among ids: [String]) -> Suggestion {
        if let best = closest(to: word, among: ids) { return .typo(best) }
        let guesses = shortenings(of: word, among: ids)
        return guesses.isEmpty ? .none : .guesses(guesses)
    }

    /// The candidates `word` reads as a shortened or a longer wording of, for text too far
    /// from every candidate to be a typo. Tried in turn, the first kind that matches any
    /// candidate wins:
    /// - its initials, for a single word of 2 to 8 letters (`lc` for `low-carbon`);
    /// - each of its words starting one of the candidate's words, in order, every word at
    ///   least 2 characters long (`photo` for `photonics`, `med dev` for `medical-devices`,
    ///   `leeds` for `greater-leeds`), candidates with each word whole preferred (`leeds` is
    ///   all of a word of `greater-leeds` but only the start of one of `leedsport`);
    /// - all of the candidate's words among more of its own (`robotics research` for `robotics`);
    /// - each of its words abbreviating one of the candidate's words, in order: the same first
    ///   letter and the rest found in it in order, one word at least 3 characters long
    ///   (`intl trade` for `international-trade`, `mgmt` for `management`, `N Mgmt` for
    ///   `national-management`).
    /// Words are split at anything but letters and digits, and compared ignoring case.
    /// Empty when none matches or more than `limit` do: a guess that vague helps no one.
    static func shortenings(of word: String, among candidates: [String], limit: Int = 4) -> [String] {
        let words = word.lowercased().unicodeScalars.split { !$0.properties.isAlphabetic && !("0"..."9").contains($0) }
        guard !words.isEmpty, words.count <= 8, word.unicodeScalars.count <= 64 else { return [] }
        let split = candidates.map { candidate in
            candidate.lowercased().unicodeScalars.split { $0 == "-" || $0 == "_" || $0 == " " }
        }
        let initials = words.count == 1 && (2...8).contains(words[0].count)
            && words[0].allSatisfy { $0.properties.isAlphabetic }
        let stages: [([Substring.UnicodeScalarView]) -> Bool] = [
            { parts in initials && parts.count == words[0].count && zip(parts, words[0]).allSatisfy { $0.first == $1 } },
            { parts in words.allSatisfy { $0.count >= 2 } && Self.inOrder(words, parts) { part, word in part.starts(with: word) } },
            { parts in parts.count < words.count && parts.allSatisfy { part in words.contains { $0.elementsEqual(part) } } },
            { parts in words.contains { $0.count >= 3 } && Self.inOrder(words, parts) { part, word in Self.abbreviates(word, part) } },
        ]
        for stage in stages {
            var found = candidates.indices.filter { stage(split[$0]) }
            let whole = found.filter { index in words.allSatisfy { word in split[index].contains { $0.elementsEqual(word) } } }
            if !whole.isEmpty { found = whole }
            if !found.isEmpty { return found.count <= limit ? found.map { candidates[$0] } : [] }
        }
        return []
    }

    /// Whether each of `words`, in turn, `matches` one of `parts` after the part the word
    /// before matched: the words start the parts (`med dev`), or abbreviate them
    /// (`intl trade`, see ``abbreviates(_:_:)``), in order.
    private static func inOrder(_ words: [Substring.UnicodeScalarView], _ parts: [Substring.UnicodeScalarView],
                                matches: (_ part: Substring.UnicodeScalarView, _ word: Substring.UnicodeScalarView) -> Bool) -> Bool {
        var next = parts.startIndex
        for word in words {
            guard let found = parts[next...].firstIndex(where: { matches($0, word) }) else { return false }
            next = found + 1
        }
        return true
    }

    /// Whether `word` is a shorter writing of `part` (or `part` itself): the same first
    /// letter, and each of its other letters found in `part` after the one before (`mgmt` in
    /// `management`).
    private static func abbreviates(_ word: Substring.UnicodeScalarView, _ part: Substring.UnicodeScalarView) -> Bool {
        guard let first = word.first, part.first == first, word.count <= part.count else { return false }
        var rest = part.dropFirst()[...]
        for scalar in word.dropFirst() {
            guard let found = rest.firstIndex(of: scalar) else { return false }
            rest = rest[rest.index(after: found)...]
        }
        return true
    }

    private static func scalars(_ text: String) -> [UInt32] {
        var values: [UInt32] = []
        values.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { values.append(scalar.value) }
        return values
    }

    /// A word compared ignoring case and the difference between `-`, `_` and a space.
    private struct Normalized {
        let word: String
        let isASCII: Bool
        let full: String

        init(_ word: String) {
            self.word = word
            isASCII = word.utf8.allSatisfy { $0 < 0x80 }
            full = Self.normalize(word)
        }

        func matches(_ other: String) -> Bool {
            guard isASCII, other.utf8.allSatisfy({ $0 < 0x80 }) else { return Self.normalize(other) == full }
            if word.utf8.count != other.utf8.count { return false }
            // ASCII on both sides: compare folded bytes without building strings.
            return word.utf8.elementsEqual(other.utf8) { Self.fold($0) == Self.fold($1) }
        }

        private static func fold(_ byte: UInt8) -> UInt8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
            case UInt8(ascii: "_"), UInt8(ascii: " "): UInt8(ascii: "-")
            default: byte
            }
        }

        private static func normalize(_ word: String) -> String {
            String(word.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
        }
    }

    /// Two rows of the distance table, kept across calls.
    private struct Rows {
        var previous: [Int] = []
        var current: [Int] = []

        /// The distance between `x` and `y`, or `bound + 1` as soon as it must exceed `bound`.
        /// Written with plain loops: it runs for each unknown key against each key allowed
        /// there, and should cost little even unoptimized.
        mutating func distance(_ x: [UInt32], _ y: [UInt32], bound: Int) -> Int {
            if x.count - y.count > bound || y.count - x.count > bound { return bound + 1 }
            if x.isEmpty { return y.count }
            if y.isEmpty { return x.count }
            let width = y.count + 1
            if previous.count < width {
                previous = Array(repeating: 0, count: width)
                current = previous
            }
            var j = 0
            while j < width {
                previous[j] = j
                j += 1
            }
            var i = 1
            while i <= x.count {
                current[0] = i
                var rowMinimum = i
                let scalar = x[i - 1]
                j = 1
                while j < width {
                    var value = previous[j - 1] + (scalar == y[j - 1] ? 0 : 1)
                    if previous[j] + 1 < value { value = previous[j] + 1 }
                    if current[j - 1] + 1 < value { value = current[j - 1] + 1 }
                    current[j] = value
                    if value < rowMinimum { rowMinimum = value }
                    j += 1
                }
                // Every later row is at least this row's minimum.
                if rowMinimum > bound { return bound + 1 }
                swap(&previous, &current)
                i += 1
            }
            return previous[y.count]
        }
    }
}
