import Testing
@testable import FundLint
import YAMLTree

/// The field tables keep a slot for each property of each mapping of a plan: half a
/// million budget items make a million and a half. Each slot is kept in 12 bytes (its pair's
/// key and what was typed), and must read back exactly what was put in it, or nothing typed
/// (to be typed again when read).
@Suite struct FieldTablesTests {
    @Test(arguments: [
        FieldTables.Typed.none, .int(0), .int(1), .int(-1), .int(4_294_967_296), .int(-4_294_967_297),
        .int(1 << 61 - 1), .int(-(1 << 61)), .bool(true), .bool(false),
    ] + [Day(year: 1, month: 1, day: 1), Day(year: 1970, month: 1, day: 1), Day(year: 2026, month: 4, day: 1),
         Day(year: 9999, month: 12, day: 31)].compactMap { $0.map(FieldTables.Typed.date) })
    func aTypedValueReadsBackAsItWasKept(_ typed: FieldTables.Typed) {
        #expect(FieldTables.PackedTyped(typed).typed == typed)
    }

    /// A whole number beyond the 62 bits a slot keeps is kept as nothing typed, never as
    /// another number.
    @Test(arguments: [Int64.max, Int64.min, 1 << 61, -(1 << 61) - 1, 1 << 62, -(1 << 62) - 1] as [Int64])
    func aWholeNumberTooLargeForASlotIsKeptUntyped(_ number: Int64) {
        #expect(FieldTables.PackedTyped(.int(number)).typed == .none)
    }

    @Test func aSlotTakesTwelveBytes() {
        #expect(MemoryLayout<FieldTables.PackedTyped>.stride == 8)
        #expect(MemoryLayout<NodeID>.stride == 4)
    }

    /// A slot keeps its pair's key, and the value is the node after it; a pair whose value
    /// is not (a key that is a collection), or that was merged, is kept whole: every pair
    /// reads back as it was kept, whatever was kept in the slot before.
    @Test func aPairReadsBackAsItWasKept() throws {
        let document = try #require(YAMLParser.parse(Array("{a: 1, b: 2, c: 3}".utf8)).documents.first)
        let root = try #require(document.root)
        let tables = FieldTables(for: document)
        let schema = SchemaNode(kind: .object, name: "o")
        schema.properties = [("a", SchemaNode(kind: .integer, name: "a")), ("b", SchemaNode(kind: .integer, name: "b")),
                             ("c", SchemaNode(kind: .integer, name: "c"))]
        let start = try #require(tables.begin(root, schema: schema, in: document))
        #expect((0..<3).allSatisfy { !tables.hasEntry(at: start + $0) && tables.entry(at: start + $0) == nil })
        let usual = MappingEntry(key: NodeID(Int32(1)), value: NodeID(Int32(2)))
        let complexKey = MappingEntry(key: NodeID(Int32(3)), value: NodeID(Int32(7)))
        let merged = MappingEntry(key: NodeID(Int32(5)), value: NodeID(Int32(6)), mergedVia: NodeID(Int32(4)))
        for (offset, entry) in [usual, complexKey, merged].enumerated() {
            tables.setEntry(entry, at: start + offset)
        }
        for (offset, entry) in [usual, complexKey, merged].enumerated() {
            #expect(tables.hasEntry(at: start + offset))
            #expect(tables.entry(at: start + offset) == entry)
            #expect(tables.value(at: start + offset) == entry.value)
        }
        // Usual over unusual, and unusual over usual.
        tables.setEntry(usual, at: start + 1)
        tables.setEntry(complexKey, at: start)
        #expect(tables.entry(at: start + 1) == usual)
        #expect(tables.entry(at: start) == complexKey)
        // Emptied tables keep no pair, usual or not.
        tables.reset()
        let again = try #require(tables.begin(root, schema: schema, in: document))
        #expect((0..<3).allSatisfy { tables.entry(at: again + $0) == nil })
        tables.setEntry(usual, at: again)
        #expect(tables.entry(at: again) == usual)
    }

