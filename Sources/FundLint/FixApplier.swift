import YAMLTree

/// Applies fixes to a file's bytes, changing only the replaced ranges: comments, layout
/// and every other byte stay as they were.
public enum FixApplier {
    /// The safe fixes of a report's unsuppressed diagnostics.
    public static func safeFixes(in report: FileReport) -> [Diagnostic.Fix] {
        report.diagnostics.compactMap { $0.suppressed ? nil : $0.fix }.filter(\.safe)
    }

    /// `bytes` with `fixes` applied (overlapping fixes after the first are skipped), and
    /// how many were applied; `nil` for input that is not UTF-8.
    public static func apply(_ fixes: [Diagnostic.Fix], to bytes: [UInt8]) -> (bytes: [UInt8], applied: Int)? {
        if bytes.count >= 2, (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) { return nil }
        let offsets = ByteOffsets(bytes)
        var edits: [(start: Int, end: Int, text: [UInt8])] = []
        for fix in fixes {
            guard let start = offsets.offset(of: fix.range.start), let end = offsets.offset(of: fix.range.end), start <= end else { continue }
            edits.append((start, end, Array(fix.replacement.utf8)))
        }
        edits.sort { $0.start < $1.start }
        var kept: [(start: Int, end: Int, text: [UInt8])] = []
        for edit in edits where kept.last.map({ edit.start >= $0.end }) ?? true { kept.append(edit) }
        var result = bytes
        for edit in kept.reversed() { result.replaceSubrange(edit.start..<edit.end, with: edit.text) }
        return (result, kept.count)
    }

    /// Byte offsets of 1-based lines and Unicode-scalar columns in UTF-8 text, with libyaml's
    /// line breaks.
    struct ByteOffsets {
        let bytes: [UInt8]
        let lines: [Range<Int>]

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            lines = ByteLocator.lineRanges(in: bytes)
        }

        func offset(of location: SourceLocation) -> Int? {
            guard location.line >= 1, location.line <= lines.count else { return nil }
            return ByteLocator.offset(ofColumn: location.column, in: bytes[lines[location.line - 1]])
        }
    }
}
