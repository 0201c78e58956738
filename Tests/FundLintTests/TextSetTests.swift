import Testing
@testable import FundLint

/// Enumerations and table ids: found by their bytes, at their first place, and by `==` for
/// text that is not ASCII.
struct TextSetTests {
    /// Every member is found where it was first written, and nothing else is found.
    @Test func findsEachMemberAtItsFirstPlace() {
        // Two pairs share a bucket (same length, first and last byte): "ab-cb" and "ac-bb".
        let list = ["west-midlands", "ab-cb", "ac-bb", "west-midlands", "", "x", "ab-cb"]
        let set = TextSet(list)
        #expect(set.position(of: "west-midlands") == 0)
        #expect(set.position(of: "ab-cb") == 1)
        #expect(set.position(of: "ac-bb") == 2)
        #expect(set.position(of: "") == 4)
        #expect(set.position(of: "x") == 5)
        for absent in ["west-midland", "West-Midlands", "ab-bb", "y", "west-midlands "] {
            #expect(set.position(of: absent) == nil, "\(absent)")
        }
    }

    /// Text outside ASCII is compared as Swift compares strings: a precomposed é matches a
    /// decomposed one, and the Kelvin sign matches the letter K.
    @Test func comparesTextOutsideASCIIByCanonicalEquivalence() {
        let set = TextSet(["caf\u{E9}", "K", "ynys-m\u{F4}n"])
        #expect(set.position(of: "caf\u{E9}") == 0)
        #expect(set.position(of: "cafe\u{301}") == 0)
        #expect(set.position(of: "\u{212A}") == 1)
        #expect(set.position(of: "ynys-mo\u{302}n") == 2)
        #expect(set.position(of: "caf\u{E8}") == nil)
    }

    /// A table's rows are found by id, and an id it lacks finds none.
    @Test func tableRowsAreFoundById() {
        let table = TableValue(ids: ["north-east", "tees-valley"], rows: [Value(.int(1)), Value(.int(2))])
        guard case .int(let second)? = table.row("tees-valley")?.kind else {
            Issue.record("no row for tees-valley")
            return
        }
        #expect(second == 2)
        #expect(table.row("tees") == nil)
    }
}
