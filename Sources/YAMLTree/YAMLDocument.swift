/// One YAML document with positions: every node in one array, children as index ranges.
///
/// Aliases are nodes of their own that point at their target, never copies, so a value
/// reached through an alias still knows where the alias was written.
public struct YAMLDocument: Sendable, Equatable {
    /// Where the document starts (its `---`, or its first token when implicit).
    public internal(set) var start: SourceLocation
    /// The root node; `nil` when the document broke off before it had one.
    public internal(set) var root: NodeID?
    /// Problems found while reading this document, in the order found.
    public internal(set) var problems: [YAMLProblem] = []
    /// `false` when reading stopped inside this document (a syntax error or a limit).
    public internal(set) var isComplete: Bool = false

    @usableFromInline var nodes: [NodeRecord] = []
    @usableFromInline var children: [Int32] = []
    /// The UTF-8 of every scalar, one after another: a scalar's record holds where its text
    /// starts here and how long it is. One buffer, not a string per scalar: most scalars
    /// (keys, numbers, dates) are only ever compared or parsed, never kept as text.
    @usableFromInline var scalarBytes: [UInt8] = []
    /// The bytes the document was read from, when some scalars' text is read from them
    /// where it is written (a plain scalar on one line, in the ASCII part of the input: its
    /// text is its source, byte for byte); empty otherwise. Shared with the reader of the
    /// file, not copied: a large plan's text is then not held twice.
    @usableFromInline var source: [UInt8] = []
    @usableFromInline var strings: [String] = []
    /// The tag and anchor of each node that has either (few do); its record says which.
    @usableFromInline var labels: [Int32: NodeLabel] = [:]
    /// Effective entries of mappings that have merges or duplicate keys.
    @usableFromInline var resolvedEntries: [Int32: [MappingEntry]] = [:]
    /// The range of each node whose record could not hold it (see ``NodeRecord``): a
    /// column past 65,535, or a collection of more than 65,536 lines. Few nodes, if any.
    var wideRanges: [Int32: PackedRange] = [:]

    init(start: SourceLocation) {
        self.start = start
    }

    /// How many nodes the document holds (aliases count once).
    public var nodeCount: Int { nodes.count }

    /// Whether every value is written once, where it is read, and read as its text says: the
    /// document has no tag, anchor, alias, `<<` merge or duplicate key (most plans).
    public var isSimple: Bool { strings.isEmpty && resolvedEntries.isEmpty }

    /// Every node id, in document order.
    public var allNodes: [NodeID] { (0..<nodes.count).map { NodeID($0) } }

    /// The node's kind.
    @inlinable
    public func kind(_ id: NodeID) -> NodeKind { nodes[Int(id.index)].kind }

    /// The node's source range (an alias's own range, not its target's).
    public func range(_ id: NodeID) -> SourceRange { packedRange(Int(id.index)).range }

    /// The range of the node at `index`, from its record or, when the record could not
    /// hold it, from ``wideRanges``.
    func packedRange(_ index: Int) -> PackedRange {
        // A wide record always has its range kept; the document's start stands in otherwise.
        nodes[index].compactRange ?? wideRanges[Int32(truncatingIfNeeded: index)] ?? PackedRange(SourceRange(at: start))
    }

    /// Appends `record`, made at `range`, keeping the range here when the record could not
    /// hold it; returns the new node's index.
    @discardableResult @inline(__always)
    mutating func append(_ record: NodeRecord, range: PackedRange) -> Int32 {
        let index = Int32(truncatingIfNeeded: nodes.count)
        nodes.append(record)
        if record.isWide { wideRanges[index] = range }
        return index
    }

    /// Where the node at `index` ends.
    @inline(__always)
    func rangeEnd(of index: Int) -> SourceLocation {
        nodes[index].compactEnd ?? wideRangeEnd(of: index)
    }

    /// ``rangeEnd(of:)`` for a record that does not hold its range: out of line, as few
    /// nodes come here.
    @inline(never)
    private func wideRangeEnd(of index: Int) -> SourceLocation {
        packedRange(index).end
    }

    /// Where the node at `index` ends, set without its start (a collection's end is set
    /// when it closes); an end before the start is raised to it.
    @inline(__always)
    mutating func setRangeEnd(_ end: SourceLocation, of index: Int) {
        if !nodes[index].setCompactEnd(end) { setWideRangeEnd(end, of: index) }
    }

