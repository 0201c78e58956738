import YAMLTree

/// For each mapping of one plan, which pair holds each property of its schema: the
/// validator fills a mapping's table as it matches its keys, so rules reading the mapping
/// through ``PlanView`` find its fields without matching keys to properties again.
///
/// One table serves one plan on one thread, and no access to it overlaps another: the
/// dynamic exclusivity checks would only cost time.
final class FieldTables {
    struct Table {
        /// Where the table starts in `entries`; -1 before it is made.
        var start: Int32 = -1
        /// The origin of the mapping when a rule first read it: only reads through that same
        /// place reuse the typed values (-1 until then).
        var origin: Int32 = -1
        /// The schema the table was made for (a node reached under two schemas through
        /// aliases is looked up directly for the second).
        var schema: UnsafeMutableRawPointer?
    }

    @exclusivity(unchecked) var tables: [Table]
    /// For each table, a slot per property of its schema: the pair with a value that is not
    /// null, or a pair with a key of -1.
    @exclusivity(unchecked) var entries: [MappingEntry] = []
    /// The typed value of each slot: as the validator typed it (with no origin), then as
    /// the first rule to read it saw it (with its origin).
    @exclusivity(unchecked) var values: [Value?] = []
    static let noEntry = MappingEntry(key: NodeID(Int32(-1)), value: NodeID(Int32(-1)))

    init(nodeCount: Int) {
        tables = Array(repeating: Table(), count: nodeCount)
        entries.reserveCapacity(64)
        values.reserveCapacity(64)
    }

    /// Makes an empty table for the mapping `node` under `schema` and returns where it
    /// starts; `nil` when the node already has one (or is out of range).
    func begin(_ node: NodeID, schema: SchemaNode) -> Int? {
        let index = Int(node.index)
        guard index >= 0, index < tables.count, tables[index].start < 0 else { return nil }
        let start = entries.count
        tables[index] = Table(start: Int32(truncatingIfNeeded: start), origin: -1,
                              schema: Unmanaged.passUnretained(schema).toOpaque())
        for _ in 0..<schema.properties.count {
            entries.append(Self.noEntry)
            values.append(nil)
        }
        return start
    }
}
