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

    @Test func theInvalidExamplesShowEveryPerPlanRule() throws {
        let directory = CommandRunner.packageRoot.appendingPathComponent("Examples/expected")
        var shown: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasSuffix("]") {
                if let open = line.lastIndex(of: "[") { shown.insert(String(line[line.index(after: open)..<line.index(before: line.endIndex)])) }
            }
        }
        let rules = try CommandRunner.run(["rules", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: rules.stdoutBytes) as? [String: Any])
        let ids = (object["rules"] as? [[String: Any]] ?? []).compactMap { rule -> String? in
            guard rule["scope"] as? String == "plan", let id = rule["id"] as? String else { return nil }
            return id.hasPrefix("pack/") || id.hasPrefix("config/") || id.hasPrefix("suppression/") ? nil : id
        }
        #expect(ids.count >= 28)
        #expect(Set(ids).subtracting(shown).sorted() == [])
    }

    @Test(arguments: examples)
    func exampleMatchesItsGoldenOutput(_ name: String) throws {
        let result = try CommandRunner.run(["--quiet", "--color", "never", "Examples/" + name])
        let golden = CommandRunner.packageRoot.appendingPathComponent("Examples/expected/" + name.dropLast(5) + ".txt")
        if name.hasPrefix("invalid-") {
            let expected = try String(contentsOf: golden, encoding: .utf8)
            #expect(result.stdout == expected)
            // Warnings alone pass (--fail-on error is the default).
            #expect(result.status == (expected.contains(": error: ") ? 1 : 0))
        } else {
            #expect(result.stdout.isEmpty)
            #expect(result.status == 0)
            #expect(!FileManager.default.fileExists(atPath: golden.path))
        }
    }
}
