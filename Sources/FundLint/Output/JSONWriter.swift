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
        output += Self.quoted(value)
    }

    /// Appends `"key":` (the key is escaped).
    public mutating func key(_ name: String) {
        output += Self.quoted(name)
        output += ":"
    }

    /// Appends an integer.
    public mutating func int<T: BinaryInteger>(_ value: T) { output += String(value) }

    /// Appends `true` or `false`.
    public mutating func bool(_ value: Bool) { output += value ? "true" : "false" }

    /// A JSON string literal for `value`.
    public static func quoted(_ value: String) -> String {
        var result = "\""
        result.unicodeScalars.reserveCapacity(value.utf8.count + 2)
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
        return result
    }
}
