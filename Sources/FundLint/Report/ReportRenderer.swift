/// Writes a ``ReviewerReport`` as Markdown, CSV, JSON or self-contained HTML.
public struct ReportRenderer {
    /// The formats a report can be written in.
    public enum Format: String, Sendable, CaseIterable {
        case markdown, csv, json, html
    }

    let report: ReviewerReport
    let toolVersion: String

    /// Creates a renderer.
    public init(report: ReviewerReport, toolVersion: String) {
        self.report = report
        self.toolVersion = toolVersion
    }

    /// The report in `format`.
    public func render(_ format: Format) -> String {
        switch format {
        case .markdown: markdown
        case .csv: csv
        case .json: json
        case .html: HTMLReport(report: report, toolVersion: toolVersion).document
        }
    }

    static let csvHeader = ["file", "reference", "title", "region", "sector", "requested", "match_funding", "total",
                            "start_date", "end_date", "errors", "warnings", "status"]

    /// The cells of a plan row, in ``csvHeader`` order.
    static func cells(_ row: ReportRow) -> [String] {
        [row.file] + ["reference", "title", "region", "sector"].map { row.text[$0] ?? "" }
            + ["requested", "match_funding", "total"].map { row.money[$0].map { String($0) } ?? "" }
            + ["start_date", "end_date"].map { row.text[$0] ?? "" }
            + [String(row.errors), String(row.warnings), row.errors == 0 ? "pass" : "fail"]
    }

    /// RFC 4180 CSV of the plan table; a cell starting with `=`, `+`, `-` or `@` gets a `'`
    /// first, so a spreadsheet never runs it as a formula.
    var csv: String {
        func cell(_ text: String) -> String {
            var value = TextEscaper.escape(text, allowTab: true)
            if let first = value.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) { value = "'" + value }
            guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
            return "\"" + value.replacingQuotes + "\""
        }
        var out = Self.csvHeader.joined(separator: ",") + "\r\n"
        for row in report.rows { out += Self.cells(row).map(cell).joined(separator: ",") + "\r\n" }
        return out
    }

    var json: String {
        var json = JSONWriter()
        json.raw("{")
        json.key("formatVersion"); json.int(1); json.raw(",")
        json.key("plans"); json.raw("[")
        for (index, row) in report.rows.enumerated() {
            json.raw(index == 0 ? "\n" : ",\n")
            json.raw("{")
            json.key("file"); json.string(row.file)
            for (key, column) in [("reference", "reference"), ("title", "title"), ("region", "region"), ("sector", "sector")] {
                json.raw(","); json.key(key)
                if let text = row.text[column] { json.string(text) } else { json.raw("null") }
            }
            for (key, column) in [("requested", "requested"), ("matchFunding", "match_funding"), ("total", "total")] {
                json.raw(","); json.key(key)
                if let value = row.money[column] { json.int(value) } else { json.raw("null") }
            }
            for (key, column) in [("startDate", "start_date"), ("endDate", "end_date")] {
                json.raw(","); json.key(key)
                if let text = row.text[column] { json.string(text) } else { json.raw("null") }
            }
            json.raw(","); json.key("errors"); json.int(row.errors)
            json.raw(","); json.key("warnings"); json.int(row.warnings)
            json.raw(","); json.key("status"); json.string(row.errors == 0 ? "pass" : "fail")
            json.raw("}")
        }
        json.raw(report.rows.isEmpty ? "]," : "\n],")
        json.key("regions"); json.raw("[")
        for (index, group) in report.groupRows.enumerated() {
            json.raw(index == 0 ? "\n" : ",\n")
            json.raw("{")
            json.key("region"); json.string(group.key); json.raw(",")
            json.key("plans"); json.int(group.plans); json.raw(",")
            json.key("passing"); json.int(group.passing); json.raw(",")
            json.key("requested"); json.int(group.requested); json.raw(",")
            json.key("allocation"); if let allocation = group.allocation { json.int(allocation) } else { json.raw("null") }; json.raw(",")
            json.key("share"); json.raw(formatted: group.share?.description ?? "null"); json.raw(",")
            json.key("coInvestmentRatio"); json.raw(formatted: group.coInvestmentRatio?.description ?? "null")
            json.raw("}")
        }
        json.raw(report.groupRows.isEmpty ? "]," : "\n],")
        json.key("fund"); json.raw("{")
        json.key("requested"); json.int(report.fundRequested); json.raw(",")
        json.key("limit"); if let limit = report.fundLimit { json.int(limit) } else { json.raw("null") }
        json.raw("},")
        json.key("diagnostics"); json.raw("[")
        for (index, diagnostic) in report.diagnostics.enumerated() {
            json.raw(index == 0 ? "\n" : ",\n")
            JSONReporter.write(diagnostic, to: &json)
        }
        json.raw(report.diagnostics.isEmpty ? "]}\n" : "\n]}\n")
        return json.output
    }

    var markdown: String {
        func cell(_ text: String) -> String {
            String(TextEscaper.escape(text).flatMap { c -> [Character] in
                switch c {
                case "|": ["\\", "|"]
                case "<": Array("&lt;")
                case ">": Array("&gt;")
                default: [c]
                }
            })
        }
        let failing = report.rows.count - report.passingPlans
        var out = "# Reviewer report: \(cell(report.pack.title)) (\(report.pack.id) \(report.pack.version))\n\n"
        out += "\(report.rows.count) plan\(report.rows.count == 1 ? "" : "s"): \(report.passingPlans) pass, \(failing) fail. "
        out += "Requested in total: \(ValueFormatter.pounds(report.fundRequested))"
        if let limit = report.fundLimit {
            out += " of \(ValueFormatter.pounds(limit))" + (report.fundRequested > limit ? " — **oversubscribed**" : "")
        }
        out += ".\n\n## Places\n\n| place | plans | passing | requested | allocation | share used | co-investment |\n|---|---:|---:|---:|---:|---:|---:|\n"
        for group in report.groupRows {
            let flag = group.oversubscribed ? " **over**" : ""
            out += "| \(cell(group.name)) | \(group.plans) | \(group.passing) | \(ValueFormatter.pounds(group.requested)) | "
            out += "\(group.allocation.map(ValueFormatter.pounds) ?? "–") | \(group.share?.percent ?? "–")\(flag) | \(group.coInvestmentRatio.map { "\($0):1" } ?? "–") |\n"
        }
        out += "\n## Plans\n\n| file | reference | title | place | sector | requested | match funding | total | start | end | errors | warnings | status |\n"
        out += "|---|---|---|---|---|---:|---:|---:|---|---|---:|---:|---|\n"
        for row in report.rows {
            var cells = ReportRenderer.cells(row)
            for index in 5...7 { if let value = Int128(cells[index]) { cells[index] = ValueFormatter.pounds(value) } }
            cells[12] = row.errors == 0 ? "pass" : "**fail**"
            out += "| " + cells.enumerated().map { $0.offset == 12 ? $0.element : cell($0.element) }.joined(separator: " | ") + " |\n"
        }
        let shown = report.diagnostics.filter { !$0.suppressed }
        if !shown.isEmpty {
            out += "\n## Diagnostics\n\n"
            for diagnostic in shown {
                out += "- `\(cell(diagnostic.file)):\(diagnostic.range.start.line):\(diagnostic.range.start.column)` \(diagnostic.severity.rawValue): \(cell(diagnostic.message)) `[\(diagnostic.rule)]`\n"
            }
        }
        return out
    }
}

extension String {
    var replacingQuotes: String { String(flatMap { $0 == "\"" ? ["\"", "\""] : [$0] }) }
}
