extension YAMLSnapshot {
    /// The snapshot of `source` parsed without the mapping entries `omitted` picks out of
    /// each document (built-in rule packs leave out what checking plans never reads), or
    /// `nil` when that cannot be made exactly.
    ///
    /// Each entry left out has its text, from its key to the end of its value, taken out
    /// with every line break kept (``blanking(_:_:lines:)``), and the result is parsed again:
    /// every node kept starts at the line and column it has in `source` (a mapping or list
    /// whose last entry is left out ends sooner, and a `|` or `>` block just before one ends
    /// later, over the lines emptied), so whatever points into the stream points into
    /// `source`. The snapshot is written only when the two parses agree on every node kept
    /// (kind, style, position, text, tag and anchor, in order), and it is tied to `source`'s
    /// own bytes like any other.
    public static func encode(_ source: [UInt8], leavingOut omitted: (YAMLDocument) -> [MappingEntry]) -> String? {
        let full = YAMLParser.parse(source)
        let lines = ByteLocator.lineRanges(in: source)
        var covered = [Bool](repeating: false, count: source.count)
        var kept: [[NodeID]] = []
        for document in full.documents {
            var dropped = [Bool](repeating: false, count: document.nodeCount)
            for entry in omitted(document) {
                guard let from = byteOffset(document.range(entry.key).start, lines: lines, in: source),
                      let to = byteOffset(document.range(entry.value).end, lines: lines, in: source), from <= to
                else { return nil }
                for index in from..<to { covered[index] = true }
                markSubtree(entry.key, in: document, &dropped)
                markSubtree(entry.value, in: document, &dropped)
            }
            kept.append(document.allNodes.filter { !dropped[Int($0.index)] })
        }
        let blanked = blanking(source, covered, lines: lines)
        let pruned = YAMLParser.parse(blanked)
        guard pruned.documents.count == full.documents.count else { return nil }
        for ((document, nodes), prunedDocument) in zip(zip(full.documents, kept), pruned.documents) {
            guard prunedDocument.nodeCount == nodes.count,
                  zip(nodes, prunedDocument.allNodes).allSatisfy({ same($0, in: document, as: $1, in: prunedDocument) })
            else { return nil }
        }
        return encode(pruned, source: source)
    }

    /// `source` with its `covered` bytes taken out, each line keeping its number and every
    /// character left its column: a line covered to its end loses the covered part (and the
    /// blanks before it, when nothing else is left), so no blank line stays that a `|` or
    /// `>` block before it would read as text; a line covered only in part has each covered
    /// character written as a space.
    private static func blanking(_ source: [UInt8], _ covered: [Bool], lines: [Range<Int>]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(source.count)
        var position = 0
        for line in lines {
            out += source[position..<line.lowerBound]  // a byte-order mark, or the line break before
            let firstCovered = line.firstIndex { covered[$0] } ?? line.upperBound
            if firstCovered < line.upperBound, line[firstCovered...].allSatisfy({ covered[$0] }) {
                let prefix = source[line.lowerBound..<firstCovered]
                if !prefix.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { out += prefix }
            } else {
                for index in line where !covered[index] || source[index] & 0xC0 != 0x80 {
                    out.append(covered[index] ? 0x20 : source[index])
                }
            }
            position = line.upperBound
        }
        out += source[position...]
        return out
    }

    /// The byte offset of `location` in `source` (`lines` as ``ByteLocator/lineRanges(in:)``
    /// gives them); the end of the text for the line past the last.
    private static func byteOffset(_ location: SourceLocation, lines: [Range<Int>], in source: [UInt8]) -> Int? {
        if location.line == lines.count + 1, location.column == 1 { return source.count }
        guard location.line >= 1, location.line <= lines.count else { return nil }
        return ByteLocator.offset(ofColumn: location.column, in: source[lines[location.line - 1]])
    }

    /// Marks `root` and every node inside it (aliases are not followed).
    private static func markSubtree(_ root: NodeID, in document: YAMLDocument, _ marks: inout [Bool]) {
        var pending = [root]
        while let node = pending.popLast() {
            guard !marks[Int(node.index)] else { continue }
            marks[Int(node.index)] = true
            switch document.kind(node) {
            case .sequence: pending += document.items(node)
            case .mapping: pending += document.entries(node).flatMap { [$0.key, $0.value] }
            case .scalar, .alias: break
            }
        }
    }

    /// Whether two nodes read the same: kind, style, position, text, tag and anchor. Where a
    /// node ends is compared only where it cannot run on: a collection whose last entry is
    /// left out ends sooner, and a `|` or `>` block ends after the blank lines that follow it.
    private static func same(_ a: NodeID, in first: YAMLDocument, as b: NodeID, in second: YAMLDocument) -> Bool {
        let (rangeA, rangeB) = (first.range(a), second.range(b))
        let fixedEnd = first.kind(a) == .alias || [.plain, .singleQuoted, .doubleQuoted].contains(first.scalarStyle(a))
        return first.kind(a) == second.kind(b) && rangeA.start == rangeB.start && (!fixedEnd || rangeA.end == rangeB.end)
            && first.scalarStyle(a) == second.scalarStyle(b)
            && first.isFlow(a) == second.isFlow(b) && first.scalarUTF8(a) == second.scalarUTF8(b)
            && first.tag(a) == second.tag(b) && first.anchor(a) == second.anchor(b)
    }
}
