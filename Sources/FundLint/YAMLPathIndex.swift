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
        var parts: [String] = []
        var current = Int(node.index)
        var guardCount = 0
        while current >= 0, current < parents.count, parents[current] >= 0, guardCount <= parents.count {
            let step = steps[current]
            if step >= 0 {
                parts.append(Self.keyStep(document.keyText(NodeID(step)) ?? "?"))
            } else {
                parts.append("[\(-Int(step) - 1)]")
            }
            current = Int(parents[current])
            guardCount += 1
        }
        var result = ""
        for (offset, part) in parts.reversed().enumerated() {
            if offset == 0, part.hasPrefix(".") { result += part.dropFirst() } else { result += part }
        }
        return result
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

    /// `.name` for plain identifiers, `["odd key"]` otherwise.
    static func keyStep(_ key: String) -> String {
        let plain = !key.isEmpty && key.unicodeScalars.allSatisfy {
            ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "_" || $0 == "-"
        }
        if plain { return "." + key }
        var quoted = "[\""
        for scalar in key.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\"]"
    }
}
