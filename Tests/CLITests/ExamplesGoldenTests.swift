import Foundation
import Testing

/// `fundlint Examples`: every valid plan passes, and each invalid plan prints exactly its
/// golden output in `Examples/expected/`.
@Suite struct ExamplesGoldenTests {
    static let examples: [String] = {
        let directory = CommandRunner.packageRoot.appendingPathComponent("Examples").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    @Test func thereAreExamples() {
        #expect(Self.examples.count >= 12)
    }

    @Test(arguments: examples)
    func exampleMatchesItsGoldenOutput(_ name: String) throws {
        let result = try CommandRunner.run(["--quiet", "--color", "never", "Examples/" + name])
        let golden = CommandRunner.packageRoot.appendingPathComponent("Examples/expected/" + name.dropLast(5) + ".txt")
        if name.hasPrefix("invalid-") {
            let expected = try String(contentsOf: golden, encoding: .utf8)
            #expect(result.stdout == expected)
            #expect(result.status == 1)
        } else {
            #expect(result.stdout.isEmpty)
            #expect(result.status == 0)
            #expect(!FileManager.default.fileExists(atPath: golden.path))
        }
    }
}
