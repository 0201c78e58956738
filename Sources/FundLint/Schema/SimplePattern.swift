/// A fast matcher for the patterns packs usually write: anchors and a sequence of quantified
/// ASCII character classes (`^[A-Z0-9][A-Z0-9-]{2,31}$`, `^[^@\s]+@[^@\s]+\.[^@\s]+$`).
///
/// It answers only for text of printable ASCII and tabs, where characters, scalars and bytes
/// are the same thing and no line break can meet an anchor; for any other text, and for any
/// pattern outside this shape (groups, alternation, lazy quantifiers, ...), the pack's
/// compiled `Regex` decides. Matching runs in time linear in the text for each element, with
/// no backtracking.
struct SimplePattern: Sendable {
    /// One element: a set of ASCII bytes, repeated `minimum...maximum` times.
    struct Element: Sendable {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var minimum = 1
        var maximum = 1

        func contains(_ byte: UInt8) -> Bool {
            byte < 64 ? low & (1 << UInt64(byte)) != 0 : byte < 128 && high & (1 << UInt64(byte - 64)) != 0
        }

        mutating func insert(_ byte: UInt8) {
            if byte < 64 { low |= 1 << UInt64(byte) } else if byte < 128 { high |= 1 << UInt64(byte - 64) }
        }

        mutating func insert(_ range: ClosedRange<UInt8>) {
            for byte in range { insert(byte) }
        }

        mutating func invert() {
            low = ~low
            high = ~high
        }
    }

    let elements: [Element]
    let anchoredStart: Bool
    let anchoredEnd: Bool

    /// The longest pattern the fast path takes; longer ones go to `Regex`.
    private static let maxElements = 64
    /// The largest `{n,m}` bound the fast path takes.
    private static let maxBound = 10_000

    /// Compiles `source`; `nil` when it is not of the simple shape.
    init?(_ source: String) {
        var bytes = Array(source.utf8)
        guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        var start = false
        var end = false
        if bytes.first == UInt8(ascii: "^") { start = true; bytes.removeFirst() }
        if bytes.count >= 2, bytes.last == UInt8(ascii: "$"), bytes[bytes.count - 2] != UInt8(ascii: "\\") {
            end = true
            bytes.removeLast()
        }
        var elements: [Element] = []
        var index = 0
        while index < bytes.count {
            guard var element = Self.atom(bytes, &index) else { return nil }
            guard Self.quantifier(bytes, &index, into: &element) else { return nil }
            elements.append(element)
            if elements.count > Self.maxElements { return nil }
        }
        self.elements = elements
        anchoredStart = start
        anchoredEnd = end
    }

    // MARK: compiling

