/// Plain memory for a run of values that one thread writes in place: the tree builder's
/// pending children, a plan's field tables, the values quick rules keep. Each is written
/// many times a plan, and through its own pointer a write is a store, where an array held
/// by a class or a builder first checks that no one else shares its storage. Indices are
/// checked as an array checks them; whoever holds a buffer takes it only when no one else
/// holds it.
public final class SlotBuffer<Element>: @unchecked Sendable {
    // Written only by this buffer's methods, on the thread that holds it: dynamic
    // exclusivity checks on each access would only cost time.
    @usableFromInline @exclusivity(unchecked) var base: UnsafeMutablePointer<Element>
    @usableFromInline @exclusivity(unchecked) var used = 0
    @usableFromInline @exclusivity(unchecked) var room: Int

    /// How many elements it holds.
    @inlinable public var count: Int { used }
    /// How many it has room for before it grows.
    public var capacity: Int { room }

    /// An empty buffer with room for `capacity` elements.
    public init(capacity: Int = 16) {
        room = max(capacity, 16)
        base = UnsafeMutablePointer<Element>.allocate(capacity: room)
    }

    deinit {
        base.deinitialize(count: used)
        base.deallocate()
    }

    /// The element at `index`, which must be below ``count``.
    @inlinable
    public subscript(index: Int) -> Element {
        @inline(__always) get {
            precondition(index >= 0 && index < used, "index out of range")
            return base[index]
        }
        @inline(__always) set {
            precondition(index >= 0 && index < used, "index out of range")
            base[index] = newValue
        }
    }

    /// Adds `element` at the end.
    @inlinable @inline(__always)
    public func append(_ element: Element) {
        if used == room { reserveCapacity(room * 2) }
        (base + used).initialize(to: element)
        used += 1
    }

    /// Adds `element` `times` times at the end.
    public func append(repeating element: Element, count times: Int) {
        guard times > 0 else { return }
        reserveCapacity(used + times)
        (base + used).initialize(repeating: element, count: times)
        used += times
    }

    /// Writes `element` into every position of `range` (positions already there).
    @inlinable @inline(__always)
    public func fill(_ range: Range<Int>, with element: Element) {
        precondition(range.lowerBound >= 0 && range.upperBound <= used, "range out of range")
        // A plain loop: the few slots of a table cost less than a call.
        var slot = base + range.lowerBound
        for _ in range {
            slot.pointee = element
            slot += 1
        }
    }

    /// The elements from position `start` to the end (valid until the buffer next changes).
    public func suffix(from start: Int) -> UnsafeBufferPointer<Element> {
        let from = min(max(start, 0), used)
        return UnsafeBufferPointer(start: base + from, count: used - from)
    }

    /// Drops the elements from position `start` to the end.
    public func removeSuffix(from start: Int) {
        let from = min(max(start, 0), used)
        (base + from).deinitialize(count: used - from)
        used = from
    }

    /// Empties the buffer, keeping its room.
    public func removeAll() {
        removeSuffix(from: 0)
    }

    /// Makes room for at least `minimum` elements (kept out of line: once a buffer has
    /// grown to what a plan needs, later plans never come here).
    @inline(never)
    public func reserveCapacity(_ minimum: Int) {
        guard minimum > room else { return }
        let larger = max(minimum, room * 2)
        let moved = UnsafeMutablePointer<Element>.allocate(capacity: larger)
        moved.moveInitialize(from: base, count: used)
        base.deallocate()
        base = moved
        room = larger
    }
}
