/// How values read in messages.
enum ValueFormatter {
    /// `£1,800,000` (and `-£5` for negatives).
    static func pounds(_ value: Int128) -> String {
        let negative = value < 0
        let digits = Array(String(negative ? value.magnitude.description : value.description))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (negative ? "-£" : "£") + grouped
    }

    /// A value as text: strings as written, integers in digits, dates `YYYY-MM-DD`, lists
    /// joined with `, `; unknown values as `?`.
    static func text(_ value: Value) -> String {
        switch value.kind {
        case .missing, .unknown: "?"
        case .int(let number): String(number)
        case .string(let text): text
        case .date(let day): day.description
        case .bool(let flag): flag ? "true" : "false"
        case .list(let items): items.map(text).joined(separator: ", ")
        case .object, .node: "{...}"
        case .table: "[table]"
        }
    }
}
