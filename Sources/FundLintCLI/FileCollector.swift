#if canImport(Glibc)
import Glibc
#endif

/// Expands the PATH arguments into plan files: files as given, directories searched
/// recursively for `*.yaml` and `*.yml` in sorted path order, skipping hidden entries and
/// anything that is not a regular file. A symlink to a file inside the searched tree is
/// followed, a symlink to a directory never (so no loop is possible), and each real file is
/// checked once.
struct FileCollector {
    /// A PATH that could not be used.
    struct Failure: Error {
        var path: String
        var reason: String
    }

    /// The files found, in order, and the paths that could not be used.
    struct Collected {
        var files = InputFileList()
        var failures: [Failure] = []
    }

    /// Whether a path found while walking a directory is excluded (by the configuration);
    /// `nil` when nothing is.
    var excluded: ((String) -> Bool)?

    private struct FileIdentity: Comparable {
        var device: UInt64
        var inode: UInt64

        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }

        init(device: UInt64, inode: UInt64) {
            self.device = device
            self.inode = inode
        }

        /// Standard input, at `position` in the list: equal to no file and to no other.
        init(standardInputAt position: Int) {
            device = .max
            inode = UInt64(position)
        }

        static func < (lhs: FileIdentity, rhs: FileIdentity) -> Bool {
            (lhs.device, lhs.inode) < (rhs.device, rhs.inode)
        }
    }

    /// The identity of each file listed so far, position for position, to keep only the
    /// first sighting of each real file once all are listed. Kept beside the list rather
    /// than in a second list of files, and sorted through a permutation: a tree of a hundred
    /// thousand plans is walked in about 40 bytes a file.
    private var identities: [FileIdentity] = []

    /// Expands `paths` (`-` is standard input, shown as `stdinName`).
    mutating func collect(_ paths: [String], stdinName: String) -> Collected {
        var collected = Collected()
        for path in paths {
            if path == "-" {
                identities.append(FileIdentity(standardInputAt: collected.files.count))
                collected.files.appendStandardInput(displayName: stdinName)
                continue
            }
            var info = stat()
            guard stat(path, &info) == 0 else {
                collected.failures.append(Failure(path: path, reason: String(cString: strerror(errno))))
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                walk(directory: path, into: &collected)
            case S_IFREG:
                identities.append(FileIdentity(info))
                collected.files.append(path: path)
            default:
                collected.failures.append(Failure(path: path, reason: "not a regular file or directory"))
            }
        }
        let repeats = repeatedSightings()
        identities = []
        if !repeats.isEmpty { collected.files = collected.files.removing(repeats) }
        collected.files.trim()
        return collected
    }

    /// The positions of files already listed earlier, under another path or argument.
    private func repeatedSightings() -> Set<Int> {
        var order = Array(identities.indices)
        order.sort { (identities[$0], $0) < (identities[$1], $1) }
        var repeats: Set<Int> = []
        for index in order.indices.dropFirst() where identities[order[index]] == identities[order[index - 1]] {
            repeats.insert(order[index])
        }
        return repeats
    }

    private mutating func walk(directory root: String, into collected: inout Collected) {
        let rootReal = realPath(root) ?? root
        // Each file goes into the list as it is found (its name's bytes, its directory
        // written once) and the walk's files are sorted afterwards: a whole `stat`,
        // a path string or a second record per file would weigh on a tree of a hundred
        // thousand plans.
        let first = collected.files.count
        var pending = [root]
        while let directory = pending.popLast() {
            let prefix = directory.hasSuffix("/") ? directory : directory + "/"
            var directoryNumber: Int32?
            // The device of the directory's files, when its entries' inodes are theirs (see
            // `entryDevice(of:tryingOn:inode:)`); worked out once, at its first plan.
            var trustedDevice: UInt64??
            // Each name is looked at as it is read: a directory of a hundred thousand plans
            // is never held as a hundred thousand strings.
            let listed = Self.forEachEntry(of: directory) { entry, directoryFD in
                let name = entry.name
                guard !name.hasPrefix(".") else { return }
                guard entry.isUTF8 else {
                    if Self.isPlanName(name) {
                        collected.failures.append(Failure(path: prefix + name, reason: "the file name is not UTF-8"))
                    }
                    return
                }
                // Made only where it is needed: most files of a walk need only their name.
                var path: String { prefix + name }
                if let excluded, excluded(path) { return }
                // What the entry is, looked up in the open directory (no walk of the whole
                // path again): a plan file's identity, or `nil` (a directory is queued).
                func lookedUp() -> FileIdentity? {
                    var link = stat()
                    guard fstatat(directoryFD, name, &link, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
                    switch link.st_mode & S_IFMT {
                    case S_IFDIR:
                        pending.append(path)
                        return nil
                    case S_IFREG:
                        return Self.isPlanName(name) ? FileIdentity(link) : nil
                    case S_IFLNK:
                        var target = stat()
                        guard Self.isPlanName(name), stat(path, &target) == 0, target.st_mode & S_IFMT == S_IFREG,
                              let real = realPath(path), real.hasPrefix(rootReal.hasSuffix("/") ? rootReal : rootReal + "/")
                        else { return nil }
                        return FileIdentity(target)
                    default:
                        return nil
                    }
                }
                let found: FileIdentity?
                switch entry.type {
                case UInt8(DT_DIR):
                    pending.append(path)
                    return
                case UInt8(DT_REG):
                    // The directory entry says what the file is and its inode, and the
                    // directory gives the device: no `stat` per file (those calls were most
                    // of a walk's time), where the file system's entries can be trusted.
                    guard Self.isPlanName(name) else { return }
                    if trustedDevice == nil {
                        trustedDevice = .some(Self.entryDevice(of: directoryFD, tryingOn: name, inode: entry.inode))
                    }
                    if let device = trustedDevice ?? nil, entry.inode != 0 {
                        found = FileIdentity(device: device, inode: entry.inode)
                    } else {
                        found = lookedUp()
                    }
                case UInt8(DT_LNK), UInt8(DT_UNKNOWN):
                    found = lookedUp()
                default:
                    return
                }
                guard let identity = found else { return }
                let number = directoryNumber ?? collected.files.addDirectory(prefix, descriptor: directoryFD)
                directoryNumber = number
                collected.files.append(name: name, directory: number)
                identities.append(identity)
            }
            if !listed { collected.failures.append(Failure(path: directory, reason: "cannot list the directory")) }
        }
        let range = first..<collected.files.count
        let order = collected.files.sortedOrder(of: range)
        collected.files.reorder(range, by: order)
        InputFileList.reorder(&identities, range, by: order)
    }

    /// One entry of a directory as `readdir` gives it.
    private struct Entry {
        /// The name; a name that is not UTF-8 is shown with replacement characters (no path
        /// string can name it).
        var name: String
        var isUTF8: Bool
        /// The entry's `DT_` type; `DT_UNKNOWN` where the file system does not say.
        var type: UInt8
        var inode: UInt64
    }

    /// Calls `body` with each entry of a directory but `.` and `..`, read with `readdir`
    /// (lighter than Foundation's listing), and the open directory's descriptor. `false`
    /// when the directory cannot be opened.
    private static func forEachEntry(of directory: String, _ body: (Entry, _ directoryFD: Int32) -> Void) -> Bool {
        guard let stream = opendir(directory) else { return false }
        defer { closedir(stream) }
        let descriptor = dirfd(stream)
        while let pointer = readdir(stream) {
            let type = pointer.pointee.d_type
            let inode = UInt64(pointer.pointee.d_ino)
            let entry = withUnsafeBytes(of: pointer.pointee.d_name) { raw in
                let bytes = raw.prefix { $0 != 0 }
                // Most names are ASCII: valid as they are, without the general validation.
                let isUTF8 = bytes.allSatisfy({ $0 < 0x80 }) || String(validating: bytes, as: UTF8.self) != nil
                return Entry(name: String(decoding: bytes, as: UTF8.self), isUTF8: isUTF8, type: type, inode: inode)
            }
            if entry.name != ".", entry.name != ".." { body(entry, descriptor) }
        }
        return true
    }

    /// The device of the files in the open directory `descriptor`, with which an entry's
    /// inode is a file's identity, or `nil` where entries' inodes may not be their files' (a
    /// file system mounted inside a tree is walked as its own directory). Tried on one
    /// regular file of the directory, `name` with the entry's `inode`: an overlay whose
    /// layers lie on different file systems, or a FUSE file system, may give entries other
    /// numbers than its files, and two files taken for one would leave one unchecked; there
    /// every file is looked up.
    private static func entryDevice(of descriptor: Int32, tryingOn name: String, inode: UInt64) -> UInt64? {
        var directory = stat()
        var file = stat()
        guard inode != 0, fstat(descriptor, &directory) == 0, fstatat(descriptor, name, &file, AT_SYMLINK_NOFOLLOW) == 0,
              file.st_dev == directory.st_dev, UInt64(file.st_ino) == inode
        else { return nil }
        return UInt64(directory.st_dev)
    }

    /// Whether the name ends in `.yaml` or `.yml`, in any case.
    private static func isPlanName(_ name: String) -> Bool {
        hasSuffix(name, ".yaml") || hasSuffix(name, ".yml")
    }

    /// Whether `name` ends in `suffix` (lower-case ASCII), ignoring ASCII case.
    private static func hasSuffix(_ name: String, _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        var name = name
        return name.withUTF8 { bytes in
            guard bytes.count >= count else { return false }
            let tail = bytes[(bytes.count - count)...]
            return suffix.withUTF8Buffer { expected in
                zip(tail, expected).allSatisfy { byte, lower in byte | (byte >= 65 && byte <= 90 ? 0x20 : 0) == lower }
            }
        }
    }

    private func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
