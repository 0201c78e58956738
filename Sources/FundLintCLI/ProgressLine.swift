#if canImport(Glibc)
import Glibc
#endif

/// `fundlint: checked 1200 of 5000 files` on standard error, rewritten in place, for long
/// batches — only when standard error is a terminal and not in CI, so logs and pipes never
/// see it.
struct ProgressLine {
    private let total: Int
    private let enabled: Bool
    private var done = 0
    private var lastDraw: UInt64 = 0
    private var drawn = false

    /// Batches shorter than this finish too fast to need a progress line.
    static let minimumFiles = 200

    init(total: Int) {
        self.total = total
        enabled = total >= Self.minimumFiles && StandardStream.error.isTerminal && Environment.value("CI") == nil
            && !Environment.isDumbTerminal
    }

    mutating func advance() {
        done += 1
        guard enabled else { return }
        var clock = timespec()
        clock_gettime(CLOCK_MONOTONIC, &clock)
        let now = UInt64(clock.tv_sec) &* 1_000_000_000 &+ UInt64(clock.tv_nsec)
        if now &- lastDraw < 100_000_000 && done < total { return }
        lastDraw = now
        drawn = true
        StandardStream.error.write("\r\u{1B}[Kfundlint: checked \(done) of \(total) files")
    }

    mutating func finish() {
        if drawn { StandardStream.error.write("\r\u{1B}[K") }
        drawn = false
    }
}
