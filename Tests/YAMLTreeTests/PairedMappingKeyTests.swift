import Testing
import YAMLTree

/// ``YAMLDocument/pairedMappingKey(_:)`` gives each mapping with pairs a number of its own,
/// below ``YAMLDocument/pairedMappingLimit``, for tables indexed by it (the field tables):
/// two mappings sharing one would read each other's fields.
@Suite struct PairedMappingKeyTests {
    @Test(arguments: [
        "a: {}\nb: {x: 1}\nc: []\nd: [{}, {y: 2}, [3], {z: {w: {}}}]\n",
        "- {}\n- {}\n- {a: 1}\n- []\n- {b: 2, c: 3}\n",
        "{}",
        "x",
        "a: &m {k: 1}\nb: *m\nc: {<<: *m, j: 2}\n",
        "- - - {a: {b: {c: {}}}}\n    - {d: 1}\n  - {}\n",
        "? {a: 1}\n: {b: 2}\n? []\n: {}\n",
    ])
    func eachMappingWithPairsHasAKeyOfItsOwn(_ text: String) throws {
        let document = try #require(YAMLParser.parse(Array(text.utf8)).documents.first)
        var seen: [Int: NodeID] = [:]
        for node in document.allNodes {
            let key = document.pairedMappingKey(node)
            let hasPairs = document.kind(node) == .mapping && document.childCount(node) > 0
            #expect((key != nil) == hasPairs, "\(node) in \(text)")
            guard let key else { continue }
            #expect(key >= 0 && key < document.pairedMappingLimit)
            #expect(seen[key] == nil, "\(node) and \(String(describing: seen[key])) share \(key) in \(text)")
            seen[key] = node
        }
    }

    @Test func anIdOutOfRangeHasNoKey() throws {
        let document = try #require(YAMLParser.parse(Array("{a: 1}".utf8)).documents.first)
        #expect(document.pairedMappingKey(NodeID(Int32(-1))) == nil)
        #expect(document.pairedMappingKey(NodeID(Int32(document.nodeCount))) == nil)
    }
}
