#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files of a run, in order, kept compact: each directory's path once, every file name's
/// UTF-8 bytes in one buffer, and 16 bytes a file to tie them together. A run over a hundred
/// thousand plans holds its whole list from start to finish, so a string object per path
/// (and its directory written out again each time) would be most of its memory.
struct InputFileList: Sendable {
    fileprivate struct Entry: Sendable {
        /// Where the name starts in `names`.
        var start: Int
        var length: Int32
        /// Index into `directories`; -1 for a path given whole.
        var directory: Int32
    }

    /// Directory paths, each ending in `/`.
    private var directories: [String] = []
    /// The directories kept open, position for position with `directories`.
    private var handles = DirectoryHandles()
    private var names: [UInt8] = []
    private var entries: [Entry] = []
    /// The positions of standard input (`-`) in the list; its name is the display name.
    private var standardInput: Set<Int> = []

    /// How many files the list holds.
    var count: Int { entries.count }

    /// The first file, if any.
    var first: InputFile? { entries.isEmpty ? nil : self[0] }

    /// The file at `index` (in `0..<count`).
    subscript(index: Int) -> InputFile {
        let entry = entries[index]
        let name = String(decoding: names[entry.start..<(entry.start + Int(entry.length))], as: UTF8.self)
        // Every path of the list was a regular file when it was listed (see FileCollector).
        guard entry.directory >= 0 else {
            if standardInput.contains(index) { return InputFile(source: .standardInput, displayPath: name) }
            return InputFile(source: .path(name), displayPath: name, isRegularFile: true)
        }
        let path = directories[Int(entry.directory)] + name
        var file = InputFile(source: .path(path), displayPath: path, isRegularFile: true)
        let descriptor = handles.descriptors[Int(entry.directory)]
        if descriptor >= 0 { file.entry = (descriptor, name) }
        return file
    }

    /// Appends the file at `path`, given whole.
    mutating func append(path: String) {
        entries.append(storeName(path, directory: -1))
    }

    /// Appends standard input, shown as `displayName`.
    mutating func appendStandardInput(displayName: String) {
        standardInput.insert(entries.count)
        append(path: displayName)
    }

    /// Adds a directory for ``append(name:directory:)`` to name; `path` ends in `/`.
    /// `descriptor`, when the directory is open, lets its files be opened by name in it (a
    /// duplicate is kept; the caller still owns and closes its own).
    mutating func addDirectory(_ path: String, descriptor: Int32 = -1) -> Int32 {
        directories.append(path)
        handles.add(descriptor)
        return Int32(clamping: directories.count - 1)
    }

    /// Appends the file `name` in `directory` (from ``addDirectory(_:)``).
    mutating func append(name: String, directory: Int32) {
        entries.append(storeName(name, directory: directory))
    }

    private mutating func storeName(_ name: String, directory: Int32) -> Entry {
        let start = names.count
        names.append(contentsOf: name.utf8)
        return Entry(start: start, length: Int32(clamping: names.count - start), directory: directory)
    }

    /// The positions in `range` in sorted path order: a permutation to hand to
    /// ``reorder(_:by:)`` (and to apply to anything kept alongside the list).
    func sortedOrder(of range: Range<Int>) -> [Int] {
        var order = Array(range)
        // The names' buffer is opened once for the whole sort, not once a comparison.
        names.withUnsafeBufferPointer { buffer in
            order.sort { precedes(entries[$0], entries[$1], in: buffer) }
        }
        return order
    }

    /// Puts the files of `range` in `order` (positions within the list, from ``sortedOrder(of:)``).
    mutating func reorder(_ range: Range<Int>, by order: [Int]) {
        Self.reorder(&entries, range, by: order)
    }

    /// Rearranges `array[range]` so that its `k`-th element is the one at `order[k]`.
    static func reorder<Element>(_ array: inout [Element], _ range: Range<Int>, by order: [Int]) {
        let reordered = order.map { array[$0] }
        array.replaceSubrange(range, with: reordered)
    }

    /// Gives back the room the list grew into but does not use (up to half of it): the
    /// list is complete once the paths are walked, and is held for the whole run.
    mutating func trim() {
        names = names.withUnsafeBufferPointer { Array($0) }
        entries = entries.withUnsafeBufferPointer { Array($0) }
    }

    /// Whether `a`'s path sorts before `b`'s, by UTF-8 bytes (the same order on every
    /// platform and locale); `buffer` is `names`.
    private func precedes(_ a: Entry, _ b: Entry, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        let nameA = UnsafeBufferPointer(rebasing: buffer[a.start..<(a.start + Int(a.length))])
        let nameB = UnsafeBufferPointer(rebasing: buffer[b.start..<(b.start + Int(b.length))])
        if a.directory == b.directory { return Self.bytewiseLess(nameA, nameB) }
        var directoryA = a.directory < 0 ? "" : directories[Int(a.directory)]
        var directoryB = b.directory < 0 ? "" : directories[Int(b.directory)]
        return directoryA.withUTF8 { prefixA in
            directoryB.withUTF8 { prefixB in
                Self.joinedLess((prefixA, nameA), (prefixB, nameB))
            }
        }
    }

    /// Orders byte strings by their bytes, a shorter prefix first.
    static func bytewiseLess(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        let shared = min(left.count, right.count)
        if shared > 0, let a = left.baseAddress, let b = right.baseAddress {
            let order = memcmp(a, b, shared)
            if order != 0 { return order < 0 }
        }
        return left.count < right.count
    }

    /// `bytewiseLess` of two byte strings each given in two parts.
    private static func joinedLess(_ left: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>),
                                   _ right: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>)) -> Bool {
        let leftCount = left.0.count + left.1.count
        let rightCount = right.0.count + right.1.count
        var index = 0
        while index < leftCount, index < rightCount {
            let a = index < left.0.count ? left.0[index] : left.1[index - left.0.count]
            let b = index < right.0.count ? right.0[index] : right.1[index - right.0.count]
            if a != b { return a < b }
            index += 1
        }
        return leftCount < rightCount
    }

    /// The list without the files at `positions`.
    func removing(_ positions: Set<Int>) -> InputFileList {
        var kept = self
        kept.entries = []
        kept.standardInput = []
        for index in entries.indices where !positions.contains(index) {
            if standardInput.contains(index) { kept.standardInput.insert(kept.entries.count) }
            kept.entries.append(entries[index])
        }
        return kept
    }
}