    private static func atom(_ bytes: [UInt8], _ index: inout Int) -> Element? {
        var element = Element()
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "."):
            element.insert(0x20...0x7E)
            element.insert(0x09)
        case UInt8(ascii: "\\"):
            guard index < bytes.count, addEscape(bytes[index], to: &element) else { return nil }
            index += 1
        case UInt8(ascii: "["):
            guard classBody(bytes, &index, into: &element) else { return nil }
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "|"), UInt8(ascii: "*"), UInt8(ascii: "+"),
             UInt8(ascii: "?"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "^"), UInt8(ascii: "$"),
             UInt8(ascii: "]"):
            return nil
        default:
            element.insert(byte)
        }
        return element
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// `\s`, `\d`, `\w` and their negations, or an escaped punctuation character.
    private static func addEscape(_ byte: UInt8, to element: inout Element) -> Bool {
        var set = Element()
        switch byte {
        case UInt8(ascii: "s"), UInt8(ascii: "S"):
            set.insert(0x20); set.insert(0x09); set.insert(0x0A); set.insert(0x0B); set.insert(0x0C); set.insert(0x0D)
        case UInt8(ascii: "d"), UInt8(ascii: "D"):
            set.insert(0x30...0x39)
        case UInt8(ascii: "w"), UInt8(ascii: "W"):
            set.insert(0x30...0x39); set.insert(0x41...0x5A); set.insert(0x61...0x7A); set.insert(0x5F)
        default:
            // Letters and digits after `\` mean something else (`\b`, `\1`, `\n`, ...).
            guard !isLetter(byte), !(byte >= 0x30 && byte <= 0x39) else { return false }
            set.insert(byte)
        }
        if byte == UInt8(ascii: "S") || byte == UInt8(ascii: "D") || byte == UInt8(ascii: "W") { set.invert() }
        element.low |= set.low
        element.high |= set.high
        return true
    }

    /// The inside of `[...]`, with `index` just past the `[`.
    private static func classBody(_ bytes: [UInt8], _ index: inout Int, into element: inout Element) -> Bool {
        var negated = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "^") { negated = true; index += 1 }
        var first = true
        while index < bytes.count {
            var byte = bytes[index]
            if byte == UInt8(ascii: "]"), !first {
                index += 1
                if negated { element.invert() }
                return true
            }
            let wasFirst = first
            first = false
            // Nested classes, set operations and POSIX classes are left to Regex.
            if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "~") || byte == UInt8(ascii: "]") {
                return false
            }
            index += 1
            if byte == UInt8(ascii: "\\") {
                guard index < bytes.count else { return false }
                let escaped = bytes[index]
                index += 1
                if "sSdDwW".utf8.contains(escaped) {
                    guard addEscape(escaped, to: &element) else { return false }
                    continue
                }
                guard !isLetter(escaped), !(escaped >= 0x30 && escaped <= 0x39) else { return false }
                byte = escaped
            } else if byte == UInt8(ascii: "-"), index < bytes.count, bytes[index] != UInt8(ascii: "]"), !wasFirst {
                // A `-` between two members is only valid as part of a range, handled below.
                return false
            }
            // A range `a-z`.
            if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "-"), bytes[index + 1] != UInt8(ascii: "]") {
                let upper = bytes[index + 1]
                guard upper != UInt8(ascii: "\\"), upper != UInt8(ascii: "["), upper >= byte else { return false }
                element.insert(byte...upper)
                index += 2
                continue
            }
            element.insert(byte)
        }
        return false
    }

    /// An optional `*`, `+`, `?`, `{n}`, `{n,}` or `{n,m}` after an atom.
    private static func quantifier(_ bytes: [UInt8], _ index: inout Int, into element: inout Element) -> Bool {
        guard index < bytes.count else { return true }
        switch bytes[index] {
        case UInt8(ascii: "*"): element.minimum = 0; element.maximum = Int.max; index += 1
        case UInt8(ascii: "+"): element.minimum = 1; element.maximum = Int.max; index += 1
        case UInt8(ascii: "?"): element.minimum = 0; element.maximum = 1; index += 1
        case UInt8(ascii: "{"):
            var cursor = index + 1
            guard let low = number(bytes, &cursor) else { return false }
            var high = low
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ",") {
                cursor += 1
                if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "}") {
                    high = Int.max
                } else {
                    guard let upper = number(bytes, &cursor), upper >= low else { return false }
                    high = upper
                }
            }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "}") else { return false }
            element.minimum = low
            element.maximum = high
            index = cursor + 1
        default:
            return true
        }
        // Lazy and possessive forms, and stacked quantifiers, are left to Regex.
        if index < bytes.count, "*+?{".utf8.contains(bytes[index]) { return false }
        return true
    }

    private static func number(_ bytes: [UInt8], _ index: inout Int) -> Int? {
        var value = 0
        let start = index
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            value = value * 10 + Int(bytes[index] - 0x30)
            if value > maxBound { return nil }
            index += 1
        }
        return index > start ? value : nil
    }

    // MARK: matching

    /// Whether `text` matches; `nil` when the text is not printable ASCII and tabs (then the
    /// caller asks `Regex`).
    func matches(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8(matches(utf8:))
    }

    /// Whether the text whose UTF-8 is `bytes` matches; `nil` as for ``matches(_:)``.
    func matches(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard bytes.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 }) else { return nil }
        return matches(bytes)
    }

    private func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        // Three rows of count + 1 in one temporary buffer (on the stack for short text):
        // reach[j]: the elements so far can match, ending at byte j; next: the same after
        // this element; run[j]: how many bytes from j on are in the element's set.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * (count + 1)) { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            var reach = base
            var next = base + (count + 1)
            let run = base + 2 * (count + 1)
            for index in 0...count { reach[index] = anchoredStart ? 0 : 1 }
            reach[0] = 1
            for element in elements {
                run[count] = 0
                var position = count - 1
                while position >= 0 {
                    run[position] = element.contains(bytes[position]) ? run[position + 1] + 1 : 0
                    position -= 1
                }
                for index in 0...count { next[index] = 0 }
                var marked = -1
                var any = false
                for start in 0...count where reach[start] != 0 && run[start] >= element.minimum {
                    let lowest = start + element.minimum
                    let highest = start + Swift.min(element.maximum, run[start])
                    var index = Swift.max(lowest, marked + 1)
                    while index <= highest {
                        next[index] = 1
                        index += 1
                    }
                    marked = Swift.max(marked, highest)
                    any = true
                }
                guard any else { return false }
                swap(&reach, &next)
            }
            if anchoredEnd { return reach[count] != 0 }
            for index in 0...count where reach[index] != 0 { return true }
            return false
        }
    }
}
