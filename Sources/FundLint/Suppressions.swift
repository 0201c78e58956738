import YAMLTree
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Inline waivers written in a plan:
/// `# fundlint: disable-next-line RULE[, RULE] -- reason`, `# fundlint: disable-line RULE --
/// reason` (trailing) and `# fundlint: disable-file RULE -- reason`. A waiver matches a
/// diagnostic that starts on a line it covers. Only files containing `fundlint:` are scanned.
struct Suppressions {
    /// One parsed directive.
    struct Directive {
        enum Scope { case thisLine, nextLine, file }
        var scope: Scope
        var rules: [(id: String, offset: Int)]
        var reason: String?
        var range: SourceRange
    }

    /// What every directive starts with, before its colon. A comment that starts with it
    /// without the colon is looked at too: written as other linters write theirs
    /// (`fundlint-disable-next-line`), it is reported rather than ignored.
    static let nameText = "fundlint"
    static let marker = Array(nameText.utf8)
    /// The words that name a directive, after `fundlint:`, and what each covers.
    private static let scopes: [String: Directive.Scope] = ["disable-line": .thisLine, "disable-next-line": .nextLine, "disable-file": .file]

    /// Whether `bytes` may hold a directive, or a comment meant as one (a cheap byte search
    /// before any scanning). Both are comments, so the marker is looked for only after a `#`
    /// and before the line feed that follows it (a line ending in a carriage return alone only
    /// makes the text searched longer): most plans hold a comment or two, and the words of
    /// the plan between them are skipped by the C library's vectorised `memchr`.
    static func mayContainDirectives(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            let end = buffer.count
            var index = 0
            while index < end, let hash = memchr(base + index, 0x23, end - index) {
                let start = base.distance(to: hash.assumingMemoryBound(to: UInt8.self)) + 1
                let lineEnd = memchr(base + start, 0x0A, end - start).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? end
                if holdsMarker(base, from: start, to: lineEnd) { return true }
                index = lineEnd
            }
            return false
        }
    }

    /// Whether the marker lies within `base[start..<end]`: `memchr` jumps between its first
    /// bytes, and the marker is compared only there.
    private static func holdsMarker(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Bool {
        let last = end - marker.count
        var index = start
        while index <= last {
            guard let found = memchr(base + index, Int32(marker[0]), last - index + 1) else { return false }
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + at, marker, marker.count) == 0 { return true }
            index = at + 1
        }
        return false
    }

    /// A waiver of a portfolio rule: those diagnostics only exist once the whole run has
    /// been seen, so the portfolio checker applies it (and decides whether it was used).
    struct Pending: Sendable {
        var rule: String
        var line: Int?
        /// A `disable-next-line` with no line of content after it (`line` is past the end).
        var nothingFollows: Bool
        var reason: String?
        var comment: SourceRange
        var document: Int

        /// The `suppression/unused` warning for this waiver, in `file`.
        func unused(file: String) -> Diagnostic {
            Diagnostic(file: file, document: document, range: comment, severity: .warning, rule: "suppression/unused",
                       message: Suppressions.unusedMessage(line: line, nothingFollows: nothingFollows))
        }
    }

    /// A rule and a line it may report on (`nil`: anywhere in the file).
    struct RuleLine: Hashable {
        var rule: String
        var line: Int?
    }

    /// Applies the waivers in `bytes` to the diagnostics in `sink` and adds the
    /// `suppression/*` ones there. `portfolioLines` are the rules and lines where a
    /// portfolio diagnostic can start (where the file's plans have facts for a rule): a
    /// waiver of a portfolio rule elsewhere, or after another of the same rule and line,
    /// waives nothing and is reported now; the others wait in `pending`, at most one for
    /// each rule and line, so hostile files cannot make them unbounded.
    static func apply(to sink: DiagnosticSink, bytes: [UInt8], path: String, documentStarts: [Int],
                      rules: [String: Bool], portfolioRules: Set<String>, portfolioLines: Set<RuleLine>,
                      pending: inout [Pending]) {
        let scan = YAMLParser.comments(in: bytes, startingWith: nameText)
        let leftOutWhileChecking = sink.hasLeftOut
        var portfolioWaived: Set<RuleLine> = []
        var waivable = WaivableDiagnostics(sink.diagnostics)
        /// The document holding `line`: the last one starting on it or before.
        func document(of line: Int) -> Int {
            var low = 0, high = documentStarts.count
            while low < high {
                let middle = low + (high - low) / 2
                if documentStarts[middle] <= line { low = middle + 1 } else { high = middle }
            }
            return max(low - 1, 0)
        }
        func report(_ rule: String, _ severity: Severity, _ range: SourceRange, _ message: String, fix: Diagnostic.Fix? = nil) {
            sink.add(Diagnostic(file: path, document: document(of: range.start.line), range: range, severity: severity,
                                rule: rule, message: message, fix: fix))
        }
        func waive(_ indices: [Int], reason: String?) {
            for index in indices {
                sink.diagnostics[index].suppressed = true
                sink.diagnostics[index].suppressionReason = reason ?? ""
            }
        }
        for comment in scan.comments {
            guard let parsed = parse(comment) else { continue }
            let directive: Directive
            switch parsed {
            case .failure(let failure):
                let start = comment.range.start
                let fix = failure.fix.map { fix in
                    Diagnostic.Fix(range: SourceRange(start: SourceLocation(line: start.line, column: start.column + 1 + fix.offset),
                                                      columns: fix.length),
                                   replacement: fix.replacement, safe: true, message: fix.message)
                }
                report("suppression/unknown-rule", .warning, comment.range, failure.message, fix: fix)
                continue
            case .success(let value):
                directive = value
            }
            var coveredLine: Int?
            /// A `disable-next-line` with no line of content after it.
            var nothingFollows = false
            switch directive.scope {
            case .thisLine:
                coveredLine = comment.range.start.line
            case .nextLine:
                // The next line holding content: blank and comment lines are skipped.
                var next = comment.range.start.line + 1
                while next < scan.holdsContent.count, !scan.lineHoldsContent(next) { next += 1 }
                coveredLine = next
                nothingFollows = next >= scan.holdsContent.count
            case .file:
                coveredLine = nil
            }
            var used = false
            var usable = false
            for (id, offset) in directive.rules {
                let ruleRange = SourceRange(start: SourceLocation(line: comment.range.start.line, column: comment.range.start.column + offset),
                                            columns: id.unicodeScalars.count)
                guard let suppressible = rules[id] else {
                    let best = RuleExplanation.suggestion(for: id, among: Array(rules.keys))
                    report("suppression/unknown-rule", .warning, ruleRange, "the suppression names '\(id)', which is not a rule",
                           fix: best.map { Diagnostic.Fix(range: ruleRange, replacement: $0.id, safe: $0.isTypo, message: "did you mean '\($0.id)'?") })
                    continue
                }
                guard suppressible else {
                    report("suppression/not-allowed", .error, ruleRange, "\(id) cannot be suppressed; the diagnostic stays")
                    continue
                }
                if portfolioRules.contains(id) {
                    let place = RuleLine(rule: id, line: coveredLine)
                    let waiver = Pending(rule: id, line: coveredLine, nothingFollows: nothingFollows, reason: directive.reason,
                                         comment: comment.range, document: document(of: comment.range.start.line))
                    if coveredLine == nil || portfolioLines.contains(place), portfolioWaived.insert(place).inserted {
                        pending.append(waiver)
                    } else {
                        // As the portfolio checker would find, but known now (whatever was left out).
                        sink.add(waiver.unused(file: path))
                    }
                    used = true
                    continue
                }
                usable = true
                let indices = waivable.take(id, line: coveredLine)
                if !indices.isEmpty {
                    waive(indices, reason: directive.reason)
                    used = true
                }
            }
            if directive.reason == nil {
                report("suppression/missing-reason", .warning, comment.range, "the suppression gives no reason; add one after ' -- '")
            }
            // With diagnostics left out past the file's limit, the one a waiver was for may be
            // among them: it is not called unused.
            if usable && !used && !leftOutWhileChecking {
                report("suppression/unused", .warning, comment.range, unusedMessage(line: coveredLine, nothingFollows: nothingFollows))
            }
        }
    }

    /// What `suppression/unused` says of a waiver that covers `line` (`nil`: the file).
    private static func unusedMessage(line: Int?, nothingFollows: Bool) -> String {
        let place = nothingFollows ? ": no line with content follows it" : line.map { " on line \($0)" } ?? " in this file"
        return "the suppression suppresses nothing\(place)"
    }

    /// Parses a comment; `nil` when it is not a directive.
    static func parse(_ comment: YAMLComments.Comment) -> Result<Directive, ParseFailure>? {
        let scalars = Array(comment.text.unicodeScalars)
        var index = 0
        func skipSpaces() { while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 } }
        skipSpaces()
        let name = Array(nameText.unicodeScalars)
        guard scalars.count - index >= name.count, Array(scalars[index..<(index + name.count)]) == name else { return nil }
        let nameStart = index
        index += name.count
        guard index < scalars.count, scalars[index] == ":" else { return withoutColon(scalars, nameStart: nameStart, after: index) }
        index += 1
        skipSpaces()
        let word = Self.word(in: scalars, from: &index)
        guard let scope = scopes[word] else {
            return .failure(ParseFailure("unknown fundlint directive '\(word)'; use disable-line, disable-next-line or disable-file"))
        }
        var rules: [(String, Int)] = []
        var reason: String?
        var current = ""
        var currentStart = 0
        func finishRule() {
            let id = current.trimmingCharacters(in: " \t")
            if !id.isEmpty {
                let leading = current.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
                rules.append((id, currentStart + leading))
            }
            current = ""
        }
        skipSpaces()
        currentStart = index + 1
        while index < scalars.count {
            if scalars[index] == "-", index + 1 < scalars.count, scalars[index + 1] == "-",
               index == 0 || scalars[index - 1] == " " || scalars[index - 1] == "\t" {
                finishRule()
                var text = ""
                text.unicodeScalars.append(contentsOf: scalars[(index + 2)...])
                let trimmed = text.trimmingCharacters(in: " \t")
                reason = trimmed.isEmpty ? nil : trimmed
                break
            }
            if scalars[index] == "," {
                finishRule()
                currentStart = index + 2
            } else {
                current.unicodeScalars.append(scalars[index])
            }
            index += 1
        }
        if index >= scalars.count { finishRule() }
        if rules.isEmpty {
            return .failure(ParseFailure("the fundlint directive names no rule; write '# fundlint: \(word) RULE -- reason'"))
        }
        return .success(Directive(scope: scope, rules: rules, reason: reason, range: comment.range))
    }

    /// A comment that starts with `fundlint` but no colon, from `after`: a directive with
    /// its colon left out when a directive's word follows (`fundlint-disable-next-line`,
    /// `fundlint disable-line`), reported with the fix; `nil` for any other comment that
    /// happens to start with the name.
    private static func withoutColon(_ scalars: [Unicode.Scalar], nameStart: Int, after: Int) -> Result<Directive, ParseFailure>? {
        var wordStart = after
        while wordStart < scalars.count, ["-", "_", " ", "\t"].contains(scalars[wordStart]) { wordStart += 1 }
        guard wordStart > after else { return nil }
        var end = wordStart
        let word = Self.word(in: scalars, from: &end)
        guard word.hasPrefix("disable") else { return nil }
        guard scopes[word] != nil else {
            return .failure(ParseFailure("this comment is not a fundlint directive and suppresses nothing; write '# fundlint: disable-next-line RULE -- reason' (or disable-line, disable-file)"))
        }
        return .failure(ParseFailure(
            "a fundlint directive has a colon after 'fundlint'; as written, this comment suppresses nothing",
            fix: (offset: nameStart, length: wordStart - nameStart, replacement: "fundlint: ", message: "write '# fundlint: \(word)'")))
    }

    /// The scalars from `index` up to the next space or tab (or the end), with `index` moved
    /// past them.
    private static func word(in scalars: [Unicode.Scalar], from index: inout Int) -> String {
        var word = ""
        while index < scalars.count, scalars[index] != " ", scalars[index] != "\t" { word.unicodeScalars.append(scalars[index]); index += 1 }
        return word
    }

    struct ParseFailure: Error {
        var message: String
        /// Text to replace, in Unicode scalars after the `#`, when the mistake is plain.
        var fix: (offset: Int, length: Int, replacement: String, message: String)?
        init(_ message: String, fix: (offset: Int, length: Int, replacement: String, message: String)? = nil) {
            self.message = message
            self.fix = fix
        }
    }
}

