/// Runs work for indices `0..<count` on `jobs` threads and hands the results to the caller
/// strictly in index order, so output is identical for any number of jobs. At most `window`
/// results wait to be consumed, which keeps memory flat for any number of files. Each thread
/// gets its own work function from `makeWork`, so threads can keep state of their own.
final class OrderedParallelMap<Output: Sendable>: @unchecked Sendable {
    private let count: Int
    private let jobs: Int
    private let window: Int
    private let makeWork: @Sendable () -> (Int) -> Output
    private let condition = ThreadCondition()
    // Guarded by `condition`.
    private var next = 0
    private var consumed = 0
    private var results: [Int: Output] = [:]

    init(count: Int, jobs: Int, window: Int, makeWork: @escaping @Sendable () -> (Int) -> Output) {
        self.count = count
        self.jobs = max(1, jobs)
        self.window = max(window, self.jobs)
        self.makeWork = makeWork
    }

    /// Calls `body` with each result, in index order, on the calling thread.
    func forEachInOrder(_ body: (Output) -> Void) {
        if jobs == 1 || count <= 1 {
            let work = makeWork()
            for index in 0..<count { body(work(index)) }
            return
        }
        let threads = (0..<min(jobs, count)).compactMap { _ in ThreadCondition.startThread { [self] in workerLoop() } }
        // Every worker has ended when this returns: none is left running (or holding its
        // state) while the process finishes.
        defer { threads.forEach(ThreadCondition.join) }
        if threads.isEmpty {
            // No thread could be started: do the work here, in order.
            let work = makeWork()
            for index in 0..<count { body(work(index)) }
            return
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

    /// How many indices a thread claims at once: fewer lock round trips per file.
    private static var batch: Int { 8 }

    private func workerLoop() {
        // Made once the thread has claimed work: a thread that finds none left (a short
        // run, many jobs) does not set up state it would never use.
        var work: ((Int) -> Output)?
        var outputs: [(Int, Output)] = []
        while true {
            condition.lock()
            while next < count, next - consumed >= window { condition.wait() }
            guard next < count else {
                condition.unlock()
                return
            }
            let first = next
            next = min(count, first + max(1, min(Self.batch, window - (first - consumed))))
            let last = next
            condition.unlock()
            outputs.removeAll(keepingCapacity: true)
            let run = work ?? makeWork()
            work = run
            for index in first..<last { outputs.append((index, run(index))) }
            condition.lock()
            for (index, output) in outputs { results[index] = output }
            condition.broadcast()
            condition.unlock()
        }
    }
}
