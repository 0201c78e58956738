/// What the command does with path text: cutting it the way `NSString` does, and writing it
/// into a command for the user to run.
enum PathText {
    /// The path without its last component: `a/b/c` → `a/b`, `a/b/` → `a`, `/c` → `/`,
    /// `c` → the empty string.
    static func directory(of path: String) -> String {
        let (bytes, end) = withoutTrailingSlashes(path)
        guard let slash = bytes[0..<end].lastIndex(of: UInt8(ascii: "/")) else { return "" }
        var cut = slash
        while cut > 0, bytes[cut - 1] == UInt8(ascii: "/") { cut -= 1 }
        return cut == 0 ? "/" : String(decoding: bytes[0..<cut], as: UTF8.self)
    }

    /// The last component: `a/b/c` → `c`, `a/b/` → `b`, `/` → `/`.
    static func lastComponent(of path: String) -> String {
        let (bytes, end) = withoutTrailingSlashes(path)
        if end == 1, bytes[0] == UInt8(ascii: "/") { return "/" }
        let start = bytes[0..<end].lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// `name` inside the directory of `path`: `a/plan.yaml` → `a/name`, `plan.yaml` → `name`,
    /// `/plan.yaml` → `/name`.
    static func sibling(_ name: String, of path: String) -> String {
        let directory = directory(of: path)
        if directory.isEmpty { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// `path` as one word of a shell command: as it is when it holds only letters, digits and
    /// `_ . / , + : @ % = -`, otherwise in single quotes (a quote inside written `'\''`); one
    /// that starts with `-` gets `./` before it, so that it is not read as an option.
    static func shellWord(_ path: String) -> String {
        if path.hasPrefix("-") { return shellWord("./" + path) }
        let plain = !path.isEmpty && path.utf8.allSatisfy {
            switch $0 {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
            default: Array("_./,+:@%=-".utf8).contains($0)
            }
        }
        return plain ? path : "'" + path.replacing("'", with: "'\\''") + "'"
    }

    /// The path's bytes and where it ends once trailing slashes are dropped (a lone `/` stays).
    private static func withoutTrailingSlashes(_ path: String) -> (bytes: [UInt8], end: Int) {
        let bytes = Array(path.utf8)
        var end = bytes.count
        while end > 1, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
        return (bytes, end)
    }
}
