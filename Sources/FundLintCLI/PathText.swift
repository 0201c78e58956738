/// The two path operations the command needs, on path text, the way `NSString` does them.
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

    /// The path's bytes and where it ends once trailing slashes are dropped (a lone `/` stays).
    private static func withoutTrailingSlashes(_ path: String) -> (bytes: [UInt8], end: Int) {
        let bytes = Array(path.utf8)
        var end = bytes.count
        while end > 1, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
        return (bytes, end)
    }
}
