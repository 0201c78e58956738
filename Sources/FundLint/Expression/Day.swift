/// A calendar date (proleptic Gregorian), stored as days since 1970-01-01.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let ordinal: Int

    /// The date `year-month-day`, or `nil` when it is not in the calendar (`2026-02-30`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else {
            return nil
        }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = era * 146_097 + doe - 719_468
    }

    /// The day `ordinal` days after 1970-01-01, or `nil` outside the years 1 to 9999.
    init?(ordinal: Int) {
        guard ordinal >= -719_162, ordinal <= 2_932_896 else { return nil }
        self.ordinal = ordinal
    }

    /// Parses `YYYY-MM-DD`. Returns `.notADate` for another shape and `.notInCalendar` for
    /// the right shape naming no real day.
    public static func parse(_ text: String) -> Result<Day, ParseFailure> {
        // Ten ASCII bytes or not a date: non-ASCII text never has the shape.
        var text = text
        return text.withUTF8(parse(utf8:))
    }

    /// The day written `YYYY-MM-DD` in `bytes`, or why they are not one.
    static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Result<Day, ParseFailure> {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return .failure(.notADate) }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return .failure(.notADate) }
        guard let result = Day(year: year, month: month, day: day) else { return .failure(.notInCalendar) }
        return .success(result)
    }

    /// Why a text is not a date.
    public enum ParseFailure: Error, Sendable {
        case notADate, notInCalendar
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    /// `YYYY-MM-DD`.
    public var description: String {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
