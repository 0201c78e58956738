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

/// One key/value pair of a mapping: twelve bytes (a plan's field tables hold one for each
/// property of each mapping).
public struct MappingEntry: Sendable, Hashable {
    /// The key node.
    public var key: NodeID
    /// The value node (possibly an alias).
    public var value: NodeID
    /// ``mergedVia``'s index, or a negative one for none: an optional would take eight bytes.
    private var mergedViaIndex: Int32

    /// For a pair that comes from a `<<` merge: the node in this mapping that names the
    /// merged mapping (the alias or mapping after `<<:`, or the item of a merge list).
    /// `nil` for pairs written here.
    public var mergedVia: NodeID? {
        get { mergedViaIndex < 0 ? nil : NodeID(mergedViaIndex) }
        set { mergedViaIndex = newValue?.index ?? -1 }
    }

    /// Creates an entry.
    public init(key: NodeID, value: NodeID, mergedVia: NodeID? = nil) {
        self.key = key
        self.value = value
        mergedViaIndex = mergedVia?.index ?? -1
    }
}

/// The tag and anchor of a node, as indices into its document's strings (-1 for none): few
/// nodes have either, so their document keeps them beside the records.
@usableFromInline
struct NodeLabel: Sendable, Equatable {
    @usableFromInline var tag: Int32 = -1
    @usableFromInline var anchor: Int32 = -1
}

/// The compact storage of one node: 28 bytes, for a plan of half a million budget items has
/// over four million nodes, and each byte of a record is four megabytes written. Its fields
/// are read by the document's accessors that other modules inline (the checker asks them a
/// few million times a thousand plans).
@usableFromInline
struct NodeRecord: Sendable, Equatable {
    @usableFromInline var kind: NodeKind
    /// Scalar: its ``ScalarStyle``; collection: 0 block, 1 flow.
    @usableFromInline var style: UInt8
    /// Bit 0: the node has a tag; bit 1: it has an anchor (an alias: names one). Both are
    /// kept in the document's ``YAMLDocument/labels``. Bit 2: a scalar's text is read from
    /// the document's ``YAMLDocument/source``, where it is written, not from its scalar
    /// bytes.
    @usableFromInline var labelled: UInt8 = 0
    private var packedRange: PackedRange
    /// Scalar: where its text starts in the scalar bytes (or in the source, see
    /// ``textInSource``); collection: start in the children
    /// array; alias: the target node's index.
    @usableFromInline var first: Int32
    /// Scalar: the byte length of its text; collection: number of child slots (a mapping
    /// has two per entry).
    @usableFromInline var count: Int32

    init(kind: NodeKind, style: UInt8, range: SourceRange, first: Int32, count: Int32) {
        self.init(kind: kind, style: style, packedRange: PackedRange(range), first: first, count: count)
    }

    init(kind: NodeKind, style: UInt8, packedRange: PackedRange, first: Int32, count: Int32) {
        self.kind = kind
        self.style = style
        self.packedRange = packedRange
        self.first = first
        self.count = count
    }

    /// Whether the node has a tag.
    @inlinable
    var hasTag: Bool { labelled & 1 != 0 }

    /// Whether the node has an anchor, or is an alias naming one.
    var hasAnchor: Bool { labelled & 2 != 0 }

    /// Whether a scalar's text is read from the source rather than the scalar bytes.
    @inlinable
    var textInSource: Bool { labelled & 4 != 0 }

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
