import FundLint
#if canImport(Glibc)
import Glibc
#endif

/// `--fix`: applies a file's safe fixes in place (atomically, keeping its permissions) and
/// checks it again, a few rounds at most, so the report shows what remains.
enum PlanFixer {
    static let maxRounds = 3

    static func fix(path: String, bytes: [UInt8], report: FileReport, checker: PlanChecker) -> LintPipeline.FileOutcome {
        var current = bytes
        var currentReport = report
        var fixed = 0
        for _ in 0..<maxRounds {
            let fixes = FixApplier.safeFixes(in: currentReport)
            guard !fixes.isEmpty, let (next, applied) = FixApplier.apply(fixes, to: current), applied > 0, next != current else { break }
            current = next
            fixed += applied
            currentReport = checker.check(current, path: report.path)
        }
        guard fixed > 0 else { return .report(report, fixed: 0) }
        if let failure = replace(path, with: current) { return .failure(report.path, failure) }
        return .report(currentReport, fixed: fixed)
    }

    /// Replaces the file's content atomically; returns why it failed, if it did.
    private static func replace(_ path: String, with bytes: [UInt8]) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return String(cString: strerror(errno)) }
        let directory = PathText.directory(of: path)
        var template = Array(((directory.isEmpty ? "." : directory) + "/.fundlint-fix-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { $0.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        let temporary = template.withUnsafeBufferPointer { $0.baseAddress.map { String(cString: $0) } ?? "" }
        fchmod(fd, info.st_mode & 0o7777)
        var ok = true
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while ok, offset < buffer.count, let base = buffer.baseAddress {
                let written = write(fd, base + offset, buffer.count - offset)
                if written < 0 { if errno != EINTR { ok = false } } else { offset += written }
            }
        }
        ok = ok && fsync(fd) == 0
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return reason
        }
        return nil
    }
}
