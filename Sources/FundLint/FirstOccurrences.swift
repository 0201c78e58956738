import YAMLTree

/// Where each key of a unique-key portfolio rule was first seen, kept compact: a run of a
/// hundred thousand plans keeps a hundred thousand of these, so each is a key, a file
/// number and a packed range (about 70 bytes, where a dictionary of paths and ranges took
/// 160).
struct FirstOccurrences: Sendable {
    private struct Occurrence: Sendable {
        var file: Int32
        var range: PackedRange
    }

    private var byKey: [String: Int32] = [:]
    private var occurrences: [Occurrence] = []

    /// The file number and range where `key` was first seen, if it was.
    func first(_ key: String) -> (file: Int, range: SourceRange)? {
        guard let index = byKey[key] else { return nil }
        let occurrence = occurrences[Int(index)]
        return (Int(occurrence.file), occurrence.range.range)
    }

    /// Records the first sighting of `key`, in file number `file` at `range`.
    mutating func record(_ key: String, file: Int, range: SourceRange) {
        guard occurrences.count < Int(Int32.max) else { return }
        byKey[key] = Int32(occurrences.count)
        occurrences.append(Occurrence(file: Int32(clamping: file), range: PackedRange(range)))
    }
}
