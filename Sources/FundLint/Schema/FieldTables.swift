import YAMLTree

/// For each mapping of one plan, which pair holds each property of its schema, and what the
/// validator typed each to: the validator fills a mapping's table as it matches its keys, so
/// rules reading the mapping through ``PlanView`` find its fields without matching keys to
/// properties again, nor typing numbers and dates again. All of it is plain memory, made
/// and freed without reference counting.
///
/// One table serves one plan on one thread, and no access to it overlaps another: the
/// dynamic exclusivity checks would only cost time.
final class FieldTables {
    /// Eight bytes: a plan of half a million budget items has half a million tables.
    struct Table {
        /// Where the table starts in `keys` and `values`.
        var start: Int32
        /// The ``SchemaNode/identity`` of the schema the table was made for (a node reached
        /// under two schemas through aliases is looked up directly for the second).
        var schema: Int32
    }

    /// What the validator typed a scalar to, when more than text. Sixteen bytes: a plan's
    /// whole numbers fit in 64 bits (the schema refuses larger ones), and one that did not
    /// would be kept as `none` and typed again when read.
    enum Typed: Equatable {
        /// Not typed: text, a collection, a value the validator rejected, or no value.
        case none
        case int(Int64)
        case date(Day)
        case bool(Bool)

        /// The value's kind; `nil` for ``none``.
        var kind: Value.Kind? {
            switch self {
            case .none: nil
            case .int(let value): .int(Int128(value))
            case .date(let day): .date(day)
            case .bool(let value): .bool(value)
            }
        }
    }

    /// A ``Typed`` as the tables keep it: eight bytes, where the enum takes sixteen (a plan
    /// of half a million budget items has a million and a half slots). The kind is kept in
    /// the two low bits and the value in the 62 above them: a whole number beyond ±2^61 is
    /// kept as `none`, and typed again where it is read, as text is.
    struct PackedTyped {
        /// The low two bits: 0 none, 1 a whole number, 2 a date, 3 a boolean.
        private var bits: UInt64

        static let none = PackedTyped(.none)

        init(_ typed: Typed) {
            switch typed {
            case .none:
                bits = 0
            case .int(let value):
                // A shift drops the bits that do not fit; shifting back tells whether any did.
                let shifted = value << 2
                bits = shifted >> 2 == value ? UInt64(bitPattern: shifted) | 1 : 0
            case .date(let day):
                bits = UInt64(bitPattern: Int64(day.ordinal) << 2) | 2
            case .bool(let value):
                bits = (value ? 4 : 0) | 3
            }
        }

        /// The value kept. A date outside the calendar cannot have been kept, and would read
        /// as `none` (typed again where it is read).
        var typed: Typed {
            let value = Int64(bitPattern: bits) >> 2
            switch bits & 3 {
            case 1: return .int(value)
            case 2: return Day(ordinal: Int(value)).map { .date($0) } ?? .none
            case 3: return .bool(value != 0)
            default: return .none
            }
        }
    }

    /// For each mapping with pairs, its table in ``tables``, or -1, at the mapping's
    /// ``YAMLDocument/pairedMappingKey(_:)``: four bytes for every two nodes of the plan,
    /// where an entry for every node (scalars included) took twice that.
    private let tableOf = SlotBuffer<Int32>()
    /// The tables of other nodes, by node: mappings without pairs (whose key another
    /// mapping may have), and nodes that are not mappings, for which a check of a plan that
    /// failed its schema may make a table. Few, if any.
    @exclusivity(unchecked) private var tableOfOther: [Int32: Int32] = [:]
    /// The tables made, in the order they were.
    let tables = SlotBuffer<Table>()
    /// For each table, a slot per property of its schema: the key of the pair with a value
    /// that is not null, or -1. Only the first ``slotCount`` belong to the plan. Four bytes:
    /// the pair's value is the node after its key (a key that is a scalar or an alias is one
    /// node), and a pair that is not so, or that comes from a `<<` merge, is kept whole in
    /// ``unusualEntries``. Read and written through ``hasEntry(at:)``, ``entry(at:)``,
    /// ``value(at:)`` and ``setEntry(_:at:)``.
    private let keys = SlotBuffer<Int32>()
    /// The pairs of slots whose value is not the node after their key, or which were
    /// merged: few, if any.
    @exclusivity(unchecked) private var unusualEntries: [Int32: MappingEntry] = [:]
    /// What the validator typed in each slot (rules give a value its origin as they read it),
    /// read and written through ``typed(at:)`` and ``setTyped(_:at:)``; only the first
    /// ``slotCount`` belong to the plan.
    private let values = SlotBuffer<PackedTyped>()

