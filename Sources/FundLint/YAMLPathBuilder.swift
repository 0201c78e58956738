import YAMLTree

/// Writes a YAML path (`budget.items[3]["odd key"]`) step by step as UTF-8 bytes, making a
/// string once at the end.
struct YAMLPathBuilder {
    private(set) var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(48)
    }

    /// A builder writing into `room` (left empty), an earlier builder's bytes given back
    /// with ``giveBack(to:)``: paths written one after another share one buffer.
    init(reusing room: inout [UInt8]) {
        swap(&bytes, &room)
        bytes.removeAll(keepingCapacity: true)
        bytes.reserveCapacity(48)
    }

    /// Hands the builder's bytes to `room` for the next builder; this one is left empty.
    mutating func giveBack(to room: inout [UInt8]) {
        swap(&bytes, &room)
    }

    /// The path written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends the step to the key whose UTF-8 is `key`: `.name` for plain identifiers (no
    /// dot at the start of a path), `["odd key"]` otherwise.
    mutating func appendKey<Key: Collection<UInt8>>(utf8 key: Key) {
        let plain = !key.isEmpty && key.allSatisfy {
            ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z"))
                || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        }
        if plain {
            if !bytes.isEmpty { bytes.append(UInt8(ascii: ".")) }
            bytes.append(contentsOf: key)
            return
        }
        bytes.append(contentsOf: #"[""#.utf8)
        // `"` and `\` are single bytes that never occur inside another character's UTF-8.
        for byte in key {
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { bytes.append(UInt8(ascii: "\\")) }
            bytes.append(byte)
        }
        bytes.append(contentsOf: #""]"#.utf8)
    }

    /// Appends the step to the key `key`.
    mutating func appendKey(_ key: String) {
        appendKey(utf8: key.utf8)
    }

    /// Appends the step to the key node `key` of `document` (`?` for a collection key).
    mutating func appendKey(_ key: NodeID, in document: YAMLDocument) {
        // Read in place: a slice of the document's text would retain and release it.
        if document.withKeyUTF8(key, { appendKey(utf8: $0) }) == nil { appendKey(utf8: "?".utf8) }
    }

    /// Appends the step to item `index`: `[3]`.
    mutating func appendIndex(_ index: Int) {
        bytes.append(UInt8(ascii: "["))
        bytes.append(contentsOf: String(index).utf8)
        bytes.append(UInt8(ascii: "]"))
    }
}
