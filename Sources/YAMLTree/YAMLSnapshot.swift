/// A parsed YAML stream written as text, and read back without libyaml: YAML that ships
/// inside the binary (the built-in rule packs) is parsed when the binary is built, not on
/// every run.
///
/// The text is printable ASCII plus the UTF-8 of the scalars. Each number is written in a
/// few characters: zero or more of `' '...'?'` carry 5 bits each, then one of `'@'...DEL`
/// carries the last 6 (signed numbers zigzagged). A node is a flags number (kind, style,
/// whether it has a tag or anchor, whether it spans lines), its start line as a step from
/// the node before, its columns (the end one as a step from the start one when the node
/// is on one line), and only the fields its kind uses: a scalar's is the byte length of its
/// text, which follows the text of the scalar before it. The children array follows, each
/// entry as a step from the one before; then the scalars' text in one piece; then each
/// string as its UTF-8 byte count and its bytes. Steps keep most numbers to one character,
/// which is read without a loop.
/// It starts with the byte count and a hash of the YAML it was made from, so a
/// snapshot is only ever read back for exactly those bytes. Only clean streams are written:
/// one with a problem, an unfinished document, or merged or duplicate keys has no snapshot
/// and is parsed at run time.
public enum YAMLSnapshot {
    private static let magic = "yaml-snapshot-5 "

    /// The snapshot of `stream`, parsed from `source`, or `nil` when the stream is not clean.
    public static func encode(_ stream: YAMLStream, source: [UInt8]) -> String? {
        var out = Writer()
        out.bytes += magic.utf8
        out.number(source.count)
        out.number(hash(source))
        out.number(stream.documents.count)
        for document in stream.documents {
            guard document.problems.isEmpty, document.isComplete, document.resolvedEntries.isEmpty else { return nil }
            // The scalars' text in one piece, in node order, wherever the document keeps it.
            var scalarText: [UInt8] = []
            for index in document.nodes.indices {
                if let utf8 = document.scalarUTF8(NodeID(index)) { scalarText += utf8 }
            }
            for number in [document.start.line, document.start.column, Int(document.root?.index ?? -1),
                           document.nodes.count, document.children.count, scalarText.count, document.strings.count] {
                out.number(number)
            }
            var line = 0
            for (index, node) in document.nodes.enumerated() {
                let range = document.range(NodeID(index))
                let label = document.label(Int32(index))
                let multiLine = range.end.line != range.start.line
                guard node.style < 8 else { return nil }
                out.number(Int(node.kind.rawValue) | Int(node.style) << 2 | (label.tag >= 0 ? 32 : 0)
                           | (label.anchor >= 0 ? 64 : 0) | (multiLine ? 128 : 0))
                out.number(range.start.line - line)
                out.number(range.start.column)
                if multiLine {
                    out.number(range.end.line - range.start.line)
                    out.number(range.end.column)
                } else {
                    out.number(range.end.column - range.start.column)
                }
                line = range.start.line
                switch node.kind {
                case .scalar:
                    out.number(Int(node.count))
                case .alias: out.number(Int(node.first))
                case .sequence, .mapping:
                    out.number(Int(node.first))
                    out.number(Int(node.count))
                }
                if label.tag >= 0 { out.number(Int(label.tag)) }
                if label.anchor >= 0 { out.number(Int(label.anchor)) }
            }
            var previousChild: Int32 = 0
            for child in document.children {
                out.number(Int(child) - Int(previousChild))
                previousChild = child
            }
            out.bytes += scalarText
            for text in document.strings {
                out.number(text.utf8.count)
                out.bytes += text.utf8
            }
        }
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// The stream `snapshot` holds, if it is a snapshot of exactly `source`; `nil` for
    /// anything else (another version's format, other bytes, damage).
    public static func decode(_ snapshot: UnsafeBufferPointer<UInt8>, source: [UInt8]) -> YAMLStream? {
        let magicBytes = Array(magic.utf8)
        guard snapshot.count >= magicBytes.count, snapshot.prefix(magicBytes.count).elementsEqual(magicBytes) else { return nil }
        var reader = Reader(bytes: snapshot, position: magicBytes.count)
        guard reader.number() == source.count, reader.number() == hash(source) else { return nil }
        let documentCount = reader.number()
        var documents: [YAMLDocument] = []
        for _ in 0..<max(0, documentCount) {
            guard !reader.failed, let document = reader.document() else { return nil }
            documents.append(document)
        }
        return !reader.failed && reader.atEnd ? YAMLStream(documents: documents) : nil
    }

    /// `text` written as the body of a Swift string literal: the compiler turns it back
    /// into the same UTF-8 bytes.
    public static func swiftLiteralBody(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// FNV-1a over the bytes taken eight at a time (then the last few one by one), cut to
    /// 48 bits (15 digits): enough to tell a snapshot from one of other YAML, at an eighth of
    /// the steps of a byte-wise hash.
    static func hash(_ bytes: [UInt8]) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            for index in 0..<words {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self).littleEndian) &* 0x100_0000_01b3
            }
            for byte in raw[(words * 8)...] { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        return Int(hash & 0xFFFF_FFFF_FFFF)
    }

    private struct Writer {
        var bytes: [UInt8] = []