    /// The plan's ``YAMLDocument/pairedMappingLimit``: `tableOf` may be longer (kept from
    /// a larger plan), and is read only below this.
    private var keyCount = 0
    /// Nodes of the plan.
    private var nodeCount = 0
    /// Slots of the plan's tables: `keys` and `values` may be longer (kept from a larger
    /// plan), and are read only below this.
    private(set) var slotCount = 0

    /// Tables for no plan yet.
    init() {
        prepare(nodeCount: 0, keyCount: 0)
    }

    /// Empty tables for the plan `document`.
    convenience init(for document: YAMLDocument) {
        self.init()
        prepare(for: document)
    }

    /// Empty tables for the plan `document`, keeping the room earlier plans' tables had:
    /// one set of tables serves one plan after another.
    func prepare(for document: YAMLDocument) {
        prepare(nodeCount: document.nodeCount, keyCount: document.pairedMappingLimit)
    }

    private func prepare(nodeCount: Int, keyCount: Int) {
        self.nodeCount = max(nodeCount, 0)
        self.keyCount = max(keyCount, 0)
        if tableOf.count < self.keyCount { tableOf.append(repeating: -1, count: self.keyCount - tableOf.count) }
        tableOf.fill(0..<self.keyCount, with: -1)
        if !tableOfOther.isEmpty { tableOfOther.removeAll(keepingCapacity: true) }
        if !unusualEntries.isEmpty { unusualEntries.removeAll(keepingCapacity: true) }
        tables.removeAll()
        slotCount = 0
        // About one collection in eight nodes; more grows the array.
        tables.reserveCapacity(max(16, min(nodeCount, 1 << 24) / 4))
        // At most a slot per node in practice; room not written is only address space.
        keys.reserveCapacity(max(64, min(nodeCount, 1 << 24)))
        values.reserveCapacity(max(64, min(nodeCount, 1 << 24)))
    }

    /// Empties the tables, keeping their room: for the validator to fill again after a
    /// ``QuickSchemaCheck`` stopped partway.
    func reset() {
        prepare(nodeCount: nodeCount, keyCount: keyCount)
    }

    /// About the nodes the tables have room for without growing (kept from the largest
    /// plan).
    var room: Int { max(tableOf.count * 2, keys.count) }

    /// Whether `slot` (below ``slotCount``) holds a pair.
    @inline(__always)
    func hasEntry(at slot: Int) -> Bool {
        keys[slot] >= 0
    }

    /// The pair in `slot` (below ``slotCount``), or `nil` when it holds none.
    @inline(__always)
    func entry(at slot: Int) -> MappingEntry? {
        let key = keys[slot]
        guard key >= 0 else { return nil }
        if !unusualEntries.isEmpty, let entry = unusualEntries[Int32(truncatingIfNeeded: slot)] { return entry }
        return MappingEntry(key: NodeID(key), value: NodeID(key &+ 1))
    }

    /// The value node of the pair in `slot` (below ``slotCount``), which must hold one.
    @inline(__always)
    func value(at slot: Int) -> NodeID {
        entry(at: slot)?.value ?? NodeID(Int32(-1))
    }

    /// Keeps `entry` in `slot` (below ``slotCount``).
    @inline(__always)
    func setEntry(_ entry: MappingEntry, at slot: Int) {
        keys[slot] = entry.key.index
        let usual = Self.isUsual(entry)
        if !usual || !unusualEntries.isEmpty { keepUnusual(usual ? nil : entry, at: slot) }
    }

    /// Whether a slot's key alone says `entry`: its value is the node after its key, and it
    /// was not merged.
    @inline(__always)
    private static func isUsual(_ entry: MappingEntry) -> Bool {
        entry.value.index == entry.key.index &+ 1 && entry.mergedVia == nil
    }

    /// Keeps `entry` whole for `slot`, or forgets what was kept there when `nil` (the slot's
    /// pair is usual again). Kept out of line: few pairs come here.
    @inline(never)
    private func keepUnusual(_ entry: MappingEntry?, at slot: Int) {
        unusualEntries[Int32(truncatingIfNeeded: slot)] = entry
    }

    /// The kind the validator typed in `slot`, or `nil` when it typed none.
    func typedKind(at slot: Int) -> Value.Kind? {
        typed(at: slot).kind
    }

    /// What the validator typed in `slot` (below ``slotCount``).
    @inline(__always)
    func typed(at slot: Int) -> Typed {
        values[slot].typed
    }

    /// Keeps what the validator typed in `slot` (below ``slotCount``).
    @inline(__always)
    func setTyped(_ typed: Typed, at slot: Int) {
        values[slot] = PackedTyped(typed)
    }

