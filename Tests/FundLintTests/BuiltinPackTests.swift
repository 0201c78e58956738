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

@Suite struct BuiltinSnapshotTests {
    @Test(arguments: RulePacks.funds + [RulePacks.core])
    func eachBuiltinPackCarriesItsParsedFormAndItMatchesAParse(file: RulePacks.File) throws {
        let parsed = try #require(BuiltinPacks.parsed(file), "Rules/\(file.name) has no usable snapshot")
        #expect(parsed == YAMLParser.parse(file.bytes))
    }
}
