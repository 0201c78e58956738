import Testing
@testable import YAMLTree

/// A snapshot must read back as exactly the tree it was written from, only for the bytes it
/// was made from, and never crash on damage.
@Suite struct SnapshotTests {
    private func decode(_ snapshot: String, source: [UInt8]) -> YAMLStream? {
        Array(snapshot.utf8).withUnsafeBufferPointer { YAMLSnapshot.decode($0, source: source) }
    }

    @Test(.enabled(if: YAMLTestSuite.root != nil, "the yaml-test-suite data is not available: set FUNDLINT_YAML_TEST_SUITE"))
    func readsBackEveryCleanStreamOfTheYAMLTestSuite() throws {
        var written = 0
        for testCase in YAMLTestSuite.cases {
            let input = try #require(YAMLTestSuite.bytes(testCase.directory + "/in.yaml"))
            let stream = YAMLParser.parse(input)
            guard let snapshot = YAMLSnapshot.encode(stream, source: input) else {
                let clean = stream.documents.allSatisfy { $0.problems.isEmpty && $0.isComplete && $0.resolvedEntries.isEmpty }
                #expect(!clean, "\(testCase.id): a clean stream got no snapshot")
                continue
            }
            written += 1
            #expect(decode(snapshot, source: input) == stream, "\(testCase.id)")
            #expect(decode(snapshot, source: input + [0x0A]) == nil, "\(testCase.id): read back for other bytes")
        }
        #expect(written > 200)
    }

    @Test func keepsPositionsTagsAnchorsAndAliases() throws {
        let input = Array("""
            %YAML 1.2
            ---
            name: "Café \\"quoted\\""
            anchor: &a !!str [1, 2]
            alias: *a
            block: |
              two
              lines
            ---
            second
            """.utf8)
        let stream = YAMLParser.parse(input)
        let snapshot = try #require(YAMLSnapshot.encode(stream, source: input))
        let read = try #require(decode(snapshot, source: input))
        #expect(read == stream)
        let document = try #require(read.documents.first)
        let root = try #require(document.root)
        let values = document.entries(root).map { document.resolve($0.value) }
        #expect(values.map { document.range($0).start.description } == ["3:7", "4:9", "4:9", "6:8"])
        #expect(document.scalar(values[0]) == "Café \"quoted\"")
        #expect(document.tag(values[1]) == "tag:yaml.org,2002:str")
        #expect(document.scalar(values[3]) == "two\nlines\n")
        #expect(read.documents.count == 2)
    }

    @Test func writesNoSnapshotOfAStreamWithProblems() {
        for text in ["a: [1, 2", "a: 1\na: 2", "base: &b {x: 1}\nuse: {<<: *b}"] {
            let input = Array(text.utf8)
            #expect(YAMLSnapshot.encode(YAMLParser.parse(input), source: input) == nil, "\(text)")
        }
    }

    @Test func neverCrashesOnDamage() throws {
        let input = Array("plan:\n  items: [{a: 1, b: two}, &x {c: 3}]\n  again: *x\nlast: 'é'\n".utf8)
        let snapshot = Array(try #require(YAMLSnapshot.encode(YAMLParser.parse(input), source: input)).utf8)
        var decoded = 0
        for length in 0..<snapshot.count {
            let cut = Array(snapshot[0..<length])
            #expect(cut.withUnsafeBufferPointer { YAMLSnapshot.decode($0, source: input) } == nil, "cut at \(length)")
        }
        for position in snapshot.indices {
            for replacement: UInt8 in [0x00, 0x20, 0x3F, 0x40, 0x7F, 0xFF] {
                var damaged = snapshot
                damaged[position] = replacement
                // Any answer will do but a crash; a damaged stream must still be a safe tree.
                if let stream = damaged.withUnsafeBufferPointer({ YAMLSnapshot.decode($0, source: input) }) {
                    decoded += 1
                    for document in stream.documents {
                        for node in document.allNodes {
                            _ = document.scalar(node)
                            _ = document.entries(node).map { document.resolve($0.value) }
                            _ = document.items(node).map { document.range($0) }
                            _ = document.tag(node)
                        }
                    }
                }
            }
        }
        #expect(decoded < snapshot.count * 6)
    }

    @Test func escapesTextForASwiftStringLiteral() {
        #expect(YAMLSnapshot.swiftLiteralBody("a\"b\\c\nd\u{7F}é\u{0}") == "a\\\"b\\\\c\\u{a}d\\u{7f}é\\u{0}")
    }
}
