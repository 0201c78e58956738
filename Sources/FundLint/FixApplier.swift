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
        let lineStarts: [Int]

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            lineStarts = ByteLocator.lineRanges(in: bytes).map(\.lowerBound)
        }

        func offset(of location: SourceLocation) -> Int? {
            guard location.line >= 1, location.line <= lineStarts.count, location.column >= 1 else { return nil }
            var index = lineStarts[location.line - 1]
            var column = 1
            while column < location.column {
                guard index < bytes.count else { return nil }
                index += 1
                while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
                column += 1
            }
            return index
        }
    }
}
