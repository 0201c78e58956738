import Testing
@testable import YAMLTree

/// A record keeps a range in 16-bit columns and a 16-bit line span; a range that does not
/// fit is kept whole by its document. Either way a node's range is the same, and documents
/// and snapshots hold it exactly.
@Suite struct WideRangeTests {
    private func parse(_ text: String) throws -> YAMLDocument {
        let input = Array(text.utf8)
        let stream = YAMLParser.parse(input)
        let document = try #require(stream.documents.first)
        #expect(document.problems.isEmpty)
        // The snapshot of the stream reads back as the same tree, wide ranges included.
        let snapshot = try #require(YAMLSnapshot.encode(stream, source: input))
        let decoded = Array(snapshot.utf8).withUnsafeBufferPointer { YAMLSnapshot.decode($0, source: input) }
        #expect(decoded == stream)
        return document
    }

    private func range(_ startLine: Int, _ startColumn: Int, _ endLine: Int, _ endColumn: Int) -> SourceRange {
        SourceRange(start: SourceLocation(line: startLine, column: startColumn), end: SourceLocation(line: endLine, column: endColumn))
    }

    /// A value ending past column 65,535, and the block mapping that ends where it does.
    @Test func aColumnPast65535IsKeptByTheDocument() throws {
        let document = try parse("k: " + String(repeating: "x", count: 70_000) + "\n")
        let root = try #require(document.root)
        let entry = try #require(document.entries(root).first)
        #expect(document.range(entry.key) == range(1, 1, 1, 2))
        #expect(document.range(entry.value) == range(1, 4, 1, 70_004))
        #expect(document.range(root) == range(1, 1, 1, 70_004))
        #expect(!document.nodes[Int(entry.key.index)].isWide)
        #expect(document.nodes[Int(entry.value.index)].isWide)
        #expect(document.wideRanges.count == 2)
    }

    /// An item that starts past column 65,535 in a flow sequence.
    @Test func aStartPastColumn65535IsKeptByTheDocument() throws {
        let document = try parse("[" + String(repeating: "a, ", count: 30_000) + "b]\n")
        let root = try #require(document.root)
        let items = document.items(root)
        #expect(items.count == 30_001)
        #expect(document.range(items[0]) == range(1, 2, 1, 3))
        #expect(document.range(items[21_844]) == range(1, 65_534, 1, 65_535))
        #expect(!document.nodes[Int(items[21_844].index)].isWide)
        #expect(document.range(items[21_845]) == range(1, 65_537, 1, 65_538))
        #expect(document.nodes[Int(items[21_845].index)].isWide)
        #expect(document.range(try #require(items.last)) == range(1, 90_002, 1, 90_003))
        #expect(document.range(root).start == SourceLocation(line: 1, column: 1))
        #expect(document.range(root).end.column > 90_003)
    }

    /// A block sequence spans one line fewer than it has items: 65,535 lines from its start
    /// fit a record, 65,536 do not.
    @Test(arguments: [(65_536, false), (65_537, true)])
    func aCollectionOfManyLinesIsKeptByTheDocumentPastTheSpan(items: Int, wide: Bool) throws {
        let document = try parse(String(repeating: "- 1\n", count: items))
        let root = try #require(document.root)
        #expect(document.range(root) == range(1, 1, items, 4))
        #expect(document.nodes[Int(root.index)].isWide == wide)
        #expect(document.wideRanges.count == (wide ? 1 : 0))
        let last = try #require(document.items(root).last)
        #expect(document.range(last) == range(items, 3, items, 4))
    }

    /// The same text parsed twice makes equal documents; a different long line does not.
    @Test func documentsWithWideRangesCompareByTheirRanges() throws {
        let long = "k: " + String(repeating: "x", count: 70_000) + "\n"
        #expect(try parse(long) == parse(long))
        #expect(try parse(long) != parse("k: " + String(repeating: "x", count: 70_001) + "\n"))
    }
}
