import Testing
import YAMLTree
@testable import FundLint

/// The compact first-occurrence index must answer exactly as a dictionary would.
struct FirstOccurrencesTests {
    private static func range(_ line: Int, _ column: Int) -> SourceRange {
        SourceRange(start: SourceLocation(line: line, column: column), end: SourceLocation(line: line, column: column + 5))
    }

    @Test(arguments: [0, 1, 100, 5000])
    func agreesWithADictionaryWhileItGrows(expected: Int) {
        var index = FirstOccurrences(expected: expected)
        var model: [String: (file: Int, range: SourceRange)] = [:]
        // Keys that share prefixes, differ only in length, are empty or are not ASCII; each
        // key comes back several times, from files after the first.
        let shapes: [(Int) -> String] = [{ "LIPF-\($0)" }, { "LIPF-\($0)-" }, { "\($0)" }, { "réf-\($0)" }, { _ in "" },
                                         { "LIPF-\($0)\u{0}x" }]
        var state: UInt64 = 7
        for step in 0..<20_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let number = Int((state >> 33) % 3_000)
            let shape = shapes[Int((state >> 20) % UInt64(shapes.count))]
            let key = shape(number)
            let found = index.firstOrRecord(key, file: step, range: Self.range(step + 1, number + 1))
            if let first = model[key] {
                #expect(found?.file == first.file, "key \(key) at step \(step)")
                #expect(found?.range == first.range)
            } else {
                #expect(found == nil, "key \(key) is new at step \(step)")
                model[key] = (step, Self.range(step + 1, number + 1))
            }
        }
        #expect(model.count > 3_000)
    }
}
