import Testing
@testable import FundLint

/// The fast pattern matcher must agree with Swift's `Regex` wherever it answers.
struct SimplePatternTests {
    /// A deterministic generator, so a failure can be reproduced.
    private struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    private static let atoms = ["a", "b", "-", "@", ".", "\\.", "\\s", "\\S", "\\d", "\\w", "\\W", "[a-c]", "[^a@]",
                                "[A-Z0-9-]", "[-a]", "[\\s.]", "[^@\\s]", " ", "_", "1", "Z"]
    private static let quantifiers = ["", "", "*", "+", "?", "{2}", "{1,3}", "{2,}", "{0,1}"]
    private static let alphabet = Array("ab c@.-AZ19_\t")

    @Test func agreesWithRegexOnGeneratedPatterns() throws {
        var random = Generator(state: 2026)
        var compared = 0
        for _ in 0..<400 {
            var source = random.next(3) == 0 ? "" : "^"
            for _ in 0...random.next(4) {
                source += Self.atoms[random.next(Self.atoms.count)] + Self.quantifiers[random.next(Self.quantifiers.count)]
            }
            if random.next(3) != 0 { source += "$" }
            let simple = try #require(SimplePattern(source), "\(source) should take the fast path")
            let regex = try Regex(source)
            for _ in 0..<25 {
                let text = String((0..<random.next(9)).map { _ in Self.alphabet[random.next(Self.alphabet.count)] })
                let expected = (try regex.firstMatch(in: text)) != nil
                #expect(simple.matches(text) == expected, "pattern \(source) on \"\(text)\"")
                compared += 1
            }
        }
        #expect(compared == 10_000)
    }

    @Test func packPatternsTakeTheFastPath() throws {
        let reference = try #require(SimplePattern("^[A-Z0-9][A-Z0-9-]{2,31}$"))
        #expect(reference.matches("LIPF-000123") == true)
        #expect(reference.matches("lipf-000123") == false)
        #expect(reference.matches("AB") == false)
        let email = try #require(SimplePattern("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"))
        #expect(email.matches("bids@example.ac.uk") == true)
        #expect(email.matches("bids@example") == false)
        #expect(email.matches("two words@example.org") == false)
    }

    @Test(arguments: ["(ab)+", "a|b", "a+?", "\\bword", "[[:alpha:]]", "[a&&b]", "é+", "a{2", "\\1", "[a-b-c]"])
    func otherShapesAreLeftToRegex(_ source: String) {
        #expect(SimplePattern(source) == nil)
    }

    @Test func otherTextIsLeftToRegex() throws {
        let pattern = try #require(SimplePattern("^[^@\\s]+$"))
        #expect(pattern.matches("café") == nil)
        #expect(pattern.matches("line\nbreak") == nil)
        let checked = try #require(PackPattern("^[^@\\s]+$"))
        #expect(checked.matches("café"))
        #expect(!checked.matches("line\nbreak"))
    }

    /// A pattern is checked when its pack loads even when its `Regex` is compiled later:
    /// whatever `Regex` rejects, the pack rejects.
    @Test(arguments: ["[z-a]", "a{3,1}", "[", "\\", "(", "[a-", "a{2,1}$", "^*"])
    func aPatternRegexRejectsIsRejectedAtLoad(_ source: String) {
        let regexRejects = (try? Regex(source)) == nil
        #expect(regexRejects == (PackPattern(source) == nil), "\(source)")
    }

    @Test func aSimplePatternMeetingOtherTextCompilesItsRegexThenAgreesWithIt() throws {
        let pattern = try #require(PackPattern("^[a-z]+-[0-9]{2}$"))
        #expect(pattern.simple != nil)
        #expect(pattern.matches("ab-12"))
        #expect(!pattern.matches("é-12"))
        #expect(!pattern.matches("ab-12\n"))
        #expect(pattern.matches("ab-12"))
    }
}

