import Testing
@testable import FundLint

/// Did-you-mean suggestions: the bounded search must pick exactly what a full comparison
/// of every candidate picks.
struct EditDistanceTests {
    /// Levenshtein over Unicode scalars, the whole table, no shortcuts.
    private static func reference(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        var previous = Array(0...y.count)
        for i in 0..<x.count {
            var current = [i + 1]
            for j in 0..<y.count {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x[i] == y[j] ? 0 : 1)))
            }
            previous = current
        }
        return previous[y.count]
    }

    /// The rule `closest` documents, spelled out: a case-and-separator match wins at once;
    /// otherwise the first candidate at the smallest distance, if within the limit.
    private static func referenceClosest(to word: String, among candidates: [String]) -> String? {
        guard !word.isEmpty, word.unicodeScalars.count <= 64 else { return nil }
        func normalize(_ text: String) -> String { String(text.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 }) }
        var best: (String, Int)?
        for candidate in candidates where candidate != word {
            if normalize(candidate) == normalize(word) { return candidate }
            let distance = reference(word, candidate)
            if distance < best?.1 ?? Int.max { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best, distance <= max(2, word.unicodeScalars.count / 3) else { return nil }
        return candidate
    }

    @Test func distancesAreLevenshteinOverScalars() {
        #expect(EditDistance.between("", "") == 0)
        #expect(EditDistance.between("", "abc") == 3)
        #expect(EditDistance.between("kitten", "sitting") == 3)
        #expect(EditDistance.between("flaw", "lawn") == 2)
        #expect(EditDistance.between("café", "cafe") == 1)
        #expect(EditDistance.between("🇬🇧", "🇬") == 1)
    }

    @Test func suggestsTheFirstClosestCandidateWithinTheLimit() {
        let keys = ["project", "budget", "partners", "start_date", "end_date", "region"]
        #expect(EditDistance.closest(to: "projct", among: keys) == "project")
        #expect(EditDistance.closest(to: "Start-Date", among: keys) == "start_date")
        #expect(EditDistance.closest(to: "zzzzzz", among: keys) == nil)
        #expect(EditDistance.closest(to: "", among: keys) == nil)
        // A separator-and-case match later in the list beats a closer spelling before it.
        #expect(EditDistance.closest(to: "ab_cd", among: ["ab_ce", "AB-CD"]) == "AB-CD")
        // Ties go to the first.
        #expect(EditDistance.closest(to: "cat", among: ["bat", "cot", "cat"]) == "bat")
    }

    @Test func agreesWithTheFullComparison() {
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        let alphabet: [Character] = ["a", "b", "c", "_", "-", " ", "A", "B", "é", "É", "ß"]
        func word() -> String { String((0..<next(9)).map { _ in alphabet[next(alphabet.count)] }) }
        for _ in 0..<3_000 {
            let target = word()
            let candidates = (0..<next(8)).map { _ in word() }
            #expect(EditDistance.closest(to: target, among: candidates) == Self.referenceClosest(to: target, among: candidates),
                    "\(target) among \(candidates)")
            if let other = candidates.first {
                #expect(EditDistance.between(target, other) == Self.reference(target, other))
            }
        }
    }

    @Test func initialsSpellOneIdOrNone() {
        let ids = ["artificial-intelligence", "advanced-manufacturing", "advanced-materials", "cybersecurity", "north-east"]
        #expect(EditDistance.shortenings(of: "ai", among: ids) == ["artificial-intelligence"])
        #expect(EditDistance.shortenings(of: "NE", among: ids) == ["north-east"])
        // Two ids share the initials: both are named.
        #expect(EditDistance.shortenings(of: "am", among: ids) == ["advanced-manufacturing", "advanced-materials"])
        // A single letter, digits, nothing, or no word that starts an id: no guess.
        #expect(EditDistance.shortenings(of: "c", among: ids) == [])
        #expect(EditDistance.shortenings(of: "a1", among: ids) == [])
        #expect(EditDistance.shortenings(of: "", among: ids) == [])
        #expect(EditDistance.shortenings(of: "n e", among: ids) == [])
        #expect(EditDistance.shortenings(of: "robotics", among: ids) == [])
    }

    @Test func wordsStartingAnIdsWordsOrNamingThemAllPointToIt() {
        let ids = ["greater-london", "belfast-derry-londonderry-corridor", "medical-technology", "health-diagnostics",
                   "health-technology", "quantum", "cybersecurity", "compound-semiconductors"]
        #expect(EditDistance.shortenings(of: "cyber", among: ids) == ["cybersecurity"])
        #expect(EditDistance.shortenings(of: "Med tech", among: ids) == ["medical-technology"])
        #expect(EditDistance.shortenings(of: "semiconductors", among: ids) == ["compound-semiconductors"])
        // A whole word beats the start of one: `london` is all of a word of one id.
        #expect(EditDistance.shortenings(of: "London", among: ids) == ["greater-london"])
        #expect(EditDistance.shortenings(of: "health", among: ids) == ["health-diagnostics", "health-technology"])
        // The words must come in the id's order.
        #expect(EditDistance.shortenings(of: "tech medical", among: ids) == [])
        // Every word of an id among more words.
        #expect(EditDistance.shortenings(of: "quantum computing", among: ids) == ["quantum"])
        // More candidates than the limit: too vague to name.
        #expect(EditDistance.shortenings(of: "health", among: ids, limit: 1) == [])
    }

    @Test func abbreviatedWordsPointToTheIdTheyShorten() {
        let ids = ["west-midlands", "east-midlands", "liverpool-city-region", "west-yorkshire", "south-yorkshire", "greater-manchester"]
        #expect(EditDistance.shortenings(of: "west-mids", among: ids) == ["west-midlands"])
        // A word may be its initial alone, beside a longer one.
        #expect(EditDistance.shortenings(of: "W Mids", among: ids) == ["west-midlands"])
        #expect(EditDistance.shortenings(of: "S Yorks", among: ids) == ["south-yorkshire"])
        #expect(EditDistance.shortenings(of: "w m", among: ids) == [])
        #expect(EditDistance.shortenings(of: "lpool", among: ids) == ["liverpool-city-region"])
        #expect(EditDistance.shortenings(of: "west yorks", among: ids) == ["west-yorkshire"])
        // Both places are the Midlands: both are named.
        #expect(EditDistance.shortenings(of: "mids", among: ids) == ["west-midlands", "east-midlands"])
        // The first letter must match, the letters come in order, and a word is no longer
        // than the one it shortens.
        #expect(EditDistance.shortenings(of: "idlands", among: ids) == [])
        #expect(EditDistance.shortenings(of: "msdi", among: ids) == [])
        #expect(EditDistance.shortenings(of: "westerly", among: ids) == [])
        // The words come in the id's order.
        #expect(EditDistance.shortenings(of: "mids west", among: ids) == [])
        #expect(EditDistance.suggestion(for: "west-mids", among: ids).question == "did you mean 'west-midlands'?")
    }
}
