import Foundation
import Testing
import RulePacks
import YAMLTree
@testable import FundLint

@Suite struct BuiltinPackTests {
    @Test func theBuiltinPacksLoad() {
        #expect(BuiltinPacks.problems.map { "\($0.range.start): \($0.message)" } == [])
        #expect(BuiltinPacks.pack("lipf-2026") != nil)
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
        let late = try BuiltinPacks.load(file, metadataOnly: false).get().pack
        let earlyVerifier = PackVerifier(pack: early), lateVerifier = PackVerifier(pack: late)
        var compared = 0
        for info in early.ruleInfos {
            for example in info.bad + info.good {
                let expected = earlyVerifier.diagnostics(of: example)
                #expect(lateVerifier.diagnostics(of: example) == expected, "\(info.id)")
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
        let parsed = try #require(BuiltinPacks.parsed(file), "Rules/\(file.name) has no usable snapshot")
        #expect(parsed == YAMLParser.parse(file.bytes))
    }
}
