/// Builds one ``YAMLDocument`` from parser events, iteratively: an explicit stack of open
/// collections, never recursion, so input depth cannot exhaust the call stack.
struct TreeBuilder {
    /// Why building stopped early.
    struct LimitExceeded: Error {}

    struct OpenCollection {
        var node: Int32
        var pendingStart: Int
        /// ``expandedSize`` before the collection itself was counted: what it has grown by
        /// since is the collection's expanded size (aliases and merges inside expanded).
        var expandedBefore: Int
        var isBlock: Bool
    }

    /// The document so far. Its `scalarBytes` hold room beyond the text written: the first
    /// `scalarByteCount` bytes are the scalars' (``finish()`` gives back the document with
    /// only those).
    private var document: YAMLDocument
    private var scalarByteCount = 0
    /// The scalar bytes the document is expected to hold, at most.
    private let expectedScalarBytes: Int
    /// How far into the document's source a scalar's text may be read in place: the input's
    /// ASCII part (where libyaml's character offsets are byte offsets), and within 32 bits.
    private let inPlaceLimit: Int
    private let limits: YAMLLimits
    private let expansionBudget: Int
    private var stack: [OpenCollection] = []
    /// The children of the collections still open (see ``SlotBuffer``).
    private var pending: SlotBuffer<Int32>
    /// The expanded size of each anchored node (the only nodes an alias can name): itself
    /// plus everything reachable, aliases and merges expanded.
    private var anchoredWeights: [Int32: Int] = [:]
    private var anchors: [String: Int32] = [:]
    private var openAnchored: Set<Int32> = []
    /// Nodes the document would have with every alias and merge expanded.
    private var expandedSize = 0
    /// How many more problems that do not stop reading the file may have (see
    /// ``YAMLLimits/maxProblems``); what is left is given to the next document.
    private(set) var problemsLeft: Int

    /// `expectedNodes` and `expectedScalarBytes` size the arrays up front (larger documents
    /// grow them). Room reserved for nodes is address space until it is written, so a large
    /// plan gets room for all its nodes at once rather than growing into it copy by copy
    /// (each copy writes fresh memory, which the system must fault in).
    ///
    /// The document is built into the arrays of `storage` (left empty), kept from an earlier
    /// stream: their room is used again, and what they held is overwritten.
    ///
    /// `source` is the input, kept by the document for the scalars read from it in place; its
    /// first `asciiPrefix` bytes are ASCII.
    init(start: SourceLocation, limits: YAMLLimits, source: [UInt8], asciiPrefix: Int, expectedNodes: Int,
         expectedScalarBytes: Int, problemsLeft: Int, storage: inout TreeStorage) {
        document = YAMLDocument(start: start)
        let inputSize = source.count
        inPlaceLimit = min(max(asciiPrefix, 0), inputSize, Int(Int32.max))
        if inPlaceLimit > 0 { document.source = source }
        self.limits = limits
        self.problemsLeft = problemsLeft
        let perByte = inputSize.multipliedReportingOverflow(by: limits.expansionPerByte)
        expansionBudget = perByte.overflow ? Int.max : Self.saturatingAdd(perByte.partialValue, limits.expansionBase)
        swap(&document.nodes, &storage.nodes)
        swap(&document.children, &storage.children)
        swap(&document.scalarBytes, &storage.scalarBytes)
        swap(&stack, &storage.stack)
        // The storage's buffer, unless another storage shares it (a copy of this one).
        pending = isKnownUniquelyReferenced(&storage.pending) ? storage.pending : SlotBuffer<Int32>(capacity: 64)
        document.nodes.removeAll(keepingCapacity: true)
        document.children.removeAll(keepingCapacity: true)
        stack.removeAll(keepingCapacity: true)
        pending.removeAll()
        let expected = min(max(expectedNodes, 0), 1 << 24) + 16
        document.nodes.reserveCapacity(expected)
        document.children.reserveCapacity(expected)
        // Room written through a pointer: copying each scalar in costs a call to memcpy,
        // not `append(contentsOf:)`'s generic path. The room is memory written (with zeros,
        // or an earlier stream's text) and kept with the document, so it is no more than the
        // document is expected to use.
        let room = min(max(expectedScalarBytes, 0), 1 << 16)
        if document.scalarBytes.count < room {
            if document.scalarBytes.capacity >= room {
                document.scalarBytes.append(contentsOf: repeatElement(0, count: room - document.scalarBytes.count))
            } else {
                document.scalarBytes = Array(repeating: 0, count: room)
            }
        }
        self.expectedScalarBytes = min(max(expectedScalarBytes, 0), Int(Int32.max))
    }

