import Foundation
import Testing
import RulePacks
import YAMLTree
@testable import FundLint

@Suite struct BuiltinPackTests {
    @Test func theBuiltinPacksLoad() {
        #expect(BuiltinPacks.problems.map { "\($0.range.start): \($0.message)" } == [])
        #expect(BuiltinPacks.pack("lipf-2026", complete: false) != nil)
        #expect(BuiltinPacks.pack("lipf-2026", complete: true) != nil)
        if case .failure(let errors) = PackLoader.load(RulePacks.core.bytes, path: "Rules/core.yaml", metadataOnly: true) {
            Issue.record("core.yaml: \(errors.diagnostics.map { "\($0.range.start): \($0.message)" })")
        }
        #expect(BuiltinPacks.coreRules.count >= 12)
    }
}

/// A built-in pack's message templates are compiled when first rendered, so a mistake in
/// one would not stop the pack from loading: these tests compile each pack in full, and
/// show that late compiling renders every message exactly as compiling at load does.
@Suite struct DeferredTemplateTests {
    @Test(arguments: RulePacks.funds)
    func eachBuiltinPackCompilesInFullWithoutAProblem(file: RulePacks.File) {
        if case .failure(let errors) = BuiltinPacks.eagerly(file) {
            Issue.record("Rules/\(file.name): \(errors.diagnostics.map { "\($0.range.start): \($0.message)" })")
        }
    }

    @Test(arguments: RulePacks.funds)
    func lateTemplatesRenderWhatEarlyOnesDo(file: RulePacks.File) throws {
        let early = try BuiltinPacks.eagerly(file).get().pack
        let late = try BuiltinPacks.load(file, metadataOnly: false, complete: true).get().pack
        // The pack as checking reads it, without examples or report, checks them the same.
        let forChecks = try BuiltinPacks.load(file, metadataOnly: false, complete: false).get().pack
        let earlyVerifier = PackVerifier(pack: early), lateVerifier = PackVerifier(pack: late)
        let checkVerifier = PackVerifier(pack: forChecks)
        var compared = 0
        for info in early.ruleInfos {
            for example in info.bad + info.good {
                let expected = earlyVerifier.diagnostics(of: example)
                #expect(lateVerifier.diagnostics(of: example) == expected, "\(info.id)")
                #expect(checkVerifier.diagnostics(of: example) == expected, "\(info.id)")
                compared += expected.filter { !$0.message.isEmpty }.count
            }
        }
        // Messages, notes and fixes were rendered, not only compared empty.
        #expect(compared >= early.ruleInfos.count)
        let earlyPlan = try early.initPlan(nil).get()
        #expect(try late.initPlan(nil).get() == earlyPlan)
        #expect(earlyPlan.contains("fund:"))
    }
}

@Suite struct BuiltinSnapshotTests {
    @Test(arguments: RulePacks.funds + [RulePacks.core])
    func eachBuiltinPackCarriesItsParsedFormAndItMatchesAParse(file: RulePacks.File) throws {
        let parsed = try #require(BuiltinPacks.parsed(file, complete: true), "Rules/\(file.name) has no usable snapshot")
        #expect(parsed == YAMLParser.parse(file.bytes))
    }

    /// A fund pack's snapshot for checks leaves out the examples, the example plan and the
    /// report, and the rest stays where it is in the file.
    @Test(arguments: RulePacks.funds)
    func checksReadAFundPackWithoutItsExamplesAndReport(file: RulePacks.File) throws {
        let complete = try #require(BuiltinPacks.parsed(file, complete: true)?.documents.first)
        let forChecks = try #require(BuiltinPacks.parsed(file, complete: false)?.documents.first, "Rules/\(file.name)")
        #expect(forChecks.nodeCount < complete.nodeCount * 2 / 3)
        let pack = try BuiltinPacks.load(file, metadataOnly: false, complete: false).get().pack
        #expect(!pack.hasReport)
        #expect(pack.examplePlan == nil)
        #expect(pack.ruleInfos.allSatisfy { $0.bad.isEmpty && $0.good.isEmpty })
        let full = try BuiltinPacks.load(file, metadataOnly: false, complete: true).get().pack
        #expect(full.hasReport)
        #expect(pack.ruleInfos.map(\.id) == full.ruleInfos.map(\.id))
        #expect(pack.ruleInfos.map(\.definedAt) == full.ruleInfos.map(\.definedAt))
        // Every scalar kept reads the same at the same place.
        var places: [SourceRange: String] = [:]
        for node in complete.allNodes where complete.kind(node) == .scalar { places[complete.range(node)] = complete.scalar(node) }
        for node in forChecks.allNodes where forChecks.kind(node) == .scalar && forChecks.scalarStyle(node) == .plain {
            #expect(places[forChecks.range(node)] == forChecks.scalar(node), "\(forChecks.range(node))")
        }
    }

    /// Leaving entries out keeps every other node where it was, blank lines after a `|`
    /// block out of its text, and refuses what it cannot leave out exactly.
    @Test func entriesAreLeftOutWithEverythingElseInPlace() throws {
        let text = "a:\n  keep: |\n    line\n  drop:\n    - x: é\n      y: 2\nb: é  # c\n"
        func dropping(_ document: YAMLDocument) -> [MappingEntry] {
            guard let root = document.root, let a = document.entries(root).first?.value else { return [] }
            return document.entries(a).filter { document.keyText($0.key) == "drop" }
        }
        let bytes = Array(text.utf8)
        let snapshot = try #require(YAMLSnapshot.encode(bytes, leavingOut: dropping))
        let stream = try #require(snapshot.utf8CString.withUnsafeBufferPointer { pointer in
            pointer.withMemoryRebound(to: UInt8.self) { YAMLSnapshot.decode(UnsafeBufferPointer(rebasing: $0.dropLast()), source: bytes) }
        })
        let document = try #require(stream.documents.first)
        let full = try #require(YAMLParser.parse(bytes).documents.first)
        #expect(document.nodeCount == full.nodeCount - 7)
        let scalars = document.allNodes.filter { document.kind($0) == .scalar }.map { "\(document.range($0).start) \(document.scalar($0) ?? "")" }
        #expect(scalars == ["1:1 a", "2:3 keep", "2:9 line\n", "7:1 b", "7:4 é"])
        // An anchor used outside what is left out cannot go.
        let anchored = Array("a: {drop: &x 1}\nb: *x\n".utf8)
        #expect(YAMLSnapshot.encode(anchored) { document in
            guard let root = document.root, let a = document.entries(root).first?.value else { return [] }
            return Array(document.entries(a))
        } == nil)
    }
}
