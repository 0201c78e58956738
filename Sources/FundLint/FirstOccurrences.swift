import YAMLTree

/// Where each key of a unique-key portfolio rule was first seen, kept compact: a run of a
/// hundred thousand plans keeps a hundred thousand of these. The keys' UTF-8 bytes sit in
/// one buffer; each key has a 28-byte record (where its bytes are, its file number, its
/// range) and a 4-byte slot in an open-addressing table, about 45 bytes a plan in all (a
/// dictionary of strings took about 70, and twice that for a moment whenever it grew).
struct FirstOccurrences: Sendable {
    private struct Occurrence: Sendable {
        var keyStart: UInt32
        var keyLength: UInt32
        var file: Int32
        var range: PackedRange
    }

    private var keys: [UInt8] = []
    private var occurrences: [Occurrence] = []
    /// Linear-probing table of `occurrences` indices plus one; 0 is an empty slot. Its size
    /// is a power of two, at most three quarters full.
    private var slots: [UInt32] = []

    /// An empty index with room for `expected` keys, so that a run which knows how many
    /// plans it has never regrows the table (growing briefly holds the old and the new).
    init(expected: Int = 0) {
        // Sized up front for up to four million plans; a larger run grows from there.
        let wanted = min(max(expected, 0), 1 << 22)
        if wanted > 0 {
            slots = Array(repeating: 0, count: Self.tableSize(for: wanted))
            occurrences.reserveCapacity(wanted)
            // Room for keys of up to 16 bytes (references are short); longer ones grow it.
            keys.reserveCapacity(wanted * 16)
        }
    }

    /// The file number and range where `key` was first seen; if it was not seen before,
    /// records it as seen in file number `file` at `range` and returns `nil`.
    mutating func firstOrRecord(_ key: String, file: Int, range: SourceRange) -> (file: Int, range: SourceRange)? {
        var key = key
        return key.withUTF8 { bytes in
            let hash = Self.hash(bytes)
            if slots.isEmpty { slots = Array(repeating: 0, count: 16) }
            var slot = hash & (slots.count - 1)
            while slots[slot] != 0 {
                let occurrence = occurrences[Int(slots[slot] - 1)]
                if matches(occurrence, bytes) { return (Int(occurrence.file), occurrence.range.range) }
                slot = (slot + 1) & (slots.count - 1)
            }
            // Indices and key offsets are 32-bit: past four billion bytes of keys (or
            // occurrences), later keys are no longer recorded, and never wrongly matched.
            guard occurrences.count < Int(UInt32.max - 1), keys.count <= Int(UInt32.max) - bytes.count else { return nil }
            occurrences.append(Occurrence(keyStart: UInt32(keys.count), keyLength: UInt32(bytes.count),
                                          file: Int32(clamping: file), range: PackedRange(range)))
            keys.append(contentsOf: bytes)
            slots[slot] = UInt32(occurrences.count)
            if occurrences.count * 4 > slots.count * 3 { grow() }
            return nil
        }
    }

    private func matches(_ occurrence: Occurrence, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(occurrence.keyLength) == bytes.count else { return false }
        return keys.withUnsafeBufferPointer { stored in
            ByteText.equal(UnsafeBufferPointer(rebasing: stored[Int(occurrence.keyStart)..<(Int(occurrence.keyStart) + bytes.count)]), bytes)
        }
    }

    private mutating func grow() {
        var table = [UInt32](repeating: 0, count: slots.count * 2)
        for (index, occurrence) in occurrences.enumerated() {
            let hash = keys.withUnsafeBufferPointer { stored in
                Self.hash(UnsafeBufferPointer(rebasing: stored[Int(occurrence.keyStart)..<Int(occurrence.keyStart + occurrence.keyLength)]))
            }
            var slot = hash & (table.count - 1)
            while table[slot] != 0 { slot = (slot + 1) & (table.count - 1) }
            table[slot] = UInt32(index + 1)
        }
        slots = table
    }

    /// The smallest power of two that holds `count` keys at most three quarters full.
    private static func tableSize(for count: Int) -> Int {
        var size = 16
        while size / 4 * 3 < count { size *= 2 }
        return size
    }

    /// The standard library's hash of the key's bytes: seeded per process, so plans cannot
    /// be written to collide and make the probing slow.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        return hasher.finalize()
    }
}
