import YAMLTree

/// Where a plan value was written: an index into its plan's ``OriginTable``. Small and
/// trivially copyable, so values carry it for free; the range, note and YAML path it stands
/// for are worked out only when a diagnostic needs them.
public struct Origin: Sendable, Equatable {
    let index: Int32
}

/// The origins of one plan's values, one compact record per typed value.
///
/// A record names the node a diagnostic points at, its parent record and the step from the
/// parent (a key or an index), and the alias or merge through which the value was reached.
/// Paths and notes are built from these only for values a diagnostic is about.
final class OriginTable {
    /// What a value adds to its parent's YAML path.
    enum Step {
        case root
        /// The key node naming the value.
        case key(Int32)
        case index(Int32)
        /// A key that is not in the plan (a missing field), by index into `names`.
        case name(Int32)
    }

    /// How a value was reached, for the note under a diagnostic about it.
    enum Via {
        case direct
        /// Through the alias node: the value comes from the alias's anchor.
        case alias(Int32)
        /// Through a `<<` merge: the key node in the merged mapping.
        case merge(key: Int32)
    }

    /// Where a value is and how it was reached, while a plan is walked.
    struct Context {
        /// The value holding this one; `nil` for the root.
        var parent: Origin?
        var step: Step
        /// The alias or merge node through which the value was reached (the outermost), where
        /// diagnostics about it point.
        var shownVia: NodeID?
        var via: Via
        /// The key naming the value (`nil` for the root and list items).
        var key: NodeID?

        /// The root's context.
        static let root = Context(parent: nil, step: .root, shownVia: nil, via: .direct, key: nil)

        /// The context of the pair `entry` of the mapping in this context, whose value has
        /// the origin `parent` (when there is a record for it).
        func entry(_ entry: MappingEntry, parent: Origin?) -> Context {
            var inner = Context(parent: parent, step: .key(entry.key.index), shownVia: shownVia, via: via, key: entry.key)
            if let mergedVia = entry.mergedVia, inner.shownVia == nil {
                inner.shownVia = mergedVia
                inner.via = .merge(key: entry.key.index)
            }
            return inner
        }

        /// Where a key missing from the mapping `node` in this context is shown: the key naming
        /// the mapping, or the mapping itself when it is a list item (or the alias or merge
        /// either was reached through); `nil` for the plan itself (the document start).
        func missingKeyAnchor(of node: NodeID) -> NodeID? {
            if let key { return shownVia ?? key }
            if case .root = step { return nil }
            return shownVia ?? node
        }

        /// The context of the `position`th item of the list in this context, whose value has
        /// the origin `parent` (when there is a record for it).
        func item(_ position: Int, parent: Origin?) -> Context {
            Context(parent: parent, step: .index(Int32(truncatingIfNeeded: position)), shownVia: shownVia, via: via, key: nil)
        }
    }

    fileprivate struct Record {
        /// The node a diagnostic points at; -1 for the document start.
        var shown: Int32
        var parent: Int32
        var step: Step
        var via: Via
    }

    let document: YAMLDocument
    // One table serves one plan on one thread, and no access to it overlaps another: the
    // dynamic exclusivity checks would only cost time.
    @exclusivity(unchecked) private var records: [Record] = []
    @exclusivity(unchecked) private var names: [String] = []
    /// Room for the paths rendered, one after another.
    @exclusivity(unchecked) private var pathBytes: [UInt8] = []

    /// The arrays of a table, kept between plans (see ``CheckScratch``): empty, with the
    /// room an earlier plan's table had.
    struct Storage {
        fileprivate var records: [Record] = []
        fileprivate var names: [String] = []
        fileprivate var pathBytes: [UInt8] = []
    }

    init(document: YAMLDocument) {
        self.document = document
        reserveRecords()
    }

    /// A table whose arrays come from `storage` (left empty), given back by an earlier
    /// plan's table with ``giveBack(to:)``.
    init(document: YAMLDocument, storage: inout Storage) {
        self.document = document
        swap(&records, &storage.records)
        swap(&names, &storage.names)
        swap(&pathBytes, &storage.pathBytes)
        reserveRecords()
    }

    private func reserveRecords() {
        // About one origin per node is made for a plan the validator and rules walk. Room not
        // written is only address space: a large plan does not grow into its records copy by
        // copy.
        records.reserveCapacity(min(document.nodeCount, 1 << 24) + 16)
    }

    /// Hands the table's arrays, emptied, to `storage` for the next plan's table; this table
    /// must not be used after.
    func giveBack(to storage: inout Storage) {
        records.removeAll(keepingCapacity: true)
        names.removeAll(keepingCapacity: true)
        swap(&records, &storage.records)
        swap(&names, &storage.names)
        swap(&pathBytes, &storage.pathBytes)
    }

    /// Adds the origin of a value shown at `shown` (-1: the document start).
    func add(shown: Int32, parent: Origin?, step: Step, via: Via) -> Origin {
        let index = Int32(truncatingIfNeeded: records.count)
        records.append(Record(shown: shown, parent: parent?.index ?? -1, step: step, via: via))
        return Origin(index: index)
    }

    /// The origin of a value written at `node` (already past any alias) in `context`.
    func origin(_ node: NodeID, _ context: Context) -> Origin {
        add(shown: (context.shownVia ?? node).index, parent: context.parent, step: context.step, via: context.via)
    }