    /// Sets where the node at `index` ends to where the node at `other` ends (a block
    /// collection ends with its last child).
    @inline(__always)
    mutating func setRangeEnd(asEndOf other: Int, of index: Int) {
        if !nodes[index].setCompactEnd(asEndOf: nodes[other]) { setWideRangeEnd(rangeEnd(of: other), of: index) }
    }

    /// ``setRangeEnd(_:of:)`` for a range the record does not hold, before or after: out of
    /// line, as few nodes come here.
    @inline(never)
    private mutating func setWideRangeEnd(_ end: SourceLocation, of index: Int) {
        var range = packedRange(index)
        range.end = end
        let key = Int32(truncatingIfNeeded: index)
        if nodes[index].setRange(range) {
            wideRanges[key] = nil
        } else {
            wideRanges[key] = range
        }
    }

    /// Gives the node at `index` a tag and an anchor: indices into `strings`, or -1 for none.
    mutating func label(_ index: Int32, tag: Int32, anchor: Int32) {
        nodes[Int(index)].labelled = nodes[Int(index)].labelled & ~3 | (tag >= 0 ? 1 : 0) | (anchor >= 0 ? 2 : 0)
        labels[index] = tag >= 0 || anchor >= 0 ? NodeLabel(tag: tag, anchor: anchor) : nil
    }

    /// The tag and anchor of the node at `index`, as indices into `strings` (-1 for none).
    func label(_ index: Int32) -> NodeLabel {
        labels[index] ?? NodeLabel()
    }

