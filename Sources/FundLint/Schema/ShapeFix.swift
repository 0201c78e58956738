import YAMLTree

/// Fixes for a value written in the wrong shape, the ways applicants write one:
///
/// - where a list of mappings is wanted, one item without its dash (`partners:` with `name:`
///   and `type:` below it), which becomes the list's one item; or items written as the keys
///   of a mapping (`staff: 1_200_000` under `items:`, a year and its amount under `profile:`),
///   where an item has two required keys and every key and value written fits them: each
///   becomes an item, `- {category: staff, amount: 1_200_000}`;
/// - where a mapping is wanted, a list of one such mapping, which loses its dash; or one value
///   that fits the mapping's one key (`contact: bids@example.org`), which becomes its mapping;
/// - a whole plan written under a key of its own (`application:`), which comes out from under it;
/// - a key that can have one value only (`fund`), missing or left empty, which is written in.
///
/// Each keeps the plan's own text (values as written, comments, line breaks). Made only when a
/// plan fails its schema there, from the file's bytes.
struct ShapeFix {
    private let document: YAMLDocument
    private let source: [UInt8]
    private let lines: [Range<Int>]

    init(document: YAMLDocument, source: [UInt8]) {
        self.document = document
        self.source = source
        lines = ByteLocator.lineRanges(in: source)
    }

    /// The fix for `node`, a mapping where a list of `items` is wanted, if it has either shape.
    func listFix(_ node: NodeID, items: SchemaNode) -> Diagnostic.Fix? {
        guard document.kind(node) == .mapping, items.kind == .object, document.tag(node) == nil, document.anchor(node) == nil,
              !lines.isEmpty
        else { return nil }
        let entries = Array(document.entries(node))
        guard !entries.isEmpty, entries.allSatisfy({ $0.mergedVia == nil && document.kind($0.key) == .scalar }) else { return nil }
        return itemWithoutDash(node, entries, items: items) ?? itemsAsEntries(node, entries, items: items)
    }

    /// The fix for `node`, written where a mapping of `schema` is wanted, if it is a list of
    /// one mapping whose keys are all the schema's (`lead:` then `- name: ...`): the mapping
    /// itself, its dash taken out. Or one value that fits the schema's one key
    /// (`contact: bids@example.org`): that key's mapping, `{email: bids@example.org}`.
    func mappingFix(_ node: NodeID, schema: SchemaNode) -> Diagnostic.Fix? {
        guard schema.kind == .object, document.tag(node) == nil, document.anchor(node) == nil, !lines.isEmpty else { return nil }
        switch document.kind(node) {
        case .sequence:
            return itemAsTheMapping(node, schema: schema)
        case .scalar:
            let keys = schema.properties.count == 1 ? [schema.properties[0].name] : schema.required
            guard keys.count == 1, let key = schema.property(keys[0]), key.kind != .object, key.kind != .list,
                  fits(node, key), document.range(node).start.line == document.range(node).end.line,
                  let text = text(of: document.range(node)), !text.isEmpty
            else { return nil }
            return Diagnostic.Fix(range: document.range(node), replacement: "{\(keys[0]): \(text)}", safe: true,
                                  message: "write it as the mapping of its one key: {\(keys[0]): \(text)}")
        default:
            return nil
        }
    }

    // MARK: the shapes

