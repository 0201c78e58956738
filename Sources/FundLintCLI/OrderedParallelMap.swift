import Foundation

/// Runs `work` for indices `0..<count` on `jobs` threads and hands the results to the caller
/// strictly in index order, so output is identical for any number of jobs. At most `window`
/// results wait to be consumed, which keeps memory flat for any number of files.
final class OrderedParallelMap<Output: Sendable>: @unchecked Sendable {
    private let count: Int
    private let jobs: Int
    private let window: Int
    private let work: @Sendable (Int) -> Output
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var next = 0
    private var consumed = 0
    private var results: [Int: Output] = [:]

    init(count: Int, jobs: Int, window: Int, work: @escaping @Sendable (Int) -> Output) {
        self.count = count
        self.jobs = max(1, jobs)
        self.window = max(window, self.jobs)
        self.work = work
    }

    /// Calls `body` with each result, in index order, on the calling thread.
    func forEachInOrder(_ body: (Output) -> Void) {
        if jobs == 1 || count <= 1 {
            for index in 0..<count { body(work(index)) }
            return
        }
        var threads: [Thread] = []
        for _ in 0..<min(jobs, count) {
            let thread = Thread { [self] in workerLoop() }
            thread.stackSize = 8 << 20
            threads.append(thread)
            thread.start()
        }
        for index in 0..<count {
            condition.lock()
            while results[index] == nil { condition.wait() }
            let output = results.removeValue(forKey: index)
            consumed = index + 1
            condition.broadcast()
            condition.unlock()
            if let output { body(output) }
        }
    }

    private func workerLoop() {
        while true {
            condition.lock()
            while next < count, next - consumed >= window { condition.wait() }
            guard next < count else {
                condition.unlock()
                return
            }
            let index = next
            next += 1
            condition.unlock()
            let output = work(index)
            condition.lock()
            results[index] = output
            condition.broadcast()
            condition.unlock()
        }
    }
}