    // MARK: events

    /// A scalar at `packed`; `text` is its UTF-8. `tag` and `anchor` are NUL-terminated
    /// UTF-8 as libyaml gives them, or `nil` (nearly always): text is made only for the ones
    /// there are. Kept inline in the event loop, with ``appendNode(_:)``: every scalar passes
    /// here, and left to itself the compiler keeps one of the two out of line (2.7 M or 6.6 M
    /// more instructions a thousand plans, measured).
    ///
    /// `written` is where the scalar starts in the input as libyaml counts (in characters)
    /// when it is on one line and spans as many characters as its text has bytes, -1
    /// otherwise (the parser, which has the marks, decides). A plain scalar on one line is
    /// its source exactly (no escapes, no folding): when it also lies in the input's ASCII
    /// part, its record points into the source and nothing is copied. Any other scalar's
    /// text is copied into the document.
    @inline(__always)
    mutating func scalar(_ text: UnsafeBufferPointer<UInt8>, style: ScalarStyle, tag: UnsafeMutablePointer<UInt8>?,
                         anchor: UnsafeMutablePointer<UInt8>?, range packed: PackedRange, written: Int) throws(LimitExceeded) {
        if style == .plain, written >= 0, text.count <= inPlaceLimit - written {
            assert(document.source.withUnsafeBufferPointer { ByteText.equal(UnsafeBufferPointer(rebasing: $0[written..<(written + text.count)]), text) },
                   "a plain scalar on one line is not its source")
            var record = NodeRecord(kind: .scalar, style: style.rawValue, range: packed,
                                    first: Int32(truncatingIfNeeded: written), count: Int32(truncatingIfNeeded: text.count))
            record.labelled = 4
            try labelScalar(appendNode(record, range: packed), packed: packed, tag: tag, anchor: anchor)
            return
        }
        let offset = scalarByteCount
        // Offsets and lengths are 32-bit: text beyond 2 GiB in one document is refused.
        guard text.count <= Int(Int32.max) - offset else {
            document.problems.append(YAMLProblem(kind: .limits, message: "the scalars of this document hold more than 2 GiB of text",
                                                 range: packed.range))
            throw LimitExceeded()
        }
        let index = appendNode(NodeRecord(kind: .scalar, style: style.rawValue, range: packed,
                                          first: Int32(offset), count: Int32(text.count)), range: packed)
        writeScalarBytes(text, at: offset)
        try labelScalar(index, packed: packed, tag: tag, anchor: anchor)
    }

    /// The tag and anchor of the scalar just appended at `index`, and its count towards
    /// the expansion limit.
    @inline(__always)
    private mutating func labelScalar(_ index: Int32, packed: PackedRange, tag: UnsafeMutablePointer<UInt8>?,
                                      anchor: UnsafeMutablePointer<UInt8>?) throws(LimitExceeded) {
        if tag != nil || anchor != nil {
            let anchorName = label(index, tag: tag, anchor: anchor)
            try checkTag(document.tag(NodeID(index)), node: index)
            if let anchorName {
                defineAnchor(anchorName, node: index)
                anchoredWeights[index] = 1
            }
        }
        try growByOne(at: packed.range)
    }

    /// A collection opens; `tag` and `anchor` as for ``scalar(_:style:tag:anchor:range:)``.
    mutating func startCollection(_ kind: NodeKind, flow: Bool, tag: UnsafeMutablePointer<UInt8>?, anchor: UnsafeMutablePointer<UInt8>?,
                                  start: SourceLocation) throws(LimitExceeded) {
        if stack.count >= limits.maxDepth {
            document.problems.append(YAMLProblem(
                kind: .limits,
                message: "nesting is deeper than \(limits.maxDepth) levels, the limit for a plan",
                range: SourceRange(start: start, columns: 1)))
            throw LimitExceeded()
        }
        let range = PackedRange(SourceRange(at: start))
        let index = appendNode(NodeRecord(kind: kind, style: flow ? 1 : 0, range: range, first: 0, count: 0), range: range)
        if tag != nil || anchor != nil, let anchorName = label(index, tag: tag, anchor: anchor) {
            defineAnchor(anchorName, node: index)
            openAnchored.insert(index)
        }
        stack.append(OpenCollection(node: index, pendingStart: pending.count, expandedBefore: expandedSize, isBlock: !flow))
        try growByOne(at: SourceRange(at: start))
    }

