/// The pairs of a mapping, read in place from the document's storage (or from its resolved
/// pairs, for a mapping with merges or duplicate keys): asking for them allocates nothing.
public struct MappingEntries: RandomAccessCollection, Sendable {
    @usableFromInline let children: [Int32]
    @usableFromInline let start: Int
    @usableFromInline let resolved: [MappingEntry]?
    public let endIndex: Int

    @usableFromInline
    init(children: [Int32], start: Int, pairs: Int) {
        self.children = children
        self.start = start
        resolved = nil
        endIndex = pairs
    }

    @usableFromInline
    init(resolved: [MappingEntry]) {
        children = []
        start = 0
        self.resolved = resolved
        endIndex = resolved.count
    }

    /// No pairs.
    @usableFromInline static let empty = MappingEntries(children: [], start: 0, pairs: 0)

    public var startIndex: Int { 0 }

    @inlinable
    public subscript(position: Int) -> MappingEntry {
        if let resolved { return resolved[position] }
        let at = start + 2 * position
        return MappingEntry(key: NodeID(children[at]), value: NodeID(children[at + 1]))
    }
}

/// The items of a sequence, read in place from the document's storage.
public struct SequenceItems: RandomAccessCollection, Sendable {
    @usableFromInline let children: [Int32]
    @usableFromInline let start: Int
    public let endIndex: Int

    @usableFromInline
    init(children: [Int32], start: Int, count: Int) {
        self.children = children
        self.start = start
        endIndex = count
    }

    /// No items.
    @usableFromInline static let empty = SequenceItems(children: [], start: 0, count: 0)

    public var startIndex: Int { 0 }

    @inlinable
    public subscript(position: Int) -> NodeID {
        NodeID(children[start + position])
    }
}