    /// The table of `node` of the plan `document`, as an index into ``tables``; `nil` when
    /// it has none (or is out of range).
    @inline(__always)
    func table(of node: NodeID, in document: YAMLDocument) -> Int? {
        guard let key = document.pairedMappingKey(node) else { return otherTable(of: node) }
        guard key < keyCount, tableOf[key] >= 0 else { return nil }
        return Int(tableOf[key])
    }

    /// The table of a node without a ``YAMLDocument/pairedMappingKey(_:)``. Kept out of
    /// line: few nodes come here.
    @inline(never)
    private func otherTable(of node: NodeID) -> Int? {
        tableOfOther[node.index].map(Int.init)
    }

    /// Where the table of `node` of the plan `document` starts in ``keys`` and
    /// ``values``, when it was made for the schema whose ``SchemaNode/identity`` is
    /// `schema`; `nil` when the node has no table, or one made for another schema.
    @inline(__always)
    func start(of node: NodeID, schema: Int32, in document: YAMLDocument) -> Int? {
        table(of: node, in: document).flatMap { start(ofTable: $0, schema: schema) }
    }

    /// Where the table at `table` in ``tables`` starts in ``keys`` and ``values``, when it
    /// was made for the schema whose ``SchemaNode/identity`` is `schema`; `nil` otherwise.
    @inline(__always)
    func start(ofTable table: Int, schema: Int32) -> Int? {
        tables[table].schema == schema ? Int(tables[table].start) : nil
    }

    /// Makes an empty table for the mapping `node` of the plan `document` under `schema`
    /// and returns where it starts; `nil` when the node already has one (or is out of
    /// range).
    func begin(_ node: NodeID, schema: SchemaNode, in document: YAMLDocument) -> Int? {
        let index = Int(node.index)
        guard index >= 0, index < nodeCount else { return nil }
        let table = Int32(truncatingIfNeeded: tables.count)
        if let key = document.pairedMappingKey(node) {
            guard key < keyCount, tableOf[key] < 0 else { return nil }
            tableOf[key] = table
        } else {
            guard beginOther(node, table: table) else { return nil }
        }
        let start = slotCount
        tables.append(Table(start: Int32(truncatingIfNeeded: start), schema: schema.identity))
        let end = start + schema.properties.count
        if keys.count < end { growSlots(to: end) }
        // Written in place: a slot kept from an earlier plan is overwritten, not appended.
        keys.fill(start..<end, with: -1)
        values.fill(start..<end, with: PackedTyped.none)
        slotCount = end
        return start
    }

    /// Files `table` as the table of `node`, a node without a
    /// ``YAMLDocument/pairedMappingKey(_:)``; `false` when it has one already. Kept out of
    /// line, as ``otherTable(of:)``.
    @inline(never)
    private func beginOther(_ node: NodeID, table: Int32) -> Bool {
        guard tableOfOther[node.index] == nil else { return false }
        tableOfOther[node.index] = table
        return true
    }

    /// The sum of the whole numbers in the slot at `index` of the tables of the items of the
    /// list `list`, each table made for `itemSchema` (the tables of a plan that passed its
    /// schema, where each item is its own mapping): read without values or origins. `nil`
    /// when an item has no such table, or no whole number in that slot, or the sum does not
    /// fit: then it is worked out item by item.
    func sum(ofSlot index: Int, itemsOf list: NodeID, in document: YAMLDocument, itemSchema: SchemaNode) -> Int128? {
        guard list.index >= 0, Int(list.index) < document.nodeCount else { return nil }
        let schema = itemSchema.identity
        var total: Int128 = 0
        for position in 0..<document.childCount(list) {
            guard let start = start(of: document.item(list, at: position), schema: schema, in: document) else { return nil }
            let slot = start + index
            guard hasEntry(at: slot), case .int(let amount) = typed(at: slot) else { return nil }
            let (sum, overflow) = total.addingReportingOverflow(Int128(amount))
            if overflow { return nil }
            total = sum
        }
        return total
    }

    /// Makes `keys` and `values` at least `count` long, and up to ``slotChunk`` longer:
    /// a plan of many small mappings (a list of half a million items) then comes here once
    /// a chunk, not once a mapping. Kept out of line: once the arrays have grown to a
    /// plan's size, later plans of that size never come here.
    @inline(never)
    private func growSlots(to count: Int) {
        let target = max(count, min(keys.count + Self.slotChunk, keys.capacity))
        keys.append(repeating: -1, count: target - keys.count)
        values.append(repeating: PackedTyped.none, count: target - values.count)
    }

    /// How many slots the tables grow by at least: 24 KiB written ahead at most.
    private static let slotChunk = 1024
}
