import Foundation
import Testing
@testable import YAMLTree
import TestSupport

@Suite struct TreeTests {
    private func parse(_ source: MarkedSource) -> YAMLDocument? {
        YAMLParser.parse(source.bytes).documents.first
    }

    private func lookup(_ document: YAMLDocument, _ mapping: NodeID, _ key: String) -> MappingEntry? {
        document.effectiveEntries(document.resolve(mapping)).first { document.keyText($0.key) == key }
    }

    @Test func scalarsKnowTheirPositionsInUnicodeScalars() throws {
        let source = MarkedSource("""
        title: 1️⃣"Café ☕ 日本"
        items: [2️⃣a, 3️⃣"ü", 4️⃣c]
        """)
        let document = try #require(parse(source))
        let root = try #require(document.root)
        let title = try #require(lookup(document, root, "title"))
        #expect(document.range(title.value).start == source[1])
        #expect(document.range(title.value).end == SourceLocation(line: 1, column: 19))
        #expect(document.scalar(title.value) == "Café ☕ 日本")
        #expect(document.scalarStyle(title.value) == .doubleQuoted)
        let items = try #require(lookup(document, root, "items"))
        #expect(document.items(items.value).map { document.range($0).start } == [source[2], source[3], source[4]])
        #expect(document.isFlow(items.value))
    }

    @Test func aliasesKeepTheirOwnPositionAndPointAtTheirTarget() throws {
        let source = MarkedSource("""
        base: 1️⃣&b {x: 1}
        use: 2️⃣*b
        """)
        let document = try #require(parse(source))
        let root = try #require(document.root)
        let use = try #require(lookup(document, root, "use"))
        #expect(document.kind(use.value) == .alias)
        #expect(document.range(use.value).start == source[2])
        let target = try #require(document.aliasTarget(use.value))
        #expect(document.range(target).start == source[1])
        #expect(document.anchor(target) == "b")
    }

    /// Tags and anchors are kept beside the node records, which only say whether a node has
    /// them: each node must still read back its own, and the nodes without any none.
    @Test func tagsAndAnchorsAreReadBackForTheirOwnNodes() throws {
        let source = MarkedSource("""
        plain: 1️⃣x
        tagged: 2️⃣!!str 5
        anchored: 3️⃣&a y
        both: 4️⃣&m !!map {k: v}
        alias: 5️⃣*a
        seq: 6️⃣!!seq [7️⃣!!null ~, 8️⃣null]
        """)
        let document = try #require(parse(source))
        let root = try #require(document.root)
        let values = try ["plain", "tagged", "anchored", "both", "alias", "seq"].map { try #require(lookup(document, root, $0)).value }
        #expect(values.map { document.tag($0) }
                == [nil, YAMLTags.string, nil, YAMLTags.prefix + "map", nil, YAMLTags.prefix + "seq"])
        #expect(values.map { document.anchor($0) } == [nil, nil, "a", "m", "a", nil])
        let items = document.items(values[5])
        #expect(items.map { document.tag($0) } == [YAMLTags.null, nil])
        #expect(items.map { document.isNull($0) } == [true, true])
        #expect(document.range(values[3]).start == source[4])
        #expect(items.map { document.range($0).start } == [source[7], source[8]])
        #expect(!document.isSimple)
        #expect(try #require(parse(MarkedSource("a: 1\nb: [c]\n"))).isSimple)
    }

    /// A node record's size is what a large plan's tree costs: 4.3 million nodes for half a
    /// million budget items, so four bytes more a record are 17 MB more memory written.
    @Test func aNodeRecordTakesTwentyBytes() {
        #expect(MemoryLayout<NodeRecord>.stride == 20)
    }

    @Test func mergesFollowYAML11Precedence() throws {
        let source = MarkedSource("""
        one: &one {a: 1, b: 1}
        two: &two {b: 2, c: 2}
        merged:
          <<: [1️⃣*one, *two]
          a: explicit
        single:
          <<: 2️⃣*two
          d: 4
        """)
        let document = try #require(parse(source))
        #expect(document.problems.isEmpty)
        let root = try #require(document.root)
        let merged = try #require(lookup(document, root, "merged")).value
        let values = Dictionary(uniqueKeysWithValues: document.effectiveEntries(merged).map {
            (document.keyText($0.key) ?? "", document.scalar(document.resolve($0.value)) ?? "")
        })
        #expect(values == ["a": "explicit", "b": "1", "c": "2"])
        let b = try #require(lookup(document, merged, "b"))
        #expect(b.mergedVia.map { document.range($0).start } == source[1])
        #expect(lookup(document, merged, "a")?.mergedVia == nil)
        let single = try #require(lookup(document, root, "single")).value
        #expect(lookup(document, single, "c")?.mergedVia.map { document.range($0).start } == source[2])
        #expect(document.effectiveEntries(single).count == 3)
    }

