import Testing
@testable import FundLint

/// Whole numbers as plans write them: digits, an optional minus and single underscores
/// between digits; 64 bits at most.
struct IntegerTextTests {
    @Test(arguments: [
        ("0", Int128(0)), ("-7", -7), ("1_800_000", 1_800_000), ("-1_800_000", -1_800_000),
        ("999999999999999999", 999_999_999_999_999_999), ("-99999999999999999", -99_999_999_999_999_999),
        ("9223372036854775807", Int128(Int64.max)), ("-9223372036854775808", Int128(Int64.min)),
        ("9_223_372_036_854_775_807", Int128(Int64.max)), ("000000000000000000000042", 42),
    ])
    func parsesWithinSixtyFourBits(text: String, value: Int128) {
        #expect(IntegerText.isInteger(text))
        #expect(IntegerText.parse(text) == value)
    }

    @Test(arguments: ["9223372036854775808", "-9223372036854775809", "99999999999999999999"])
    func refusesBeyondSixtyFourBits(text: String) {
        #expect(IntegerText.isInteger(text))
        #expect(IntegerText.parse(text) == nil)
    }

    @Test(arguments: ["", "-", "_1", "1_", "1__0", "1-0", "--1", "1.5", "1e6", " 1", "١٢"])
    func acceptsOnlyDigitsAndSingleUnderscores(text: String) {
        #expect(!IntegerText.isInteger(text))
    }
}
