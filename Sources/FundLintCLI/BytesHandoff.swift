/// Bytes read before a run, handed to the one thread that checks their file and let go
/// with it. A lock, not a `Mutex`: a generic type made at run time costs a start-up more
/// than the whole handoff.
final class BytesHandoff: @unchecked Sendable {
    private let lock = ThreadCondition()
    private var bytes: [UInt8]?

    init(_ bytes: [UInt8]?) { self.bytes = bytes }

    /// The bytes, the first time; `nil` after.
    func take() -> [UInt8]? {
        lock.lock()
        defer { lock.unlock() }
        return bytes.take()
    }
}
