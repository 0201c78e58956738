import Testing
@testable import FundLint

/// Text is checked on its bytes: lengths count Unicode scalars, enumerations and patterns
/// mean what they meant on strings, and the text is made only when the value is kept.
struct ScalarTypingTests {
    private func text(_ configure: (SchemaNode) -> Void) -> SchemaNode {
        let schema = SchemaNode(kind: .string, name: "name")
        configure(schema)
        return schema
    }

    private func check(_ value: String, _ schema: SchemaNode) -> (result: Result<FieldTables.Typed, ScalarProblem>, made: Bool) {
        var made = false
        var bytes = value
        let result = bytes.withUTF8 { utf8 in
            ScalarTyping.check(utf8: utf8, plain: true, schema: schema) {
                made = true
                return value
            }
        }
        return (result, made)
    }

    @Test func lengthsCountUnicodeScalars() {
        let schema = text { $0.minLength = 3 }
        guard case .failure(.tooShort(minimum: 3, length: 2)) = check("éé", schema).result else {
            Issue.record("two accented letters are two scalars")
            return
        }
        guard case .success(.none) = check("ééé", schema).result else {
            Issue.record("three scalars pass")
            return
        }
        guard case .failure(.tooShort(minimum: 3, length: 2)) = check("🇬🇧", schema).result else {
            Issue.record("a flag is two scalars")
            return
        }
    }

    @Test func enumerationsMatchAsStringsDo() {
        let schema = text { $0.enumeration = SchemaNode.Enumeration(values: ["west-midlands", "Zoë"], noun: "place", table: nil, names: [:]) }
        // Text equal byte for byte to a member, or ASCII, is decided on its bytes; only other
        // text is made, to be compared as strings (canonical equivalence).
        for (value, member, madeForSet) in [("west-midlands", true, false), ("west-midland", false, false), ("Zoë", true, false),
                                            ("Zoe\u{308}", true, true), ("Zoe", false, false)] {
            let (result, made) = check(value, schema)
            switch result {
            case .success(.none): #expect(member, "\(value)")
            case .failure(.notInEnumeration): #expect(!member, "\(value)")
            default: Issue.record("\(value): \(result)")
            }
            #expect(made == madeForSet, "\(value)")
        }
    }

    @Test func patternsFallBackToRegexOutsidePrintableASCII() throws {
        let pattern = try #require(PackPattern("^[A-Z0-9][A-Z0-9-]{2,31}$"))
        let schema = text { $0.pattern = pattern }
        guard case .success(.none) = check("LIPF-0042", schema).result else {
            Issue.record("a reference matches")
            return
        }
        let (result, made) = check("LIPF-É", schema)
        guard case .failure(.noPatternMatch) = result else {
            Issue.record("non-ASCII text does not match")
            return
        }
        #expect(made)
    }

    @Test func keptValuesAreMadeOnce() {
        let schema = text { $0.enumeration = SchemaNode.Enumeration(values: ["a"], noun: "x", table: nil, names: [:]) }
        var bytes = "a"
        var calls = 0
        let result = bytes.withUTF8 { utf8 in
            ScalarTyping.type(utf8: utf8, plain: true, schema: schema) {
                calls += 1
                return "a"
            }
        }
        guard case .success(.string("a")) = result else {
            Issue.record("\(result)")
            return
        }
        #expect(calls == 1)
    }
}
