#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A lock with conditions to wait on (POSIX threads), for the worker threads of a run:
/// `conditions` of them, numbered from 0, all under the one lock.
final class ThreadCondition: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let conditions: UnsafeMutablePointer<pthread_cond_t>
    private let count: Int

    init(conditions: Int = 1) {
        count = max(1, conditions)
        self.conditions = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: count)
        pthread_mutex_init(mutex, nil)
        for index in 0..<count { pthread_cond_init(self.conditions + index, nil) }
    }

    deinit {
        for index in 0..<count { pthread_cond_destroy(conditions + index) }
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        conditions.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
    /// Waits for a signal or broadcast of condition `number`; the lock must be held, and is
    /// held again on return.
    func wait(_ number: Int = 0) { pthread_cond_wait(conditions + min(max(number, 0), count - 1), mutex) }
    /// Wakes one thread waiting on condition `number`.
    func signal(_ number: Int = 0) { pthread_cond_signal(conditions + min(max(number, 0), count - 1)) }
    /// Wakes every thread waiting on condition `number`.
    func broadcast(_ number: Int = 0) { pthread_cond_broadcast(conditions + min(max(number, 0), count - 1)) }

    /// Runs `body` on a new thread with an 8 MiB stack; `nil` if the system would not start
    /// one. The thread must be joined with ``join(_:)``.
    static func startThread(_ body: @escaping @Sendable () -> Void) -> pthread_t? {
        final class Work {
            let body: @Sendable () -> Void
            init(_ body: @escaping @Sendable () -> Void) { self.body = body }
        }
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, 8 << 20)
        let work = Unmanaged.passRetained(Work(body)).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(&thread, &attributes, { raw in
            guard let raw else { return nil }
            Unmanaged<Work>.fromOpaque(raw).takeRetainedValue().body()
            return nil
        }, work)
        guard started == 0 else {
            Unmanaged<Work>.fromOpaque(work).release()
            return nil
        }
        return thread
    }

    /// Waits for a thread from ``startThread(_:)`` to end.
    static func join(_ thread: pthread_t) {
        pthread_join(thread, nil)
    }
}
