import FundLint
#if canImport(Glibc)
import Glibc
#endif

/// Finds `.fundlint.yml` in a directory or its parents, stopping at the repository root
/// (a directory holding `.git`) or `/`.
enum ConfigurationDiscovery {
    static let fileName = ".fundlint.yml"

    /// The configuration file that applies in `directory` (an absolute path), if any.
    static func find(from directory: String) -> String? {
        var current = directory
        while current.hasPrefix("/") {
            let prefix = current.hasSuffix("/") ? current : current + "/"
            if exists(prefix + fileName) { return prefix + fileName }
            if exists(prefix + ".git") || current == "/" { return nil }
            current = PathText.directory(of: current)
        }
        return nil
    }

    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }
}

/// `path` made absolute against `directory`.
func absolute(_ path: String, in directory: String) -> String {
    path.hasPrefix("/") ? path : directory + "/" + path
}

extension Configuration {
    /// The configured pack: a built-in id as written, a path relative to the configuration.
    var packReference: String? {
        guard let rules else { return nil }
        if BuiltinPacks.packs[rules] != nil || rules.hasPrefix("/") { return rules }
        let directory = PathText.directory(of: path)
        return directory.isEmpty ? rules : directory + "/" + rules
    }
}
