#if canImport(Glibc)
import Glibc
#endif

/// Reads a plan's bytes, refusing files over the size limit before reading them.
enum FileReader {
    /// What reading produced.
    enum Outcome {
        case bytes([UInt8])
        case tooLarge(Int)
        case failure(String)
    }

    /// Reads `file`, at most `limit` bytes.
    static func read(_ file: InputFile, limit: Int) -> Outcome {
        switch file.source {
        case .standardInput:
            return readAll(descriptor: 0, limit: limit)
        case .path(let path):
            let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            guard descriptor >= 0 else { return .failure(String(cString: strerror(errno))) }
            defer { close(descriptor) }
            var info = stat()
            guard fstat(descriptor, &info) == 0 else { return .failure(String(cString: strerror(errno))) }
            guard info.st_mode & S_IFMT == S_IFREG else { return .failure("not a regular file") }
            if Int(info.st_size) > limit { return .tooLarge(Int(info.st_size)) }
            return readAll(descriptor: descriptor, limit: limit, expected: Int(info.st_size), regularFile: true)
        }
    }

    /// Reads to the end straight into uninitialised storage: no buffer to clear or copy
    /// for a regular file, whose size is known. A regular file returns less than asked
    /// only at its end, so one read of one byte more than its size is the whole file.
    private static func readAll(descriptor: Int32, limit: Int, expected: Int = 65_536, regularFile: Bool = false) -> Outcome {
        var bytes: [UInt8] = []
        var chunk = max(4_096, min(max(expected, 0), limit) + 1)
        while true {
            var got = 0
            var failure: Int32 = 0
            let size = chunk
            let tail = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
                initialized = 0
                guard let base = buffer.baseAddress else { return }
                while true {
                    let result = Glibc.read(descriptor, base, size)
                    if result < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    got = result
                    initialized = result
                    return
                }
            }
            if failure != 0 { return .failure(String(cString: strerror(failure))) }
            if got == 0 { break }
            if bytes.isEmpty { bytes = tail } else { bytes += tail }
            if bytes.count > limit { return .tooLarge(bytes.count) }
            if regularFile, got < size { break }
            chunk = max(chunk, 65_536)
        }
        return .bytes(bytes)
    }
}
