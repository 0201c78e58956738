import YAMLTree

/// A pack table as quick rules read it: rows by index, each field a column of words made
/// once, and the row of each of the pool's texts found once, so that a row named by the
/// pack's own text (a table field, a constant) is found without comparing text.
/// Filled while the program compiles, then only read.
final class QuickTable: @unchecked Sendable {
    /// One field of every row, as words.
    struct Column: Sendable {
        let words: [Int64]
        /// Whether the row has the field.
        let present: [Bool]
        let form: QuickRuleCompiler.Form
    }

    let table: TableValue
    private var columns: [String: Column] = [:]
    /// For each text of the pool, its row, or -1.
    private var rowOfPoolText: [Int32] = []

    init(_ table: TableValue) {
        self.table = table
    }

    /// The column of `name`, made on first use; `nil` when some row's value has no word or
    /// the rows' values differ in form.
    func column(_ name: String, compiler: inout QuickRuleCompiler) -> Column? {
        if let column = columns[name] { return column }
        var words: [Int64] = []
        var present: [Bool] = []
        var form: QuickRuleCompiler.Form?
        for row in table.rows {
            guard case .object(let object) = row.kind else { return nil }
            guard let value = object.value(name) else {
                words.append(0)
                present.append(false)
                continue
            }
            guard let (word, valueForm) = compiler.constantWord(value) else { return nil }
            // An empty list's items could be of any form: it takes the others'.
            let isEmptyList = if case .list(let items) = value.kind { items.isEmpty } else { false }
            if !isEmptyList {
                if let form, !QuickRuleCompiler.sameWords(form, valueForm) { return nil }
                form = valueForm
            }
            words.append(word)
            present.append(true)
        }
        guard let form else { return nil }
        let column = Column(words: words, present: present, form: form)
        columns[name] = column
        return column
    }

    /// Finds the row of each text in `pool`, once the program is compiled.
    func finish(pool: QuickTextPool) {
        rowOfPoolText = pool.texts.map { text in table.rowIndex(of: text).map { Int32(truncatingIfNeeded: $0) } ?? -1 }
    }

    /// The row whose id is the text `key`; `nil` when there is none, or (after marking the
    /// frame's rule undecided) when `key` names no text.
    func row(_ key: Int64, frame: QuickRuleFrame, pool: QuickTextPool, document: YAMLDocument) -> Int? {
        if key >= 0 {
            guard key < Int64(rowOfPoolText.count) else {
                _ = frame.bail()
                return nil
            }
            let row = rowOfPoolText[Int(key)]
            return row >= 0 ? Int(row) : nil
        }
        let found: Int?? = frame.withText(key, pool: pool, document: document) { bytes in
            table.rowIndex(utf8: bytes) { String(decoding: bytes, as: UTF8.self) }
        }
        guard let found else {
            _ = frame.bail()
            return nil
        }
        return found
    }
}