    /// The context for a value written at `node`, following an alias if it is one.
    func entering(_ node: NodeID, _ context: Context) -> (NodeID, Context) {
        var context = context
        guard let target = document.aliasTarget(node) else { return (node, context) }
        if context.shownVia == nil {
            context.shownVia = node
            context.via = .alias(node.index)
        }
        return (target, context)
    }

    /// The context a value with `origin` gives what it holds: the alias or merge through
    /// which it was reached.
    func context(inside origin: Origin) -> Context {
        var context = Context(parent: origin, step: .root, shownVia: nil, via: .direct, key: nil)
        guard let record = record(origin), record.shown >= 0 else { return context }
        if case .direct = record.via { return context }
        context.shownVia = NodeID(record.shown)
        context.via = record.via
        return context
    }

    /// The origin of a value at the end of `steps` from the root, shown at `shown`.
    func chain(_ steps: [Step], shown: Int32, via: Via) -> Origin {
        var parent: Origin?
        for step in steps.dropLast() { parent = add(shown: -1, parent: parent, step: step, via: .direct) }
        return add(shown: shown, parent: parent, step: steps.last ?? .root, via: via)
    }

    /// The same place as `origin`, shown at `shown` instead.
    func reshown(_ origin: Origin, at shown: Int32) -> Origin {
        guard let record = record(origin) else { return origin }
        return add(shown: shown, parent: record.parent < 0 ? nil : Origin(index: record.parent), step: record.step, via: record.via)
    }

    /// The origin of the field `name` of the object at `origin`, which the plan does not have:
    /// shown where the object is, with the object's note.
    func missingField(_ name: String, of origin: Origin) -> Origin {
        let shown = record(origin)?.shown ?? -1
        let via = record(origin)?.via ?? .direct
        names.append(name)
        return add(shown: shown, parent: origin, step: .name(Int32(truncatingIfNeeded: names.count - 1)), via: via)
    }

    private func record(_ origin: Origin) -> Record? {
        let index = Int(origin.index)
        return index >= 0 && index < records.count ? records[index] : nil
    }

    // MARK: rendering

    /// Where a diagnostic about the value points.
    func range(_ origin: Origin) -> SourceRange {
        guard let record = record(origin), record.shown >= 0 else { return SourceRange(at: document.start) }
        return document.range(NodeID(record.shown))
    }

    /// The note telling where the value really is, when it was reached through an alias or merge.
    func note(_ origin: Origin) -> Diagnostic.Note? {
        guard let record = record(origin) else { return nil }
        return note(record.via)
    }

    /// Whether the value was reached through an alias or merge.
    func isIndirect(_ origin: Origin) -> Bool {
        guard let record = record(origin), case .direct = record.via else { return true }
        return false
    }

    func note(_ via: Via) -> Diagnostic.Note? {
        switch via {
        case .direct:
            return nil
        case .alias(let node):
            let alias = NodeID(node)
            let target = document.aliasTarget(alias) ?? alias
            return Diagnostic.Note(range: document.range(target),
                                   message: "the value comes from the anchor '&\(document.anchor(alias) ?? "")' here")
        case .merge(let key):
            let keyNode = NodeID(key)
            return Diagnostic.Note(range: document.range(keyNode),
                                   message: "'\(document.keyText(keyNode) ?? "")' is merged from here")
        }
    }

    /// The value's YAML path (`budget.items[3].amount`); empty for the plan itself.
    func path(_ origin: Origin?) -> String {
        render(origin, then: nil)
    }

    /// The path of `step` under the value at `origin`.
    func path(_ origin: Origin?, then step: Step) -> String {
        render(origin, then: step)
    }

    /// The path of the field `name` under the value at `origin`.
    func path(_ origin: Origin?, field name: String) -> String {
        render(origin, then: nil, field: name)
    }

    private func render(_ origin: Origin?, then last: Step?, field: String? = nil) -> String {
        // The records from `origin` up to the root, counted, then listed root first in
        // memory on the stack. Parents always come before their children, so the walk ends.
        let first = origin.map { Int($0.index) } ?? -1
        var count = 0
        forEachAncestor(of: first) { _ in count += 1 }
        var path = YAMLPathBuilder(reusing: &pathBytes)
        defer { path.giveBack(to: &pathBytes) }
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(count, 1)) { chain in
            var position = count
            forEachAncestor(of: first) { index in
                position -= 1
                if position >= 0 { chain[position] = Int32(truncatingIfNeeded: index) }
            }
            for index in chain.prefix(count) { append(records[Int(index)].step, to: &path) }
        }
        if let last { append(last, to: &path) }
        if let field { path.appendKey(field) }
        return path.text
    }

    /// Calls `body` with `index` and the index of each record above it, up to the root.
    private func forEachAncestor(of index: Int, _ body: (Int) -> Void) {
        var current = index
        while current >= 0, current < records.count {
            body(current)
            let parent = Int(records[current].parent)
            guard parent < current else { break }
            current = parent
        }
    }

    private func append(_ step: Step, to path: inout YAMLPathBuilder) {
        switch step {
        case .root: break
        case .key(let node): path.appendKey(NodeID(node), in: document)
        case .index(let index): path.appendIndex(Int(index))
        case .name(let index): if Int(index) < names.count { path.appendKey(names[Int(index)]) }
        }
    }
}
