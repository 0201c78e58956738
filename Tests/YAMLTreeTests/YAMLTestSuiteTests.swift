import Foundation
import Testing
@testable import YAMLTree

/// The tree builder against the public yaml-test-suite, with a raw libyaml event loop as
/// the oracle for verdicts and positions.
@Suite struct YAMLTestSuiteTests {
    @Test(.enabled(if: YAMLTestSuite.root != nil, "the yaml-test-suite data is not available: set FUNDLINT_YAML_TEST_SUITE"),
          arguments: YAMLTestSuite.cases)
    func agreesWithLibyaml(_ testCase: YAMLTestSuite.Case) throws {
        let input = try #require(YAMLTestSuite.bytes(testCase.directory + "/in.yaml"))
        let oracle = RawLibyaml.run(input)
        let stream = YAMLParser.parse(input)
        let syntax = stream.documents.flatMap(\.problems).filter { $0.kind == .syntax }

        let libyamlRejects = oracle.failure != nil || oracle.undefinedAlias
        #expect(syntax.isEmpty != libyamlRejects, "yaml/syntax \(syntax.map(\.message)) but libyaml \(libyamlRejects ? "rejects" : "accepts")")
        #expect(syntax.count <= 1, "one syntax problem at most")

        if let failure = oracle.failure, let problem = syntax.first {
            if let line = failure.line, let column = failure.column {
                #expect(problem.range.start == SourceLocation(line: line, column: column))
            } else if let offset = failure.offset {
                #expect(problem.range.start == ByteLocator.location(ofByteOffset: offset, in: input))
            }
        }

        let suiteSaysError = FileManager.default.fileExists(atPath: testCase.directory + "/error")
        var libyamlDisagrees = suiteSaysError != libyamlRejects
        if !libyamlRejects {
            // The tree holds exactly what libyaml reported: kinds, values, keys in order,
            // anchors, aliases and tags.
            #expect(EventText.render(stream) == oracle.events)
            if !suiteSaysError, let expected = YAMLTestSuite.bytes(testCase.directory + "/test.event") {
                let lines = String(decoding: expected, as: UTF8.self).split(separator: "\n").map { EventText.normalize(String($0)) }
                libyamlDisagrees = lines != oracle.events
            }
        }
        let known = LibyamlDisagreements.cases[testCase.id]
        if libyamlDisagrees {
            #expect(known != nil, "libyaml disagrees with the suite on \(testCase.id) and the case is not listed")
        } else {
            #expect(known == nil, "\(testCase.id) is listed as a libyaml disagreement but libyaml now agrees")
        }
    }
}
