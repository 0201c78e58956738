/// The identity of a node inside one ``YAMLDocument``: an index into its node array.
public struct NodeID: Sendable, Hashable, Comparable {
    /// The node's index in its document.
    public let index: Int32

    /// The node at `index` of its document.
    public init(_ index: Int32) { self.index = index }
    init(_ index: Int) { self.index = Int32(truncatingIfNeeded: index) }

    public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.index < rhs.index }
}

/// What a node is.
public enum NodeKind: UInt8, Sendable, Hashable {
    case scalar, sequence, mapping, alias
}

/// How a scalar was written; typing by the schema needs it (a quoted number is a string).
public enum ScalarStyle: UInt8, Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// One key/value pair of a mapping.
public struct MappingEntry: Sendable, Hashable {
    /// The key node.
    public var key: NodeID
    /// The value node (possibly an alias).
    public var value: NodeID
    /// For a pair that comes from a `<<` merge: the node in this mapping that names the
    /// merged mapping (the alias or mapping after `<<:`, or the item of a merge list).
    /// `nil` for pairs written here.
    public var mergedVia: NodeID?

    /// Creates an entry.
    public init(key: NodeID, value: NodeID, mergedVia: NodeID? = nil) {
        self.key = key
        self.value = value
        self.mergedVia = mergedVia
    }
}

/// The compact storage of one node. Its fields are read by the document's accessors that
/// other modules inline (the checker asks them a few million times a thousand plans).
@usableFromInline
struct NodeRecord: Sendable, Equatable {
    @usableFromInline var kind: NodeKind
    /// Scalar: its ``ScalarStyle``; collection: 0 block, 1 flow.
    @usableFromInline var style: UInt8
    private var packedRange: PackedRange
    /// Scalar: where its text starts in the scalar bytes; collection: start in the children
    /// array; alias: the target node's index.
    @usableFromInline var first: Int32
    /// Scalar: the byte length of its text; collection: number of child slots (a mapping
    /// has two per entry).
    @usableFromInline var count: Int32
    /// Index into the document's string table, or -1.
    @usableFromInline var tag: Int32
    /// Index into the document's string table, or -1 (for an alias: its anchor name).
    var anchor: Int32

    init(kind: NodeKind, style: UInt8, range: SourceRange, first: Int32, count: Int32, tag: Int32, anchor: Int32) {
        self.init(kind: kind, style: style, packedRange: PackedRange(range), first: first, count: count, tag: tag, anchor: anchor)
    }

    init(kind: NodeKind, style: UInt8, packedRange: PackedRange, first: Int32, count: Int32, tag: Int32, anchor: Int32) {
        self.kind = kind
        self.style = style
        self.packedRange = packedRange
        self.first = first
        self.count = count
        self.tag = tag
        self.anchor = anchor
    }

    /// The node's range.
    var range: SourceRange {
        get { packedRange.range }
        set { packedRange = PackedRange(newValue) }
    }

    /// Where the node ends, read or set without the start (a collection's end is set when
    /// it closes).
    var rangeEnd: SourceLocation {
        get { packedRange.end }
        set { packedRange.end = newValue }
    }
}
