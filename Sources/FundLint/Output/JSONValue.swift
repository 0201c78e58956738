/// A JSON value with ordered object keys, for documents written whole (the JSON Schema
/// export) rather than streamed.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int128)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.rendered(indent: nil) == rhs.rendered(indent: nil)
    }

    /// The JSON text, pretty-printed with two spaces per level (or compact with `nil`).
    public func rendered(indent: Int? = 0) -> String {
        var out = ""
        write(to: &out, level: indent)
        if indent != nil { out += "\n" }
        return out
    }

    private func write(to out: inout String, level: Int?) {
        let newline = level.map { "\n" + String(repeating: "  ", count: $0 + 1) } ?? ""
        let closing = level.map { "\n" + String(repeating: "  ", count: $0) } ?? ""
        let next = level.map { $0 + 1 }
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .string(let value): out += JSONWriter.quoted(value)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (index, item) in items.enumerated() {
                out += (index == 0 ? "" : ",") + newline
                item.write(to: &out, level: next)
            }
            out += closing + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                out += (index == 0 ? "" : ",") + newline + JSONWriter.quoted(key) + (level == nil ? ":" : ": ")
                value.write(to: &out, level: next)
            }
            out += closing + "}"
        }
    }
}