    /// A table names its schema by the schema's identity, in four bytes: a table made for
    /// one schema is found for that schema only.
    @Test func aTableIsFoundForTheSchemaItWasMadeForOnly() throws {
        #expect(MemoryLayout<FieldTables.Table>.stride == 8)
        let document = try #require(YAMLParser.parse(Array("{a: 1}".utf8)).documents.first)
        let root = try #require(document.root)
        let tables = FieldTables(for: document)
        let schema = SchemaNode(kind: .object, name: "root")
        let other = SchemaNode(kind: .object, name: "root")
        schema.properties = [("a", SchemaNode(kind: .integer, name: "a"))]
        #expect(schema.identity != other.identity)
        let start = try #require(tables.begin(root, schema: schema, in: document))
        #expect(tables.start(of: root, schema: schema.identity, in: document) == start)
        #expect(tables.start(of: root, schema: other.identity, in: document) == nil)
        // A node has one table: a second schema does not make another.
        #expect(tables.begin(root, schema: other, in: document) == nil)
    }

    /// A mapping without pairs has the same first child position as the collection closed
    /// after it: its table, and a table a check makes for a node that is not a mapping,
    /// are kept apart from the others, and found again until the tables are reset.
    @Test func tablesOfEmptyMappingsAndOtherNodesAreTheirOwn() throws {
        let document = try #require(YAMLParser.parse(Array("a: {}\nb: {x: 1}\nc: 5\n".utf8)).documents.first)
        let root = try #require(document.root)
        let entries = document.entries(root).map(\.value)
        let (empty, full, scalar) = (entries[0], entries[1], entries[2])
        let schema = SchemaNode(kind: .object, name: "o")
        schema.properties = [("x", SchemaNode(kind: .integer, name: "x"))]
        let tables = FieldTables(for: document)
        var starts: [Int] = []
        for node in [root, empty, full, scalar] {
            #expect(tables.table(of: node, in: document) == nil)
            starts.append(try #require(tables.begin(node, schema: schema, in: document)))
            #expect(tables.begin(node, schema: schema, in: document) == nil)
        }
        #expect(Set(starts).count == 4)
        for (node, start) in zip([root, empty, full, scalar], starts) {
            #expect(tables.start(of: node, schema: schema.identity, in: document) == start)
        }
        tables.reset()
        for node in [root, empty, full, scalar] {
            #expect(tables.table(of: node, in: document) == nil)
        }
        #expect(tables.begin(empty, schema: schema, in: document) == 0)
    }

    @Test func anEntryKeepsTheNodeItWasMergedVia() {
        var entry = MappingEntry(key: NodeID(Int32(3)), value: NodeID(Int32(4)))
        #expect(entry.mergedVia == nil)
        entry.mergedVia = NodeID(Int32(0))
        #expect(entry.mergedVia == NodeID(Int32(0)))
        #expect(MappingEntry(key: NodeID(Int32(3)), value: NodeID(Int32(4)), mergedVia: NodeID(Int32(7))).mergedVia == NodeID(Int32(7)))
        entry.mergedVia = nil
        #expect(entry == MappingEntry(key: NodeID(Int32(3)), value: NodeID(Int32(4))))
    }

    @Test func aTableReadsBackWhatTheValidatorTyped() throws {
        let document = try #require(YAMLParser.parse(Array("{a: 1, b: 2}".utf8)).documents.first)
        let root = try #require(document.root)
        let tables = FieldTables(for: document)
        let schema = SchemaNode(kind: .object, name: "root")
        schema.properties = [("a", SchemaNode(kind: .integer, name: "a")), ("b", SchemaNode(kind: .date, name: "b"))]
        let start = try #require(tables.begin(root, schema: schema, in: document))
        // A new table's slots hold nothing typed until the validator keeps something there.
        #expect(tables.typed(at: start) == .none && tables.typedKind(at: start + 1) == nil)
        let day = try #require(Day(year: 2027, month: 3, day: 31))
        tables.setTyped(.int(-5), at: start)
        tables.setTyped(.date(day), at: start + 1)
        #expect(tables.typed(at: start) == .int(-5))
        #expect(tables.typed(at: start + 1) == .date(day))
        #expect(tables.typedKind(at: start + 1) != nil)
    }
}
