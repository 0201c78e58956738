import YAMLTree

/// SARIF 2.1.0 as GitHub code scanning accepts it: one run, the driver's rules with
/// descriptions and help from the packs, results with integer regions in Unicode code
/// points, relative percent-encoded URIs, stable fingerprints and in-source suppressions.
public struct SARIFReporter: Reporter {
    private let info: RunInfo
    private let rules: [RuleInfo]
    private let ruleIndex: [String: Int]
    private let paths: ReportPaths
    private var first = true

    /// Where the tool's documentation lives.
    public static let informationURI = "https://github.com/fundlint/fundlint"

    /// Creates the reporter; `rules` are all rules that may appear (engine and pack).
    public init(info: RunInfo, rules: [RuleInfo], paths: ReportPaths) {
        self.info = info
        self.rules = rules
        self.paths = paths
        var index: [String: Int] = [:]
        for (offset, rule) in rules.enumerated() where index[rule.id] == nil { index[rule.id] = offset }
        self.ruleIndex = index
    }

    public mutating func begin() -> String {
        var json = JSONWriter()
        json.raw("{")
        json.key("$schema"); json.string("https://json.schemastore.org/sarif-2.1.0.json"); json.raw(",")
        json.key("version"); json.string("2.1.0"); json.raw(",")
        json.key("runs"); json.raw("[{")
        json.key("tool"); json.raw("{"); json.key("driver"); json.raw("{")
        json.key("name"); json.string("fundlint"); json.raw(",")
        json.key("version"); json.string(info.toolVersion); json.raw(",")
        json.key("semanticVersion"); json.string(info.toolVersion); json.raw(",")
        json.key("informationUri"); json.string(Self.informationURI); json.raw(",")
        json.key("rules"); json.raw("[")
        for (offset, rule) in rules.enumerated() {
            json.raw(offset == 0 ? "\n" : ",\n")
            json.raw("{")
            json.key("id"); json.string(rule.id); json.raw(",")
            json.key("shortDescription"); json.raw("{"); json.key("text"); json.string(rule.summary); json.raw("},")
            json.key("fullDescription"); json.raw("{"); json.key("text"); json.string(rule.rationale.isEmpty ? rule.summary : rule.rationale); json.raw("},")
            let help = "\(rule.summary)\n\n\(rule.rationale)\n\nSource: \(rule.source)\nRun `fundlint explain \(rule.id)` for examples."
            json.key("help"); json.raw("{"); json.key("text"); json.string(help); json.raw(",")
            json.key("markdown"); json.string("**\(rule.summary)**\n\n\(rule.rationale)\n\nSource: \(rule.source)\n\nRun `fundlint explain \(rule.id)` for a failing and a passing example."); json.raw("},")
            json.key("defaultConfiguration"); json.raw("{"); json.key("level"); json.string(rule.severity.rawValue); json.raw("},")
            json.key("properties"); json.raw("{"); json.key("suppressible"); json.bool(rule.suppressible); json.raw(",")
            json.key("tags"); json.raw("["); json.string(String(rule.id.prefix { $0 != "/" })); json.raw("]}")
            json.raw("}")
        }
        json.raw("\n]}},")
        json.key("columnKind"); json.string("unicodeCodePoints"); json.raw(",")
        json.key("properties"); json.raw("{"); json.key("rulePack"); json.raw("{")
        json.key("id"); json.string(info.packID); json.raw(",")
        json.key("version"); json.string(info.packVersion); json.raw("}},")
        json.key("results"); json.raw("[")
        return json.output
    }

