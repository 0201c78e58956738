import FoundationEssentials
import FundLint

/// Finds `.fundlint.yml` in a directory or its parents, stopping at the repository root
/// (a directory holding `.git`) or `/`.
enum ConfigurationDiscovery {
    static let fileName = ".fundlint.yml"

    static func find(from directory: String) -> String? {
        var current = URL(fileURLWithPath: directory).standardizedFileURL
        let fm = FileManager.default
        while true {
            let candidate = current.appendingPathComponent(fileName).path
            if fm.fileExists(atPath: candidate) { return candidate }
            if fm.fileExists(atPath: current.appendingPathComponent(".git").path) || current.path == "/" { return nil }
            current = current.deletingLastPathComponent()
        }
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
        if BuiltinPacks.pack(rules) != nil || rules.hasPrefix("/") { return rules }
        let directory = PathText.directory(of: path)
        return directory.isEmpty ? rules : directory + "/" + rules
    }
}
