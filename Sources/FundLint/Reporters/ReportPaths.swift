/// Paths as CI systems want them: relative to the working directory (the repository root
/// in CI), with `./` and `..` resolved, and percent-encoded for URIs.
public struct ReportPaths: Sendable {
    /// The absolute working directory.
    public let workingDirectory: String

    /// Creates path handling for `workingDirectory` (absolute).
    public init(workingDirectory: String) {
        self.workingDirectory = Self.normalize(workingDirectory)
    }

    /// `path` relative to the working directory when it lies inside it, else absolute.
    public func relative(_ path: String) -> String {
        let absolute = Self.normalize(path.hasPrefix("/") ? path : workingDirectory + "/" + path)
        let base = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
        if absolute.hasPrefix(base) { return String(absolute.dropFirst(base.count)) }
        return absolute
    }

    /// A URI reference for SARIF: relative and percent-encoded inside the working
    /// directory, `file://` otherwise.
    public func uri(_ path: String) -> String {
        let relative = relative(path)
        let encoded = Self.percentEncode(relative)
        return relative.hasPrefix("/") ? "file://" + encoded : encoded
    }

    /// Removes `.` and empty segments and resolves `..`.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }

    /// RFC 3986 percent-encoding of a path: unreserved characters and `/` stay.
    static func percentEncode(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count < 2 ? "0" + hex : hex)
            }
        }
        return out
    }
}
