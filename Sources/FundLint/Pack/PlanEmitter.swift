import YAMLTree

/// Writes pack data (the example plan, optionally with a rule example's patch merged in)
/// as block-style YAML: what `explain` shows and what rule examples check.
struct PlanEmitter {
    private indirect enum Node {
        case scalar(String, plain: Bool)
        case list([Node])
        case map([(String, Node)])
    }

    let document: YAMLDocument

    /// The YAML text of `baseText` with `patchText` merged in (both YAML mappings).
    static func merging(baseText: String, patchText: String) -> String {
        let base = YAMLParser.parse(Array(baseText.utf8)).documents.first
        let patch = YAMLParser.parse(Array(patchText.utf8)).documents.first
        guard let base, let baseRoot = base.root else { return patchText }
        var tree = PlanEmitter(document: base).build(baseRoot)
        if let patch, let patchRoot = patch.root {
            tree = PlanEmitter(document: base).merge(tree, PlanEmitter(document: patch).build(patchRoot))
        }
        var out = ""
        PlanEmitter(document: base).write(tree, indent: 0, into: &out)
        return out
    }

    /// The YAML text of `base` with `patch` merged in: mappings merge key by key, a `~`
    /// value removes the key, anything else replaces.
    func emit(base: NodeID?, patch: NodeID?) -> String {
        var tree: Node = base.map { build($0) } ?? .map([])
        if let patch { tree = merge(tree, build(patch)) }
        var out = ""
        write(tree, indent: 0, into: &out)
        return out
    }

    /// The YAML text of `node` alone.
    func emit(_ node: NodeID) -> String {
        var out = ""
        write(build(node), indent: 0, into: &out)
        return out
    }

    private func build(_ node: NodeID) -> Node {
        let resolved = document.resolve(node)
        switch document.kind(resolved) {
        case .mapping:
            return .map(document.effectiveEntries(resolved).map { (document.keyText($0.key) ?? "", build($0.value)) })
        case .sequence:
            return .list(document.items(resolved).map(build))
        default:
            let text = document.scalar(resolved) ?? ""
            let plain = document.scalarStyle(resolved) == .plain
            return .scalar(text, plain: plain)
        }
    }

    private func isNull(_ node: Node) -> Bool {
        if case .scalar(let text, true) = node { return text == "~" || text == "null" || text.isEmpty }
        return false
    }

    private func merge(_ base: Node, _ patch: Node) -> Node {
        guard case .map(var entries) = base, case .map(let changes) = patch else { return patch }
        for (key, change) in changes {
            if let index = entries.firstIndex(where: { $0.0 == key }) {
                if isNull(change) {
                    entries.remove(at: index)
                } else {
                    entries[index].1 = merge(entries[index].1, change)
                }
            } else if !isNull(change) {
                entries.append((key, change))
            }
        }
        return .map(entries)
    }

    private func write(_ node: Node, indent: Int, into out: inout String, inline: Bool = false) {
        let pad = String(repeating: " ", count: indent)
        switch node {
        case .scalar(let text, let plain):
            out += Self.scalar(text, plain: plain) + "\n"
        case .map(let entries):
            if entries.isEmpty { out += "{}\n"; return }
            for (offset, (key, value)) in entries.enumerated() {
                if !(inline && offset == 0) { out += pad }
                out += Self.scalar(key, plain: true) + ":"
                switch value {
                case .scalar:
                    out += " "
                    write(value, indent: indent + 2, into: &out)
                case .map(let inner) where inner.isEmpty:
                    out += " {}\n"
                case .list(let inner) where inner.isEmpty:
                    out += " []\n"
                case .list:
                    out += "\n"
                    write(value, indent: indent + 2, into: &out)
                case .map:
                    out += "\n"
                    write(value, indent: indent + 2, into: &out)
                }
            }
        case .list(let items):
            if items.isEmpty { out += "[]\n"; return }
            for item in items {
                out += pad + "- "
                switch item {
                case .map(let inner) where !inner.isEmpty:
                    write(item, indent: indent + 2, into: &out, inline: true)
                case .list(let inner) where !inner.isEmpty:
                    out += "\n"
                    write(item, indent: indent + 2, into: &out)
                default:
                    write(item, indent: indent + 2, into: &out)
                }
            }
        }
    }

    /// A scalar as plain text when that reads back the same, else double-quoted.
    static func scalar(_ text: String, plain: Bool) -> String {
        let risky = text.isEmpty || text.contains(": ") || text.contains(" #") || text.hasSuffix(":") || text.hasPrefix(" ")
            || text.hasSuffix(" ") || text.contains("\n")
            || "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(text.unicodeScalars.first ?? " ")
            || text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
        if plain && !risky { return text }
        if plain && text.hasPrefix("-") && IntegerText.isInteger(text) { return text }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    quoted += "\\x" + (hex.count < 2 ? "0" + hex : hex)
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }
}
