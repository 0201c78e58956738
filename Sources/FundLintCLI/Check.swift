import ArgumentParser
import FoundationEssentials
import FundLint

/// `fundlint check`: lints plans and reports diagnostics.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check plans and report problems (the default subcommand).",
        discussion: """
        PATH may be a file, a directory (searched recursively for *.yaml and *.yml, skipping \
        hidden entries) or - for standard input. With no PATH the current directory is checked.
        Exit status: 0 no diagnostic at or above --fail-on, 1 at least one, 2 the tool could \
        not do its job (bad arguments, an unreadable PATH, an invalid rule pack or configuration).
        """
    )

    @OptionGroup var common: RunOptions

    @Option(help: "Output format.")
    var format: OutputFormat = .compiler

    @Option(help: "Colour the output (honours NO_COLOR when auto).")
    var color: ColorMode = .auto

    @Flag(name: .customLong("no-source"), help: "Print no source lines under diagnostics.")
    var noSource = false

    @Flag(help: "Apply safe fixes (did-you-mean ids and keys; amounts, dates and financial years written another common way; a list written as a mapping, or the other way round) in place, then report what remains.")
    var fix = false

    func validate() throws {
        if fix, common.paths.contains("-") { throw ValidationError("--fix changes files in place; it cannot fix standard input") }
    }

    func run() throws {
        if let warning = format.mismatchWarning(output: common.output) { StandardStream.error.write(warning) }
        let pipeline = LintPipeline(options: common) { path, bytes, diagnostics, what in
            reportInvalid(path: path, bytes: bytes, diagnostics: diagnostics, what: what)
        }
        let prepared = try pipeline.prepare()
        let sink: OutputSink
        do { sink = try OutputSink(path: common.output) } catch {
            StandardStream.error.write("fundlint: error: cannot write '\(TextEscaper.escape(error.path))': \(error.reason)\n")
            throw ExitCode(2)
        }
        var reporter = makeReporter(pack: prepared.pack)
        sink.write(reporter.begin())
        var summary = RunSummary()
        var fixes = FixTally()
        // A copy for the closure: naming `fix` there would copy the whole command into it.
        let fixing = fix
        let unreadable = pipeline.run(prepared, fix: fixing) { report, fixed in
            summary.add(report)
            if fixing { fixes.add(report, fixed: fixed) }
            sink.write(reporter.file(report))
        }
        reporter.finish(summary) { sink.write($0) }
        do { try sink.finish() } catch {
            StandardStream.error.write("fundlint: error: cannot write '\(TextEscaper.escape(error.path))': \(error.reason)\n")
            throw ExitCode(2)
        }
        if fix, !common.quiet { StandardStream.error.write("fundlint: \(fixes.sentence)\n") }
        if !common.quiet { StandardStream.error.write(LintPipeline.summaryLine(summary, unreadable: unreadable)) }
        if unreadable > 0 { throw ExitCode(2) }
        if let level = Severity(rawValue: prepared.failLevel.rawValue), summary.counts.reaches(level) { throw ExitCode(1) }
    }

    private func makeReporter(pack: RulePack?) -> any Reporter {
        let info = RunInfo(toolVersion: Fundlint.version, packID: pack?.id ?? "", packVersion: pack?.version ?? "")
        var paths: ReportPaths { ReportPaths(workingDirectory: FileManager.default.currentDirectoryPath) }
        switch format {
        case .compiler: return CompilerReporter(showSource: !noSource, color: useColor)
        case .json: return JSONReporter(info: info, files: FileSpool())
        case .sarif: return SARIFReporter(info: info, rules: BuiltinPacks.coreRules + (pack?.ruleInfos ?? []), paths: paths)
        case .github: return GitHubReporter(paths: paths)
        case .junit: return JUnitReporter()
        }
    }

    /// Reports an invalid rule pack or configuration as diagnostics against its file, in the
    /// chosen format, so editors and CI show them like any other.
    private func reportInvalid(path: String, bytes: [UInt8], diagnostics: [Diagnostic], what: String) {
        var reporter = makeReporter(pack: nil)
        var summary = RunSummary()
        let report = FileReport(path: path, plans: 0, diagnostics: diagnostics, source: bytes)
        summary.add(report)
        do {
            try OutputSink.write(reporter.begin() + reporter.file(report) + reporter.end(summary), to: common.output)
        } catch {}
        if !common.quiet { StandardStream.error.write("fundlint: the \(what) '\(TextEscaper.escape(path))' is not valid\n") }
    }

    private var useColor: Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            if common.output != nil || !StandardStream.output.isTerminal { return false }
            if let noColor = Environment.value("NO_COLOR"), !noColor.isEmpty { return false }
            return !Environment.isDumbTerminal
        }
    }
}
