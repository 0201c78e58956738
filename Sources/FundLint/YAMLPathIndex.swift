import YAMLTree

/// Finds the YAML path (`budget.items[3].amount`) of any node of a document, building the
/// parent links once, iteratively, on first use.
struct YAMLPathIndex {
    private let document: YAMLDocument
    private var parents: [Int32] = []
    /// For a node: the key node (in a mapping) or -(index + 1) (in a sequence).
    private var steps: [Int32] = []

    init(document: YAMLDocument) {
        self.document = document
    }

    /// The path of `node`; the empty string for the root.
    mutating func path(of node: NodeID) -> String {
        if parents.isEmpty { build() }
        var reversed: [Int32] = []
        var current = Int(node.index)
        var guardCount = 0
        while current >= 0, current < parents.count, parents[current] >= 0, guardCount <= parents.count {
            reversed.append(steps[current])
            current = Int(parents[current])
            guardCount += 1
        }
        var path = YAMLPathBuilder()
        for step in reversed.reversed() {
            if step >= 0 {
                path.appendKey(NodeID(step), in: document)
            } else {
                path.appendIndex(-Int(step) - 1)
            }
        }
        return path.text
    }

    private mutating func build() {
        parents = Array(repeating: -1, count: document.nodeCount)
        steps = Array(repeating: 0, count: document.nodeCount)
        for id in document.allNodes {
            switch document.kind(id) {
            case .sequence:
                for (index, item) in document.items(id).enumerated() {
                    parents[Int(item.index)] = id.index
                    steps[Int(item.index)] = Int32(truncatingIfNeeded: -(index + 1))
                }
            case .mapping:
                for entry in document.entries(id) {
                    parents[Int(entry.value.index)] = id.index
                    steps[Int(entry.value.index)] = entry.key.index
                    parents[Int(entry.key.index)] = id.index
                    steps[Int(entry.key.index)] = entry.key.index
                }
            default:
                break
            }
        }
    }
}