        mutating func number(_ value: Int) {
            var rest = UInt64(bitPattern: Int64(value)) << 1 ^ UInt64(bitPattern: Int64(value) >> 63)
            let last = UInt8(rest & 63)
            rest >>= 6
            var high: [UInt8] = []
            while rest > 0 {
                high.append(0x20 + UInt8(rest & 31))
                rest >>= 5
            }
            bytes += high.reversed()
            bytes.append(0x40 + last)
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position: Int
        /// Set once anything read is out of place; every later read returns 0.
        var failed = false

        var atEnd: Bool { position == bytes.count }

        /// A number as ``Writer`` writes it; 0 and `failed` when there is none.
        @inline(__always)
        mutating func number() -> Int {
            // Most numbers are one character: read those without the loop.
            if position < bytes.count, bytes[position] >= 0x40 {
                let value = UInt64(bytes[position] - 0x40)
                position += 1
                return Int(Int64(bitPattern: value >> 1 ^ (0 &- (value & 1))))
            }
            return longNumber()
        }

        /// A number of more than one character (see ``number()``).
        private mutating func longNumber() -> Int {
            var value: UInt64 = 0
            var at = position
            let end = min(bytes.count, at + 12)
            while at < end {
                let byte = bytes[at]
                at += 1
                if byte >= 0x40 {
                    position = at
                    value = value << 6 | UInt64(byte - 0x40)
                    return Int(Int64(bitPattern: value >> 1 ^ (0 &- (value & 1))))
                }
                guard byte >= 0x20 else { break }
                value = value << 5 | UInt64(byte - 0x20)
            }
            position = bytes.count
            failed = true
            return 0
        }

        /// A number that must lie in `low..<high`; `low` and `failed` when it does not.
        @inline(__always)
        mutating func number(from low: Int = 0, below high: Int) -> Int {
            let value = number()
            guard value >= low, value < high else {
                failed = true
                return low
            }
            return value
        }

        /// A string written as its byte count and its bytes.
        mutating func text() -> String {
            let length = number()
            guard !failed, length >= 0, length <= bytes.count - position else {
                failed = true
                return ""
            }
            defer { position += length }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<(position + length)]), as: UTF8.self)
        }

        mutating func document() -> YAMLDocument? {
            let limit = min(bytes.count, Int(Int32.max))
            let line = number(below: Int(Int32.max))
            let column = number(below: Int(Int32.max))
            let root = number(from: -1, below: limit)
            let nodeCount = number(below: limit)
            let childCount = number(below: limit)
            let scalarByteCount = number(below: limit)
            let stringCount = number(below: limit)
            guard !failed, root < nodeCount else { return nil }
            var document = YAMLDocument(start: SourceLocation(line: line, column: column))
            document.root = root < 0 ? nil : NodeID(root)
            document.isComplete = true
            document.nodes.reserveCapacity(nodeCount)
            var previousLine = 0
            var scalarEnd = 0
            let lineLimit = Int(Int32.max)
            for _ in 0..<nodeCount {
                let flags = number(below: 256)
                let kind = NodeKind(rawValue: UInt8(flags & 3)) ?? .scalar
                let startLine = previousLine + number(from: -previousLine, below: lineLimit - previousLine)
                let startColumn = number(below: lineLimit)
                let multiLine = flags & 128 != 0
                let endLine = startLine + (multiLine ? number(from: 1, below: lineLimit - startLine) : 0)
                let endColumn = multiLine ? number(below: lineLimit) : startColumn + number(below: lineLimit - startColumn)
                previousLine = startLine
                var first = 0
                var count = 0
                switch kind {
                case .scalar:
                    first = scalarEnd
                    count = number(below: scalarByteCount - scalarEnd + 1)
                    scalarEnd += count
                case .alias: first = number(below: limit)
                case .sequence, .mapping:
                    first = number(below: limit)
                    count = number(below: limit)
                }
                let tag = flags & 32 != 0 ? number(below: stringCount) : -1
                let anchor = flags & 64 != 0 ? number(below: stringCount) : -1
                guard !failed, Self.valid(kind: kind, first: first, count: count, nodes: nodeCount, children: childCount,
                                          scalarBytes: scalarByteCount)
                else { return nil }
                let range = SourceRange(start: SourceLocation(line: startLine, column: startColumn),
                                        end: SourceLocation(line: endLine, column: endColumn))
                let packed = PackedRange(range)
                document.append(NodeRecord(kind: kind, style: UInt8((flags >> 2) & 7), range: packed, first: Int32(first),
                                           count: Int32(count)), range: packed)
                if tag >= 0 || anchor >= 0 { document.label(Int32(document.nodes.count - 1), tag: Int32(tag), anchor: Int32(anchor)) }
            }
            document.children.reserveCapacity(childCount)
            var child = 0
            for _ in 0..<childCount {
                child += number(from: -child, below: nodeCount - child)
                document.children.append(Int32(child))
            }
            guard scalarEnd == scalarByteCount, scalarByteCount <= bytes.count - position else { return nil }
            document.scalarBytes = Array(bytes[position..<(position + scalarByteCount)])
            position += scalarByteCount
            for _ in 0..<stringCount { document.strings.append(text()) }
            return failed || !Self.acyclic(document) ? nil : document
        }

        /// Whether the nodes form a tree the way the parser builds one (children after their
        /// parent, aliases after the node they name), so no walk over them can loop.
        private static func acyclic(_ document: YAMLDocument) -> Bool {
            for (index, node) in document.nodes.enumerated() {
                switch node.kind {
                case .scalar: continue
                case .alias:
                    if Int(node.first) >= index || document.nodes[Int(node.first)].kind == .alias { return false }
                case .sequence, .mapping:
                    let first = Int(node.first)
                    if document.children[first..<(first + Int(node.count))].contains(where: { Int($0) <= index }) { return false }
                }
            }
            return true
        }

        /// Whether a node's `first` and `count` point inside the arrays they index.
        private static func valid(kind: NodeKind, first: Int, count: Int, nodes: Int, children: Int, scalarBytes: Int) -> Bool {
            switch kind {
            case .scalar: return first + count <= scalarBytes
            case .alias: return first < nodes
            case .sequence, .mapping: return first + count <= children && (kind == .sequence || count % 2 == 0)
            }
        }
    }
}
