import ArgumentParser
import FundLint
#if canImport(Glibc)
import Glibc
#endif

/// Where a report goes: standard output (at once on a terminal, in 64 KiB blocks to a file
/// or a pipe), or a file written atomically (a temporary file beside it, renamed into place
/// only when complete).
final class OutputSink {
    private let target: String?
    private var temporaryPath: String?
    private var descriptor: Int32 = 1
    private var failed = false
    /// Text not yet written: output to a file or a pipe goes out in blocks of about 64 KiB
    /// (one system call per block, not per line); to a terminal, at once.
    private var pending = ""
    private let immediate: Bool

    /// Opens the sink; `path == nil` means standard output.
    init(path: String?) throws(FileCollector.Failure) {
        target = path
        immediate = path == nil && isatty(1) == 1
        guard let path else { return }
        let directory = PathText.directory(of: path)
        let base = PathText.lastComponent(of: path)
        var template = Array(((directory.isEmpty ? "." : directory) + "/." + base + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard fd >= 0 else { throw FileCollector.Failure(path: path, reason: String(cString: strerror(errno))) }
        descriptor = fd
        temporaryPath = template.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { String(cString: $0) } ?? ""
        }
        fchmod(fd, 0o644)
    }

    /// Appends text.
    func write(_ text: String) {
        guard !text.isEmpty, !failed else { return }
        pending += text
        if immediate || pending.utf8.count >= 65_536 { flush() }
    }

    private func flush() {
        guard !pending.isEmpty, !failed else { return }
        if !StandardStream(descriptor: descriptor).write(pending) { failed = true }
        pending = ""
    }

    /// Completes the output: renames the temporary file into place.
    func finish() throws(FileCollector.Failure) {
        flush()
        guard let target, let temporaryPath else {
            if failed { throw FileCollector.Failure(path: "<stdout>", reason: "standard output is closed") }
            return
        }
        defer { close(descriptor) }
        if failed || fsync(descriptor) != 0 || rename(temporaryPath, target) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw FileCollector.Failure(path: target, reason: reason)
        }
    }

    /// Removes the temporary file of an unfinished output.
    func abandon() {
        guard let temporaryPath else { return }
        close(descriptor)
        unlink(temporaryPath)
    }

    /// Writes `text` whole to `path` (atomically) or to standard output; exits 2 on failure.
    static func write(_ text: String, to path: String?) throws {
        do {
            let sink = try OutputSink(path: path)
            sink.write(text)
            try sink.finish()
        } catch {
            StandardStream.error.write("fundlint: error: cannot write '\(TextEscaper.escape(error.path))': \(error.reason)\n")
            throw ExitCode(2)
        }
    }
}
