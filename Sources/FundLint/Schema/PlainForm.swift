/// The form the schema wants of a value a person wrote another common way: an amount as
/// money (`£1,800,000`, `£1.8m`), a date unpadded or day first (`1/4/2026`), a financial year in full
/// (`2026/2027`). Each is offered as a fix; `nil` wherever the intended value is not plain.
enum PlainForm {
    /// An amount with its currency (`£`, `GBP`) dropped, thousands separators (`1,800,000`,
    /// `1 800 000`) made underscores (`1_800_000`) and zero pence (`.00`) dropped. `nil`
    /// unless the text is exactly that: digits, in groups of three after the first one to
    /// three when commas, spaces or underscores separate them (one kind throughout).
    /// Millions and thousands written as such (`1.8m`, `£20 million`, `250k`) are spelt out,
    /// in groups of three.
    static func amount(_ text: String) -> String? {
        var rest = Substring(text)
        var rewritten = false
        if rest.first == "£" {
            rest = rest.dropFirst()
            rewritten = true
        } else if rest.hasPrefix("GBP") {
            rest = rest.dropFirst(3).drop { $0 == " " }
            rewritten = true
        } else if rest.hasSuffix("GBP") {
            rest = rest.dropLast(3)
            while rest.last == " " { rest = rest.dropLast() }
            rewritten = true
        }
        if let scaled = scaled(rest, zeros: 6, suffixes: [" million", "million", " m", "m", "M"])
            ?? scaled(rest, zeros: 3, suffixes: ["k", "K"]) {
            return scaled
        }
        if let dot = rest.lastIndex(of: "."), rest.distance(from: dot, to: rest.endIndex) <= 3,
           rest[rest.index(after: dot)...].allSatisfy({ $0 == "0" }) {
            // No pence, said in full: `1,800,000.00`.
            rest = rest[..<dot]
            rewritten = true
        }
        // The thousands separator is the first that is not a digit: a comma, a space (a
        // no-break or thin one too), or an underscore after a currency dropped
        // (`1_800_000 GBP`). One kind throughout.
        let separator = rest.first { Self.thousandsSeparators.contains($0) } ?? ","
        let groups = rest.split(separator: separator, omittingEmptySubsequences: false)
        guard let first = groups.first, groups.allSatisfy(isDigits) else { return nil }
        if groups.count == 1 { return rewritten ? String(first) : nil }
        guard first.count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        return groups.joined(separator: "_")
    }

    /// A date written with one-digit months or days, or with `/` or `.` between its parts, as
    /// `YYYY-MM-DD`. Year first is unambiguous, and so is a year last with only one reading
    /// in the calendar (`31/03/2027`, `05/05/2027`). With two readings (`01/04/2026`) it is
    /// read the British way, day then month, and with only the American one (`03/31/2027`)
    /// month then day; `guessedOrder` names the order read in either case, so the fix can say
    /// it and is offered, never applied unasked. `nil` unless the result is a day in the
    /// calendar. A date with its month named (`1 April 2026`, `1st Apr 2026`,
    /// `April 1, 2026`, `01-Apr-2026`) is unambiguous too.
    static func date(_ text: String) -> (date: String, guessedOrder: String?)? {
        numericDate(text) ?? namedMonthDate(text).map { ($0, nil) } ?? dateWithTime(text).map { ($0, nil) }
    }

    /// The date of `2027-03-31T12:00:00`, `2027-03-31 12:00` or `2027-03-31T12:00:00+01:00`: a
    /// plan's dates have no time of day, and the date is the one written.
    private static func dateWithTime(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > 11, scalars[10] == "T" || scalars[10] == "t" || scalars[10] == " " else { return nil }
        let time = scalars[11...].drop { $0 == " " }
        guard let first = time.first, ("0"..."9").contains(first), time.contains(":"),
              time.allSatisfy({ ("0"..."9").contains($0) || ":.+-Z ".unicodeScalars.contains($0) })
        else { return nil }
        let date = String(String.UnicodeScalarView(scalars[0..<10]))
        let parsed = Array(date.utf8).withUnsafeBufferPointer { Day.parse(utf8: $0) }
        guard case .success(let day) = parsed, day.description == date else { return nil }
        return date
    }

    private static func numericDate(_ text: String) -> (date: String, guessedOrder: String?)? {
        guard let separator = text.first(where: { $0 == "-" || $0 == "/" || $0 == "." }) else { return nil }
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        let numbers = parts.compactMap { Int($0) }
        guard parts.count == 3, parts.allSatisfy(isDigits), numbers.count == 3 else { return nil }
        let lengths = parts.map(\.count)
        let day: Day?
        var guessedOrder: String?
        if lengths[0] == 4, (1...2).contains(lengths[1]), (1...2).contains(lengths[2]) {
            day = Day(year: numbers[0], month: numbers[1], day: numbers[2])
        } else if (1...2).contains(lengths[0]), (1...2).contains(lengths[1]), lengths[2] == 4 {
            let dayFirst = Day(year: numbers[2], month: numbers[1], day: numbers[0])
            let monthFirst = Day(year: numbers[2], month: numbers[0], day: numbers[1])
            switch (dayFirst, monthFirst) {
            case (let only?, nil):
                day = only
            case (let both?, _?) where numbers[0] == numbers[1]:
                day = both
            case (let british?, _?):
                day = british
                guessedOrder = "day/month/year"
            case (nil, let american?):
                day = american
                guessedOrder = "month/day/year"
            case (nil, nil):
                day = nil
            }
        } else {
            return nil
        }
        guard let day, day.description != text else { return nil }
        return (day.description, guessedOrder)
    }

