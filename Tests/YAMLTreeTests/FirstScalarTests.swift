import Testing
@testable import YAMLTree

/// The early-stopping key lookup must agree with the whole tree wherever it answers.
@Suite struct FirstScalarTests {
    /// What the whole tree says: the first document's root mapping's effective pair for `key`.
    private func fromTree(_ key: String, _ bytes: [UInt8]) -> String? {
        let stream = YAMLParser.parse(bytes)
        guard let document = stream.documents.first, let root = document.root else { return nil }
        let entry = document.effectiveEntries(root).first { document.keyText($0.key) == key }
        return entry.flatMap { document.scalar(document.resolve($0.value)) }
    }

    @Test(.enabled(if: YAMLTestSuite.root != nil, "the yaml-test-suite data is not available: set FUNDLINT_YAML_TEST_SUITE"))
    func agreesWithTheTreeOnTheYAMLTestSuite() throws {
        var answered = 0
        for testCase in YAMLTestSuite.cases {
            let input = try #require(YAMLTestSuite.bytes(testCase.directory + "/in.yaml"))
            let stream = YAMLParser.parse(input)
            guard let document = stream.documents.first, document.problems.isEmpty, let root = document.root else { continue }
            // Every root key of the case, and one that is never there.
            let keys = document.entries(root).compactMap { document.keyText($0.key) } + ["fund"]
            for key in keys {
                let quick = YAMLParser.firstScalar(forKey: key, in: input)
                guard quick.found else { continue }
                answered += 1
                let hasDuplicates = document.entries(root).filter { document.keyText($0.key) == key }.count > 1
                if !hasDuplicates {
                    #expect(quick.value == fromTree(key, input), "\(testCase.id): key '\(key)'")
                }
            }
        }
        #expect(answered > 100)
    }

    @Test(arguments: [
        ("fund: lipf-2026\nproject: {}\n", "lipf-2026", true),
        ("project:\n  fund: nested\nfund: top\n", "top", true),
        ("project: [fund, 1]\n", nil, true),
        ("fund: {id: x}\n", nil, true),
        ("- fund\n", nil, true),
        ("base: &b x\nfund: *b\n", nil, false),
        ("<<: {fund: merged}\n", nil, false),
        ("fund: [unclosed\n", nil, true),
        ("project: [unclosed\nfund: x\n", nil, false),
        ("? [complex]\n: 1\nfund: after\n", "after", true),
        ("", nil, false),
    ] as [(String, String?, Bool)])
    func readsOnlyWhatItCanTell(_ text: String, _ value: String?, _ found: Bool) {
        let quick = YAMLParser.firstScalar(forKey: "fund", in: Array(text.utf8))
        #expect(quick.found == found)
        if found {
            #expect(quick.value == value)
            #expect(fromTree("fund", Array(text.utf8)) == value)
        }
    }
}
