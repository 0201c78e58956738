/// A span of source text: `start` inclusive, `end` exclusive (as in SARIF).
///
/// A plain struct rather than a `Range`: an alias can make a reported start come after an
/// end elsewhere, and building a `Range` from such bounds would trap.
public struct SourceRange: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Where the span starts.
    public var start: SourceLocation
    /// Where the span ends (exclusive).
    public var end: SourceLocation

    /// Creates a range; `end` is raised to `start` when it lies before it.
    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end < start ? start : end
    }

    /// An empty range at one location.
    public init(at location: SourceLocation) {
        self.start = location
        self.end = location
    }

    /// A span on one line, `columns` Unicode scalars wide from `start` (one for a single
    /// character, none for a point).
    public init(start: SourceLocation, columns: Int) {
        self.init(start: start, end: SourceLocation(line: start.line, column: start.column + columns))
    }

    public var description: String { "\(start)-\(end)" }
}
