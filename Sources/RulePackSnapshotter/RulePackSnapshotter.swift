#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import YAMLTree

/// Writes the parsed form of the rule packs (a `YAMLSnapshot` each) into a Swift file, when
/// the package is built: `RulePackSnapshotter OUTPUT.swift PACK.yaml...`. A fund pack's
/// snapshot leaves out what checking never reads (``unreadByChecks(_:)``). A pack that does
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

    /// The parts of a fund pack that checking plans never reads: each rule's `examples`, the
    /// pack's `example_plan` (which only examples patch) and the reviewer `report`. Commands
    /// that show or run examples, or write the report, read the pack in full.
    static func unreadByChecks(_ document: YAMLDocument) -> [MappingEntry] {
        guard let root = document.root, document.kind(root) == .mapping else { return [] }
        func entries(of node: NodeID, named name: String) -> [MappingEntry] {
            guard document.kind(node) == .mapping else { return [] }
            return document.entries(node).filter { document.keyText($0.key) == name }
        }
        var omitted: [MappingEntry] = []
        for entry in document.entries(root) {
            switch document.keyText(entry.key) {
            case "report": omitted.append(entry)
            case "pack": omitted += entries(of: entry.value, named: "example_plan")
            case "rules" where document.kind(entry.value) == .sequence:
                for rule in document.items(entry.value) { omitted += entries(of: rule, named: "examples") }
            default: break
            }
        }
        return omitted
    }

    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let output = arguments.first else { fail("usage: RulePackSnapshotter OUTPUT.swift PACK.yaml...") }
        var source = """
            // Generated from the rule packs in Rules/ each time the package is built.

            extension RulePacks {
                /// The parsed form of the pack in `file` (a YAML snapshot), if it parses cleanly:
                /// `complete`, or without what checking plans never reads.
                static func snapshot(_ file: String, complete: Bool) -> StaticString? {
                    switch (file, complete) {

            """
        for path in arguments.dropFirst() {
            guard let bytes = readFile(path) else { fail("cannot read \(path)") }
            let name = YAMLSnapshot.swiftLiteralBody(path.split(separator: "/").last.map(String.init) ?? path)
            guard let complete = YAMLSnapshot.encode(YAMLParser.parse(bytes), source: bytes) else { continue }
            // The engine's own rules are only ever read in full (`explain` shows their examples).
            if name != "core.yaml", let forChecks = YAMLSnapshot.encode(bytes, leavingOut: unreadByChecks) {
                source += "        case (\"\(name)\", false): return \"\(YAMLSnapshot.swiftLiteralBody(forChecks))\"\n"
            }
            source += "        case (\"\(name)\", _): return \"\(YAMLSnapshot.swiftLiteralBody(complete))\"\n"
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