    /// A collection closes at `end`. Kept inline in the event loop, as
    /// ``scalar(_:style:tag:anchor:range:written:)`` is.
    @inline(__always)
    mutating func endCollection(end: SourceLocation) throws(LimitExceeded) {
        guard let open = stack.popLast() else { return }
        let node = Int(open.node)
        let first = document.children.count
        let count = pending.count - open.pendingStart
        document.children.append(contentsOf: pending.suffix(from: open.pendingStart))
        pending.removeSuffix(from: open.pendingStart)
        document.nodes[node].first = Int32(truncatingIfNeeded: first)
        document.nodes[node].count = Int32(truncatingIfNeeded: count)
        if open.isBlock, count > 0, let last = document.children.last {
            // A block collection ends where its last child ends, not at the next token.
            document.setRangeEnd(asEndOf: Int(last), of: node)
        } else {
            document.setRangeEnd(end, of: node)
        }
        // Nearly every collection has no tag: its text is then not read (reading it takes
        // and gives back a reference to the document's strings).
        if document.nodes[node].hasTag { try checkTag(document.tag(NodeID(open.node)), node: open.node) }
        if document.nodes[node].kind == .mapping {
            try resolveMapping(open.node)
        }
        if !openAnchored.isEmpty, openAnchored.remove(open.node) != nil {
            // `expandedSize` only grows (saturating), so this cannot overflow.
            anchoredWeights[open.node] = expandedSize - open.expandedBefore
        }
    }

    mutating func alias(_ name: String, range: SourceRange) throws(LimitExceeded) {
        guard let target = anchors[name] else {
            document.problems.append(YAMLProblem(
                kind: .syntax, message: "alias '*\(name)' refers to no anchor '&\(name)' defined before it",
                range: range))
            throw LimitExceeded()
        }
        if openAnchored.contains(target) {
            document.problems.append(YAMLProblem(
                kind: .syntax,
                message: "alias '*\(name)' refers to the collection '&\(name)' that contains it; recursive structures are not allowed",
                range: range,
                notes: [.init(range: SourceRange(at: document.packedRange(Int(target)).start), message: "'&\(name)' is defined here")]))
            throw LimitExceeded()
        }
        let packed = PackedRange(range)
        let index = appendNode(NodeRecord(kind: .alias, style: 0, range: packed, first: target, count: 0), range: packed)
        document.label(index, tag: -1, anchor: intern(name))
        // The alias stands for its target's whole expanded size.
        try grow(by: anchoredWeights[target] ?? 1, at: range)
    }

    /// The flow collections still open, innermost first, up to the first block one: a
    /// `[` or `{`, or a `key: value` pair written in a list (a mapping with no bracket).
    var openFlows: [SyntaxHint.OpenFlow] {
        var open: [SyntaxHint.OpenFlow] = []
        for collection in stack.reversed() {
            guard !collection.isBlock else { break }
            let record = document.nodes[Int(collection.node)]
            open.append(SyntaxHint.OpenFlow(start: document.packedRange(Int(collection.node)).start, isSequence: record.kind == .sequence))
        }
        return open
    }

    /// Gives the builder's own working arrays (open collections, pending children) to
    /// `storage` for the next document; the document's arrays go with the document.
    mutating func giveBack(to storage: inout TreeStorage) {
        swap(&stack, &storage.stack)
        storage.pending = pending
    }

    mutating func finish() -> YAMLDocument {
        var finished = unfinished()
        finished.isComplete = true
        return finished
    }

    /// The document as far as it was built, when building stopped before its end.
    mutating func unfinished() -> YAMLDocument {
        if document.scalarBytes.count > scalarByteCount { document.scalarBytes.removeSubrange(scalarByteCount...) }
        // A stream keeps every document: one that used far less room than its input's size
        // promised (the first of many, or a file of a few long scalars) keeps a copy
        // without it.
        if document.nodes.capacity > 4 * document.nodes.count + 4096 {
            document.nodes = document.nodes.withUnsafeBufferPointer { Array($0) }
            document.children = document.children.withUnsafeBufferPointer { Array($0) }
        }
        // Moved out, not copied: a copy would retain each of its arrays, and the builder
        // release them again when it goes.
        var taken = YAMLDocument(start: document.start)
        swap(&taken, &document)
        return taken
    }

    // MARK: helpers

    /// Copies a scalar's text to `offset` in the document's bytes (the end of those written):
    /// into the room set aside while it lasts, then appended as to any array (room filled
    /// ahead would be memory touched for nothing).
    private mutating func writeScalarBytes(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) {
        let end = offset + text.count
        if end <= document.scalarBytes.count {
            if let source = text.baseAddress, !text.isEmpty {
                document.scalarBytes.withUnsafeMutableBufferPointer { bytes in
                    bytes.baseAddress?.advanced(by: offset).update(from: source, count: text.count)
                }
            }
        } else {
            appendScalarBytes(text, at: offset)
        }
        scalarByteCount = end
    }

