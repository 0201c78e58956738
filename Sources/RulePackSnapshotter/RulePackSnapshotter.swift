#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import YAMLTree

/// Writes the parsed form of the rule packs (a `YAMLSnapshot` each) into a Swift file, when
/// the package is built: `RulePackSnapshotter OUTPUT.swift PACK.yaml...`. A pack that does
/// not parse cleanly gets no snapshot; it is parsed at run time and its problems reported.
/// (An `@main` type, not top-level code, so the package also builds with `-parse-as-library`,
/// as the fuzzing targets are built.)
@main
enum RulePackSnapshotter {
    /// The bytes of the file at `path`, or `nil` if it cannot be read.
    private static func readFile(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            bytes += chunk[0..<count]
            if count < chunk.count { return ferror(file) == 0 ? bytes : nil }
        }
    }

    private static func fail(_ message: String) -> Never {
        let line = Array("RulePackSnapshotter: \(message)\n".utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        exit(1)
    }

    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let output = arguments.first else { fail("usage: RulePackSnapshotter OUTPUT.swift PACK.yaml...") }
        var source = """
            // Generated from the rule packs in Rules/ each time the package is built.

            extension RulePacks {
                /// The parsed form of the pack in `file` (a YAML snapshot), if it parses cleanly.
                static func snapshot(_ file: String) -> StaticString? {
                    switch file {

            """
        for path in arguments.dropFirst() {
            guard let bytes = readFile(path) else { fail("cannot read \(path)") }
            let name = path.split(separator: "/").last.map(String.init) ?? path
            guard let snapshot = YAMLSnapshot.encode(YAMLParser.parse(bytes), source: bytes) else { continue }
            source += "        case \"\(YAMLSnapshot.swiftLiteralBody(name))\": return \"\(YAMLSnapshot.swiftLiteralBody(snapshot))\"\n"
        }
        source += """
                    default: return nil
                    }
                }
            }

            """
        guard let file = fopen(output, "wb") else { fail("cannot write \(output)") }
        let written = source.utf8.withContiguousStorageIfAvailable { fwrite($0.baseAddress, 1, $0.count, file) } ?? 0
        guard written == source.utf8.count, fclose(file) == 0 else { fail("cannot write \(output)") }
    }
}
