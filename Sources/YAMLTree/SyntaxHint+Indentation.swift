/// Hints about indentation: tabs, and lines that line up with nothing around them.
extension SyntaxHint {
    /// libyaml stopped at a tab.
    func tab() -> YAMLProblem.Note? {
        guard let line = line(at.line), let offset = byteOffset(ofColumn: at.column, in: line), line[offset] == 0x09 else { return nil }
        let indents = line[line.startIndex..<offset].allSatisfy { $0 == 0x20 || $0 == 0x09 }
        return YAMLProblem.Note(range: SourceRange(start: at, columns: 1),
                                message: indents ? "this is a tab: YAML is indented with spaces only"
                                                 : "this is a tab: YAML separates with spaces here")
    }

    /// The indentation of a line indented with a tab, in spaces: as deep as the key on the
    /// line above, or a step deeper under a key whose value starts on the next line. A guess
    /// at what the tab stood for, offered only.
    func tabIndentation() -> YAMLProblem.Fix? {
        guard let line = line(at.line), let offset = byteOffset(ofColumn: at.column, in: line), line[offset] == 0x09 else { return nil }
        let leading = line.prefix { $0 == 0x20 || $0 == 0x09 }
        guard offset < leading.endIndex, leading.endIndex < line.endIndex,
              let (number, previous) = previousSignificantLine(before: at.line),
              !previous.prefix(while: { $0 == 0x20 || $0 == 0x09 }).contains(0x09)
        else { return nil }
        let keyColumn = Self.keyColumn(previous)
        guard Self.isKeyLine(previous, from: keyColumn) else { return nil }
        // The line above without its comment: does it end with the colon of a key whose value
        // is below it?
        var content = previous[...]
        if let comment = previous.indices.first(where: { previous[$0] == UInt8(ascii: "#") && $0 > previous.startIndex && previous[$0 - 1] == 0x20 }) {
            content = previous[previous.startIndex..<comment]
        }
        let opens = content.reversed().first { $0 != 0x20 } == UInt8(ascii: ":")
        let indent = opens ? keyColumn + 2 : keyColumn
        return YAMLProblem.Fix(
            range: SourceRange(start: SourceLocation(line: at.line, column: 1), columns: leading.count),
            replacement: String(repeating: " ", count: indent),
            message: "indent it with \(Self.spaces(indent)), \(opens ? "under" : "as") the key on line \(number)")
    }

    /// A `key: value` line followed by a line indented further: YAML reads the second as more
    /// of the first one's value, then finds a colon it cannot take.
    func overIndented() -> YAMLProblem.Note? {
        guard problem == "mapping values are not allowed in this context", let line = line(at.line),
              let (number, previous) = previousSignificantLine(before: at.line)
        else { return nil }
        let indent = Self.indent(line)
        let keyColumn = Self.keyColumn(previous)
        guard indent > keyColumn, Self.hasValueOnTheLine(previous, from: keyColumn) else { return nil }
        return YAMLProblem.Note(
            range: indentation(of: at.line, indent),
            message: "line \(at.line) is indented more than the key on line \(number) (\(Self.spaces(indent)) against \(keyColumn)), "
                + "so YAML reads it as more of the value there; to be a key beside that one, \(Self.indentIt(keyColumn))")
    }

    /// A line whose key lines up with no mapping around it: between the keys of a mapping
    /// and those of the mapping nested in it, or deeper than the `key: value` line before it
    /// (with a comment between them, so not read as more of its value).
    func misaligned() -> YAMLProblem.Note? {
        guard let contextAt, let line = line(at.line), let (number, previous) = previousSignificantLine(before: at.line)
        else { return nil }
        let indent = Self.indent(line)
        // A key between the keys of two mappings, or a list item between the items of a list
        // and the keys of the mapping in its last item.
        let outerThings: String
        switch (problem, context) {
        case ("did not find expected key", "while parsing a block mapping") where Self.isKeyLine(line, from: indent):
            outerThings = "the keys of the mapping"
        case ("did not find expected '-' indicator", "while parsing a block collection") where Self.isItemLine(line, from: indent):
            outerThings = "the items of the list"
        default:
            return nil
        }
        let outer = contextAt.column - 1
        let inner = Self.keyColumn(previous)
        guard at.column == indent + 1, outer < indent, Self.isKeyLine(previous, from: inner) else { return nil }
        if indent < inner {
            return YAMLProblem.Note(
                range: indentation(of: at.line, indent),
                message: "line \(at.line) is indented \(Self.spaces(indent)): more than \(outerThings) on line "
                    + "\(contextAt.line) (\(outer)) and less than the key on line \(number) (\(inner)); line it up with one of them")
        }
        guard outerThings == "the keys of the mapping" else { return nil }
        guard indent > inner, Self.hasValueOnTheLine(previous, from: inner) else { return nil }
        return YAMLProblem.Note(
            range: indentation(of: at.line, indent),
            message: "line \(at.line) is indented more than the key on line \(number) (\(Self.spaces(indent)) against \(inner)); "
                + "to be a key beside that one, \(Self.indentIt(inner))")
    }

