/// Makes text from a plan safe to print: control characters, ANSI escapes, line separators
/// and bidirectional overrides are shown as `\u{1B}` instead of being sent to the terminal.
public enum TextEscaper {
    /// Whether a scalar must not reach a terminal raw. Tab and line feed are allowed only
    /// where asked for.
    public static func isUnsafe(_ scalar: Unicode.Scalar, allowTab: Bool = false, allowNewline: Bool = false) -> Bool {
        switch scalar.value {
        case 0x09: !allowTab
        case 0x0A: !allowNewline
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
        default: false
        }
    }

    /// The visible form of an unsafe scalar: `\u{1B}`.
    public static func visible(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    /// `text` with every unsafe scalar replaced by its visible form.
    public static func escape(_ text: String, allowTab: Bool = false, allowNewline: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0, allowTab: allowTab, allowNewline: allowNewline) }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar, allowTab: allowTab, allowNewline: allowNewline) { result += visible(scalar) } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    /// `text` with each scalar found in `table` replaced by its entry (for the escaping rules
    /// of each output format: HTML, XML, workflow commands).
    public static func replacing(_ text: String, _ table: [Unicode.Scalar: String]) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if let replacement = table[scalar] { out += replacement } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
