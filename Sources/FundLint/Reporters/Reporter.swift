/// Turns file reports into one output format, piece by piece, so a run streams: nothing
/// needs all files in memory at once.
public protocol Reporter {
    /// Text written before the first file.
    mutating func begin() -> String
    /// Text for one file, called in report order.
    mutating func file(_ report: FileReport) -> String
    /// Text written after the last file.
    mutating func end(_ summary: RunSummary) -> String
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