    /// The text past the room set aside, appended. Kept out of line: the copy into the room
    /// above is the one each scalar takes.
    @inline(never)
    private mutating func appendScalarBytes(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) {
        if document.scalarBytes.count > offset { document.scalarBytes.removeSubrange(offset...) }
        let end = offset + text.count
        if document.scalarBytes.capacity < end, expectedScalarBytes > document.scalarBytes.capacity {
            // Room for the text the input's size promises, as address space (written only as
            // text arrives), rather than growth copy by copy.
            document.scalarBytes.reserveCapacity(max(end, expectedScalarBytes))
        }
        document.scalarBytes.append(contentsOf: text)
    }

    @discardableResult @inline(__always)
    private mutating func appendNode(_ record: NodeRecord, range: PackedRange) -> Int32 {
        let index = document.append(record, range: range)
        if !stack.isEmpty {
            pending.append(index)
        } else if document.root == nil {
            document.root = NodeID(index)
        }
        return index
    }

    private mutating func intern(_ string: String?) -> Int32 {
        guard let string else { return -1 }
        document.strings.append(string)
        return Int32(truncatingIfNeeded: document.strings.count - 1)
    }

    /// Gives node `index` its tag and anchor; returns the anchor's name, if it has one.
    private mutating func label(_ index: Int32, tag: UnsafeMutablePointer<UInt8>?, anchor: UnsafeMutablePointer<UInt8>?) -> String? {
        let anchorName = anchor.map { String(cString: $0) }
        document.label(index, tag: intern(tag.map { String(cString: $0) }), anchor: intern(anchorName))
        return anchorName
    }

    private mutating func defineAnchor(_ name: String, node: Int32) {
        anchors[name] = node
    }

    private mutating func checkTag(_ tag: String?, node: Int32) throws(LimitExceeded) {
        guard let tag, !YAMLTags.isAllowed(tag) else { return }
        if tag == YAMLTags.merge, document.isMergeKey(NodeID(node)) { return }
        try report(YAMLProblem(
            kind: .tag,
            message: "tag '\(YAMLTags.display(tag))' is not supported; plans use only the core tags (!!str, !!int, !!float, !!bool, !!null, !!seq, !!map)",
            range: document.range(NodeID(node)), node: NodeID(node)))
    }

    /// Keeps a problem that does not stop reading, while the file may have more; the one past
    /// ``YAMLLimits/maxProblems`` stops reading instead, with a `limits` problem where it is.
    private mutating func report(_ problem: YAMLProblem) throws(LimitExceeded) {
        guard problemsLeft > 0 else {
            document.problems.append(YAMLProblem(
                kind: .limits,
                message: "the file has more than \(limits.maxProblems) duplicate keys or unsupported tags, the limit for a file; reading stops here",
                range: problem.range, node: problem.node))
            throw LimitExceeded()
        }
        problemsLeft -= 1
        document.problems.append(problem)
    }

    /// Counts one node more: ``grow(by:at:)``'s usual case, kept inline (every node passes
    /// here). Below the budget, one more cannot go past it.
    @inline(__always)
    private mutating func growByOne(at range: @autoclosure () -> SourceRange) throws(LimitExceeded) {
        if expandedSize < expansionBudget {
            expandedSize += 1
            return
        }
        try grow(by: 1, at: range())
    }

    private mutating func grow(by amount: Int, at range: SourceRange) throws(LimitExceeded) {
        expandedSize = Self.saturatingAdd(expandedSize, amount)
        if expandedSize > expansionBudget {
            document.problems.append(YAMLProblem(
                kind: .limits,
                message: "aliases and merges expand this document to more than \(expansionBudget) nodes, the limit for a file of this size",
                range: range))
            throw LimitExceeded()
        }
    }

    private static func saturatingAdd(_ a: Int, _ b: Int) -> Int {
        let sum = a.addingReportingOverflow(b)
        return sum.overflow ? Int.max : sum.partialValue
    }

