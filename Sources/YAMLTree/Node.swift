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

/// The compact storage of one node: 20 bytes, for a plan of half a million budget items has
/// over four million nodes, and each byte of a record is four megabytes written. Its fields
/// are read by the document's accessors that other modules inline (the checker asks them a
/// few million times a thousand plans).
///
/// The range is kept as its start line, its start and end columns in 16 bits each, and the
/// lines from start to end in 16 bits. A range that does not fit (a column past 65,535, or
/// a collection of more than 65,536 lines) is marked ``isWide`` here and kept whole in the
/// document's ``YAMLDocument/wideRanges``: few nodes have one, and only the document can
/// read their range.
@usableFromInline
struct NodeRecord: Sendable, Equatable {
    /// The line the node starts on (1-based; saturates at 2³² − 1, as ``PackedRange``).
    private var startLine: UInt32
    /// Scalar: where its text starts in the scalar bytes (or in the source, see
    /// ``textInSource``); collection: start in the children
    /// array; alias: the target node's index.
    @usableFromInline var first: Int32
    /// Scalar: the byte length of its text; collection: number of child slots (a mapping
    /// has two per entry).
    @usableFromInline var count: Int32
    private var startColumn: UInt16
    private var endColumn: UInt16
    /// The end line minus the start line.
    private var lineSpan: UInt16
    @usableFromInline var kind: NodeKind
    /// Bits 0–2: ``style``; bits 3–5: ``labelled``; bit 6: ``isWide``.
    @usableFromInline var flags: UInt8

    /// The bit of ``flags`` that says the range is the document's to keep.
    private static let wideBit: UInt8 = 0x40

    /// A record at `range`; when the range does not fit, the record is ``isWide`` and its
    /// document must keep `range` (see ``YAMLDocument/append(_:range:)``).
    @inline(__always)
    init(kind: NodeKind, style: UInt8, range: PackedRange, first: Int32, count: Int32) {
        // Each field written once: every node passes here.
        let packed = Self.pack(range)
        startLine = range.startLine
        self.first = first
        self.count = count
        (startColumn, endColumn, lineSpan) = (packed.startColumn, packed.endColumn, packed.lineSpan)
        self.kind = kind
        flags = style & 7 | (packed.fits ? 0 : Self.wideBit)
    }

    /// `range`'s columns and line span in 16 bits each, and whether all three fit them
    /// (when they do not, the record is ``isWide``).
    @inline(__always)
    private static func pack(_ range: PackedRange) -> (startColumn: UInt16, endColumn: UInt16, lineSpan: UInt16, fits: Bool) {
        let span = range.endLine &- range.startLine
        // Each of the three fits 16 bits when none has a bit above them.
        return (UInt16(truncatingIfNeeded: range.startColumn), UInt16(truncatingIfNeeded: range.endColumn),
                UInt16(truncatingIfNeeded: span), (range.startColumn | range.endColumn | span) >> 16 == 0)
    }

    /// Scalar: its ``ScalarStyle``; collection: 0 block, 1 flow.
    @inlinable
    var style: UInt8 {
        get { flags & 7 }
        set { flags = flags & ~7 | newValue & 7 }
    }

    /// Bit 0: the node has a tag; bit 1: it has an anchor (an alias: names one). Both are
    /// kept in the document's ``YAMLDocument/labels``. Bit 2: a scalar's text is read from
    /// the document's ``YAMLDocument/source``, where it is written, not from its scalar
    /// bytes.
    @inlinable
    var labelled: UInt8 {
        get { flags >> 3 & 7 }
        set { flags = flags & ~0x38 | (newValue & 7) << 3 }
    }

    /// Whether the node has a tag.
    @inlinable
    var hasTag: Bool { labelled & 1 != 0 }

    /// Whether the node has an anchor, or is an alias naming one.
    var hasAnchor: Bool { labelled & 2 != 0 }

    /// Whether a scalar's text is read from the source rather than the scalar bytes.
    @inlinable
    var textInSource: Bool { labelled & 4 != 0 }

    /// Whether the range did not fit the record and is kept by the document.
    var isWide: Bool { flags & Self.wideBit != 0 }

    /// The range, or `nil` when it is ``isWide`` (the document has it).
    var compactRange: PackedRange? {
        guard !isWide else { return nil }
        return PackedRange(startLine: startLine, startColumn: UInt32(startColumn),
                           endLine: startLine &+ UInt32(lineSpan), endColumn: UInt32(endColumn))
    }

    /// Keeps `range` in the record when it fits; returns whether it did (otherwise the
    /// record is ``isWide``, and the document must keep the range). A range's end is never
    /// before its start (``PackedRange`` keeps it so); one that were would not fit.
    @discardableResult @inline(__always)
    mutating func setRange(_ range: PackedRange) -> Bool {
        let packed = Self.pack(range)
        startLine = range.startLine
        (startColumn, endColumn, lineSpan) = (packed.startColumn, packed.endColumn, packed.lineSpan)
        flags = packed.fits ? flags & ~Self.wideBit : flags | Self.wideBit
        return packed.fits
    }

    /// Sets where the node ends, keeping its start, when the record is not ``isWide`` and
    /// the new range fits it; returns whether it did (the record is left as it was
    /// otherwise). An end before the start is raised to it, as ``PackedRange/end`` does.
    @inline(__always)
    mutating func setCompactEnd(_ end: SourceLocation) -> Bool {
        guard !isWide else { return false }
        let line = UInt32(clamping: end.line), column = UInt32(clamping: end.column)
        if line < startLine || (line == startLine && column < UInt32(startColumn)) {
            (lineSpan, endColumn) = (0, startColumn)
            return true
        }
        let span = line &- startLine
        guard (column | span) >> 16 == 0 else { return false }
        (lineSpan, endColumn) = (UInt16(truncatingIfNeeded: span), UInt16(truncatingIfNeeded: column))
        return true
    }

    /// Sets where the node ends to where `other` ends, keeping its start, when neither
    /// record is ``isWide``, the new range fits and `other` does not end before this node
    /// starts; returns whether it did (the record is left as it was otherwise).
    @inline(__always)
    mutating func setCompactEnd(asEndOf other: NodeRecord) -> Bool {
        guard !isWide, !other.isWide else { return false }
        let span = (other.startLine &+ UInt32(other.lineSpan)) &- startLine
        guard span >> 16 == 0, span > 0 || other.endColumn >= startColumn else { return false }
        (lineSpan, endColumn) = (UInt16(truncatingIfNeeded: span), other.endColumn)
        return true
    }

    /// Where the node ends, or `nil` when the record is ``isWide``.
    @inline(__always)
    var compactEnd: SourceLocation? {
        guard !isWide else { return nil }
        return SourceLocation(line: Int(startLine) + Int(lineSpan), column: Int(endColumn))
    }
}
