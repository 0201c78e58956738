import Foundation
import Synchronization
import Testing
@testable import FundLint

private let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Examples")

/// A checker lends one plan's field tables, origin records and evaluator arrays to the next
/// (``CheckScratch``). What it reports about a plan must not depend on the plans it checked
/// before, nor on other threads checking with it at the same time.
@Suite struct CheckScratchTests {
    /// The examples, a plan far larger than any of them (so smaller plans follow a larger
    /// one), and a file of several plans (so plans follow each other within one check).
    static let files: [(name: String, bytes: [UInt8])] = {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
        var files: [(name: String, bytes: [UInt8])] = names.compactMap { name in
            (try? Data(contentsOf: examples.appendingPathComponent(name))).map { (name, [UInt8]($0)) }
        }
        let base = TestPacks.lipf.examplePlan ?? ""
        let items = String(repeating: "    - category: staff\n      amount: 1000\n", count: 1000)
        files.append(("large.yaml", Array(base.replacingOccurrences(of: "  items:\n", with: "  items:\n" + items).utf8)))
        let several = files.prefix(6).map { String(decoding: $0.bytes, as: UTF8.self) }.joined(separator: "\n---\n")
        files.append(("several.yaml", Array(several.utf8)))
        return files
    }()

    static var options: CheckOptions {
        var options = CheckOptions()
        options.reportRows = true
        return options
    }

    /// What a report says: its diagnostics, and what it keeps for portfolio rules and the
    /// reviewer report, as text.
    static func said(_ report: FileReport) -> [String] {
        report.diagnostics.map { "\($0.range) \($0.rule) \($0.message) \($0.yamlPath) \($0.notes.map(\.message))" }
            + report.facts.flatMap { plan in
                plan.rules.map { facts in
                    facts.map { "\($0.key ?? "-") \($0.amount.map(String.init) ?? "-") \($0.range) \($0.path)" } ?? "none"
                }
            }
            + report.rows.map { "\($0.text.sorted { $0.key < $1.key }) \($0.money.sorted { $0.key < $1.key }) \($0.group ?? "-")" }
    }

    /// Each file checked by a checker of its own.
    static let alone: [[String]] = files.map { said(PlanChecker(pack: TestPacks.lipf, options: options).check($0.bytes, path: $0.name)) }

    @Test func theFilesIncludeALargePlanAndSeveralInOneFile() throws {
        #expect(Self.files.count > 8)
        let large = try #require(Self.files.first { $0.name == "large.yaml" })
        #expect(large.bytes.count > 10 * (Self.files.first?.bytes.count ?? 0))
        // The items went into the budget's list: they no longer add up to the total.
        let largeReport = PlanChecker(pack: TestPacks.lipf).check(large.bytes, path: large.name)
        #expect(largeReport.diagnostics.map(\.rule) == ["budget/total-matches-items"])
        #expect(PlanChecker(pack: TestPacks.lipf).check(Self.files.last?.bytes ?? [], path: "several.yaml").plans == 6)
    }

    @Test(arguments: ["in order", "reversed", "interleaved"])
    func oneCheckerReportsEachFileAsACheckerOfItsOwn(order: String) {
        let checker = PlanChecker(pack: TestPacks.lipf, options: Self.options)
        let indices = Array(Self.files.indices)
        let sequence: [Int] = switch order {
        case "reversed": indices.reversed()
        case "interleaved": indices.flatMap { [$0, indices.count - 1 - $0] }
        default: indices
        }
        for index in sequence {
            let file = Self.files[index]
            #expect(Self.said(checker.check(file.bytes, path: file.name)) == Self.alone[index], "\(file.name)")
        }
    }

    @Test func threadsSharingACheckerReportAsCheckersOfTheirOwn() {
        let checker = PlanChecker(pack: TestPacks.lipf, options: Self.options)
        let count = Self.files.count
        let differing = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            for turn in 0..<(3 * count) {
                let index = (turn * (thread + 1) + thread) % count
                let file = Self.files[index]
                if Self.said(checker.check(file.bytes, path: file.name)) != Self.alone[index] {
                    differing.withLock { $0.append(file.name) }
                }
            }
        }
        #expect(differing.withLock { $0 } == [])
    }
}
