/// A small JSON writer: appends values as UTF-8 bytes, escaping the way RFC 8259 asks, plus
/// `\u` escapes for DEL, C1 controls, line separators and bidi overrides so JSON printed to
/// a terminal is safe too. Does not escape `/`.
public struct JSONWriter: Sendable {
    private var bytes: [UInt8] = []

    /// The text written so far.
    public var output: String { String(decoding: bytes, as: UTF8.self) }

    /// An empty writer.
    public init() {}

    /// Forgets the text written, keeping its room: one writer serves one line after another.
    public mutating func clear() { bytes.removeAll(keepingCapacity: true) }

    /// Calls `body` with the UTF-8 written so far, in place.
    public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try bytes.withUnsafeBufferPointer(body)
    }

    /// Appends raw JSON text written in the code (punctuation, constant parts), copied
    /// from the binary's own bytes.
    public mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends raw JSON text made at run time (a number already formatted).
    public mutating func raw(formatted text: String) { bytes.append(contentsOf: text.utf8) }

    /// Appends a JSON string literal.
    public mutating func string(_ value: String) {
        Self.appendQuoted(value, to: &bytes)
    }

    /// Appends `"key":` (the key is escaped).
    public mutating func key(_ name: String) {
        Self.appendQuoted(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Appends an integer.
    public mutating func int<T: BinaryInteger>(_ value: T) {
        if let small = Int(exactly: value) {
            Self.appendDigits(small, to: &bytes)
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
    }

    /// Appends `true` or `false`.
    public mutating func bool(_ value: Bool) { raw(value ? "true" : "false") }

    /// A JSON string literal for `value`.
    public static func quoted(_ value: String) -> String {
        var result: [UInt8] = []
        appendQuoted(value, to: &result)
        return String(decoding: result, as: UTF8.self)
    }

    private static func appendDigits(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    /// Appends the JSON string literal for `value` to `result`.
    private static func appendQuoted(_ value: String, to result: inout [UInt8]) {
        var value = value
        result.append(UInt8(ascii: "\""))
        let plain = value.withUTF8 { text in
            // Printable ASCII other than `"` and `\` is written as it is: the usual case.
            guard text.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) else { return false }
            result.append(contentsOf: text)
            return true
        }
        if !plain {
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": result.append(contentsOf: "\\\"".utf8)
                case "\\": result.append(contentsOf: "\\\\".utf8)
                case "\n": result.append(contentsOf: "\\n".utf8)
                case "\r": result.append(contentsOf: "\\r".utf8)
                case "\t": result.append(contentsOf: "\\t".utf8)
                default:
                    if TextEscaper.isUnsafe(scalar) {
                        let hex = String(scalar.value, radix: 16)
                        result.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).utf8)
                    } else {
                        UTF8.encode(scalar) { result.append($0) }
                    }
                }
            }
        }
        result.append(UInt8(ascii: "\""))
    }
}
