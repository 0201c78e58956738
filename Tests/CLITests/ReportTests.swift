import Foundation
import Testing

/// `fundlint report` over a batch built here: two places over their limits (one on the
/// competition route), a duplicate reference, failing plans, and hostile text.
@Suite struct ReportTests {
    static func makeBatch() throws -> URL {
        let root = try CommandRunner.temporaryDirectory()
        let plans = root.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        func example(_ name: String) throws -> String {
            try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("Examples/\(name).yaml"), encoding: .utf8)
        }
        func write(_ text: String, _ name: String) throws {
            try text.write(to: plans.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let wm = try example("west-midlands-bus-delays")
        let gm = try example("greater-manchester-diagnostics")
        let tv = try example("tees-valley-competition")
        try write(wm, "a-wm.yaml")
        try write(gm, "b-gm.yaml")
        try write(gm.replacingOccurrences(of: "LIPF-GM-0007", with: "LIPF-GM-0008")
            .replacingOccurrences(of: "requested: 18_500_000", with: "requested: 35_000_000")
            .replacingOccurrences(of: "match_funding: 21_000_000", with: "match_funding: 37_500_000")
            .replacingOccurrences(of: "total: 39_500_000", with: "total: 72_500_000")
            .replacingOccurrences(of: "amount: 16_200_000}", with: "amount: 49_200_000}")
            .replacingOccurrences(of: "{year: 2029-30, amount: 4_000_000}", with: "{year: 2029-30, amount: 20_500_000}"), "c-gm.yaml")
        try write(tv, "d-tv.yaml")
        try write(tv.replacingOccurrences(of: "LIPF-TV-0021", with: "LIPF-TV-0022")
            .replacingOccurrences(of: "requested: 6_000_000", with: "requested: 15_000_000")
            .replacingOccurrences(of: "match_funding: 8_000_000", with: "match_funding: 15_000_000")
            .replacingOccurrences(of: "total: 14_000_000", with: "total: 30_000_000")
            .replacingOccurrences(of: "amount: 6_500_000}", with: "amount: 22_500_000}")
            .replacingOccurrences(of: "{year: 2028-29, amount: 2_000_000}", with: "{year: 2028-29, amount: 11_000_000}"), "e-tv.yaml")
        try write(wm, "f-duplicate.yaml")
        try write(gm.replacingOccurrences(of: "LIPF-GM-0007", with: "LIPF-GM-0009")
            .replacingOccurrences(of: "start_date: 2026-06-01", with: "start_date: 2026-03-01"), "g-early.yaml")
        try write(wm.replacingOccurrences(of: "LIPF-WM-0042", with: "LIPF-WM-0043")
            .replacingOccurrences(of: "title: AI for bus delay prediction", with: "title: \"=HYPERLINK(\\\"http://x\\\"), <script>alert('x')</script> & more\""), "h-hostile.yaml")
        return root
    }

    static let golden = CommandRunner.packageRoot.appendingPathComponent("Tests/CLITests/Golden")

    @Test(arguments: [("json", "batch.json"), ("csv", "batch.csv"), ("markdown", "batch.md")])
    func reportMatchesItsGoldenFile(_ format: String, _ file: String) throws {
        let root = try Self.makeBatch()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(["report", "--format", format, "plans"], in: root)
        #expect(result.status == 1)
        let goldenFile = Self.golden.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["FUNDLINT_UPDATE_GOLDEN"] != nil {
            // Rewrites the golden file; read the diff and judge it before committing.
            try result.stdout.write(to: goldenFile, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: goldenFile, encoding: .utf8)
        #expect(result.stdout == expected)
    }

    @Test func csvNeverHandsASpreadsheetAFormula() throws {
        let root = try Self.makeBatch()
        defer { try? FileManager.default.removeItem(at: root) }
        let csv = try CommandRunner.run(["report", "--format", "csv", "plans"], in: root).stdout
        #expect(csv.hasPrefix("file,reference,title,region,sector,requested,match_funding,total,start_date,end_date,errors,warnings,status\r\n"))
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\"), <script>alert('x')</script> & more\""))
    }

    @Test func htmlIsSelfContainedEscapedAndAccessible() throws {
        let root = try Self.makeBatch()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("report.html")
        let result = try CommandRunner.run(["report", "--format", "html", "--output", output.path, "plans"], in: root)
        #expect(result.status == 1)
        let html = try String(contentsOf: output, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"))
        for external in ["src=\"http", "href=\"http", "@import", "url(", "<link", "<script src"] {
            #expect(!html.contains(external), "the report loads \(external)")
        }
        #expect(html.contains("<svg class=\"chart\""))
        #expect(html.contains("<title id=\"chart-title\">"))
        #expect(html.contains("<th scope=\"col\">"))
        #expect(html.contains("<details>"))
        #expect(html.contains("@media print"))
        #expect(html.contains("Greater Manchester: £72,000,000 requested of £50,000,000, oversubscribed"))
        #expect(html.contains("Tees Valley: £21,000,000 requested of £20,000,000, oversubscribed"))
        // Wide tables scroll inside their own box (which the keyboard can reach and scroll),
        // never the page; file paths and rule ids may wrap at their slashes.
        #expect(html.contains("<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"places-heading\" tabindex=\"0\">\n<table"))
        #expect(html.contains("<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"plans-heading\" tabindex=\"0\">\n<table"))
        #expect(html.contains("plans/<wbr>a-wm.yaml"))
        #expect(html.contains("<code>portfolio/<wbr>duplicate-reference</code>"))
    }

    @Test func failOnDecidesTheExitStatusOfAReportToo() throws {
        let root = try Self.makeBatch()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try CommandRunner.run(["report", "--fail-on", "never", "plans"], in: root).status == 0)
        #expect(try CommandRunner.run(["report", "plans/a-wm.yaml"], in: root).status == 0)
    }
}
