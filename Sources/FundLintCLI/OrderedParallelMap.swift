/// Runs work for indices `0..<count` on `jobs` threads and hands the results to the caller
/// strictly in index order, so output is identical for any number of jobs. At most `window`
/// results wait to be consumed, which keeps memory flat for any number of files. Each thread
/// gets its own work function from `makeWork`, so threads can keep state of their own.
final class OrderedParallelMap<Output: Sendable>: @unchecked Sendable {
    private let count: Int
    private let jobs: Int
    private let window: Int
    /// How many indices a worker claims at once: fewer lock round trips per file in a large
    /// run (at most 8), while each thread still gets about eight claims in a small one.
    private let batch: Int
    /// How many the caller claims at once: a quarter of a worker's claim, so that it is soon
    /// back to hand on the results that are ready. The window holds a worker's claim and
    /// several of the caller's ahead of the next result, so neither waits for the other.
    private let callerBatch: Int
    private let makeWork: @Sendable () -> (Int) -> Output
    /// One lock; the caller waits on `resultReady` for the result it needs next, workers wait
    /// on `roomFree` when the window is full. Each side is woken only when what it waits for
    /// has happened, so no thread is woken (taking a core from one that works) for nothing.
    private let condition = ThreadCondition(conditions: 2)
    private static var resultReady: Int { 0 }
    private static var roomFree: Int { 1 }
    // Guarded by `condition`.
    private var next = 0
    private var consumed = 0
    private var results: [Int: Output] = [:]
    private var callerWaits = false
    private var workersWaiting = 0

    init(count: Int, jobs: Int, window: Int, makeWork: @escaping @Sendable () -> (Int) -> Output) {
        self.count = count
        self.jobs = max(1, jobs)
        self.window = max(window, self.jobs)
        batch = max(1, min(8, count / self.jobs / 8))
        callerBatch = max(1, batch / 4)
        self.makeWork = makeWork
    }

    /// Calls `body` with each result, in index order, on the calling thread.
    ///
    /// The caller is one of the `jobs` threads: while the result it must hand on next is not
    /// there yet, it claims work and does it itself, and it waits only when there is none
    /// left to claim. So `jobs` threads work in all, none is started only to wait, and the
    /// cores are not shared with a thread woken for each result. Each result is handed over,
    /// not lent: `body` can take it apart without copying what it holds.
    func forEachInOrder(_ body: (consuming Output) -> Void) {
        if jobs == 1 || count <= 1 {
            let work = makeWork()
            for index in 0..<count { body(work(index)) }
            return
        }
        // If no thread could be started, the caller claims everything itself, in order.
        let threads = (0..<min(jobs - 1, count - 1)).compactMap { _ in ThreadCondition.startThread { [self] in workerLoop() } }
        // Every worker has ended when this returns: none is left running (or holding its
        // state) while the process finishes.
        defer { threads.forEach(ThreadCondition.join) }
        // Made when the caller first claims work (see `workerLoop`).
        var work: ((Int) -> Output)?
        var outputs: [(Int, Output)] = []
        for index in 0..<count {
            condition.lock()
            while results[index] == nil {
                guard let claimed = claimable(upTo: callerBatch) else {
                    callerWaits = true
                    condition.wait(Self.resultReady)
                    callerWaits = false
                    continue
                }
                condition.unlock()
                let run = work ?? makeWork()
                if work == nil { work = run }
                perform(claimed, with: run, into: &outputs)
            }
            let output = results.removeValue(forKey: index)
            consumed = index + 1
            if workersWaiting > 0 { condition.broadcast(Self.roomFree) }
            condition.unlock()
            if let output { body(output) }
        }
    }

    private func workerLoop() {
        // Made once the thread has claimed work: a thread that finds none left (a short
        // run, many jobs) does not set up state it would never use. Kept in a `let` for the
        // whole loop: a function value stored back into a variable of optional type is
        // wrapped in a fresh conversion each time, and calls would pass through every one.
        guard var claimed = claim() else { return }
        let run = makeWork()
        var outputs: [(Int, Output)] = []
        while true {
            perform(claimed, with: run, into: &outputs)
            // The caller needs the result at `consumed`: wake it only if it is here now.
            if callerWaits, results[consumed] != nil { condition.signal(Self.resultReady) }
            condition.unlock()
            guard let next = claim() else { return }
            claimed = next
        }
    }

    /// Does the work for `claimed` without the lock, gathering it in `outputs`, then takes
    /// the lock and files the results: it returns with the lock held.
    private func perform(_ claimed: Range<Int>, with run: (Int) -> Output, into outputs: inout [(Int, Output)]) {
        outputs.removeAll(keepingCapacity: true)
        for index in claimed { outputs.append((index, run(index))) }
        condition.lock()
        for (index, output) in outputs { results[index] = output }
    }

    /// The next indices for a worker, waiting while the window is full; `nil` when none
    /// are left.
    private func claim() -> Range<Int>? {
        condition.lock()
        defer { condition.unlock() }
        while next < count, next - consumed >= window {
            workersWaiting += 1
            condition.wait(Self.roomFree)
            workersWaiting -= 1
        }
        return claimable(upTo: batch)
    }

    /// Claims up to `size` next indices that fit in the window, without waiting; `nil` when
    /// none are left or the window is full. The lock must be held.
    private func claimable(upTo size: Int) -> Range<Int>? {
        guard next < count, next - consumed < window else { return nil }
        let first = next
        next = min(count, first + max(1, min(size, window - (first - consumed))))
        return first..<next
    }
}
