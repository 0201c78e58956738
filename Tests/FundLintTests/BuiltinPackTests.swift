import Foundation
import Testing
import RulePacks
@testable import FundLint

@Suite struct BuiltinPackTests {
    @Test func theBuiltinPacksLoad() {
        #expect(BuiltinPacks.problems.map { "\($0.range.start): \($0.message)" } == [])
        #expect(BuiltinPacks.pack("lipf-2026") != nil)
        if case .failure(let errors) = PackLoader.load(RulePacks.core, path: "Rules/core.yaml", metadataOnly: true) {
            Issue.record("core.yaml: \(errors.diagnostics.map { "\($0.range.start): \($0.message)" })")
        }
        #expect(BuiltinPacks.coreRules.count >= 12)
    }
}
