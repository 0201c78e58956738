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

    /// Two copies of one storage share its pending-children buffer (a class): a builder
    /// given either must work in a buffer of its own, or the two would write one buffer.
    @Test func copiesOfOneStorageDoNotShareTheirPendingChildren() {
        var first = TreeStorage()
        // Built once, so that the storage holds a buffer with room in it.
        YAMLParser.parse(Self.inputs.last ?? [], storage: &first).giveBack(to: &first)
        var second = first
        #expect(first.pending === second.pending)
        let deep = Array("a: [b, {c: [d, e, {f: g}]}, h]\nlist:\n  - 1\n  - [2, 3]\n".utf8)
        let fromFirst = YAMLParser.parse(deep, storage: &first)
        let fromSecond = YAMLParser.parse(deep, storage: &second)
        #expect(fromFirst == YAMLParser.parse(deep))
        #expect(fromSecond == YAMLParser.parse(deep))
        fromFirst.giveBack(to: &first)
        fromSecond.giveBack(to: &second)
        #expect(first.pending !== second.pending)
    }

    /// The buffer of pending children keeps what is appended, in order, across growth, and
    /// gives back and drops a run from its end.
    @Test func theSlotBufferKeepsItsIndicesInOrderAsItGrows() {
        let buffer = SlotBuffer<Int32>(capacity: 4)
        for index in 0..<1_000 { buffer.append(Int32(index)) }
        #expect(buffer.count == 1_000)
        #expect(buffer.capacity >= 1_000)
        #expect(Array(buffer.suffix(from: 990)) == (990..<1_000).map { Int32($0) })
        #expect(Array(buffer.suffix(from: 0)) == (0..<1_000).map { Int32($0) })
        buffer.removeSuffix(from: 10)
        #expect(Array(buffer.suffix(from: 0)) == (0..<10).map { Int32($0) })
        // Positions past the end give nothing, and drop nothing.
        #expect(buffer.suffix(from: 50).isEmpty)
        buffer.removeSuffix(from: 50)
        #expect(buffer.count == 10)
        buffer.removeAll()
        #expect(buffer.count == 0)
        #expect(buffer.capacity >= 1_000)
    }
}
