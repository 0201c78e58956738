import Foundation
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

    /// The files and the failures, in the order of the arguments.
    enum Item {
        case file(InputFile)
        case failure(Failure)
    }

    private var seen: Set<FileIdentity> = []
    /// Whether a path found while walking a directory is excluded (by the configuration).
    var excluded: (String) -> Bool = { _ in false }

    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64

        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    /// Expands `paths` (`-` is standard input, shown as `stdinName`).
    mutating func collect(_ paths: [String], stdinName: String) -> [Item] {
        var items: [Item] = []
        for path in paths {
            if path == "-" {
                items.append(.file(InputFile(source: .standardInput, displayPath: stdinName)))
                continue
            }
            var info = stat()
            guard stat(path, &info) == 0 else {
                items.append(.failure(Failure(path: path, reason: String(cString: strerror(errno)))))
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                items += walk(directory: path)
            case S_IFREG:
                if firstSighting(FileIdentity(info)) {
                    items.append(.file(InputFile(source: .path(path), displayPath: path)))
                }
            default:
                items.append(.failure(Failure(path: path, reason: "not a regular file or directory")))
            }
        }
        return items
    }

    private mutating func firstSighting(_ identity: FileIdentity) -> Bool {
        seen.insert(identity).inserted
    }

    private mutating func walk(directory root: String) -> [Item] {
        let rootReal = realPath(root) ?? root
        // Only the path and identity of each file: a whole `stat` per file would weigh on a
        // tree of a hundred thousand plans.
        var found: [(path: String, identity: FileIdentity)] = []
        var failures: [Item] = []
        var pending = [root]
        while let directory = pending.popLast() {
            guard let (names, unreadable) = Self.entries(of: directory) else {
                failures.append(.failure(Failure(path: directory, reason: "cannot list the directory")))
                continue
            }
            for name in unreadable where !name.hasPrefix(".") && Self.isPlanName(name) {
                let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
                failures.append(.failure(Failure(path: path, reason: "the file name is not UTF-8")))
            }
            for name in names where !name.hasPrefix(".") {
                let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
                if excluded(path) { continue }
                var link = stat()
                guard lstat(path, &link) == 0 else { continue }
                switch link.st_mode & S_IFMT {
                case S_IFDIR:
                    pending.append(path)
                case S_IFREG:
                    if Self.isPlanName(name) { found.append((path, FileIdentity(link))) }
                case S_IFLNK:
                    var target = stat()
                    guard Self.isPlanName(name), stat(path, &target) == 0, target.st_mode & S_IFMT == S_IFREG,
                          let real = realPath(path), real.hasPrefix(rootReal.hasSuffix("/") ? rootReal : rootReal + "/")
                    else { continue }
                    found.append((path, FileIdentity(target)))
                default:
                    continue
                }
            }
        }
        found.sort { Self.bytewiseLess($0.path, $1.path) }
        var items = failures
        for entry in found where firstSighting(entry.identity) {
            items.append(.file(InputFile(source: .path(entry.path), displayPath: entry.path)))
        }
        return items
    }

    /// The names in a directory, read with `readdir` (lighter than Foundation's listing for
    /// a directory of many thousand plans), and the names that are not UTF-8 (shown with
    /// replacement characters), which no path string can name.
    private static func entries(of directory: String) -> (names: [String], unreadable: [String])? {
        guard let stream = opendir(directory) else { return nil }
        defer { closedir(stream) }
        var names: [String] = []
        var unreadable: [String] = []
        while let entry = readdir(stream) {
            withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let bytes = raw.prefix { $0 != 0 }
                if let name = String(validating: bytes, as: UTF8.self) {
                    if name != ".", name != ".." { names.append(name) }
                } else {
                    unreadable.append(String(decoding: bytes, as: UTF8.self))
                }
            }
        }
        return (names, unreadable)
    }

    private static func isPlanName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".yaml") || lower.hasSuffix(".yml")
    }

    private func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Orders paths by their UTF-8 bytes (the same order on every platform and locale).
    static func bytewiseLess(_ lhs: String, _ rhs: String) -> Bool {
        var lhs = lhs, rhs = rhs
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                let shared = min(left.count, right.count)
                if shared > 0, let a = left.baseAddress, let b = right.baseAddress {
                    let order = memcmp(a, b, shared)
                    if order != 0 { return order < 0 }
                }
                return left.count < right.count
            }
        }
    }
}
