/// Plain memory for the arrays a plan's check writes most: ``FieldTables``' slots and the
/// values quick rules keep. Elements are written and read in place, without the check an
/// array makes before each write that no one else shares its storage (a plan's tables and
/// frame belong to one thread, and nothing else holds them); a plan makes a few hundred
/// such writes. Indices are checked as an array checks them.
final class SlotBuffer<Element> {
    // Written only by this buffer's methods, on the thread that owns the tables: dynamic
    // exclusivity checks on each access would only cost time.
    @exclusivity(unchecked) private var base: UnsafeMutablePointer<Element>
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int

    init(capacity: Int = 16) {
        self.capacity = max(capacity, 16)
        base = UnsafeMutablePointer<Element>.allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    subscript(index: Int) -> Element {
        @inline(__always) get {
            precondition(index >= 0 && index < count, "slot out of range")
            return base[index]
        }
        @inline(__always) set {
            precondition(index >= 0 && index < count, "slot out of range")
            base[index] = newValue
        }
    }

    /// Adds `element` at the end.
    @inline(__always)
    func append(_ element: Element) {
        if count == capacity { reserve(capacity * 2) }
        (base + count).initialize(to: element)
        count += 1
    }

    /// Adds `element` `times` times at the end.
    func append(repeating element: Element, count times: Int) {
        guard times > 0 else { return }
        reserve(count + times)
        (base + count).initialize(repeating: element, count: times)
        count += times
    }

    /// Writes `element` into every slot of `range` (slots already there).
    @inline(__always)
    func fill(_ range: Range<Int>, with element: Element) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "slots out of range")
        // A plain loop: a table's few slots cost less than a call.
        var slot = base + range.lowerBound
        for _ in range {
            slot.pointee = element
            slot += 1
        }
    }

    /// Empties the buffer, keeping its room.
    func removeAll() {
        base.deinitialize(count: count)
        count = 0
    }

    /// Makes room for at least `minimum` elements.
    func reserve(_ minimum: Int) {
        guard minimum > capacity else { return }
        let larger = max(minimum, capacity * 2)
        let moved = UnsafeMutablePointer<Element>.allocate(capacity: larger)
        moved.moveInitialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }
}
