/// Words listed the way a sentence lists them: `a`, `a and b`, `a, b and c` (or `a, b or c`).
enum ProseList {
    static func joined(_ items: [String], _ conjunction: String = "and") -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }
}