    @Test func duplicateKeysAreReportedAtTheSecondWithANoteAtTheFirst() throws {
        let source = MarkedSource("""
        base: &b {x: 1}
        m:
          <<: *b
          x: 2
          1️⃣ü: 1
          k: 2
          2️⃣ü: 3
        """)
        let document = try #require(parse(source))
        #expect(document.problems.count == 1)
        let problem = try #require(document.problems.first)
        #expect(problem.kind == .duplicateKey)
        #expect(problem.range.start == source[2])
        #expect(problem.notes.first?.range.start == source[1])
        #expect(problem.message.contains("'ü'"))
        let root = try #require(document.root)
        let m = try #require(lookup(document, root, "m")).value
        #expect(lookup(document, m, "ü").flatMap { document.scalar($0.value) } == "3")
    }


    /// Keys are told apart code point for code point, as YAML compares them: `é` written as
    /// one code point and as `e` plus a combining accent are two keys, in a small mapping
    /// (compared directly) and in a large one (hashed) alike; through an alias a key is the
    /// text it points at.
    @Test(arguments: [1, 20])
    func keysAreComparedCodePointForCodePoint(padding: Int) throws {
        let filler = (0..<padding).map { "k\($0): 0\n" }.joined()
        let input = Array("\(filler)caf\u{E9}: 1\ncafe\u{301}: 2\nname: &n x\n*n : 3\nx: 4\n".utf8)
        let document = try #require(YAMLParser.parse(input).documents.first)
        let problems = document.problems.map(\.message)
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.hasPrefix("duplicate key 'x'") == true, "\(problems)")
        let root = try #require(document.root)
        let keys = document.entries(root).map(\.key)
        let precomposed = keys[padding]
        let decomposed = keys[padding + 1]
        #expect(!document.sameKeyText(precomposed, decomposed))
        #expect(document.keyUTF8(precomposed).map(Array.init) == Array("caf\u{E9}".utf8))
        #expect(document.keyUTF8(decomposed).map(Array.init) == Array("cafe\u{301}".utf8))
        // The alias key `*n` reads as `x`, which the last key repeats.
        #expect(document.keyText(keys[padding + 3]) == "x")
        #expect(document.keyUTF8(keys[padding + 2]).map(Array.init) == Array("name".utf8))
        #expect(document.scalarUTF8(keys[padding + 3]) == nil)
        #expect(document.sameKeyText(keys[padding + 3], document.resolve(keys[padding + 3])))
    }
    @Test(arguments: ["!!binary aGVsbG8=", "!local x", "!!set {a}", "!!timestamp 2026-01-01", "!!python/name:os.system x"])
    func nonCoreTagsAreProblems(_ value: String) throws {
        let source = MarkedSource("ok: !!str x\nbad: 1️⃣\(value)\n")
        let document = try #require(parse(source))
        #expect(document.problems.map(\.kind) == [.tag])
        #expect(document.problems.first?.range.start == source[1])
    }

    @Test func undefinedAndRecursiveAliasesAreSyntaxErrors() throws {
        let undefined = MarkedSource("a: 1\nb: 1️⃣*nothing\n")
        let first = try #require(parse(undefined))
        #expect(first.problems.map(\.kind) == [.syntax])
        #expect(first.problems.first?.range.start == undefined[1])
        #expect(!first.isComplete)

        let recursive = MarkedSource("a: &a [1, 1️⃣*a]\n")
        let second = try #require(parse(recursive))
        #expect(second.problems.map(\.kind) == [.syntax])
        #expect(second.problems.first?.range.start == recursive[1])
    }

    @Test func aMergeOfAScalarIsAnError() throws {
        let source = MarkedSource("m:\n  <<: 1️⃣oops\n")
        let document = try #require(parse(source))
        #expect(document.problems.map(\.kind) == [.syntax])
        #expect(document.problems.first?.range.start == source[1])
    }

    @Test func deepFlowNestingStopsAtTheLimitQuickly() throws {
        let bytes = Array(String(repeating: "[", count: 100_000).utf8)
        let stream = YAMLParser.parse(bytes)
        let problem = try #require(stream.documents.last?.problems.first)
        #expect(problem.kind == .limits)
        #expect(problem.range.start == SourceLocation(line: 1, column: 257))
    }

    @Test func deepBlockNestingStopsAtTheLimit() throws {
        var text = ""
        for depth in 0..<1_500 { text += String(repeating: " ", count: depth) + "k:\n" }
        let stream = YAMLParser.parse(Array(text.utf8))
        #expect(stream.documents.last?.problems.first?.kind == .limits)
        #expect(stream.documents.last?.problems.first?.range.start.line == 257)
    }

    @Test func billionLaughsIsStoppedByTheExpansionBudget() throws {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let stream = YAMLParser.parse(Array(text.utf8))
        let problem = try #require(stream.documents.first?.problems.first)
        #expect(problem.kind == .limits)
        #expect(problem.message.contains("expand"))
    }

    @Test func mergeBombIsStoppedByTheExpansionBudget() throws {
        var text = "m0: &m0 {" + (0..<50).map { "k\($0): v" }.joined(separator: ", ") + "}\n"
        for level in 1...200 {
            text += "m\(level): &m\(level) {<<: [*m\(level - 1)], x\(level): 1}\n"
        }
        text += "all: [" + Array(repeating: "{<<: *m200}", count: 2_000).joined(separator: ", ") + "]\n"
        let stream = YAMLParser.parse(Array(text.utf8))
        #expect(stream.documents.first?.problems.first?.kind == .limits)
    }

    @Test func invalidUTF8IsPositionedFromItsByteOffset() throws {
        var bytes = Array("a: 1\nbé: 2\nc: x".utf8)
        bytes.append(0xFF)
        bytes += Array(" y\n".utf8)
        let problem = try #require(YAMLParser.parse(bytes).documents.last?.problems.first)
        #expect(problem.kind == .syntax)
        #expect(problem.range.start == SourceLocation(line: 3, column: 5))
        #expect(problem.message.contains("0xFF"))
    }

    @Test func nulBytesArePositioned() throws {
        let bytes = Array("a: 1\nb: x".utf8) + [0] + Array("y\n".utf8)
        let problem = try #require(YAMLParser.parse(bytes).documents.last?.problems.first)
        #expect(problem.kind == .syntax)
        #expect(problem.range.start == SourceLocation(line: 2, column: 5))
    }

    @Test func byteOrderMarksAndCRLFKeepPositions() throws {
        let source = MarkedSource("a: 1\nb: 1️⃣é\n")
        let crlf = Array(source.text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let utf8BOM = [0xEF, 0xBB, 0xBF] + source.bytes
        var utf16LE: [UInt8] = [0xFF, 0xFE]
        var utf16BE: [UInt8] = [0xFE, 0xFF]
        for unit in source.text.utf16 {
            utf16LE += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            utf16BE += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        for bytes in [crlf, utf8BOM, utf16LE, utf16BE] {
            let document = try #require(YAMLParser.parse(bytes).documents.first)
            #expect(document.problems.isEmpty)
            let root = try #require(document.root)
            let b = try #require(lookup(document, root, "b"))
            #expect(document.range(b.value).start == source[1])
            #expect(document.scalar(b.value) == "é")
        }
    }

    @Test func documentsPastTheLimitStopReadingAtTheFirstOneOver() throws {
        let limits = YAMLLimits(maxDocuments: 2)
        // An implicit first document, then explicit ones: the third is over the limit, shown
        // at its `---`, and nothing after it is read (not even the syntax error).
        let stream = YAMLParser.parse(Array("a: 1\n---\nb: 2\n--- c\n---\nd: [\n".utf8), limits: limits)
        #expect(stream.documents.count == 3)
        #expect(stream.documents.prefix(2).allSatisfy { $0.isComplete && $0.problems.isEmpty })
        let over = try #require(stream.documents.last)
        #expect(!over.isComplete)
        #expect(over.root == nil)
        #expect(over.problems.map(\.kind) == [.limits])
        #expect(over.problems.first?.range == SourceRange(start: SourceLocation(line: 4, column: 1), end: SourceLocation(line: 4, column: 4)))
        #expect(over.problems.first?.message == "the file holds more than 2 documents, the limit for a file; reading stops here")
        // At the limit exactly, every document is read.
        let atLimit = YAMLParser.parse(Array("a: 1\n---\nb: 2\n".utf8), limits: limits)
        #expect(atLimit.documents.map(\.isComplete) == [true, true])
        // The default allows 10,000, and a megabyte of `---` lines stops at the next one.
        let dashes = YAMLParser.parse(Array(String(repeating: "---\n", count: 250_000).utf8))
        #expect(dashes.documents.count == 10_001)
        #expect(dashes.documents.last?.problems.first?.range.start == SourceLocation(line: 10_001, column: 1))
    }

    @Test func problemsPastTheLimitStopReadingAtTheFirstOneOver() throws {
        let limits = YAMLLimits(maxProblems: 2)
        // Two duplicate keys in the first document are at the limit; the tag in the second
        // is one over: reading stops there, and that document keeps only the limit problem.
        let stream = YAMLParser.parse(Array("a: 1\na: 2\na: 3\n---\nb: !custom x\nc: 1\n---\nd: 1\n".utf8), limits: limits)
        #expect(stream.documents.count == 2)
        #expect(stream.documents[0].isComplete)
        #expect(stream.documents[0].problems.map(\.kind) == [.duplicateKey, .duplicateKey])
        let over = stream.documents[1]
        #expect(!over.isComplete)
        #expect(over.problems.map(\.kind) == [.limits])
        #expect(over.problems.first?.range.start == SourceLocation(line: 5, column: 4))
        #expect(over.problems.first?.message
                == "the file has more than 2 duplicate keys or unsupported tags, the limit for a file; reading stops here")
        // At the limit exactly, the whole file is read.
        let atLimit = YAMLParser.parse(Array("a: 1\na: 2\n---\nb: !custom x\n".utf8), limits: limits)
        #expect(atLimit.documents.map(\.isComplete) == [true, true])
        #expect(atLimit.documents.flatMap(\.problems).map(\.kind) == [.duplicateKey, .tag])
    }

    @Test func commentsAreFoundOnlyBetweenTokensAndCanBeFilteredByTheirStart() {
        let text = "# one\na: '# not a comment' # two\nb: |\n  # not one either\n#\tfundlint: three\nc: 1 #fundlint:four\n"
        let all = YAMLParser.comments(in: Array(text.utf8))
        #expect(all.comments.map(\.text) == [" one", " two", "\tfundlint: three", "fundlint:four"])
        #expect(all.comments[1].range == SourceRange(start: SourceLocation(line: 2, column: 22), end: SourceLocation(line: 2, column: 27)))
        let directives = YAMLParser.comments(in: Array(text.utf8), startingWith: "fundlint:")
        #expect(directives.comments.map(\.text) == ["\tfundlint: three", "fundlint:four"])
        #expect(directives.comments.map(\.range.start.line) == [5, 6])
        #expect(directives.lineHoldsContent(2) && !directives.lineHoldsContent(5))
    }

    @Test func commentPositionsCountCharactersInEveryEncoding() {
        // Columns count Unicode scalars (é is one, the emoji one), \r\n is one line break,
        // a byte order mark is no character, and U+0085 breaks a line as libyaml reads it.
        let text = "\u{FEFF}a: é\u{1F600} # one\r\nb: 2 #two\u{85}# three"
        let utf8 = YAMLParser.comments(in: Array(text.utf8))
        let expected = [
            SourceRange(start: SourceLocation(line: 1, column: 7), end: SourceLocation(line: 1, column: 12)),
            SourceRange(start: SourceLocation(line: 2, column: 6), end: SourceLocation(line: 2, column: 10)),
            SourceRange(start: SourceLocation(line: 3, column: 1), end: SourceLocation(line: 3, column: 8)),
        ]
        #expect(utf8.comments.map(\.text) == [" one", "two", " three"])
        #expect(utf8.comments.map(\.range) == expected)
        #expect(utf8.lineHoldsContent(1) && utf8.lineHoldsContent(2) && !utf8.lineHoldsContent(3))
        // The same text in UTF-16, either byte order (the mark tells libyaml which).
        let units = Array(text.dropFirst().utf16)
        let littleEndian: [UInt8] = [0xFF, 0xFE] + units.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let bigEndian: [UInt8] = [0xFE, 0xFF] + units.flatMap { unit -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        for bytes in [littleEndian, bigEndian] {
            let utf16 = YAMLParser.comments(in: bytes)
            #expect(utf16.comments.map(\.text) == [" one", "two", " three"])
            #expect(utf16.comments.map(\.range) == expected)
        }
    }

    @Test func documentsBeforeASyntaxErrorStayComplete() throws {
        let stream = YAMLParser.parse(Array("a: 1\n---\nb: 2\n---\nc: [\n".utf8))
        #expect(stream.documents.count == 3)
        #expect(stream.documents.prefix(2).allSatisfy { $0.isComplete && $0.problems.isEmpty })
        #expect(stream.documents[2].problems.map(\.kind) == [.syntax])
    }

    @Test func anEmptyStreamHasNoDocument() {
        #expect(YAMLParser.parse([]).documents.isEmpty)
        #expect(YAMLParser.parse(Array("# only a comment\n\n".utf8)).documents.isEmpty)
    }

    @Test(.enabled(if: YAMLTestSuite.root != nil), arguments: YAMLTestSuite.cases)
    func everyNodeHasAnOrderedPositiveRange(_ testCase: YAMLTestSuite.Case) throws {
        let input = try #require(YAMLTestSuite.bytes(testCase.directory + "/in.yaml"))
        for document in YAMLParser.parse(input).documents {
            for node in document.allNodes {
                let range = document.range(node)
                #expect(range.start.line >= 1 && range.start.column >= 1)
                #expect(range.start <= range.end)
            }
        }
    }

    @Test func aTabWhereLibyamlStopsIsNamed() throws {
        let cases: [(String, YAMLTree.SourceLocation, String)] = [
            ("fund: x\nproject:\n\ttitle: y\n", SourceLocation(line: 3, column: 1), "this is a tab: YAML is indented with spaces only"),
            ("a:\n  - b\n \t- c\n", SourceLocation(line: 3, column: 2), "this is a tab: YAML is indented with spaces only"),
            ("\u{FEFF}é: x\r\nb:\r\n\tc: 1\r\n", SourceLocation(line: 3, column: 1), "this is a tab: YAML is indented with spaces only"),
        ]
        for (text, location, note) in cases {
            let problem = try #require(YAMLParser.parse(Array(text.utf8)).documents.last?.problems.first)
            #expect(problem.range.start == location, "\(text.debugDescription)")
            #expect(problem.notes.last?.message == note, "\(text.debugDescription)")
            #expect(problem.notes.last?.range.start == location)
        }
        // Other syntax errors get no such note.
        let other = try #require(YAMLParser.parse(Array("a: [1, 2\n".utf8)).documents.first?.problems.first)
        #expect(!other.notes.contains { $0.message.contains("tab") })
    }

    @Test func aTabIndentingALineGetsTheSpacesOfTheKeyAboveOffered() throws {
        let cases: [(String, SourceRange, String, String)] = [
            ("fund: x\nproject:   # the project\n\ttitle: y\n", SourceRange(start: SourceLocation(line: 3, column: 1), columns: 1),
             "  ", "indent it with 2 spaces, under the key on line 2"),
            ("project:\n  title: y\n\n \t region: z\n", SourceRange(start: SourceLocation(line: 4, column: 1), columns: 3),
             "  ", "indent it with 2 spaces, as the key on line 2"),
            ("lead:\n  - name: x\n\ttype: business\n", SourceRange(start: SourceLocation(line: 3, column: 1), columns: 1),
             "    ", "indent it with 4 spaces, as the key on line 2"),
            ("\u{FEFF}é: x\r\nb:\r\n\tc: 1\r\n", SourceRange(start: SourceLocation(line: 3, column: 1), columns: 1),
             "  ", "indent it with 2 spaces, under the key on line 2"),
        ]
        for (text, range, replacement, message) in cases {
            let fix = try #require(syntaxFix(text), "\(text.debugDescription)")
            #expect(fix.range == range, "\(text.debugDescription)")
            #expect(fix.replacement == replacement, "\(text.debugDescription)")
            #expect(fix.message == message, "\(text.debugDescription)")
        }
        // Below a list item that is not a mapping, the spaces meant are not plain to see: no fix.
        #expect(syntaxFix("a:\n  - b\n \t- c\n") == nil)
        // libyaml stops at the first tab: that is the line the fix is for.
        #expect(syntaxFix("a:\n\tb: 1\n\tc: 2\n")?.range.start.line == 2)
    }

    @Test func aKeyAtTheColumnOfAListsDashesIsNamed() throws {
        let found = try #require(YAMLParser.parse(Array("milestones:\n  - name: pilot\n  due: 2027-01-31\n".utf8)).documents.last?.problems.first)
        #expect(found.range.start == SourceLocation(line: 3, column: 3))
        #expect(found.notes.last?.range == SourceRange(start: SourceLocation(line: 3, column: 1), end: SourceLocation(line: 3, column: 3)))
        #expect(found.notes.last?.message == "line 3 is a key at the column of the list's dashes (line 2), where YAML wants another item; "
            + "to be a key of the item on line 2, indent it 4 spaces; to be a new item, start it with '- '")
        // A list item at that column is a new item: no problem. A key at the column of the
        // mapping that holds the list ends the list: no problem either.
        #expect(YAMLParser.parse(Array("m:\n  - name: a\n  - name: b\n".utf8)).documents.first?.problems.isEmpty == true)
        #expect(YAMLParser.parse(Array("m:\n- name: a\nn: 1\n".utf8)).documents.first?.problems.isEmpty == true)
        // After a plain item, not a mapping, there is no item to indent it into.
        let plain = try #require(YAMLParser.parse(Array("m:\n  - a\n  due: 1\n".utf8)).documents.last?.problems.first)
        #expect(!plain.notes.contains { $0.message.contains("column of the list's dashes") })
    }

    @Test func aSecondKeyOnTheLineOfTheFirstGetsALineOfItsOwn() throws {
        let fix = syntaxFix
        let item = try #require(fix("partners:\n  - name: Acme Ltd, type: business\n"))
        // The comma and the space go; the new line is indented to `name`.
        #expect(item.range == SourceRange(start: SourceLocation(line: 2, column: 19), end: SourceLocation(line: 2, column: 21)))
        #expect(item.replacement == "\n    ")
        #expect(item.message == "'type' is written on the line of 'name', so YAML reads it as more of that value: "
            + "put it on a line of its own, lined up with 'name'")
        let block = try #require(fix("project:\n  title: Bus délays  region: west-midlands\n"))
        #expect(block.range == SourceRange(start: SourceLocation(line: 2, column: 20), end: SourceLocation(line: 2, column: 22)))
        #expect(block.replacement == "\n  ")
        // Applied, the lines read as meant.
        let mended = YAMLParser.parse(Array("project:\n  title: Bus délays\n  region: west-midlands\n".utf8))
        #expect(mended.documents.first?.problems.isEmpty == true)
        // The second key's value left for the lines below.
        let open = try #require(fix("partners:\n  - name: Acme Ltd type:\n      business\n"))
        #expect(open.range == SourceRange(start: SourceLocation(line: 2, column: 19), end: SourceLocation(line: 2, column: 20)))
        #expect(open.replacement == "\n    ")
        // Words a person wrote with a colon in them are offered quotes instead.
        #expect(fix("title: Smart harbour: Phase 2\n")?.replacement == "\"Smart harbour: Phase 2\"")
    }

    /// libyaml's context (`while parsing a flow sequence`) is a note on the character it
    /// starts at, as wide as the error's own mark, so editors can show it.
    @Test func libyamlsContextNoteCoversItsCharacter() throws {
        let problem = try #require(YAMLParser.parse(Array("a: [1, 2\nb: 3\n".utf8)).documents.last?.problems.first)
        let note = try #require(problem.notes.first)
        #expect(note.message == "while parsing a flow sequence that starts here")
        #expect(note.range == SourceRange(start: SourceLocation(line: 1, column: 4), end: SourceLocation(line: 1, column: 5)))
        #expect(problem.range.end.column == problem.range.start.column + 1)
    }

    @Test func aListItemIndentedDeeperThanTheOthersIsNamed() throws {
        func note(_ text: String) -> YAMLProblem.Note? {
            YAMLParser.parse(Array(text.utf8)).documents.last?.problems.first?.notes.last
        }
        // At the column of the keys of the item above.
        let amongKeys = try #require(note("partners:\n- name: A\n  type: b\n  - name: B\n"))
        #expect(amongKeys.range == SourceRange(start: SourceLocation(line: 4, column: 1), end: SourceLocation(line: 4, column: 3)))
        #expect(amongKeys.message == "line 4 is a list item at the column of the keys of the item on line 2, where YAML wants "
            + "another key; to be the next item of that list, start it at the beginning of the line, like the '-' on line 2")
        #expect(note("a:\n  items:\n  - x: 1\n    - x: 2\n")?.message.hasSuffix("indent it 2 spaces, like the '-' on line 3") == true)
        // Right below an item of one line, in a list written at its key's column.
        let below = try #require(note("budget:\n  total: 1\n  items:\n  - {amount: 1}\n    - {amount: 2}\n"))
        #expect(below.message == "line 5 is a list item indented more than the item on line 4 (4 spaces against 2); "
            + "to be the next item of that list, indent it 2 spaces, like the '-' on line 4")
        // A list item among the keys of a mapping that is not an item: the two kinds are mixed.
        let mixed = try #require(note("partners:\n  A:\n    type: b\n  - name: B\n"))
        #expect(mixed.message == "line 4 is a list item among the keys of the mapping that starts on line 2; "
            + "a mapping holds 'key: value' entries and a list '- ' items, never both")
    }

    @Test func indentationAndColonMistakesAreNamed() throws {
        func problem(_ text: String) throws -> YAMLProblem {
            try #require(YAMLParser.parse(Array(text.utf8)).documents.last?.problems.first)
        }
        let deeper = try problem("fund: x\npartners:\n- name: A\n  type: business\n\n    location: here\n")
        #expect(deeper.range.start == SourceLocation(line: 6, column: 13))
        #expect(deeper.notes.last?.range == SourceRange(start: SourceLocation(line: 6, column: 1), end: SourceLocation(line: 6, column: 5)))
        #expect(deeper.notes.last?.message == "line 6 is indented more than the key on line 4 (4 spaces against 2), so YAML reads it "
            + "as more of the value there; to be a key beside that one, indent it 2 spaces")
        // After a comment the deeper line is not read into the value: libyaml says something else.
        let afterComment = try problem("fund: x\npartners:\n- name: A\n  type: business\n\n  # a comment\n    location: here\n")
        #expect(afterComment.range.start == SourceLocation(line: 7, column: 5))
        #expect(afterComment.notes.last?.message == "line 7 is indented more than the key on line 4 (4 spaces against 2); "
            + "to be a key beside that one, indent it 2 spaces")
        let between = try problem("fund: x\nproject:\n  title: y\n region: z\n")
        #expect(between.notes.last?.message == "line 4 is indented 1 space: more than the keys of the mapping on line 1 (0) "
            + "and less than the key on line 3 (2); line it up with one of them")
        let colon = try problem("project:\n  title: café\n  région:ouest\n  start: 1\n")
        let fix = try #require(colon.fix)
        #expect(fix.range.start == SourceLocation(line: 3, column: 9))
        #expect(fix.replacement == ": ")
        #expect(fix.message == "no space after this colon: YAML reads 'région:ouest' as one word; a key and its value are written 'région: ouest'")
        let list = try #require(try problem("a:\n  s: [x, y   # two\n  r: z\n").fix)
        #expect(list.range == SourceRange(at: SourceLocation(line: 2, column: 11)))
        #expect(list.replacement == "]")
        #expect(list.message == "the list opened on line 2 is not closed: end it with ']'")
        #expect(try problem("a: {x: 1\nb: 2\n").fix?.replacement == "}")
        // `=` for `:`: libyaml stops at the next key's colon; `: ` is offered for the `=`.
        let equals = try problem("fund: x\nproject:\n  title = Smart harbour\n  region: y\n")
        #expect(equals.range.start == SourceLocation(line: 4, column: 9))
        #expect(equals.fix?.range == SourceRange(start: SourceLocation(line: 3, column: 8), end: SourceLocation(line: 3, column: 11)))
        #expect(equals.fix?.replacement == ": ")
        #expect(equals.fix?.message == "'=' does not separate a key from its value in YAML: write 'title: Smart harbour'")
        // No colon at all after a snake_case key (a capital or a quote: no guess).
        let colonless = try problem("fund: x\nproject:\n  start_date 2026-04-01\n  region: y\n")
        #expect(colonless.fix?.range == SourceRange(start: SourceLocation(line: 3, column: 13), end: SourceLocation(line: 3, column: 14)))
        #expect(colonless.fix?.message
                == "line 3 has no ':', so YAML reads it and the next line as one key; if 'start_date' is a key, write 'start_date: 2026-04-01'")
        #expect(try problem("fund: x\nproject:\n  Title Smart harbour\n  region: y\n").fix == nil)
        #expect(try problem("fund: x\nproject:\n  title 'Smart harbour'\n  region: y\n").fix == nil)
        // A closing bracket with nothing to close.
        let extra = try problem("a:\n  s: [x, y]]\n")
        #expect(extra.fix?.range == SourceRange(start: SourceLocation(line: 2, column: 12), end: SourceLocation(line: 2, column: 13)))
        #expect(extra.fix?.replacement == "")
        #expect(extra.fix?.message == "this ']' closes nothing opened before it: remove it")
        // A list item between the items of its list and the keys of the item above.
        let item = try problem("items:\n  - category: staff\n    amount: 5\n   - category: travel\n")
        #expect(item.notes.last?.message == "line 4 is indented 3 spaces: more than the items of the list on line 2 (2) "
            + "and less than the key on line 3 (4); line it up with one of them")
        // A list item's dash with no space after it: said instead of the indentation.
        let dash = try problem("partners:\n  -name: A\n   type: business\n")
        #expect(dash.fix?.range == SourceRange(at: SourceLocation(line: 2, column: 4)))
        #expect(dash.fix?.replacement == " ")
        #expect(dash.fix?.message == "a list item needs a space after its dash: YAML reads '-name' on line 2 as a key; write '- name'")
        #expect(!dash.notes.contains { $0.message.hasPrefix("line ") })
        // Left open at the end of the file, libyaml stops there "while parsing a flow node":
        // a note points at the bracket (the innermost one: a pair written in a list has none).
        let atEnd = try problem("fund: x\nproject: [\n")
        #expect(atEnd.range.start == SourceLocation(line: 3, column: 1))
        #expect(atEnd.notes.last?.range == SourceRange(start: SourceLocation(line: 2, column: 10), end: SourceLocation(line: 2, column: 11)))
        #expect(atEnd.notes.last?.message == "the list opened on line 2 is not closed: end it with ']'")
        #expect(atEnd.fix == nil)
        let nested = try problem("a: {x: [1, 2, {y: 3,\n\n# more to come\n")
        #expect(nested.notes.last?.range.start == SourceLocation(line: 1, column: 15))
        #expect(nested.notes.last?.message == "the mapping opened on line 1 is not closed: end it with '}'")
        let pair = try problem("a: [x, y: \n")
        #expect(pair.notes.last?.range.start == SourceLocation(line: 1, column: 4))
        #expect(pair.fix?.replacement == "]")
        // A list that goes on over several lines, or holds another, is left alone.
        #expect(try problem("a: [1,\n  2\nb: 3\n").fix == nil)
        #expect(try problem("a: [1, [2]\nb: 3\n").fix == nil)
        // A quoted value left open on its line: libyaml reads on to the end (or the next
        // document); the quote is offered after all that is written on the line.
        let quoted = try #require(try problem("a:\n  title: \"Smart harbour  \n  region: x\n").fix)
        #expect(quoted.range == SourceRange(at: SourceLocation(line: 2, column: 24)))
        #expect(quoted.replacement == "\"")
        #expect(quoted.message == "the quoted value opened on line 2 is not closed on its line: end it with '\"'")
        #expect(try problem("a: 'it''s # x\n---\nb: 1\n").fix?.range == SourceRange(at: SourceLocation(line: 1, column: 14)))
        #expect(try problem("a: 'x\n").fix?.replacement == "'")
        // Closed on its line, or continued by design with a backslash: no guess.
        #expect(try problem("a: \"x \\\n  y\n").fix == nil)
        #expect(try problem("a: \"x\" \"\nb: 1\n").fix == nil)
        // The same errors without those mistakes get no hint: a block scalar may hold deeper
        // lines, and other errors name other things.
        for text in ["a: |\n  x\n b: 1\n", "a: [1, 2,\n", "a: b: c\n", "a:\n  - x\n - y\n", "a:\n  b:\n    - c\n   d: 1\n",
                     "key: word1\n#  xxx\n  word2\n", "top1: &node1\n  &k1 key1: val1\ntop2: &node2\n  &v2 val2\n"] {
            let other = YAMLParser.parse(Array(text.utf8)).documents.last?.problems.first
            #expect(other?.fix == nil, "\(text.debugDescription)")
            #expect(other?.notes.contains { $0.message.hasPrefix("line ") } != true, "\(text.debugDescription)")
        }
    }

    @Test func colonsAndQuotesInsideValuesGetQuotedValuesOffered() throws {
        let fix = syntaxFix
        let colon = try #require(fix("project:\n  title: Smart: harbour sensors  # x\n"))
        #expect(colon.range == SourceRange(start: SourceLocation(line: 2, column: 10), end: SourceLocation(line: 2, column: 32)))
        #expect(colon.replacement == "\"Smart: harbour sensors\"")
        #expect(colon.message == "a value holding ': ' reads as another key unless it is quoted: write it as \"Smart: harbour sensors\"")
        #expect(fix("- name: Phase 1: \"pilot\" \\ é\n")?.replacement == "\"Phase 1: \\\"pilot\\\" \\\\ é\"")
        let quote = try #require(fix("- name: 'it''s Bob's'\n"))
        #expect(quote.range == SourceRange(start: SourceLocation(line: 1, column: 9), end: SourceLocation(line: 1, column: 22)))
        #expect(quote.replacement == "\"it's Bob's\"")
        #expect(quote.message == "the ' at column 19 ends the quoted value: write it as \"it's Bob's\"")
        #expect(fix("t: \"The \"best\" one\"  # c\n")?.replacement == "'The \"best\" one'")
        // An apostrophe inside a word, with no quote after it to end the value.
        let apostrophe = try #require(fix("lead:\n  name: 'O'Brien Partners  # x\n"))
        #expect(apostrophe.range == SourceRange(start: SourceLocation(line: 2, column: 9), end: SourceLocation(line: 2, column: 26)))
        #expect(apostrophe.replacement == "\"O'Brien Partners\"")
        #expect(apostrophe.message == "the ' at column 11 ends the quoted value: write it as \"O'Brien Partners\"")
        #expect(fix("t: 'é \\ b's'\n")?.replacement == "\"é \\\\ b's\"")
        // Inside a `{...}` mapping: from after the key's `: ` to the next `,` or `}`.
        let flow = try #require(fix("milestones:\n  - {name: Phase 1: pilot ,  due: 2027-01-31}\n"))
        #expect(flow.range == SourceRange(start: SourceLocation(line: 2, column: 12), end: SourceLocation(line: 2, column: 26)))
        #expect(flow.replacement == "\"Phase 1: pilot\"")
        #expect(flow.message == "a value holding ': ' reads as another key unless it is quoted: write it as \"Phase 1: pilot\"")
        #expect(fix("- {due: 2027-01-31, name: Café: opening}\n")?.replacement == "\"Café: opening\"")
        #expect(fix("- {due: 2027-01-31, name: Café: opening}\n")?.range
            == SourceRange(start: SourceLocation(line: 1, column: 27), end: SourceLocation(line: 1, column: 40)))
        // Two keys run together get the second one a line of its own, not quotes.
        for text in ["a: X  y: z\n", "t: 10_000 total: 20_000\n"] {
            #expect(fix(text)?.replacement == "\n", "\(text.debugDescription)")
        }
        // A key written as a value, a list item run into a value, brackets, or escapes that
        // would change meaning: no guess.
        for text in ["a: b: c\n", "lead: name: Acme\n", "r: LIPF-1 - name: X\n",
                     "t: Note:\n", "t: {a: b: c}\n", "t: {a: X  y: z}\n", "t: {a: Phase 1: pilot\n", "t: \"a \\\" b\" c\"\n", "t: 'a' b\n",
                     // A ` #` inside the quoted value ends what is written before the quote.
                     "quoted: ' # Not a ,'comment''.'\n"] {
            #expect(fix(text) == nil, "\(text.debugDescription)")
        }
    }

    @Test func linesAreCountedAsLibyamlCountsThem() {
        let text = "\u{FEFF}a: café ☕\r\nb: 日本\rc: \u{2028}d\u{85}e\n\n  f: 1️⃣\n"
        let bytes = Array(text.utf8)
        let lines = ByteLocator.lineRanges(in: bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
        #expect(lines == ["a: café ☕", "b: 日本", "c: ", "d", "e", "", "  f: 1️⃣", ""])
        // Each line starts where the locator puts line N, column 1.
        for (number, range) in ByteLocator.lineRanges(in: bytes).enumerated() {
            #expect(ByteLocator.location(ofByteOffset: range.lowerBound, in: bytes) == SourceLocation(line: number + 1, column: 1))
        }
        #expect(ByteLocator.lineRanges(in: [0xFF, 0xFE, 0x61, 0x00]).isEmpty)
    }

    /// A stream keeps every document, so no document may keep room for text it does not
    /// use: 500 small documents hold about what their text needs, not room sized by the
    /// whole stream each, and the last one's text reads back as written.
    @Test func documentsOfAStreamKeepNoRoomTheyDoNotUse() throws {
        let text = (0..<500).map { "title: plan \($0)\nlead: org-\($0)\n" }.joined(separator: "---\n")
        let stream = YAMLParser.parse(Array(text.utf8))
        #expect(stream.documents.count == 500)
        let used = stream.documents.reduce(0) { $0 + $1.scalarBytes.count }
        let kept = stream.documents.reduce(0) { $0 + $1.scalarBytes.capacity }
        #expect(used < text.utf8.count)
        #expect(kept <= 2 * used + (1 << 16), "kept \(kept) bytes for \(used) bytes of text")
        let nodes = stream.documents.reduce(0) { $0 + $1.nodes.count }
        let nodeRoom = stream.documents.reduce(0) { $0 + $1.nodes.capacity }
        #expect(nodeRoom <= 4 * nodes + 8192, "room for \(nodeRoom) nodes kept for \(nodes) nodes")
        let last = try #require(stream.documents.last)
        let root = try #require(last.root)
        #expect(lookup(last, root, "lead").flatMap { last.scalar($0.value) } == "org-499")
    }
}

/// The fix offered for the first problem of the last document of `text`.
private func syntaxFix(_ text: String) -> YAMLProblem.Fix? {
    YAMLParser.parse(Array(text.utf8)).documents.last?.problems.first?.fix
}
