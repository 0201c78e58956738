import Testing
@testable import YAMLTree

/// Plain scalars on one line in the ASCII part of a file are read where they are written;
/// every other scalar's text is copied into the document. Both read back the same.
@Suite struct InPlaceTextTests {
    /// The text of every scalar of the first document, each with whether it is read in place.
    private func scalars(_ text: String) throws -> [(text: String, inPlace: Bool)] {
        let document = try #require(YAMLParser.parse(Array(text.utf8)).documents.first)
        return document.allNodes.compactMap { id in
            document.scalar(id).map { ($0, document.nodes[Int(id.index)].textInSource) }
        }
    }

    @Test func plainScalarsOnOneLineAreReadWhereTheyAreWritten() throws {
        let found = try scalars("""
        name: Bus  delays\tsurvey   # a comment
        list: [a b, c]
        quoted: "q"
        single: 's'
        folded: two
          lines
        block: |
          kept
        empty:
        """)
        #expect(found.map(\.text) == ["name", "Bus  delays\tsurvey", "list", "a b", "c", "quoted", "q", "single", "s",
                                      "folded", "two lines", "block", "kept\n", "empty", ""])
        #expect(found.map(\.inPlace) == [true, true, true, true, true, true, false, true, false,
                                         true, false, true, false, true, true])
    }

    @Test func scalarsPastTheFirstNonASCIIByteAreCopied() throws {
        let found = try scalars("a: b\nc: £5\nd: e\n")
        #expect(found.map(\.text) == ["a", "b", "c", "£5", "d", "e"])
        #expect(found.map(\.inPlace) == [true, true, true, false, false, false])
        // A byte-order mark is not ASCII: nothing after it is read in place.
        let marked = try scalars("\u{FEFF}a: b\n")
        #expect(marked.map(\.text) == ["a", "b"])
        #expect(marked.allSatisfy { !$0.inPlace })
    }

    @Test func aFileOfPlainScalarsCopiesNoText() throws {
        let document = try #require(YAMLParser.parse(Array("title: Bus delays\nitems:\n  - cost: 1200\n".utf8)).documents.first)
        #expect(document.scalarBytes.isEmpty)
        #expect(document.scalar(NodeID(Int32(2))) == "Bus delays")
        #expect(document.scalarUTF8(NodeID(Int32(2))).map(Array.init) == Array("Bus delays".utf8))
    }

    @Test func keysReadInPlaceAndCopiedAreComparedByTheirText() throws {
        let stream = YAMLParser.parse(Array("cost: 1\n\"cost\": 2\n".utf8))
        let document = try #require(stream.documents.first)
        let root = try #require(document.root)
        let first = document.entry(root, at: 0).key
        let second = document.entry(root, at: 1).key
        #expect(document.nodes[Int(first.index)].textInSource)
        #expect(!document.nodes[Int(second.index)].textInSource)
        #expect(document.sameKeyText(first, second))
        #expect(document.problems.map(\.message).contains { $0.contains("cost") })
    }

    @Test func aDocumentEqualsItsSnapshotWhereverItKeepsItsText() throws {
        let source = Array("a: &x b\nc: *x\nd: \"e\"\nf: [g, h]\n".utf8)
        let stream = YAMLParser.parse(source)
        #expect(stream.documents.first?.nodes.contains { $0.textInSource } == true)
        let snapshot = try #require(YAMLSnapshot.encode(stream, source: source))
        let bytes = Array(snapshot.utf8)
        let decoded = try #require(bytes.withUnsafeBufferPointer { YAMLSnapshot.decode($0, source: source) })
        #expect(decoded.documents.first?.nodes.contains { $0.textInSource } == false)
        #expect(decoded == stream)
        // Text that differs is not equal, wherever it is kept.
        let other = YAMLParser.parse(Array("a: &x c\nc: *x\nd: \"e\"\nf: [g, h]\n".utf8))
        #expect(decoded != other)
    }
}
