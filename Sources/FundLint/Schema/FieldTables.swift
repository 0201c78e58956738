import YAMLTree

/// For each mapping of one plan, which pair holds each property of its schema: the
/// validator fills a mapping's table as it matches its keys, so rules reading the mapping
/// through ``PlanView`` find its fields without matching keys to properties again. A list's
/// record keeps its items as rules first read them instead.
///
/// One table serves one plan on one thread, and no access to it overlaps another: the
/// dynamic exclusivity checks would only cost time.
final class FieldTables {
    struct Table {
        /// Where the table starts in `entries`; -1 before it is made. For a list, where its
        /// items as rules first read them are in `itemLists` (a list has no fields).
        var start: Int32 = -1
        /// For a list, the origin its items were read through: only a read through that same
        /// place reuses them (-1 for a mapping).
        var origin: Int32 = -1
        /// The schema the table was made for (a node reached under two schemas through
        /// aliases is looked up directly for the second).
        var schema: UnsafeMutableRawPointer?
    }

    /// For each node, its table in ``tables``, or -1: four bytes a node, where a table
    /// for every node (scalars included) took sixteen.
    @exclusivity(unchecked) private var tableOf: [Int32]
    /// The tables made, in the order they were.
    @exclusivity(unchecked) var tables: [Table] = []
    /// For each table, a slot per property of its schema: the pair with a value that is not
    /// null, or a pair with a key of -1.
    @exclusivity(unchecked) var entries: [MappingEntry] = []
    /// What the validator typed a scalar to, when more than text: held without references,
    /// so a plan's slots are made and freed as plain memory.
    enum Typed: Equatable {
        /// Not typed: text, a collection, a value the validator rejected, or no value.
        case none
        case int(Int128)
        case date(Day)
        case bool(Bool)

        /// `kind` as kept, if it is a number, date or truth value.
        init(_ kind: Value.Kind) {
            switch kind {
            case .int(let value): self = .int(value)
            case .date(let day): self = .date(day)
            case .bool(let value): self = .bool(value)
            default: self = .none
            }
        }

        /// The value's kind; `nil` for ``none``.
        var kind: Value.Kind? {
            switch self {
            case .none: nil
            case .int(let value): .int(value)
            case .date(let day): .date(day)
            case .bool(let value): .bool(value)
            }
        }
    }

    /// What the validator typed in each slot (rules give a value its origin as they read it).
    @exclusivity(unchecked) var values: [Typed] = []

    /// The kind the validator typed in `slot`, or `nil` when it typed none.
    func typedKind(at slot: Int) -> Value.Kind? {
        values[slot].kind
    }
    /// The items of lists as rules first read them (see ``Table/start``): a list read again
    /// through the same place is not typed again.
    @exclusivity(unchecked) private var itemLists: [[Value]] = []
    static let noEntry = MappingEntry(key: NodeID(Int32(-1)), value: NodeID(Int32(-1)))

    init(nodeCount: Int) {
        tableOf = Array(repeating: -1, count: max(nodeCount, 0))
        // About one collection in eight nodes; more grows the array.
        tables.reserveCapacity(max(16, min(nodeCount, 1 << 24) / 4))
        // At most a slot per node in practice; room not written is only address space.
        entries.reserveCapacity(max(64, min(nodeCount, 1 << 24)))
        values.reserveCapacity(max(64, min(nodeCount, 1 << 24)))
    }

    /// Empties the tables, keeping their room: for the validator to fill again after a
    /// ``QuickSchemaCheck`` stopped partway.
    func reset() {
        tableOf.withUnsafeMutableBufferPointer { $0.update(repeating: -1) }
        tables.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        itemLists.removeAll(keepingCapacity: true)
    }

    /// The table of `node`, as an index into ``tables``; `nil` when it has none (or is out
    /// of range).
    func table(of node: NodeID) -> Int? {
        let index = Int(node.index)
        guard index >= 0, index < tableOf.count, tableOf[index] >= 0 else { return nil }
        return Int(tableOf[index])
    }

    /// Gives `node` a new table (returned as an index into ``tables``); `nil` when it has
    /// one already (or is out of range).
    private func newTable(for node: NodeID, _ table: Table) -> Int? {
        let index = Int(node.index)
        guard index >= 0, index < tableOf.count, tableOf[index] < 0 else { return nil }
        tableOf[index] = Int32(truncatingIfNeeded: tables.count)
        tables.append(table)
        return tables.count - 1
    }

    /// Makes an empty table for the mapping `node` under `schema` and returns where it
    /// starts; `nil` when the node already has one (or is out of range).
    func begin(_ node: NodeID, schema: SchemaNode) -> Int? {
        let start = entries.count
        guard newTable(for: node, Table(start: Int32(truncatingIfNeeded: start), origin: -1,
                                        schema: Unmanaged.passUnretained(schema).toOpaque())) != nil
        else { return nil }
        for _ in 0..<schema.properties.count {
            entries.append(Self.noEntry)
            values.append(.none)
        }
        return start
    }

    /// The items of the list `node` as a rule first read them, if that read was through
    /// `origin`.
    func cachedItems(of node: NodeID, origin: Int32) -> [Value]? {
        guard let table = table(of: node), tables[table].origin == origin else { return nil }
        let list = Int(tables[table].start)
        return list >= 0 && list < itemLists.count ? itemLists[list] : nil
    }

    /// Keeps the items of the list `node`, read through `origin`, if none are kept yet.
    func cacheItems(_ items: [Value], of node: NodeID, origin: Int32) {
        guard newTable(for: node, Table(start: Int32(truncatingIfNeeded: itemLists.count), origin: origin, schema: nil)) != nil
        else { return }
        itemLists.append(items)
    }
}
