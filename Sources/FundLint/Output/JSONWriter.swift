/// A small JSON writer: appends values to a string, escaping the way RFC 8259 asks, plus
/// `\u` escapes for DEL, C1 controls, line separators and bidi overrides so JSON printed to
/// a terminal is safe too. Does not escape `/`.
public struct JSONWriter: Sendable {
    /// The text written so far.
    public private(set) var output = ""

    /// An empty writer.
    public init() {}

    /// Appends raw JSON text (punctuation, pre-formatted numbers).
    public mutating func raw(_ text: String) { output += text }

    /// Appends a JSON string literal.
    public mutating func string(_ value: String) {
        Self.appendQuoted(value, to: &output)
    }

    /// Appends `"key":` (the key is escaped).
    public mutating func key(_ name: String) {
        Self.appendQuoted(name, to: &output)
        output += ":"
    }

    /// Appends an integer.
    public mutating func int<T: BinaryInteger>(_ value: T) { output += String(value) }

    /// Appends `true` or `false`.
    public mutating func bool(_ value: Bool) { output += value ? "true" : "false" }

    /// A JSON string literal for `value`.
    public static func quoted(_ value: String) -> String {
        var result = ""
        appendQuoted(value, to: &result)
        return result
    }

    /// Appends the JSON string literal for `value` to `result`.
    static func appendQuoted(_ value: String, to result: inout String) {
        // Printable ASCII other than `"` and `\` is written as it is: the usual case.
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
            result += "\""
            result += value
            result += "\""
            return
        }
        result += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if TextEscaper.isUnsafe(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        result += "\""
    }
}
