import YAMLTree

/// The `json` format: one object with `formatVersion`, `tool`, `rulePack`, `diagnostics`,
/// `files` and `summary`, written as it streams (one diagnostic per line).
public struct JSONReporter: Reporter {
    private let info: RunInfo
    private var firstDiagnostic = true
    /// The entries of the `files` list, written after every diagnostic.
    private let files: TextSpool
    private var fileCount = 0
    /// Each file's entry is written here, then handed to `files` as bytes.
    private var entry = JSONWriter()

    /// Creates the reporter; `files` keeps the `files` entries until the end.
    public init(info: RunInfo, files: TextSpool = MemorySpool()) {
        self.info = info
        self.files = files
    }

    public mutating func begin() -> String {
        var json = JSONWriter()
        json.raw("{")
        json.key("formatVersion"); json.int(1); json.raw(",")
        json.key("tool"); json.raw("{")
        json.key("name"); json.string("fundlint"); json.raw(",")
        json.key("version"); json.string(info.toolVersion); json.raw("},")
        json.key("rulePack"); json.raw("{")
        json.key("id"); json.string(info.packID); json.raw(",")
        json.key("version"); json.string(info.packVersion); json.raw("},")
        json.key("diagnostics"); json.raw("[")
        return json.output
    }

    public mutating func file(_ report: FileReport) -> String {
        var json = JSONWriter()
        for diagnostic in report.diagnostics {
            json.raw(firstDiagnostic ? "\n" : ",\n")
            firstDiagnostic = false
            Self.write(diagnostic, to: &json)
        }
        let counts = report.counts
        // Every file has an entry: its constant parts are written as they are, not escaped.
        entry.clear()
        entry.raw(#"{"path":"#); entry.string(report.path)
        entry.raw(#","plans":"#); entry.int(report.plans)
        entry.raw(#","errors":"#); entry.int(counts.errors)
        entry.raw(#","warnings":"#); entry.int(counts.warnings)
        entry.raw(#","notes":"#); entry.int(counts.notes); entry.raw("}")
        entry.withUTF8 { files.append(utf8: $0) }
        fileCount += 1
        return json.output
    }

    public mutating func end(_ summary: RunSummary) -> String {
        var text = ""
        finish(summary) { text += $0 }
        return text
    }

    public mutating func finish(_ summary: RunSummary, write: (String) -> Void) {
        var json = JSONWriter()
        json.raw(firstDiagnostic ? "]," : "\n],")
        json.key("files"); json.raw("[")
        write(json.output)
        var first = true
        files.forEachLine { entry in
            write((first ? "\n" : ",\n") + entry)
            first = false
        }
        json = JSONWriter()
        json.raw(fileCount == 0 ? "]," : "\n],")
        json.key("summary"); json.raw("{")
        json.key("files"); json.int(summary.files); json.raw(",")
        json.key("plans"); json.int(summary.plans); json.raw(",")
        json.key("errors"); json.int(summary.counts.errors); json.raw(",")
        json.key("warnings"); json.int(summary.counts.warnings); json.raw(",")
        json.key("notes"); json.int(summary.counts.notes); json.raw(",")
        json.key("suppressed"); json.int(summary.counts.suppressed); json.raw("}}\n")
        write(json.output)
    }

    /// Writes one diagnostic object in the documented shape.
    public static func write(_ diagnostic: Diagnostic, to json: inout JSONWriter) {
        json.raw("{")
        json.key("file"); json.string(diagnostic.file); json.raw(",")
        writeRange(diagnostic.range, to: &json); json.raw(",")
        json.key("severity"); json.string(diagnostic.severity.rawValue); json.raw(",")
        json.key("rule"); json.string(diagnostic.rule); json.raw(",")
        json.key("message"); json.string(diagnostic.message); json.raw(",")
        json.key("yamlPath"); json.string(diagnostic.yamlPath); json.raw(",")
        json.key("notes"); json.raw("[")
        for (index, note) in diagnostic.notes.enumerated() {
            if index > 0 { json.raw(",") }
            json.raw("{")
            json.key("file"); json.string(note.file ?? diagnostic.file); json.raw(",")
            writeRange(note.range, to: &json); json.raw(",")
            json.key("message"); json.string(note.message); json.raw("}")
        }
        json.raw("],")
        if let fix = diagnostic.fix {
            json.key("fix"); json.raw("{")
            writeRange(fix.range, to: &json); json.raw(",")
            json.key("replacement"); json.string(fix.replacement); json.raw(",")
            json.key("safe"); json.bool(fix.safe); json.raw(",")
            json.key("message"); json.string(fix.message); json.raw("},")
        }
        json.key("suppressed"); json.bool(diagnostic.suppressed)
        if let reason = diagnostic.suppressionReason {
            json.raw(","); json.key("suppressionReason"); json.string(reason)
        }
        json.raw("}")
    }

    private static func writeRange(_ range: SourceRange, to json: inout JSONWriter) {
        json.key("line"); json.int(range.start.line); json.raw(",")
        json.key("column"); json.int(range.start.column); json.raw(",")
        json.key("endLine"); json.int(range.end.line); json.raw(",")
        json.key("endColumn"); json.int(range.end.column)
    }
}
