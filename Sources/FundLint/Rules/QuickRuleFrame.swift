import YAMLTree

/// What a ``QuickRuleProgram`` reads and writes while it runs over one plan: the plan's
/// tree and field tables, and its values as single machine words (see ``QuickRuleCompiler``
/// for what a word holds for each type). One frame serves one plan after another on one
/// thread, lent with the check's scratch.
///
/// A value a quick rule cannot read in a word (a field left to a default that is not a
/// scalar, a number past 64 bits, a null item of a list) sets ``bailed``: the rule's verdict is then left to
/// the general evaluator, and the words computed after it are never looked at.
final class QuickRuleFrame {
    /// Its field tables, filled by the quick schema check.
    let fields: FieldTables
    /// Set when a value could not be read as a word.
    var bailed = false

    /// Macro variables and `each` items, by local slot.
    @exclusivity(unchecked) var locals: [Int64]
    /// Values kept by slot, each with the stamp it was computed under: one computed under
    /// an older stamp is computed again.
    struct StampedSlots {
        // Plain memory: a kept value is two writes in place, with no check that the
        // storage is shared.
        private let values = SlotBuffer<Int64>()
        private let stamps = SlotBuffer<UInt32>()

        init(count: Int) {
            values.append(repeating: 0, count: count)
            stamps.append(repeating: 0, count: count)
        }

        /// The value in `slot`, if it was computed under `stamp`.
        func value(_ slot: Int, at stamp: UInt32) -> Int64? {
            slot >= 0 && slot < stamps.count && stamps[slot] == stamp ? values[slot] : nil
        }

        /// Keeps `value` in `slot` (if there is one) as computed under `stamp`.
        func keep(_ value: Int64, in slot: Int, at stamp: UInt32) {
            guard slot >= 0, slot < stamps.count else { return }
            values[slot] = value
            stamps[slot] = stamp
        }

        /// Forgets every value, for stamps to start again.
        func forgetAll() {
            stamps.fill(0..<stamps.count, with: 0)
        }
    }

    /// The values of `let`s; ``stamp`` changes for every rule and `each` item.
    private let lets: StampedSlots
    private var stamp: UInt32 = 1
    /// The values of shared expressions; ``planStamp`` changes for every plan.
    private let shared: StampedSlots
    private var planStamp: UInt32 = 1

    /// Lists' items: the program's constant lists first, then lists computed by the rule
    /// running (emptied before each rule). A list's word is its start here and its count.
    @exclusivity(unchecked) var arena: [Int64]
    private let constantItems: Int
    /// Where a list being built collects its items, so that lists built meanwhile (a `let`
    /// computed for the first time inside a macro's body) do not land among them.
    @exclusivity(unchecked) var building: [Int64] = []

    init(program: QuickRuleProgram, fields: FieldTables) {
        self.fields = fields
        locals = Array(repeating: 0, count: program.localSlots)
        lets = StampedSlots(count: program.localSlots)
        shared = StampedSlots(count: program.sharedSlots)
        arena = program.constantItems
        constantItems = program.constantItems.count
    }

    /// Starts on a plan that passed its schema, whose tables are `fields`.
    func begin() {
        planStamp &+= 1
        if planStamp == 0 {
            shared.forgetAll()
            planStamp = 1
        }
    }

    /// Starts a rule: no bail yet, no list computed, no `let` known.
    func beginRule() {
        bailed = false
        if arena.count > constantItems { arena.removeSubrange(constantItems...) }
        // Empty unless a list was left half built.
        if !building.isEmpty { building.removeAll(keepingCapacity: true) }
        nextItem()
    }

    /// Forgets the `let`s, for the next item of an `each`.
    func nextItem() {
        stamp &+= 1
        if stamp == 0 {
            lets.forgetAll()
            stamp = 1
        }
    }

    /// Returns 0 after marking the rule's verdict as undecided.
    func bail() -> Int64 {
        bailed = true
        return 0
    }

    // MARK: lets and shared values

    /// The `let` in local `slot`: computed by `code` on first use for the rule (or item), then
    /// kept.
    func letValue(_ slot: Int, _ code: QuickCode, _ document: YAMLDocument) -> Int64 {
        keptValue(slot, in: lets, at: stamp, code, document)
    }

    /// The shared value in `slot`: computed by `code` on first use for the plan, then kept
    /// for every rule.
    func sharedValue(_ slot: Int, _ code: QuickCode, _ document: YAMLDocument) -> Int64 {
        keptValue(slot, in: shared, at: planStamp, code, document)
    }

