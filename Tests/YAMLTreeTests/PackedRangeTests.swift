import Testing
@testable import YAMLTree

/// A packed range holds what a ``SourceRange`` holds, its end set alone included.
@Suite struct PackedRangeTests {
    private static func location(_ line: Int, _ column: Int) -> YAMLTree.SourceLocation {
        YAMLTree.SourceLocation(line: line, column: column)
    }

    @Test func packsAndUnpacksARange() {
        let range = SourceRange(start: Self.location(3, 5), end: Self.location(7, 2))
        #expect(PackedRange(range).range == range)
    }

    @Test func anEndSetAloneKeepsTheStart() {
        var packed = PackedRange(SourceRange(at: Self.location(3, 5)))
        packed.end = Self.location(9, 1)
        #expect(packed.range == SourceRange(start: Self.location(3, 5), end: Self.location(9, 1)))
    }

    /// As `SourceRange(start:end:)` does: an end before the start is raised to the start,
    /// on the start's line and on an earlier line alike.
    @Test(arguments: [(3, 4), (2, 80)])
    func anEndBeforeTheStartIsRaisedToIt(line: Int, column: Int) {
        var packed = PackedRange(SourceRange(at: Self.location(3, 5)))
        packed.end = Self.location(line, column)
        #expect(packed.end == Self.location(3, 5))
        #expect(packed.range == SourceRange(at: Self.location(3, 5)))
        #expect(packed.range == SourceRange(start: Self.location(3, 5), end: Self.location(line, column)))
    }
}
