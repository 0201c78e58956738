/// Turns file reports into one output format, piece by piece, so a run streams: nothing
/// needs all files in memory at once.
public protocol Reporter {
    /// Text written before the first file.
    mutating func begin() -> String
    /// Text for one file, called in report order.
    mutating func file(_ report: FileReport) -> String
    /// Text written after the last file.
    mutating func end(_ summary: RunSummary) -> String
    /// Writes what comes after the last file through `write`, in pieces, so a long ending
    /// (JSON's list of files) is never one string in memory. By default, `end` in one piece.
    mutating func finish(_ summary: RunSummary, write: (String) -> Void)
}

extension Reporter {
    public mutating func finish(_ summary: RunSummary, write: (String) -> Void) {
        write(end(summary))
    }
}

/// Lines a reporter keeps until the end of a run (JSON's list of files): in memory by
/// default, or wherever the caller keeps them (a temporary file, for long runs).
public protocol TextSpool: AnyObject {
    /// Keeps one line (without a line break).
    func append(_ line: String)
    /// Keeps one line (without a line break) given as UTF-8.
    func append(utf8 line: UnsafeBufferPointer<UInt8>)
    /// Hands back every line kept, in order.
    func forEachLine(_ body: (String) -> Void)
}

extension TextSpool {
    /// Keeps the line as text (a spool that can keep bytes as they are says so itself).
    public func append(utf8 line: UnsafeBufferPointer<UInt8>) {
        append(String(decoding: line, as: UTF8.self))
    }
}

/// A spool in memory.
public final class MemorySpool: TextSpool {
    private var lines: [String] = []

    /// An empty spool.
    public init() {}

    public func append(_ line: String) { lines.append(line) }

    public func forEachLine(_ body: (String) -> Void) { lines.forEach(body) }
}

/// The identity of the tool and the rule pack, as machine formats carry them.
public struct RunInfo: Sendable {
    /// The tool's version.
    public var toolVersion: String
    /// The active rule pack's id.
    public var packID: String
    /// The active rule pack's version.
    public var packVersion: String

    /// Creates run information.
    public init(toolVersion: String, packID: String, packVersion: String) {
        self.toolVersion = toolVersion
        self.packID = packID
        self.packVersion = packVersion
    }
}
