/// Words listed the way a sentence lists them: `a`, `a and b`, `a, b and c`.
enum ProseList {
    static func joined(_ items: [String]) -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