    /// The scalar's text after YAML unescaping and folding; `nil` for other kinds. Made
    /// each time it is asked for: code on a hot path reads ``withScalarUTF8(_:_:)``.
    public func scalar(_ id: NodeID) -> String? {
        withScalarUTF8(id) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 of the scalar's text (as libyaml delivered it)
    /// and returns what it returns; `nil` for other kinds, without calling `body`. The
    /// cheapest way to read a scalar: nothing is copied or retained.
    @inlinable
    public func withScalarUTF8<Result>(_ id: NodeID, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result? {
        let record = nodes[Int(id.index)]
        guard record.kind == .scalar else { return nil }
        return try storage(of: record).withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[Self.span(of: record)]))
        }
    }

    /// The bytes a scalar's text lies in: `source` when its record says so, else
    /// `scalarBytes`.
    @inlinable @inline(__always)
    func storage(of record: NodeRecord) -> [UInt8] {
        record.textInSource ? source : scalarBytes
    }

    /// Where a scalar's text lies in ``storage(of:)``.
    @inlinable @inline(__always)
    static func span(of record: NodeRecord) -> Range<Int> {
        Int(record.first)..<(Int(record.first) + Int(record.count))
    }

    /// Calls `body` with the UTF-8 of the text a key is compared by (see ``keyText(_:)``);
    /// `nil` for a collection key.
    @inlinable
    public func withKeyUTF8<Result>(_ id: NodeID, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result? {
        try withScalarUTF8(resolve(id), body)
    }

    /// The UTF-8 of the text a key is compared by (see ``keyText(_:)``), sharing the
    /// document's storage; `nil` for a collection key.
    public func keyUTF8(_ id: NodeID) -> ArraySlice<UInt8>? {
        scalarUTF8(resolve(id))
    }

    /// The UTF-8 of the scalar's text, sharing the document's storage; `nil` for other kinds.
    public func scalarUTF8(_ id: NodeID) -> ArraySlice<UInt8>? {
        let record = nodes[Int(id.index)]
        guard record.kind == .scalar else { return nil }
        return storage(of: record)[Self.span(of: record)]
    }

    /// Whether two scalars (each through an alias) have the same text, code point for code
    /// point: how YAML tells keys apart. `false` when either is a collection.
    public func sameKeyText(_ a: NodeID, _ b: NodeID) -> Bool {
        // On the tree builder's hot path: the records are read once, not through `withScalarUTF8`.
        let first = nodes[Int(resolve(a).index)]
        let second = nodes[Int(resolve(b).index)]
        guard first.kind == .scalar, second.kind == .scalar, first.count == second.count else { return false }
        return source.withUnsafeBufferPointer { source in
            scalarBytes.withUnsafeBufferPointer { copied in
                ByteText.equal(UnsafeBufferPointer(rebasing: (first.textInSource ? source : copied)[Self.span(of: first)]),
                               UnsafeBufferPointer(rebasing: (second.textInSource ? source : copied)[Self.span(of: second)]))
            }
        }
    }

    /// Whether the scalar's text is exactly `text` (`nil` for other kinds compares false).
    func scalar(_ id: NodeID, is text: StaticString) -> Bool {
        withScalarUTF8(id) { ByteText.equal($0, UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)) } ?? false
    }

    /// How the scalar was written; `nil` for other kinds.
    @inlinable @inline(__always)
    public func scalarStyle(_ id: NodeID) -> ScalarStyle? {
        let record = nodes[Int(id.index)]
        return record.kind == .scalar ? ScalarStyle(rawValue: record.style) : nil
    }

    /// Whether the node is a scalar written plain: ``scalarStyle(_:)`` `== .plain`, read
    /// without making the style.
    @inlinable @inline(__always)
    public func isPlainScalar(_ id: NodeID) -> Bool {
        let record = nodes[Int(id.index)]
        return record.kind == .scalar && record.style == ScalarStyle.plain.rawValue
    }

    /// Whether a collection was written in flow style (`[...]`, `{...}`).
    public func isFlow(_ id: NodeID) -> Bool {
        let record = nodes[Int(id.index)]
        return (record.kind == .sequence || record.kind == .mapping) && record.style == 1
    }

    /// The explicit tag as libyaml resolved it (`tag:yaml.org,2002:str`, `!`, `!local`).
    @inlinable
    public func tag(_ id: NodeID) -> String? {
        guard nodes[Int(id.index)].hasTag, let index = labels[id.index]?.tag, index >= 0 else { return nil }
        return strings[Int(index)]
    }

    /// The anchor defined on the node, or for an alias the anchor it names.
    public func anchor(_ id: NodeID) -> String? {
        guard nodes[Int(id.index)].hasAnchor, let index = labels[id.index]?.anchor, index >= 0 else { return nil }
        return strings[Int(index)]
    }

    /// The node an alias points at; `nil` for other kinds.
    @inlinable
    public func aliasTarget(_ id: NodeID) -> NodeID? {
        let record = nodes[Int(id.index)]
        return record.kind == .alias ? NodeID(record.first) : nil
    }

    /// The node itself, or an alias's target (targets are never aliases).
    @inlinable
    public func resolve(_ id: NodeID) -> NodeID {
        let record = nodes[Int(id.index)]
        return record.kind == .alias ? NodeID(record.first) : id
    }

    /// The items of a sequence, in order; empty for other kinds.
    @inlinable
    public func items(_ id: NodeID) -> SequenceItems {
        let record = nodes[Int(id.index)]
        guard record.kind == .sequence else { return .empty }
        return SequenceItems(children: children, start: Int(record.first), count: Int(record.count))
    }

    /// How many items a sequence has, or pairs a mapping has as written; 0 for other kinds.
    /// With ``child(_:at:)``, a walk that reads the document in place, holding no reference
    /// to its storage of its own (as ``items(_:)`` and ``entries(_:)`` do).
    @inlinable
    public func childCount(_ id: NodeID) -> Int {
        let record = nodes[Int(id.index)]
        switch record.kind {
        case .sequence: return Int(record.count)
        case .mapping: return Int(record.count) / 2
        default: return 0
        }
    }

    /// The item at `position` of a sequence (`position` below ``childCount(_:)``).
    @inlinable
    public func item(_ id: NodeID, at position: Int) -> NodeID {
        NodeID(children[Int(nodes[Int(id.index)].first) + position])
    }

    /// For a mapping with at least one pair, a number no other such mapping of the document
    /// has, below ``pairedMappingLimit``: half the position of its first child (a mapping's
    /// children are its pairs, two each, and no two collections share a child). `nil` for
    /// other nodes, for a mapping without pairs and for an id out of range.
    @inlinable
    public func pairedMappingKey(_ id: NodeID) -> Int? {
        let index = Int(id.index)
        guard index >= 0, index < nodes.count else { return nil }
        let record = nodes[index]
        guard record.kind == .mapping, record.count > 0, record.first >= 0 else { return nil }
        return Int(record.first) / 2
    }

    /// What every ``pairedMappingKey(_:)`` of the document is below.
    public var pairedMappingLimit: Int { (children.count + 1) / 2 }

    /// The pair at `position` of a mapping as written (`position` below ``childCount(_:)``).
    @inlinable
    public func entry(_ id: NodeID, at position: Int) -> MappingEntry {
        let at = Int(nodes[Int(id.index)].first) + 2 * position
        return MappingEntry(key: NodeID(children[at]), value: NodeID(children[at + 1]))
    }

    /// The pairs of a mapping as written, in order, duplicates and `<<` keys included.
    @inlinable
    public func entries(_ id: NodeID) -> MappingEntries {
        let record = nodes[Int(id.index)]
        guard record.kind == .mapping else { return .empty }
        return MappingEntries(children: children, start: Int(record.first), pairs: Int(record.count) / 2)
    }

    /// The pairs a loader would see: `<<` merges applied (keys written here win over merged
    /// ones, earlier merged mappings over later ones) and, of duplicate keys, the last.
    @inlinable
    public func effectiveEntries(_ id: NodeID) -> MappingEntries {
        // Most documents have no merges or duplicate keys: skip the lookup.
        if !resolvedEntries.isEmpty, let resolved = resolvedEntries[id.index] { return MappingEntries(resolved: resolved) }
        return entries(id)
    }

    /// Whether the node is a null: a plain, untagged `~`, `null`, `Null`, `NULL` or nothing,
    /// or any scalar tagged `!!null`.
    @inlinable
    public func isNull(_ id: NodeID) -> Bool {
        // Inline, the usual answer: a collection, or an untagged scalar quoted or longer
        // than `null`, is not a null.
        let record = nodes[Int(id.index)]
        if record.kind != .scalar || (!record.hasTag && (record.style != ScalarStyle.plain.rawValue || record.count > 4)) {
            return false
        }
        return isNullScalar(id)
    }

    /// ``isNull(_:)`` for a scalar that is tagged, or plain and at most four bytes long.
    @usableFromInline
    func isNullScalar(_ id: NodeID) -> Bool {
        let record = nodes[Int(id.index)]
        guard record.kind == .scalar else { return false }
        if record.hasTag { return tag(id) == YAMLTags.null }
        guard record.style == ScalarStyle.plain.rawValue, record.count <= 4 else { return false }
        return record.count == 0 || scalar(id, is: "~") || scalar(id, is: "null") || scalar(id, is: "Null")
            || scalar(id, is: "NULL")
    }

    /// The text a key is compared by: the scalar text of the key (through an alias), or
    /// `nil` for a collection key.
    public func keyText(_ id: NodeID) -> String? {
        scalar(resolve(id))
    }

    /// Whether the node is a `<<` merge key (plain `<<` or tagged `!!merge`).
    public func isMergeKey(_ id: NodeID) -> Bool {
        let record = nodes[Int(id.index)]
        guard record.kind == .scalar else { return false }
        if record.hasTag { return tag(id) == YAMLTags.merge }
        return record.style == ScalarStyle.plain.rawValue && record.count == 2 && scalar(id, is: "<<")
    }
}

extension YAMLDocument {
    /// Two documents are equal when they hold the same nodes with the same text, wherever
    /// each keeps a scalar's text (in its source, or in its own bytes as a snapshot does).
    public static func == (lhs: YAMLDocument, rhs: YAMLDocument) -> Bool {
        guard lhs.start == rhs.start, lhs.root == rhs.root, lhs.problems == rhs.problems,
              lhs.isComplete == rhs.isComplete, lhs.children == rhs.children, lhs.strings == rhs.strings,
              lhs.labels == rhs.labels, lhs.resolvedEntries == rhs.resolvedEntries, lhs.wideRanges == rhs.wideRanges,
              lhs.nodes.count == rhs.nodes.count else { return false }
        for index in lhs.nodes.indices {
            var left = lhs.nodes[index]
            var right = rhs.nodes[index]
            if left.kind == .scalar, right.kind == .scalar {
                let id = NodeID(Int32(index))
                guard lhs.scalarUTF8(id) == rhs.scalarUTF8(id) else { return false }
                (left.first, right.first) = (0, 0)
                left.labelled &= ~4
                right.labelled &= ~4
            }
            guard left == right else { return false }
        }
        return true
    }
}
