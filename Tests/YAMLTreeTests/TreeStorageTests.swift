import Testing
@testable import YAMLTree

/// A stream can be built into the arrays an earlier stream gave back (``TreeStorage``): the
/// tree must come out exactly as from arrays of its own, whatever the earlier stream held.
@Suite struct TreeStorageTests {
    /// Every input of the yaml-test-suite (syntax errors, several documents, anchors and
    /// aliases, flow collections left open), and a document far larger than any of them.
    static let inputs: [[UInt8]] = {
        var inputs = YAMLTestSuite.cases.compactMap { YAMLTestSuite.bytes($0.directory + "/in.yaml") }
        let large = (0..<3_000).map { "key\($0): [\($0), \"text \($0)\", {a: b}]\n" }.joined()
        inputs.append(Array(large.utf8))
        return inputs
    }()

    @Test func theInputsIncludeTheSuiteAndALargeDocument() {
        #expect(Self.inputs.count > 300)
        #expect(YAMLParser.parse(Self.inputs.last ?? []).documents.first?.nodeCount ?? 0 > 20_000)
    }

    @Test(arguments: ["in order", "reversed"])
    func aStreamBuiltIntoKeptArraysIsTheStreamBuiltAlone(order: String) {
        let sequence = order == "reversed" ? Array(Self.inputs.reversed()) : Self.inputs
        var storage = TreeStorage()
        var differing = 0
        for bytes in sequence {
            let reused = YAMLParser.parse(bytes, storage: &storage)
            if reused != YAMLParser.parse(bytes) { differing += 1 }
            reused.giveBack(to: &storage)
        }
        #expect(differing == 0)
        // The arrays really were kept: the storage holds the last stream's room.
        #expect(storage.memory > 0)
    }
}