    /// A key written at the column of a list's dashes, below an item (`- name: pilot`, then
    /// `due: 2027-01-31` under the dash): YAML wants another item there. Most often the key
    /// was meant for the item above, sometimes as a new item.
    func keyAmongItems() -> YAMLProblem.Note? {
        guard problem == "did not find expected '-' indicator", context == "while parsing a block collection", let contextAt,
              let line = line(at.line), let (number, previous) = previousSignificantLine(before: at.line)
        else { return nil }
        let indent = Self.indent(line)
        let inner = Self.keyColumn(previous)
        guard at.column == indent + 1, indent == contextAt.column - 1, Self.isKeyLine(line, from: indent),
              inner > indent, Self.isKeyLine(previous, from: inner)
        else { return nil }
        return YAMLProblem.Note(
            range: indentation(of: at.line, indent),
            message: "line \(at.line) is a key at the column of the list's dashes (line \(contextAt.line)), where YAML wants "
                + "another item; to be a key of the item on line \(number), indent it \(Self.spaces(inner)); to be a new item, "
                + "start it with '- '")
    }

    /// The other way round: a list item indented deeper than its list's other items. Either
    /// at the column of the keys of the item above (`- name: A`, `type: b`, then
    /// `  - name: B` under `name`), where YAML wants another key of that item, or right below
    /// an item of one line (`- {category: staff}`, then `  - {category: travel}`). Most often
    /// it was meant as the next item of the same list. At the keys of a mapping that is no
    /// list's item, the two kinds of collection are mixed, and the note says so.
    func itemAmongKeys() -> YAMLProblem.Note? {
        guard problem == "did not find expected key", context == "while parsing a block mapping", let contextAt,
              let current = line(at.line), contextAt.line < at.line
        else { return nil }
        let indent = Self.indent(current)
        guard at.column == indent + 1, Self.isItemLine(current, from: indent) else { return nil }
        let (itemLine, dashIndent): (Int, Int)
        if indent == contextAt.column - 1, let dash = dashBefore(contextAt) {
            (itemLine, dashIndent) = (contextAt.line, dash)
        } else if let (number, previous) = previousSignificantLine(before: at.line), Self.indent(previous) < indent,
                  Self.isItemLine(previous, from: Self.indent(previous)) {
            (itemLine, dashIndent) = (number, Self.indent(previous))
        } else if indent == contextAt.column - 1 {
            return YAMLProblem.Note(
                range: indentation(of: at.line, indent),
                message: "line \(at.line) is a list item among the keys of the mapping that starts on line \(contextAt.line); "
                    + "a mapping holds 'key: value' entries and a list '- ' items, never both")
        } else {
            return nil
        }
        let place = indent == contextAt.column - 1 && itemLine == contextAt.line
            ? "at the column of the keys of the item on line \(itemLine), where YAML wants another key"
            : "indented more than the item on line \(itemLine) (\(Self.spaces(indent)) against \(dashIndent))"
        return YAMLProblem.Note(
            range: indentation(of: at.line, indent),
            message: "line \(at.line) is a list item \(place); to be the next item of that list, \(Self.indentIt(dashIndent)), "
                + "like the '-' on line \(itemLine)")
    }

    /// The indentation of the `- ` right before `location` on its line (the dash of the list
    /// item whose mapping starts there), if there is one.
    private func dashBefore(_ location: SourceLocation) -> Int? {
        guard let line = line(location.line), let key = byteOffset(ofColumn: location.column, in: line) else { return nil }
        var dash = key - 1
        while dash > line.startIndex, line[dash] == 0x20 { dash -= 1 }
        guard dash >= line.startIndex, dash < key - 1, line[dash] == UInt8(ascii: "-"),
              dash == line.startIndex || line[dash - 1] == 0x20
        else { return nil }
        return column(ofByteOffset: dash, in: line) - 1
    }

    func indentation(of line: Int, _ indent: Int) -> SourceRange {
        SourceRange(start: SourceLocation(line: line, column: 1), columns: indent)
    }

    static func indentIt(_ count: Int) -> String {
        count == 0 ? "start it at the beginning of the line" : "indent it \(spaces(count))"
    }

    static func spaces(_ count: Int) -> String {
        count == 1 ? "1 space" : "\(count) spaces"
    }
}
