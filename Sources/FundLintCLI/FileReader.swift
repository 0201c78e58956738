import Foundation
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
            return readAll(descriptor: descriptor, limit: limit, expected: Int(info.st_size))
        }
    }

    private static func readAll(descriptor: Int32, limit: Int, expected: Int = 65_536) -> Outcome {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(max(expected, 0), limit) + 1)
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes += chunk[0..<count]
            if bytes.count > limit { return .tooLarge(bytes.count) }
        }
        return .bytes(bytes)
    }
}
