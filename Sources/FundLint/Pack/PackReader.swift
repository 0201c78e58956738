import YAMLTree

/// Typed access to a pack's YAML with positioned `pack/invalid` (or `config/invalid`)
/// diagnostics for everything that is not what the format expects.
struct PackReader {
    let document: YAMLDocument
    let file: String
    let rule: String
    /// The file's bytes, decoded into lines only when an error inside a scalar needs a
    /// position.
    private let bytes: [UInt8]
    private var source: SourceText?
    private(set) var diagnostics: [Diagnostic] = []

    init(document: YAMLDocument, file: String, rule: String, bytes: [UInt8]) {
        self.document = document
        self.file = file
        self.rule = rule
        self.bytes = bytes
    }

    mutating func error(_ range: SourceRange, _ message: String) {
        diagnostics.append(Diagnostic(file: file, document: 0, range: range, severity: .error, rule: rule, message: message))
    }

    mutating func error(at node: NodeID, _ message: String) {
        error(document.range(node), message)
    }

    /// The entries of a mapping, keyed by text; reports keys outside `allowed` (when given).
    mutating func mapping(_ node: NodeID, what: String, allowed: [String]? = nil) -> [(key: String, keyNode: NodeID, value: NodeID)]? {
        let resolved = document.resolve(node)
        guard document.kind(resolved) == .mapping else {
            error(at: node, "\(what) must be a mapping")
            return nil
        }
        var result: [(key: String, keyNode: NodeID, value: NodeID)] = []
        for entry in document.effectiveEntries(resolved) {
            guard let key = document.keyText(entry.key) else {
                error(at: entry.key, "keys of \(what) must be text")
                continue
            }
            if let allowed, !allowed.contains(key) {
                let close = EditDistance.hint(key, among: allowed)
                let hint = close.isEmpty ? "; allowed: \(allowed.joined(separator: ", "))" : close
                error(at: entry.key, "\(what) has no key '\(key)'\(hint)")
                continue
            }
            result.append((key: key, keyNode: entry.key, value: entry.value))
        }
        return result
    }

    /// The scalar text of a node, or an error.
    mutating func string(_ node: NodeID, what: String) -> String? {
        let resolved = document.resolve(node)
        guard document.kind(resolved) == .scalar, let text = document.scalar(resolved) else {
            error(at: node, "\(what) must be text")
            return nil
        }
        return text
    }

    /// A list's items, or an error.
    mutating func list(_ node: NodeID, what: String) -> [NodeID]? {
        let resolved = document.resolve(node)
        guard document.kind(resolved) == .sequence else {
            error(at: node, "\(what) must be a list")
            return nil
        }
        return Array(document.items(resolved))
    }

    /// `true`/`false`, or an error.
    mutating func bool(_ node: NodeID, what: String) -> Bool? {
        switch document.scalar(document.resolve(node)) {
        case "true": return true
        case "false": return false
        default:
            error(at: node, "\(what) must be true or false")
            return nil
        }
    }

    /// Where scalar offset `offset` of the text of `node` lies in the pack file.
    mutating func location(of node: NodeID, offset: Int) -> SourceLocation {
        let resolved = document.resolve(node)
        let start = document.range(resolved).start
        let text = Array((document.scalar(resolved) ?? "").unicodeScalars)
        let style = document.scalarStyle(resolved) ?? .plain
        var line = 0
        var column = 0
        for scalar in text.prefix(max(0, offset)) {
            if scalar == "\n" { line += 1; column = 0 } else { column += 1 }
        }
        switch style {
        case .plain:
            return line == 0 ? SourceLocation(line: start.line, column: start.column + column) : lineStart(start.line + line, plus: column)
        case .singleQuoted, .doubleQuoted:
            return line == 0 ? SourceLocation(line: start.line, column: start.column + 1 + column) : lineStart(start.line + line, plus: column)
        case .literal, .folded:
            return lineStart(start.line + 1 + line, plus: column)
        }
    }

    private mutating func lineStart(_ line: Int, plus column: Int) -> SourceLocation {
        let text = source ?? SourceText(bytes)
        source = text
        let indent = text.line(line).prefix { $0 == " " }.count
        return SourceLocation(line: line, column: indent + 1 + column)
    }
}
