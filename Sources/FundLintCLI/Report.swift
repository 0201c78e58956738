import ArgumentParser
import FundLint

/// `fundlint report`: the reviewer's portfolio view of a batch of plans.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Check every plan and write a portfolio report for reviewers.",
        // As `check`'s reads: the generated one lists all twelve options on one line.
        usage: "fundlint report [<options>] [<paths> ...]",
        discussion: "Exit status as for check: 1 when any plan fails at --fail-on, 2 when the tool could not do its job."
    )

    @OptionGroup var common: RunOptions

    @Option(help: "Report format.")
    var format: ReportRenderer.Format = .markdown

    func run() throws {
        if let warning = format.mismatchWarning(output: common.output) { StandardStream.error.write(warning) }
        let pipeline = LintPipeline(options: common, completePack: true) { path, bytes, diagnostics, what in
            var reporter = CompilerReporter()
            StandardStream.error.write(reporter.file(FileReport(path: path, plans: 0, diagnostics: diagnostics, source: bytes)))
            StandardStream.error.write("fundlint: the \(what) '\(TextEscaper.escape(path))' is not valid\n")
        }
        var prepared = try pipeline.prepare()
        guard prepared.pack.hasReport else {
            StandardStream.error.write("fundlint: error: the rule pack '\(TextEscaper.escape(prepared.pack.id))' defines no report (its 'report' section)\n")
            throw ExitCode(2)
        }
        prepared.checkOptions.reportRows = true
        var report = ReviewerReport(pack: prepared.pack)
        var summary = RunSummary()
        let unreadable = pipeline.run(prepared, fix: false) { file, _ in
            summary.add(file)
            report.add(file)
        }
        try OutputSink.write(ReportRenderer(report: report, toolVersion: Fundlint.version).render(format), to: common.output)
        if !common.quiet { StandardStream.error.write(LintPipeline.summaryLine(summary, unreadable: unreadable)) }
        if unreadable > 0 { throw ExitCode(2) }
        if let level = Severity(rawValue: prepared.failLevel.rawValue), summary.counts.reaches(level) { throw ExitCode(1) }
    }
}
