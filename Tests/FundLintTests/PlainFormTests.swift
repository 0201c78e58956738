import Testing
@testable import FundLint

/// Values written the way people write them, and the form the schema wants.
struct PlainFormTests {
    @Test(arguments: [
        ("1,800,000", "1_800_000"), ("£1,800,000", "1_800_000"), ("£3700000", "3700000"), ("12,345", "12_345"),
        ("£0", "0"), ("1.8m", "1_800_000"), ("£20m", "20_000_000"), ("£1.85 million", "1_850_000"), ("0.25M", "250_000"),
        ("2million", "2_000_000"), ("£0.000001m", "1"), ("0m", "0"), ("123456789m", "123_456_789_000_000"),
        ("250k", "250_000"), ("£1.5K", "1_500"), ("£1,800,000.00", "1_800_000"), ("1800000.0", "1800000"),
        ("GBP 1,800,000", "1_800_000"), ("1,800,000 GBP", "1_800_000"), ("GBP1.8m", "1_800_000"),
        ("1 800 000", "1_800_000"), ("£21 000 000", "21_000_000"), ("1\u{202F}800\u{202F}000", "1_800_000"),
        ("1\u{00A0}800", "1_800"), ("1_800_000 GBP", "1_800_000"), ("£1_800_000", "1_800_000"),
    ])
    func amountsWrittenAsMoneyHaveAPlainForm(text: String, plain: String) {
        #expect(PlainForm.amount(text) == plain)
        #expect(IntegerText.isInteger(plain))
    }

    @Test(arguments: ["1800000", "1,80,000", "1,800,00", "1234,567", ",800", "1,,800", "1,800,", "£", "£-5", "-1,000",
                      "1 800,000", "1 80 000", "1  800", "1,800 000", "1_8_00", "1.800.000", "££1,800", "m", "£m", "1.m", ".5m", "1.0000001m", "1,5m", "1.8mm",
                      "1234567890m", "1.8 bn", "-2m", "1.8 millions", "1.8000k", "1.5kk", "1,800,000.50", "1800000.5",
                      "1,800.000", "GBP", "GBP -5", "1,800,000.000", "k", "£.00"])
    func otherTextHasNoPlainAmount(text: String) {
        #expect(PlainForm.amount(text) == nil)
    }

    @Test(arguments: [("April 2026", "2026-04"), ("apr 2026", "2026-04"), ("Sept 2027", "2027-09"), ("2026-04", "2026-04"),
                      ("04/2026", "2026-04"), ("4/2026", "2026-04"), ("2026/12", "2026-12"), ("March, 2029", "2029-03")])
    func aMonthWithoutItsDayIsNamed(text: String, month: String) {
        #expect(PlainForm.monthWithoutDay(text) == month)
    }

    @Test(arguments: ["2026", "13/2026", "0/2026", "Ap 2026", "Aprilx 2026", "April 26", "1 April 2026", "2026-04-01",
                      "April", "2026 2027", "June 0999"])
    func otherTextIsNoMonthWithoutItsDay(text: String) {
        #expect(PlainForm.monthWithoutDay(text) == nil)
    }

    @Test func datesAreWrittenYearMonthDay() {
        #expect(PlainForm.date("2029-3-31")?.date == "2029-03-31")
        #expect(PlainForm.date("2029-3-31")?.guessedOrder == nil)
        #expect(PlainForm.date("2026/04/01")?.date == "2026-04-01")
        #expect(PlainForm.date("2026.4.1")?.date == "2026-04-01")
        #expect(PlainForm.date("01/04/2026")?.date == "2026-04-01")
        #expect(PlainForm.date("01/04/2026")?.guessedOrder == "day/month/year")
        // One reading in the calendar: no guess, whichever order it is written in.
        #expect(PlainForm.date("31/03/2027")?.date == "2027-03-31")
        #expect(PlainForm.date("31/03/2027")?.guessedOrder == nil)
        #expect(PlainForm.date("5/5/2027")?.date == "2027-05-05")
        #expect(PlainForm.date("5/5/2027")?.guessedOrder == nil)
        #expect(PlainForm.date("03/31/2027")?.date == "2027-03-31")
        #expect(PlainForm.date("03/31/2027")?.guessedOrder == "month/day/year")
        #expect(PlainForm.date("31/31/2027") == nil)
        #expect(PlainForm.date("30/02/2027") == nil)
        #expect(PlainForm.date("1.4.2026")?.date == "2026-04-01")
        #expect(PlainForm.date("29-02-2028")?.date == "2028-02-29")
        // A named month leaves no doubt about which part is the day.
        for text in ["1 April 2026", "1st April 2026", "01 Apr 2026", "April 1, 2026", "Apr. 1st, 2026", "01-Apr-2026", "1 APRIL 2026"] {
            #expect(PlainForm.date(text)?.date == "2026-04-01", "\(text)")
            #expect(PlainForm.date(text)?.guessedOrder == nil, "\(text)")
        }
        #expect(PlainForm.date("30 Sept 2027")?.date == "2027-09-30")
        #expect(PlainForm.date("31 December 2030")?.date == "2030-12-31")
        // A time of day is left out; the date is the one written.
        for text in ["2027-03-31T12:00:00", "2027-03-31 12:00", "2027-03-31t09:30:00.5Z", "2027-03-31T23:30:00+01:00",
                     "2027-03-31  8:00"] {
            #expect(PlainForm.date(text)?.date == "2027-03-31", "\(text)")
            #expect(PlainForm.date(text)?.guessedOrder == nil, "\(text)")
        }
        for text in ["2027-03-31T", "2027-03-31 noon", "2027-3-31T12:00", "2027-02-30T12:00", "2027-03-31T12", "2027-03-31 12:00 pm",
                     "2027-03-31xx12:00"] {
            #expect(PlainForm.date(text) == nil, "\(text)")
        }
        for text in ["2026-04-01", "31/02/2026", "2026-13-01", "13/13/2026", "01/04/26", "2026/04-01", "April 2026",
                     "2026-04", "1/4/2026/1", "20260401", "", "--", "0/0/0000", "2026-004-01",
                     "31 April 2026", "1 Ap 2026", "1 Aprill 2026", "1 Apri 2026", "1 April 26", "1 Mars 2026", "first April 2026",
                     "1 April 2026 10:00", "123 April 2026", "1th"] {
            #expect(PlainForm.date(text) == nil, "\(text)")
        }
    }

