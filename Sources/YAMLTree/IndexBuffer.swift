/// A growing run of node indices that only the tree builder writes: the children of the
/// collections still open, appended one at a time and taken off the end a collection at a
/// time. Written through its own pointer, so an append costs no uniqueness check (as an
/// array's would, once per node); the builder takes it only when no one else holds it.
final class IndexBuffer: @unchecked Sendable {
    private var base: UnsafeMutablePointer<Int32>
    /// How many indices it holds.
    private(set) var count = 0
    /// How many it has room for before it grows.
    private(set) var capacity: Int

    /// An empty buffer with room for `capacity` indices.
    init(capacity: Int = 64) {
        self.capacity = max(capacity, 16)
        base = UnsafeMutablePointer<Int32>.allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Adds `index` at the end.
    @inline(__always)
    func append(_ index: Int32) {
        if count == capacity { grow() }
        (base + count).initialize(to: index)
        count += 1
    }

    /// The indices from position `start` to the end (valid until the buffer next changes).
    func suffix(from start: Int) -> UnsafeBufferPointer<Int32> {
        let from = min(max(start, 0), count)
        return UnsafeBufferPointer(start: base + from, count: count - from)
    }

    /// Drops the indices from position `start` to the end.
    func removeSuffix(from start: Int) {
        count = min(max(start, 0), count)
    }

    /// Drops every index, keeping the room.
    func removeAll() { count = 0 }

    /// Twice the room, the indices moved over.
    @inline(never)
    private func grow() {
        let larger = capacity * 2
        let moved = UnsafeMutablePointer<Int32>.allocate(capacity: larger)
        moved.moveInitialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }
}