    private func itemWithoutDash(_ node: NodeID, _ entries: [MappingEntry], items: SchemaNode) -> Diagnostic.Fix? {
        guard entries.allSatisfy({ document.keyText($0.key).flatMap(items.property) != nil }),
              let first = document.keyText(entries[0].key)
        else { return nil }
        if document.isFlow(node) {
            guard let text = text(of: document.range(node)) else { return nil }
            return Diagnostic.Fix(range: document.range(node), replacement: "[\(text)]", safe: true,
                                  message: "make it the list's one item: put it in [ ]")
        }
        // The lines the mapping is written on, each indented two more under a dash before its
        // first key (the lines below keep their places relative to it: block scalars too).
        let start = document.range(entries[0].key).start
        guard let span = blockSpan(from: start, through: entries) else { return nil }
        var out: [UInt8] = Array("- ".utf8)
        var cursor = span.startOffset
        for line in stride(from: span.startLine + 1, through: span.endLine, by: 1) {
            let bytes = lines[line - 1]
            out += source[cursor..<bytes.lowerBound]
            if bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) { out += Array("  ".utf8) }
            cursor = bytes.lowerBound
        }
        out += source[cursor..<lines[span.endLine - 1].upperBound]
        return Diagnostic.Fix(range: span.range, replacement: String(decoding: out, as: UTF8.self), safe: true,
                              message: "make it the list's one item: put '- ' before '\(TextEscaper.escape(first))' and indent its other lines two more spaces")
    }

    private func itemsAsEntries(_ node: NodeID, _ entries: [MappingEntry], items: SchemaNode) -> Diagnostic.Fix? {
        guard items.required.count == 2, let keySchema = items.property(items.required[0]),
              let valueSchema = items.property(items.required[1])
        else { return nil }
        // Each pair on one line of its own, its key and value written as scalars that fit.
        var written: [(key: SourceRange, value: SourceRange, text: String)] = []
        for entry in entries {
            let key = document.range(entry.key), value = document.range(entry.value)
            guard document.kind(entry.value) == .scalar, document.tag(entry.key) == nil, document.tag(entry.value) == nil,
                  document.anchor(entry.key) == nil, document.anchor(entry.value) == nil,
                  key.start.line == value.end.line, fits(entry.key, keySchema), fits(entry.value, valueSchema),
                  let keyText = text(of: key), let valueText = text(of: value), !valueText.isEmpty
            else { return nil }
            if let last = written.last, !document.isFlow(node), last.value.end.line >= key.start.line { return nil }
            written.append((key, value, "{\(items.required[0]): \(keyText), \(items.required[1]): \(valueText)}"))
        }
        let example = "- \(written[0].text)"
        // A key written twice counts once in the mapping but twice in the list: which was
        // meant is the author's to say, so that rewrite is offered, never applied unasked.
        let keys = entries.compactMap { document.keyText($0.key) }
        let safe = Set(keys).count == keys.count
        let message = "write each as an item of the list: \(example)" + (safe ? "" : " (a key written twice becomes two items)")
        if document.isFlow(node) {
            let range = document.range(node)
            guard range.start.line == range.end.line else { return nil }
            return Diagnostic.Fix(range: range, replacement: "[" + written.map(\.text).joined(separator: ", ") + "]",
                                  safe: safe, message: message)
        }
        guard let span = blockSpan(from: written[0].key.start, through: entries) else { return nil }
        // Each pair's text is rewritten in place; what is around it (indentation, comments,
        // blank lines, line breaks) is kept.
        var out: [UInt8] = []
        var cursor = span.startOffset
        for pair in written {
            guard let from = offset(of: pair.key.start), let to = offset(of: pair.value.end), from >= cursor, to >= from
            else { return nil }
            out += source[cursor..<from]
            out += Array("- \(pair.text)".utf8)
            cursor = to
        }
        guard cursor <= lines[span.endLine - 1].upperBound else { return nil }
        out += source[cursor..<lines[span.endLine - 1].upperBound]
        return Diagnostic.Fix(range: span.range, replacement: String(decoding: out, as: UTF8.self), safe: safe, message: message)
    }

    private func itemAsTheMapping(_ node: NodeID, schema: SchemaNode) -> Diagnostic.Fix? {
        guard document.childCount(node) == 1 else { return nil }
        let item = document.item(node, at: 0)
        guard document.kind(item) == .mapping, document.tag(item) == nil, document.anchor(item) == nil else { return nil }
        let entries = Array(document.entries(item))
        guard !entries.isEmpty,
              entries.allSatisfy({ $0.mergedVia == nil && document.keyText($0.key).flatMap(schema.property) != nil })
        else { return nil }
        if document.isFlow(node) {
            guard document.isFlow(item), let text = text(of: document.range(item)) else { return nil }
            return Diagnostic.Fix(range: document.range(node), replacement: text, safe: true,
                                  message: "write it as the mapping itself: take it out of [ ]")
        }
        // The dash, then the first key on its line: the key takes the dash's place, and the
        // lines below move left as far (comments less indented than that stay).
        let dash = document.range(node).start
        let key = document.range(entries[0].key).start
        guard key.line == dash.line, key.column > dash.column, let span = blockSpan(from: dash, through: entries),
              let keyOffset = offset(of: key)
        else { return nil }
        let shift = key.column - dash.column
        guard let below = shiftedLeft(from: span.startLine + 1, through: span.endLine, by: shift) else { return nil }
        let out = Array(source[keyOffset..<lines[span.startLine - 1].upperBound]) + below
        return Diagnostic.Fix(range: span.range, replacement: String(decoding: out, as: UTF8.self), safe: true,
                              message: "write it as the mapping itself: take out the '-' and move its other lines \(shift) spaces left")
    }

    /// The fix for a plan written under the key `entry` of the document's root, the root's one
    /// key: the key's line taken out, and the plan's lines moved left to the margin (comments
    /// less indented stay). Offered, never applied unasked: it takes out a line of the file.
    func unwrapFix(_ entry: MappingEntry) -> Diagnostic.Fix? {
        guard !lines.isEmpty, document.kind(entry.value) == .mapping, !document.isFlow(entry.value),
              document.tag(entry.value) == nil, document.anchor(entry.value) == nil
        else { return nil }
        let key = document.range(entry.key).start
        let entries = Array(document.entries(entry.value))
        guard key.column == 1, let first = entries.first, document.range(first.key).start.line > key.line,
              let span = blockSpan(from: document.range(first.key).start, through: entries)
        else { return nil }
        let shift = span.range.start.column - 1
        guard shift > 0, let moved = shiftedLeft(from: key.line + 1, through: span.endLine, by: shift) else { return nil }
        // The bytes from the key's line's start are replaced by those from the next line's.
        let text = moved.drop { $0 == 0x0A || $0 == 0x0D }
        let start = SourceLocation(line: key.line, column: 1)
        return Diagnostic.Fix(range: SourceRange(start: start, end: span.range.end), replacement: String(decoding: text, as: UTF8.self),
                              safe: false, message: "take out '\(TextEscaper.escape(document.keyText(entry.key) ?? ""))' and move the plan's lines \(shift) spaces left")
    }

    /// `key: value` written above the first key of the block mapping `mapping`, at its
    /// indentation, the new line ending as that key's does. `nil` for a flow mapping, one whose
    /// first key does not begin its line's content (after indentation and a list's dashes), or
    /// a key or value that would need quotes.
    func keyAbove(_ key: String, value: String, in mapping: NodeID) -> Diagnostic.Fix? {
        guard Self.isPlainWord(key), Self.isPlainWord(value), !document.isFlow(mapping),
              let first = document.entries(mapping).first, document.kind(first.key) == .scalar
        else { return nil }
        let start = document.range(first.key).start
        guard start == document.range(mapping).start, let keyOffset = offset(of: start),
              source[lines[start.line - 1].lowerBound..<keyOffset].allSatisfy({ $0 == 0x20 || $0 == UInt8(ascii: "-") })
        else { return nil }
        let lineBreak = ByteLocator.lineBreak(after: lines[start.line - 1], in: source)
        return Diagnostic.Fix(range: SourceRange(at: start),
                              replacement: "\(key): \(value)" + String(decoding: lineBreak.isEmpty ? [0x0A] : lineBreak, as: UTF8.self)
                                  + String(repeating: " ", count: start.column - 1),
                              safe: true, message: "add '\(key): \(value)'")
    }

    /// `value` for the key of `entry` left empty: after the colon that follows the key on its
    /// line, or in place of a `~` or `null`. `nil` for a value that would need quotes.
    func valueAfter(_ entry: MappingEntry, value: String) -> Diagnostic.Fix? {
        guard Self.isPlainWord(value), document.kind(entry.value) == .scalar, document.kind(entry.key) == .scalar else { return nil }
        let valueRange = document.range(entry.value)
        if valueRange.start != valueRange.end {
            return Diagnostic.Fix(range: valueRange, replacement: value, safe: true, message: "write it as \(value)")
        }
        let keyEnd = document.range(entry.key).end
        guard let offset = offset(of: keyEnd),
              let colon = source[offset..<lines[keyEnd.line - 1].upperBound].firstIndex(where: { $0 != 0x20 }),
              source[colon] == UInt8(ascii: ":")
        else { return nil }
        let at = SourceLocation(line: keyEnd.line, column: keyEnd.column + (colon - offset) + 1)
        return Diagnostic.Fix(range: SourceRange(at: at), replacement: " " + value, safe: true, message: "write it as \(value)")
    }

    /// The bytes of lines `first` through `last` (1-based, each with the line break before it),
    /// each moved `shift` spaces left; a blank line, or a comment indented less, is kept as it
    /// is. `nil` when a line with content is indented less.
    private func shiftedLeft(from first: Int, through last: Int, by shift: Int) -> [UInt8]? {
        guard first >= 2, last <= lines.count else { return nil }
        var out: [UInt8] = []
        for line in stride(from: first, through: last, by: 1) {
            let bytes = lines[line - 1]
            out += source[lines[line - 2].upperBound..<bytes.lowerBound]
            let spaces = source[bytes].prefix { $0 == 0x20 }.count
            let rest = source[bytes].dropFirst(spaces)
            if rest.isEmpty || spaces < shift && rest.first == UInt8(ascii: "#") {
                out += source[bytes]
            } else if spaces >= shift {
                out += source[bytes].dropFirst(shift)
            } else {
                return nil
            }
        }
        return out
    }

    // MARK: text

    /// Whether the scalar `node` types as `schema` asks.
    private func fits(_ node: NodeID, _ schema: SchemaNode) -> Bool {
        let plain = document.isPlainScalar(node)
        let typed = document.withScalarUTF8(node) { utf8 in
            ScalarTyping.check(utf8: utf8, plain: plain, schema: schema) { String(decoding: utf8, as: UTF8.self) }
        }
        if case .success = typed { return true }
        return false
    }

    /// The lines of a block mapping whose first key starts at `start`, from that key to the
    /// end of the line its last value ends on; `nil` unless only spaces come before the key.
    private func blockSpan(from start: SourceLocation, through entries: [MappingEntry])
        -> (range: SourceRange, startLine: Int, endLine: Int, startOffset: Int)? {
        guard let startOffset = offset(of: start),
              source[lines[start.line - 1].lowerBound..<startOffset].allSatisfy({ $0 == 0x20 }),
              let last = entries.last
        else { return nil }
        let end = document.range(last.value).end
        // A block scalar ends at the start of the line after it.
        let endLine = end.column == 1 && end.line > start.line ? end.line - 1 : end.line
        guard endLine >= start.line, endLine <= lines.count else { return nil }
        let lastLine = source[lines[endLine - 1]]
        let endColumn = String(decoding: lastLine, as: UTF8.self).unicodeScalars.count + 1
        return (SourceRange(start: start, end: SourceLocation(line: endLine, column: endColumn)), start.line, endLine, startOffset)
    }

    /// Whether `text` reads as itself written plain in YAML, as a key or a value: a letter,
    /// then letters, digits, `-`, `_` and `.`, and none of YAML's words for booleans and null.
    private static func isPlainWord(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic,
              text.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) })
        else { return false }
        return !["true", "false", "null", "yes", "no", "on", "off", "y", "n"].contains(text.lowercased())
    }

    /// The byte offset of `location`, if it is within the file's lines.
    private func offset(of location: SourceLocation) -> Int? {
        guard location.line >= 1, location.line <= lines.count else { return nil }
        return ByteLocator.offset(ofColumn: location.column, in: source[lines[location.line - 1]])
    }

    /// The text written at `range` (on one line, or across lines).
    private func text(of range: SourceRange) -> String? {
        guard let from = offset(of: range.start), let to = offset(of: range.end), from <= to else { return nil }
        return String(decoding: source[from..<to], as: UTF8.self)
    }
}