    @Test func aNumberFollowedByWhatItCountsIsReadAsTheNumber() {
        #expect(PlainForm.numberBeforeWords("25 jobs") == "25")
        #expect(PlainForm.numberBeforeWords("10 FTE") == "10")
        #expect(PlainForm.numberBeforeWords("25 new jobs") == "25")
        #expect(PlainForm.numberBeforeWords("1,800,000 pounds") == "1_800_000")
        // Amounts with spaces or scale words of their own, before the words.
        #expect(PlainForm.numberBeforeWords("1 800 000 pounds") == "1_800_000")
        #expect(PlainForm.numberBeforeWords("1.8 million pounds") == "1_800_000")
        #expect(PlainForm.numberBeforeWords("£1,800,000 in total") == "1_800_000")
        #expect(PlainForm.numberBeforeWords("250k pounds sterling") == "250_000")
        for text in ["25", "jobs 25", "25 thousand", "25 k", "2.5 jobs", "25 jobs2", "25 ", "about 25", "25 - 30 jobs", "1,80 jobs", "٢٥ jobs",
                     "25 thousand jobs", "1 800 00 pounds", "1.8 million", "£ pounds", "25 jobs over 3 years", "1.85 jobs",
                     "25" + String(repeating: " jobs", count: 100_000)] {
            #expect(PlainForm.numberBeforeWords(text) == nil, "\(text)")
        }
    }

    @Test func financialYearsAreWrittenWithTwoDigitsAfter() {
        #expect(PlainForm.financialYear("2026/27") == "2026-27")
        #expect(PlainForm.financialYear("2027-2028") == "2027-28")
        #expect(PlainForm.financialYear("2099/2100") == "2099-00")
        #expect(PlainForm.financialYear("2026\u{2013}27") == "2026-27")
        #expect(PlainForm.financialYear("2009/10") == "2009-10")
        #expect(PlainForm.financialYear("FY2026-27") == "2026-27")
        #expect(PlainForm.financialYear("fy 2026/2027") == "2026-27")
        for text in ["2026-27", "2026/28", "2026-2028", "26/27", "2026/7", "2026/027", "2026", "2026-27-28", "9999/00", "abcd/ef", "FY", "FY-", "FY2026", "FY2026/28", "FY26/27", "FYI 2026-27"] {
            #expect(PlainForm.financialYear(text) == nil, "\(text)")
        }
    }

    @Test(arguments: [
        ("ten", "10"), ("Twelve", "12"), ("zero", "0"), ("twenty-five", "25"), ("ninety nine", "99"),
        ("a hundred", "100"), ("one hundred and twelve", "112"), ("three hundred forty", "340"),
        ("a thousand", "1_000"), ("two thousand and five", "2_005"), ("one hundred thousand", "100_000"),
        ("two million five hundred thousand", "2_500_000"), ("one million and one", "1_000_001"),
        ("nine hundred ninety-nine million nine hundred ninety-nine thousand nine hundred ninety-nine", "999_999_999"),
    ])
    func numbersInWordsAreWrittenInDigits(_ words: String, _ digits: String) {
        #expect(PlainForm.numberInWords(words) == digits)
    }

    @Test(arguments: ["", "five six", "twenty twenty", "fifteen five", "hundred", "a", "a five", "and", "ten and",
                      "one hundred and", "thousand million", "one thousand one million", "one hundred two hundred",
                      "twenty hundred", "zero zero", "one zero", "ten jobs", "lots", "1 thousand", "twelve hundred",
                      "a a hundred", "and one hundred"])
    func otherWordsAreNotANumber(_ text: String) {
        #expect(PlainForm.numberInWords(text) == nil)
    }
}