    private static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                                 "october", "november", "december"]

    /// `1 April 2026` and the like as `YYYY-MM-DD`: a day (digits, perhaps `st`, `nd`, `rd` or
    /// `th` after them), an English month in full or cut to three letters (`Sept` too), and a
    /// four-digit year, the day before or after the month.
    private static func namedMonthDate(_ text: String) -> String? {
        let parts = text.lowercased().split { $0 == " " || $0 == "-" || $0 == "," || $0 == "/" }
        guard parts.count == 3, parts[2].count == 4, let year = Int(parts[2]), isDigits(parts[2]) else { return nil }
        let (dayText, monthText) = parts[0].first?.isNumber == true ? (parts[0], parts[1]) : (parts[1], parts[0])
        var digits = dayText
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) {
            digits = digits.dropLast(2)
            break
        }
        let name = monthText.hasSuffix(".") ? monthText.dropLast() : monthText
        guard (1...2).contains(digits.count), isDigits(digits), let dayNumber = Int(digits), let month = monthNumber(name),
              let day = Day(year: year, month: month, day: dayNumber)
        else { return nil }
        return day.description
    }

    /// A month without its day (`April 2026`, `Apr 2026`, `2026-04`, `04/2026`) as `YYYY-MM`,
    /// to say which day is missing; `nil` for anything else. The day is the author's to give:
    /// the first and the last of the month are both common readings.
    static func monthWithoutDay(_ text: String) -> String? {
        let parts = text.lowercased().split { $0 == " " || $0 == "-" || $0 == "," || $0 == "/" || $0 == "." }
        guard parts.count == 2 else { return nil }
        let (yearText, monthText) = parts[0].count == 4 && isDigits(parts[0]) ? (parts[0], parts[1]) : (parts[1], parts[0])
        guard yearText.count == 4, isDigits(yearText), let year = Int(yearText), year >= 1000 else { return nil }
        let month: Int
        if isDigits(monthText) {
            guard (1...2).contains(monthText.count), let number = Int(monthText), (1...12).contains(number) else { return nil }
            month = number
        } else {
            guard let number = monthNumber(monthText) else { return nil }
            month = number
        }
        return "\(year)-" + (month < 10 ? "0\(month)" : "\(month)")
    }

    /// The number of an English month named in lower case, in full or cut to three letters
    /// (`sept` too); `nil` for anything else.
    private static func monthNumber(_ name: Substring) -> Int? {
        guard name.count >= 3 else { return nil }
        return months.firstIndex { $0 == name || ($0.hasPrefix(name) && (name.count == 3 || name == "sept")) }.map { $0 + 1 }
    }

    /// A financial year written `2026/27`, `2026-2027`, `2026/2027` or with an en dash, as
    /// `YYYY-YY`, when the second year follows the first; with `FY` before it (`FY2024-25`,
    /// `FY 2024/25`), without it. `nil` for a year already written `YYYY-YY`.
    static func financialYear(_ text: String) -> String? {
        var rest = Substring(text)
        if rest.count > 2, rest.prefix(2).uppercased() == "FY" { rest = rest.dropFirst(2).drop { $0 == " " } }
        guard let separator = rest.first(where: { $0 == "-" || $0 == "/" || $0 == "\u{2013}" }) else { return nil }
        let parts = rest.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy(isDigits), parts[0].count == 4, let first = Int(parts[0]),
              let second = Int(parts[1]), first < 9999
        else { return nil }
        let follows = parts[1].count == 4 ? second == first + 1 : parts[1].count == 2 && second == (first + 1) % 100
        guard follows else { return nil }
        let next = String((first + 1) % 100)
        let result = "\(parts[0])-\(next.count == 1 ? "0" + next : next)"
        return result == text ? nil : result
    }

    /// What may separate the thousands of an amount: `1,800,000`, `1 800 000`, `1_800_000`.
    private static let thousandsSeparators: Set<Character> = [",", " ", "\u{00A0}", "\u{202F}", "\u{2009}", "_"]

    /// `1.8m`, `20 million`, `0.25M` (with `zeros` 6) or `250k` (with 3) as whole pounds in
    /// groups of three (`1_800_000`); `nil` for anything else, or for a fraction of a pound.
    private static func scaled(_ text: Substring, zeros: Int, suffixes: [String]) -> String? {
        var number = text
        for suffix in suffixes where number.hasSuffix(suffix) {
            number = number.dropLast(suffix.count)
            break
        }
        guard number.count < text.count else { return nil }
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy(isDigits), parts[0].count <= 9,
              parts.count == 1 || parts[1].count <= zeros
        else { return nil }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        let digits = String(parts[0]) + fraction + String(repeating: "0", count: zeros - fraction.count)
        return grouped(Substring(digits))
    }

    /// Digits without leading zeros, in groups of three from the right (`1_800_000`).
    private static func grouped(_ digits: Substring) -> String {
        let significant = digits.drop { $0 == "0" }
        guard !significant.isEmpty else { return "0" }
        var groups: [Substring] = []
        var end = significant.endIndex
        while end > significant.startIndex {
            let start = significant.index(end, offsetBy: -3, limitedBy: significant.startIndex) ?? significant.startIndex
            groups.insert(significant[start..<end], at: 0)
            end = start
        }
        return groups.joined(separator: "_")
    }

    private static let units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                                "nineteen"]
    private static let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    /// The number of `25 jobs`, `10 FTE`, `1,800,000 pounds` or `1.8 million pounds`: a whole
    /// number in digits (or an ``amount(_:)``, `1 800 000` and `£1.8m` among them) followed by
    /// words that say what it counts. A guess: the words may change what the number means. Not
    /// for words that scale it (`25 thousand`), which ``amount(_:)`` and ``numberInWords(_:)``
    /// read or refuse.
    static func numberBeforeWords(_ text: String) -> String? {
        // The words start after a space and a letter; the number is all before them. An
        // amount may hold spaces and words of its own (`1 800 000`, `1.8 million`), so each
        // place the words may start is tried, the last first: for text of a number and a few
        // words only, since each try reads the text again.
        guard text.utf8.count <= Self.longestNumberBeforeWords else { return nil }
        let starts = text.indices.filter { index in
            let next = text.index(after: index)
            return text[index] == " " && next < text.endIndex && text[next].isLetter
        }
        for start in starts.reversed() {
            let number = String(text[..<start])
            let words = text[text.index(after: start)...].split(separator: " ").map { $0.lowercased() }
            guard let first = number.first, (first.isASCII && first.isNumber) || first == "£",
                  !words.isEmpty, words.allSatisfy({ $0.allSatisfy { $0.isLetter } }),
                  let firstWord = words.first, !Self.scales.contains(firstWord)
            else { continue }
            if number.allSatisfy({ $0.isASCII && $0.isNumber }) { return number }
            if let amount = amount(number) { return amount }
        }
        return nil
    }

    /// The longest text read as a number before words, in bytes.
    private static let longestNumberBeforeWords = 64

    /// Words that scale the number before them.
    private static let scales: Set<String> = ["k", "m", "bn", "b", "thousand", "thousands", "million", "millions", "billion",
                                              "billions", "hundred", "hundreds", "mn", "mil"]

    /// What a word of a number in words is, for what may follow it.
    private enum NumberWord { case start, a, unit, teen, ten, hundred, scale, and }

    /// A whole number written in English words (`ten`, `twenty-five`, `a hundred and twelve`,
    /// `two million`) in digits, grouped as amounts are; `nil` for anything that is not such a
    /// number as a person writes it (`five six`, `thousand million`).
    static func numberInWords(_ text: String) -> String? {
        let words = text.lowercased().split { $0 == " " || $0 == "-" }
        guard !words.isEmpty, words.count <= 16 else { return nil }
        if words == ["zero"] { return "0" }
        var total = 0
        // What the words since the last `million` or `thousand` make: below a thousand.
        var part = 0
        var previous = NumberWord.start
        var smallestScale = Int.max
        // Where a unit, a teen or a ten may start a group.
        let groupStarts: Set<NumberWord> = [.start, .hundred, .scale, .and]
        for word in words {
            if let unit = units.firstIndex(of: String(word)), unit > 0 {
                let kind: NumberWord = unit < 10 ? .unit : .teen
                guard groupStarts.contains(previous) || (kind == .unit && previous == .ten) else { return nil }
                part += unit
                previous = kind
            } else if let ten = tens.firstIndex(of: String(word)) {
                guard groupStarts.contains(previous) else { return nil }
                part += (ten + 2) * 10
                previous = .ten
            } else if word == "hundred" {
                guard previous == .unit || previous == .a, part < 10 else { return nil }
                part = max(part, 1) * 100
                previous = .hundred
            } else if word == "thousand" || word == "million" {
                let scale = word == "thousand" ? 1_000 : 1_000_000
                guard [.unit, .teen, .ten, .hundred, .a].contains(previous), scale < smallestScale else { return nil }
                total += max(part, 1) * scale
                smallestScale = scale
                part = 0
                previous = .scale
            } else if word == "a", previous == .start {
                previous = .a
            } else if word == "and", previous == .hundred || previous == .scale {
                previous = .and
            } else {
                return nil
            }
        }
        guard previous != .and, previous != .a else { return nil }
        return grouped(Substring(String(total + part)))
    }

    private static func isDigits(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (48...57).contains($0) }
    }
}