    /// Reports duplicate keys and applies `<<` merges, once, when a mapping closes.
    private mutating func resolveMapping(_ node: Int32) throws(LimitExceeded) {
        let id = NodeID(node)
        if isPlain(id) { return }
        let written = document.entries(id)
        var merges: [NodeID] = []
        var explicit: [MappingEntry] = []
        explicit.reserveCapacity(written.count)
        // Keys by their text, code point for code point (as `sameKeyText` compares them).
        var seen: [[UInt8]: Int] = [:]
        var hasDuplicates = false
        for entry in written {
            if document.isMergeKey(entry.key) {
                merges.append(entry.value)
                continue
            }
            guard let text = document.withKeyUTF8(entry.key, Array.init) else {
                explicit.append(entry)
                continue
            }
            // Small mappings (the usual case) compare keys directly; larger ones hash.
            let earlierIndex: Int?
            if written.count <= 12 {
                earlierIndex = explicit.firstIndex { document.sameKeyText($0.key, entry.key) }
            } else {
                earlierIndex = seen[text]
            }
            if let earlier = earlierIndex {
                let firstKey = explicit[earlier].key
                let firstStart = document.range(firstKey).start
                let shown = String(decoding: text, as: UTF8.self)
                try report(YAMLProblem(
                    kind: .duplicateKey,
                    message: "duplicate key '\(shown)': this mapping already has it at line \(firstStart.line); the last value counts",
                    range: document.range(entry.key), node: entry.key,
                    notes: [.init(range: document.range(firstKey), message: "'\(shown)' first appears here")]))
                explicit[earlier] = entry
                hasDuplicates = true
            } else {
                if written.count > 12 { seen[text] = explicit.count }
                explicit.append(entry)
            }
        }
        guard !merges.isEmpty || hasDuplicates else { return }
        if written.count <= 12 {
            for (index, entry) in explicit.enumerated() {
                if let text = document.withKeyUTF8(entry.key, Array.init) { seen[text] = index }
            }
        }
        var effective = explicit
        for mergeValue in merges {
            // Each merged mapping with the node that names it (an item of a merge list).
            var sources: [(mapping: NodeID, via: NodeID)] = []
            let resolved = document.resolve(mergeValue)
            switch document.kind(resolved) {
            case .mapping:
                sources = [(resolved, mergeValue)]
            case .sequence:
                for item in document.items(resolved) {
                    let target = document.resolve(item)
                    guard document.kind(target) == .mapping else {
                        invalidMerge(at: item)
                        throw LimitExceeded()
                    }
                    sources.append((target, item))
                }
            default:
                invalidMerge(at: mergeValue)
                throw LimitExceeded()
            }
            for source in sources {
                let merged = document.effectiveEntries(source.mapping)
                try grow(by: merged.count, at: document.range(source.via))
                for entry in merged {
                    guard let text = document.withKeyUTF8(entry.key, Array.init) else { continue }
                    if seen[text] != nil { continue }
                    seen[text] = effective.count
                    effective.append(MappingEntry(key: entry.key, value: entry.value, mergedVia: source.via))
                }
            }
        }
        document.resolvedEntries[node] = effective
    }

    /// Whether a small mapping has neither merges nor duplicate keys (the usual case),
    /// found without allocating; `false` sends the mapping down the full path. Keys are
    /// compared only with earlier keys of the same byte length, kept on the stack.
    private func isPlain(_ id: NodeID) -> Bool {
        let record = document.nodes[Int(id.index)]
        let pairs = Int(record.count) / 2
        guard pairs <= 12 else { return false }
        let first = Int(record.first)
        // Bit n: an earlier key is n bytes long. Keys of lengths not seen before (nearly all)
        // are compared with nothing.
        var lengthsSeen: UInt64 = 0
        for pair in 0..<pairs {
            let key = NodeID(document.children[first + 2 * pair])
            let written = document.nodes[Int(key.index)]
            // Only a two-byte scalar (`<<`) or a tagged one (`!!merge`) can be a merge key.
            if written.kind == .scalar, written.count == 2 || written.hasTag, document.isMergeKey(key) { return false }
            // A collection key is never compared.
            let resolved = written.kind == .alias ? document.nodes[Int(written.first)] : written
            guard resolved.kind == .scalar else { continue }
            let length = Int(resolved.count)
            if length < 64 {
                let bit: UInt64 = 1 << UInt64(length)
                if lengthsSeen & bit == 0 {
                    lengthsSeen |= bit
                    continue
                }
            }
            for earlier in 0..<pair where document.sameKeyText(NodeID(document.children[first + 2 * earlier]), key) {
                return false
            }
        }
        return true
    }

    private mutating func invalidMerge(at node: NodeID) {
        document.problems.append(YAMLProblem(
            kind: .syntax,
            message: "a '<<' merge takes a mapping or a list of mappings, not a \(describe(document.kind(document.resolve(node))))",
            range: document.range(node), node: node))
    }

    private func describe(_ kind: NodeKind) -> String {
        switch kind {
        case .scalar: "scalar"
        case .sequence: "list of other values"
        case .mapping: "mapping"
        case .alias: "alias"
        }
    }
}
