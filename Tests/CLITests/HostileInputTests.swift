import Foundation
import Testing

/// Inputs written to break a linter, generated here (no giant files in git). Each must end
/// in bounded time and memory without a crash, with a positioned diagnostic and the right
/// exit status, and no control character from the input may reach the output raw.
@Suite(.serialized) struct HostileInputTests {
    /// 2 GiB of address space and 120 s are far more than any of these needs (a sanitizer
    /// build reserves terabytes of address space, so there only time is limited).
    static let limits = (memoryKiB: ProcessInfo.processInfo.environment["FUNDLINT_SANITIZER"] == nil ? 2 * 1024 * 1024 : 0, seconds: 120.0)

    static var validPlan: String {
        (try? String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("Examples/west-midlands-bus-delays.yaml"), encoding: .utf8)) ?? ""
    }

    private func check(_ bytes: [UInt8], _ extra: [String] = []) throws -> CommandRunner.Result {
        let result = try CommandRunner.run(["--no-source", "--format", "json", "-"] + extra, stdin: Data(bytes), limits: Self.limits)
        #expect(result.status != -1, "did not finish within \(Self.limits.seconds) s")
        #expect(result.status == 0 || result.status == 1, "exit \(result.status): \(result.stderr.prefix(500))")
        #expect(!result.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F || (0x80...0x9F).contains($0.value) || $0 == "\u{202E}" })
        return result
    }

    private func rules(_ result: CommandRunner.Result) -> [String] {
        let object = try? JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any]
        return (object?["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
    }

    private func diagnostics(_ result: CommandRunner.Result) -> [[String: Any]] {
        let object = try? JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any]
        return object?["diagnostics"] as? [[String: Any]] ?? []
    }

    private func first(_ result: CommandRunner.Result) -> [String: Any] {
        let object = try? JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any]
        return (object?["diagnostics"] as? [[String: Any]])?.first ?? [:]
    }

    @Test func hundredThousandNestedFlowCollections() throws {
        let result = try check(Array(String(repeating: "[", count: 100_000).utf8))
        #expect(rules(result) == ["yaml/limits"])
        #expect(first(result)["column"] as? Int == 257)
    }

    @Test func deepBlockMappingsAndSequences() throws {
        var mappings = ""
        var sequences = ""
        for depth in 0..<1_500 {
            mappings += String(repeating: " ", count: depth) + "k:\n"
            sequences += String(repeating: " ", count: depth) + "-\n"
        }
        #expect(rules(try check(Array(mappings.utf8))) == ["yaml/limits"])
        #expect(rules(try check(Array(sequences.utf8))) == ["yaml/limits"])
    }

    @Test func billionLaughsAndMergeBombs() throws {
        var laughs = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 { laughs += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        #expect(rules(try check(Array(laughs.utf8))) == ["yaml/limits"])
        var merges = "m0: &m0 {" + (0..<100).map { "k\($0): v" }.joined(separator: ", ") + "}\n"
        for level in 1...300 { merges += "m\(level): &m\(level) {<<: [*m\(level - 1), *m\(level - 1)], x\(level): 1}\n" }
        #expect(rules(try check(Array(merges.utf8))) == ["yaml/limits"])
    }

    @Test func undefinedAndSelfReferencingAliases() throws {
        #expect(rules(try check(Array("fund: *nowhere\n".utf8))) == ["yaml/syntax"])
        let recursive = try check(Array("project: &p {title: *p}\n".utf8))
        #expect(rules(recursive) == ["yaml/syntax"])
        #expect(first(recursive)["column"] as? Int == 21)
    }

    @Test func invalidUTF8NULAndBinaryGarbage() throws {
        let utf8 = try check(Array("fund: lipf-2026\ntitle: caf".utf8) + [0xC3, 0x28] + Array("\n".utf8))
        #expect(rules(utf8) == ["yaml/syntax"])
        #expect(first(utf8)["line"] as? Int == 2)
        // libyaml reports the offset of the bad trailing byte, after the lead byte.
        #expect(first(utf8)["column"] as? Int == 12)
        let nul = try check(Array("fund: lipf".utf8) + [0] + Array("2026\n".utf8))
        #expect(rules(nul) == ["yaml/syntax"])
        #expect(first(nul)["column"] as? Int == 11)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let garbage = (0..<4_096).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = try check(garbage)
        }
    }

    @Test func sizeLimitsAndHugeScalars() throws {
        let big = Array(Self.validPlan.replacingOccurrences(of: "title: AI for bus delay prediction",
                                                            with: "title: " + String(repeating: "x", count: 2_000_000)).utf8)
        let fine = try check(big)
        #expect(fine.status == 0)
        let refused = try check(big, ["--max-file-size", "1000000"])
        #expect(rules(refused) == ["yaml/limits"])
        let compiler = try CommandRunner.run(["-"], stdin: Data(Array(("fund: [" + String(repeating: "x", count: 2_000_000)).utf8)), limits: Self.limits)
        #expect(compiler.status == 1)
        #expect(compiler.stdout.count < 10_000, "the source snippet of a 2 MB line is cut")
    }

    @Test func manyKeysDuplicatesAndDocuments() throws {
        let keys = (0..<100_000).map { "k\($0): 1" }.joined(separator: "\n") + "\n"
        // With none of a plan's keys it is not a plan: one diagnostic. With one, each other
        // key is unknown.
        #expect(rules(try check(Array(keys.utf8))) == ["schema/required"])
        // A file reports at most 10,000 diagnostics: the missing required keys (errors) are
        // kept before the unknown keys (warnings), and one yaml/limits error counts the rest
        // (100,000 unknown keys, 4 missing keys, and the outcomes/declared warning).
        let manyKeys = try check(Array((keys + "fund: lipf-2026\n").utf8))
        let found = rules(manyKeys)
        #expect(found.count == 10_001)
        #expect(found.filter { $0 == "schema/required" }.count == 4)
        #expect(found.filter { $0 == "schema/unknown-key" }.count == 9_996)
        let limit = try #require(diagnostics(manyKeys).first { $0["rule"] as? String == "yaml/limits" })
        let message = limit["message"] as? String
        #expect(message == "the file has 100005 problems, more than the 10000 a file may report: 90005 are left out (errors are kept before warnings), the first of them here")
        // At the earliest left out: the outcomes/declared warning, at the document's start.
        #expect(limit["line"] as? Int == 1)
        // Reading stops at the 10,001st duplicate key.
        let duplicates = try check(Array(String(repeating: "k: 1\n", count: 100_000).utf8))
        #expect(rules(duplicates) == ["yaml/limits"])
        #expect(first(duplicates)["line"] as? Int == 10_002)
        // 10,000 documents, the most a file may hold: 9,999 plans and an empty one at the end.
        let documents = String(repeating: Self.validPlan.replacingOccurrences(of: "  reference: LIPF-WM-0042\n", with: "") + "---\n", count: 9_999)
        let many = try check(Array(documents.utf8))
        let object = try JSONSerialization.jsonObject(with: many.stdoutBytes) as? [String: Any]
        #expect((object?["summary"] as? [String: Int])?["plans"] == 10_000)
        #expect(!rules(many).contains("yaml/limits"))
    }

    @Test func aWaiverOnEachOfTwoHundredThousandLines() throws {
        // Each waiver finds the diagnostics of its line without going through all of them,
        // and those left out past the limit do not make their waivers "unused".
        let lines = (0..<200_000).map { "k\($0): 1 # fundlint: disable-line schema/unknown-key -- imported" }
        let result = try check(Array((Self.validPlan + lines.joined(separator: "\n") + "\n").utf8))
        #expect(result.status == 1)
        let found = diagnostics(result)
        #expect(found.count == 10_001)
        let waived = found.filter { $0["suppressed"] as? Bool == true }
        #expect(waived.count == 10_000)
        let shown = found.filter { $0["suppressed"] as? Bool != true }.compactMap { $0["rule"] as? String }
        #expect(shown == ["yaml/limits"])
    }

    @Test func twoHundredThousandWaiversOfAPortfolioRule() throws {
        // Waivers of portfolio rules are applied once the run's plans are seen: each finds
        // its diagnostics by line, and those that waive nothing are reported up to the
        // file's limit, then counted.
        let lines = String(repeating: "# fundlint: disable-line portfolio/duplicate-reference -- imported\n", count: 200_000)
        let result = try check(Array((Self.validPlan + lines).utf8))
        #expect(result.status == 1)
        let found = diagnostics(result)
        #expect(found.count == 10_001)
        #expect(found.filter { $0["rule"] as? String == "suppression/unused" }.count == 10_000)
        let limit = try #require(found.first { $0["rule"] as? String == "yaml/limits" })
        let message = limit["message"] as? String
        #expect(message == "the file has 200000 problems, more than the 10000 a file may report: 190000 are left out (errors are kept before warnings), the first of them here")
    }

    @Test func aMillionTinyDocumentsStopAtTheDocumentLimit() throws {
        // Four megabytes of `---` lines would be a million empty plans, each with its own
        // diagnostic: reading stops at the 10,001st.
        let result = try check(Array(String(repeating: "---\n", count: 1_000_000).utf8))
        let found = rules(result)
        #expect(found.count == 10_001)
        #expect(found.filter { $0 == "plan/empty" }.count == 10_000)
        let object = try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any]
        let last = (object?["diagnostics"] as? [[String: Any]])?.last ?? [:]
        #expect(last["rule"] as? String == "yaml/limits")
        #expect(last["line"] as? Int == 10_001)
        #expect((object?["summary"] as? [String: Int])?["plans"] == 10_001)
    }

    @Test func oddKeysMergesOfScalarsAndDirectives() throws {
        #expect(rules(try check(Array("? [a, b]\n: 1\nfund: lipf-2026\n".utf8))).contains("schema/type"))
        #expect(rules(try check(Array("k: &k fund\n*k : lipf-2026\n".utf8))).contains("schema/unknown-key"))
        #expect(rules(try check(Array("project:\n  <<: scalar\n".utf8))) == ["yaml/syntax"])
        #expect(rules(try check(Array("%YAML 2.0\n---\nfund: lipf-2026\n".utf8))) == ["yaml/syntax"])
        let tagged = try check(Array(("%TAG !x! tag:example.com,2026:\n---\n" + Self.validPlan.replacingOccurrences(of: "fund: lipf-2026", with: "fund: !x!f lipf-2026")).utf8))
        #expect(rules(tagged) == ["yaml/tag"])
    }

    @Test func absurdNumbersAndDates() throws {
        func plan(_ from: String, _ to: String) -> [UInt8] { Array(Self.validPlan.replacingOccurrences(of: from, with: to).utf8) }
        #expect(rules(try check(plan("requested: 1_800_000", "requested: 99999999999999999999999"))) == ["schema/range"])
        #expect(rules(try check(plan("requested: 1_800_000", "requested: .inf"))) == ["schema/type"])
        #expect(rules(try check(plan("requested: 1_800_000", "requested: 0x1B7740"))) == ["schema/type"])
        #expect(rules(try check(plan("end_date: 2029-03-31", "end_date: 2029-02-29"))) == ["schema/format"])
        let overflow = plan("    - {category: travel, amount: 100_000}", String(repeating: "    - {category: travel, amount: 9223372036854775807}\n", count: 40))
        let result = try check(overflow)
        #expect(rules(result).contains("budget/total-matches-items"))
        #expect(result.stdout.contains("budget items add up to £368,934,881,474,194,632,280, but the total is £3,700,000"))
    }

    @Test func terminalEscapesInValuesAreShownEscaped() throws {
        let hostile = Self.validPlan.replacingOccurrences(of: "region: west-midlands", with: "region: \"west\\e[2J\\a\\u202Emidlands\"")
        let result = try CommandRunner.run(["-"], stdin: Data(hostile.utf8), limits: Self.limits)
        #expect(result.status == 1)
        #expect(result.stdout.contains("'west\\u{1B}[2J\\u{7}\\u{202E}midlands' is not a known place"))
        #expect(!result.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7}" || $0 == "\u{202E}" })
    }

    @Test func byteOrderMarksAndCRLFPassWithCorrectPositions() throws {
        let plan = Self.validPlan
        let crlf = Array(plan.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let bom8 = [0xEF, 0xBB, 0xBF] + Array(plan.utf8)
        var bom16: [UInt8] = [0xFF, 0xFE]
        for unit in plan.utf16 { bom16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        for bytes in [crlf, bom8, bom16] {
            #expect(try check(bytes).status == 0)
            let broken = try check(Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "west-midlands\r\n  sectors", with: "west-midland\r\n  sectors").utf8))
            _ = broken
        }
        let typo = Array(plan.replacingOccurrences(of: "  region: west-midlands", with: "  region: west-midland").replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let located = try check([0xEF, 0xBB, 0xBF] + typo)
        #expect(first(located)["line"] as? Int == 9)
        #expect(first(located)["column"] as? Int == 11)
    }
}
