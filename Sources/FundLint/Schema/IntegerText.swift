/// Hand-matched number formats (no regular expression per value).
enum IntegerText {
    /// Whether `text` is `-?[0-9]+(_[0-9]+)*`.
    static func isInteger(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(isInteger)
    }

    /// Whether `bytes` are `-?[0-9]+(_[0-9]+)*`.
    static func isInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var sawDigit = false
        var previousUnderscore = false
        for offset in bytes.indices {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "-") where offset == 0:
                continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
                previousUnderscore = false
            case UInt8(ascii: "_") where sawDigit && !previousUnderscore:
                previousUnderscore = true
            default:
                return false
            }
        }
        return sawDigit && !previousUnderscore
    }

    /// The value of an integer text (one ``isInteger(_:)-(String)`` accepts), or `nil` beyond
    /// 64 bits.
    static func parse(_ text: String) -> Int128? {
        var text = text
        return text.withUTF8(parse)
    }

    /// The value of integer text given as bytes (text ``isInteger(_:)-(UnsafeBufferPointer<UInt8>)``
    /// accepts), or `nil` beyond 64 bits.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Int128? {
        // Up to 18 characters (digits, sign, underscores) cannot leave 64 bits: no checks.
        if bytes.count <= 18 {
            var value: Int64 = 0
            for byte in bytes {
                let digit = byte &- UInt8(ascii: "0")
                if digit < 10 { value = value &* 10 &+ Int64(digit) }
            }
            return Int128(bytes.first == UInt8(ascii: "-") ? -value : value)
        }
        var value: Int64 = 0
        var negative = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: "_"): continue
            default:
                let digit = Int64(byte - UInt8(ascii: "0"))
                let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (next, overflow2) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
                if overflow1 || overflow2 { return nil }
                value = next
            }
        }
        return Int128(value)
    }

    /// Whether `bytes` are `YYYY-YY` with the second year following the first.
    static func isFinancialYear(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
              bytes.indices.allSatisfy({ $0 == 4 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[$0]) })
        else { return false }
        let first = bytes[0..<4].reduce(0) { $0 * 10 + Int($1 - 48) }
        let second = bytes[5..<7].reduce(0) { $0 * 10 + Int($1 - 48) }
        return (first + 1) % 100 == second
    }
}
