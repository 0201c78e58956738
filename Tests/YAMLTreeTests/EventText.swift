@testable import YAMLTree

/// The yaml-test-suite's `test.event` notation, with style details dropped: scalar style,
/// flow/block markers and explicit document markers are ignored.
enum EventText {
    static func escape(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\u{8}": out += "\\b"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Normalises one line of a `test.event` file.
    static func normalize(_ line: String) -> String {
        var rest = Substring(line)
        let head = String(rest.prefix(4))
        rest = rest.dropFirst(4)
        if head == "+DOC" || head == "-DOC" { return head }
        var parts = [head]
        while rest.hasPrefix(" ") {
            rest = rest.dropFirst()
            if rest.hasPrefix("{}") || rest.hasPrefix("[]") {
                rest = rest.dropFirst(2)
            } else if rest.hasPrefix("&") || rest.hasPrefix("<") || rest.hasPrefix("*") {
                let end = rest.firstIndex(of: " ") ?? rest.endIndex
                parts.append(String(rest[..<end]))
                rest = rest[end...]
            } else {
                // A scalar: one style character, then the value.
                parts.append(":" + rest.dropFirst())
                rest = ""
            }
        }
        return parts.joined(separator: " ")
    }

    /// The events of a whole stream rendered from built trees, walking iteratively.
    static func render(_ stream: YAMLStream) -> [String] {
        var events = ["+STR"]
        for document in stream.documents {
            events.append("+DOC")
            if let root = document.root {
                var work: [(NodeID, Bool)] = [(root, false)]
                while let (node, closing) = work.popLast() {
                    let kind = document.kind(node)
                    if closing {
                        events.append(kind == .mapping ? "-MAP" : "-SEQ")
                        continue
                    }
                    let props = (document.anchor(node).map { " &\($0)" } ?? "") + (document.tag(node).map { " <\($0)>" } ?? "")
                    switch kind {
                    case .scalar:
                        events.append("=VAL" + props + " :" + escape(document.scalar(node) ?? ""))
                    case .alias:
                        events.append("=ALI *" + (document.anchor(node) ?? ""))
                    case .sequence:
                        events.append("+SEQ" + props)
                        work.append((node, true))
                        for item in document.items(node).reversed() { work.append((item, false)) }
                    case .mapping:
                        events.append("+MAP" + props)
                        work.append((node, true))
                        for entry in document.entries(node).reversed() {
                            work.append((entry.value, false))
                            work.append((entry.key, false))
                        }
                    }
                }
            }
            events.append("-DOC")
        }
        events.append("-STR")
        return events
    }
}