    /// The value in `slot` of `slots` if computed under `stamp`, else computed by `code` and
    /// kept (unless it bailed).
    private func keptValue(_ slot: Int, in slots: StampedSlots, at stamp: UInt32, _ code: QuickCode,
                           _ document: YAMLDocument) -> Int64 {
        if let value = slots.value(slot, at: stamp) { return value }
        let value = code(self, document)
        if !bailed { slots.keep(value, in: slot, at: stamp) }
        return value
    }

    // MARK: lists

    /// A list word for `count` items starting at `start` in ``arena``.
    static func listWord(start: Int, count: Int) -> Int64 {
        Int64(start) << 32 | Int64(count)
    }

    /// Moves what was collected in ``building`` from `mark` on into the arena as one list.
    func finishList(from mark: Int) -> Int64 {
        let start = arena.count
        let count = building.count - mark
        guard start < Int(Int32.max), count >= 0, count < Int(Int32.max), mark <= building.count else { return bail() }
        arena.append(contentsOf: building[mark...])
        building.removeSubrange(mark...)
        return Self.listWord(start: start, count: count)
    }

    // MARK: plan values

    /// The slot of the field at `index` of the mapping `node` of `document`, whose table must
    /// be the one made for the schema whose ``SchemaNode/identity`` is `schema`; `nil` when
    /// there is none.
    func slot(_ node: Int64, schema: Int32, index: Int, in document: YAMLDocument) -> Int? {
        guard let node = Int32(exactly: node),
              let start = fields.start(of: NodeID(node), schema: schema, in: document) else { return nil }
        return start + index
    }

    /// The UTF-8 of a text word, handed to `body`; `nil` when the word names no text.
    func withText<Result>(_ word: Int64, pool: QuickTextPool, document: YAMLDocument,
                          _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        if word >= 0 { return pool.withBytes(word, body) }
        guard let node = Int32(exactly: -(word + 1)), Int(node) < document.nodeCount else { return nil }
        return document.withScalarUTF8(NodeID(node), body)
    }

    /// Whether two text words hold equal text (as `String`s compare).
    func textEqual(_ a: Int64, _ b: Int64, pool: QuickTextPool, document: YAMLDocument) -> Bool {
        if a >= 0, b >= 0 { return a == b }
        // Different ASCII texts need no order: either way they are not equal.
        return compare(a, b, ordered: false, pool: pool, document: document) == 0
    }

    /// -1, 0 or 1 as the text of `a` sorts before, with or after that of `b` (as `String`s
    /// compare); sets ``bailed`` when either names no text.
    func textOrder(_ a: Int64, _ b: Int64, pool: QuickTextPool, document: YAMLDocument) -> Int {
        compare(a, b, ordered: true, pool: pool, document: document)
    }

    /// ``textOrder(_:_:pool:document:)``, or when not `ordered` 0 for equal texts and 1 or
    /// -1 for different ones; sets ``bailed`` when either word names no text.
    private func compare(_ a: Int64, _ b: Int64, ordered: Bool, pool: QuickTextPool, document: YAMLDocument) -> Int {
        let order = byteOrder(a, b, ordered: ordered, pool: pool, document: document)
        if let order, order < 2 { return order }
        // Not ASCII: as strings, which compare canonically equivalent text as equal.
        if order != nil, let x = withText(a, pool: pool, document: document, { String(decoding: $0, as: UTF8.self) }),
           let y = withText(b, pool: pool, document: document, { String(decoding: $0, as: UTF8.self) }) {
            return x < y ? -1 : x == y ? 0 : 1
        }
        bailed = true
        return 0
    }

    /// From the bytes of two text words: 0 when they are equal; when both are ASCII (which
    /// has one way only of being written), -1 or 1 as the first sorts before or after the
    /// second (1 for either when not `ordered`); 2 when not both ASCII; `nil` when either
    /// word names no text.
    private func byteOrder(_ a: Int64, _ b: Int64, ordered: Bool, pool: QuickTextPool, document: YAMLDocument) -> Int? {
        withText(a, pool: pool, document: document) { x in
            withText(b, pool: pool, document: document) { y in
                if ByteText.equal(x, y) { return 0 }
                guard QuickTextPool.isASCII(x), QuickTextPool.isASCII(y) else { return 2 }
                return ordered && x.lexicographicallyPrecedes(y) ? -1 : 1
            }
        } ?? nil
    }
}
