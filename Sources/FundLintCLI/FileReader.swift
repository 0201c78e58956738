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

    /// How much a first read asks for when the file is known to be a regular file: more than
    /// most plans hold, so most are read whole without asking their size first.
    static let firstReadSize = 16_384

    /// Reads `file`, at most `limit` bytes.
    static func read(_ file: InputFile, limit: Int) -> Outcome {
        switch file.source {
        case .standardInput:
            return readAll(descriptor: 0, limit: limit)
        case .path(let path):
            let flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK
            let descriptor = file.entry.map { openat($0.directory, $0.name, flags) } ?? open(path, flags)
            guard descriptor >= 0 else { return .failure(String(cString: strerror(errno))) }
            defer { close(descriptor) }
            var prefix: [UInt8] = []
            if file.isRegularFile {
                // Listed as a regular file: a read that comes back short has reached the
                // end, and the file's size is asked for only when it filled the read.
                switch readOnce(descriptor: descriptor, size: min(max(limit, 0), firstReadSize - 1) + 1, after: []) {
                case .failure(let reason): return .failure(reason)
                case .read(let bytes, let complete):
                    if complete { return .bytes(bytes) }
                    prefix = bytes
                }
            }
            var info = stat()
            guard fstat(descriptor, &info) == 0 else { return .failure(String(cString: strerror(errno))) }
            guard info.st_mode & S_IFMT == S_IFREG else { return .failure("not a regular file") }
            if Int(info.st_size) > limit { return .tooLarge(Int(info.st_size)) }
            return readAll(descriptor: descriptor, limit: limit, prefix: prefix, expected: Int(info.st_size), regularFile: true)
        }
    }

    /// What one read gave.
    private enum Chunk {
        /// The bytes read so far, and whether the read came back short of what was asked:
        /// the end of a regular file, which returns less only there.
        case read([UInt8], complete: Bool)
        case failure(String)
    }

    /// Reads up to `size` bytes straight into uninitialised storage after a copy of `prefix`:
    /// no buffer to clear, and no second copy of what was read before.
    private static func readOnce(descriptor: Int32, size: Int, after prefix: [UInt8]) -> Chunk {
        var got = 0
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: prefix.count + size) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            prefix.withUnsafeBufferPointer { old in
                if let from = old.baseAddress { base.initialize(from: from, count: old.count) }
            }
            initialized = prefix.count
            while true {
                let result = Glibc.read(descriptor, base + prefix.count, size)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                got = result
                initialized = prefix.count + result
                return
            }
        }
        if failure != 0 { return .failure(String(cString: strerror(failure))) }
        return .read(bytes, complete: got < size)
    }

    /// Reads to the end, after `prefix` (what a first read gave). For a regular file, whose
    /// size is known, one read of one byte more than what is left is the whole file, read
    /// into room after a copy of the prefix. Any later read (a pipe gives at most its buffer
    /// a read, or the file grew) is appended, the array growing as arrays do: copying all
    /// read so far into each read's room would make a long pipe quadratic.
    private static func readAll(descriptor: Int32, limit: Int, prefix: [UInt8] = [], expected: Int = 65_536, regularFile: Bool = false) -> Outcome {
        var bytes = prefix
        var chunk = max(4_096, min(max(expected - prefix.count, 0), limit) + 1)
        var first = true
        while true {
            switch readOnce(descriptor: descriptor, size: chunk, after: first ? bytes : []) {
            case .failure(let reason): return .failure(reason)
            case .read(let read, let complete):
                let got = first ? read.count - bytes.count : read.count
                if first { bytes = read } else { bytes += read }
                first = false
                if got == 0 { return .bytes(bytes) }
                if bytes.count > limit { return .tooLarge(bytes.count) }
                if regularFile, complete { return .bytes(bytes) }
            }
            chunk = max(chunk, 65_536)
        }
    }
}
