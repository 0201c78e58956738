/// A ``SourceRange`` in four 32-bit fields (16 bytes instead of 32), for ranges kept in
/// bulk: a document's nodes, a run's first occurrences. Positions past 2³² saturate; files
/// are far smaller than the size limit lets that happen.
public struct PackedRange: Sendable, Hashable {
    private(set) var startLine: UInt32
    private(set) var startColumn: UInt32
    private(set) var endLine: UInt32
    private(set) var endColumn: UInt32

    /// Packs `range`.
    public init(_ range: SourceRange) {
        startLine = UInt32(clamping: range.start.line)
        startColumn = UInt32(clamping: range.start.column)
        endLine = UInt32(clamping: range.end.line)
        endColumn = UInt32(clamping: range.end.column)
    }

    /// A range from its fields as they are kept (1-based, the end not before the start).
    init(startLine: UInt32, startColumn: UInt32, endLine: UInt32, endColumn: UInt32) {
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
        self.endColumn = endColumn
    }

    /// The range between two zero-based positions as libyaml marks them, made 1-based; the
    /// end is raised to the start when it lies before it, as ``SourceRange/init(start:end:)``
    /// does. Packed directly: every scalar of every plan passes here.
    init(zeroBasedStartLine startLine: Int, column startColumn: Int, endLine: Int, column endColumn: Int) {
        self.startLine = UInt32(clamping: startLine &+ 1)
        self.startColumn = UInt32(clamping: startColumn &+ 1)
        if endLine < startLine || (endLine == startLine && endColumn < startColumn) {
            self.endLine = self.startLine
            self.endColumn = self.startColumn
        } else {
            self.endLine = UInt32(clamping: endLine &+ 1)
            self.endColumn = UInt32(clamping: endColumn &+ 1)
        }
    }

    /// Where the range starts.
    public var start: SourceLocation {
        SourceLocation(line: Int(startLine), column: Int(startColumn))
    }

    /// Where the range ends, read or set alone: setting it keeps the start, and an end
    /// before the start is raised to it, as ``SourceRange/init(start:end:)`` does.
    public var end: SourceLocation {
        get { SourceLocation(line: Int(endLine), column: Int(endColumn)) }
        set {
            let line = UInt32(clamping: newValue.line), column = UInt32(clamping: newValue.column)
            let before = line < startLine || (line == startLine && column < startColumn)
            endLine = before ? startLine : line
            endColumn = before ? startColumn : column
        }
    }

    /// The range.
    public var range: SourceRange {
        SourceRange(start: start, end: end)
    }
}
