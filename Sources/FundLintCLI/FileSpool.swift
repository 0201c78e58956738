import FundLint
#if canImport(Glibc)
import Glibc
#endif

/// A spool in an anonymous temporary file (removed by the system when closed), so a run
/// over any number of plans keeps the JSON list of files on disk, not in memory. Falls
/// back to memory when no temporary file can be made.
final class FileSpool: TextSpool {
    private let file: UnsafeMutablePointer<FILE>?
    private let memory = MemorySpool()
    private var failed = false

    init() {
        file = tmpfile()
    }

    deinit {
        if let file { fclose(file) }
    }

    func append(_ line: String) {
        var line = line
        line.withUTF8 { append(utf8: $0) }
    }

    func append(utf8 line: UnsafeBufferPointer<UInt8>) {
        guard let file, !failed else { return memory.append(String(decoding: line, as: UTF8.self)) }
        let written = line.baseAddress.map { fwrite($0, 1, line.count, file) } ?? 0
        if written < line.count || fputc(0x0A, file) < 0 {
            // The file is full: this line and the rest stay in memory.
            failed = true
            memory.append(String(decoding: line, as: UTF8.self))
        }
    }

    func forEachLine(_ body: (String) -> Void) {
        if let file, fflush(file) == 0, fseek(file, 0, SEEK_SET) == 0 {
            var buffer: UnsafeMutablePointer<CChar>?
            var capacity = 0
            defer { free(buffer) }
            while true {
                let length = getline(&buffer, &capacity, file)
                // Whole lines only: entries never hold a line break (JSON escapes it), so
                // a line without one is the part of a line written when the file filled.
                guard length > 0, let line = buffer, line[length - 1] == 0x0A else { break }
                line[length - 1] = 0
                body(String(cString: line))
            }
        }
        memory.forEachLine(body)
    }
}
