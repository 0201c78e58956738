/// Every document of one YAML stream, in order.
///
/// When reading stops early (a syntax error or a limit), the documents completed before
/// that point are complete and checkable; the last one holds the problem and nothing else.
public struct YAMLStream: Sendable, Equatable {
    /// The documents, in stream order.
    public var documents: [YAMLDocument]
}

/// The arrays of a parsed document (its nodes, their children and their text) and of the
/// tree builder that made it, kept from one stream to the next so that each file's tree does not allocate (and free) them anew:
/// ``YAMLParser/parse(_:limits:storage:)`` builds the first document into them, and
/// ``YAMLStream/giveBack(to:)`` returns them once the stream is no longer used.
public struct TreeStorage: Sendable {
    var nodes: [NodeRecord] = []
    var children: [Int32] = []
    var scalarBytes: [UInt8] = []
    /// The tree builder's own working storage: its open collections and their children.
    var stack: [TreeBuilder.OpenCollection] = []
    var pending = SlotBuffer<Int32>(capacity: 64)

    /// No arrays yet.
    public init() {}

    /// The memory the arrays hold, in bytes.
    public var memory: Int {
        nodes.capacity * MemoryLayout<NodeRecord>.stride + children.capacity * MemoryLayout<Int32>.stride
            + scalarBytes.capacity + stack.capacity * MemoryLayout<TreeBuilder.OpenCollection>.stride
            + pending.capacity * MemoryLayout<Int32>.stride
    }
}

extension YAMLStream {
    /// Gives the first document's arrays to `storage` for the next stream to be built into.
    public consuming func giveBack(to storage: inout TreeStorage) {
        // In place: taking the document out of the array would copy it, and its arrays
        // would no longer be the stream's alone.
        documents.withUnsafeMutableBufferPointer { documents in
            guard !documents.isEmpty else { return }
            swap(&storage.nodes, &documents[0].nodes)
            swap(&storage.children, &documents[0].children)
            swap(&storage.scalarBytes, &documents[0].scalarBytes)
        }
    }
}