    public mutating func file(_ report: FileReport) -> String {
        guard !report.diagnostics.isEmpty else { return "" }
        var json = JSONWriter()
        let source = SourceText(report.source)
        let uri = paths.uri(report.path)
        var seen: [String: Int] = [:]
        for diagnostic in report.diagnostics {
            json.raw(first ? "\n" : ",\n")
            first = false
            json.raw("{")
            json.key("ruleId"); json.string(diagnostic.rule); json.raw(",")
            if let index = ruleIndex[diagnostic.rule] { json.key("ruleIndex"); json.int(index); json.raw(",") }
            json.key("level"); json.string(diagnostic.severity.rawValue); json.raw(",")
            json.key("message"); json.raw("{"); json.key("text"); json.string(diagnostic.message); json.raw("},")
            json.key("locations"); json.raw("[")
            writeLocation(uri: uri, range: diagnostic.range, message: nil, to: &json)
            json.raw("],")
            if !diagnostic.notes.isEmpty {
                json.key("relatedLocations"); json.raw("[")
                for (index, note) in diagnostic.notes.enumerated() {
                    if index > 0 { json.raw(",") }
                    writeLocation(uri: note.file.map(paths.uri) ?? uri, range: note.range, message: note.message, id: index + 1, to: &json)
                }
                json.raw("],")
            }
            if let fix = diagnostic.fix {
                json.key("fixes"); json.raw("[{")
                json.key("description"); json.raw("{"); json.key("text"); json.string(fix.message); json.raw("},")
                json.key("artifactChanges"); json.raw("[{")
                json.key("artifactLocation"); json.raw("{"); json.key("uri"); json.string(uri); json.raw("},")
                json.key("replacements"); json.raw("[{")
                json.key("deletedRegion"); writeRegion(fix.range, to: &json); json.raw(",")
                json.key("insertedContent"); json.raw("{"); json.key("text"); json.string(fix.replacement); json.raw("}")
                json.raw("}]}]}],")
            }
            let fingerprint = Self.fingerprint(diagnostic, line: String(String.UnicodeScalarView(source.line(diagnostic.range.start.line))))
            let occurrence = seen[fingerprint, default: 0]
            seen[fingerprint] = occurrence + 1
            json.key("partialFingerprints"); json.raw("{")
            json.key("fundlintFingerprint/v1"); json.string(fingerprint + ":" + String(occurrence)); json.raw("}")
            if diagnostic.suppressed {
                json.raw(",")
                json.key("suppressions"); json.raw("[{")
                json.key("kind"); json.string("inSource")
                if let reason = diagnostic.suppressionReason { json.raw(","); json.key("justification"); json.string(reason) }
                json.raw("}]")
            }
            json.raw("}")
        }
        return json.output
    }

    public mutating func end(_ summary: RunSummary) -> String {
        (first ? "" : "\n") + "]}]}\n"
    }

    private func writeLocation(uri: String, range: SourceRange, message: String?, id: Int? = nil, to json: inout JSONWriter) {
        json.raw("{")
        if let id { json.key("id"); json.int(id); json.raw(",") }
        json.key("physicalLocation"); json.raw("{")
        json.key("artifactLocation"); json.raw("{"); json.key("uri"); json.string(uri); json.raw("},")
        json.key("region"); writeRegion(range, to: &json)
        json.raw("}")
        if let message { json.raw(","); json.key("message"); json.raw("{"); json.key("text"); json.string(message); json.raw("}") }
        json.raw("}")
    }

    private func writeRegion(_ range: SourceRange, to json: inout JSONWriter) {
        json.raw("{")
        json.key("startLine"); json.int(max(1, range.start.line)); json.raw(",")
        json.key("startColumn"); json.int(max(1, range.start.column)); json.raw(",")
        json.key("endLine"); json.int(max(1, range.end.line)); json.raw(",")
        json.key("endColumn"); json.int(max(1, range.end.column))
        json.raw("}")
    }

    /// A fingerprint that survives lines moving elsewhere in the file: the rule, the YAML
    /// path and the text of the line, hashed (FNV-1a, 64 bits).
    static func fingerprint(_ diagnostic: Diagnostic, line: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (diagnostic.rule + "\u{0}" + diagnostic.yamlPath + "\u{0}" + line.trimmingCharacters(in: " \t\r")).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
