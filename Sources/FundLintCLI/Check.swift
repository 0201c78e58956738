import ArgumentParser
import Foundation
import FundLint
#if canImport(Glibc)
import Glibc
#endif

/// `fundlint check`: lints plans and reports diagnostics.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check plans and report problems (the default subcommand).",
        discussion: """
        PATH may be a file, a directory (searched recursively for *.yaml and *.yml, skipping \
        hidden entries) or - for standard input. With no PATH the current directory is checked.
        Exit status: 0 no diagnostic at or above --fail-on, 1 at least one, 2 the tool could \
        not do its job (bad arguments, an unreadable PATH).
        """
    )

    @Argument(help: "Plan files or directories; - reads standard input.")
    var paths: [String] = []

    @Option(help: "Output format.")
    var format: OutputFormat = .compiler

    @Option(help: ArgumentHelp("Write the report to FILE (atomically) instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("The rule pack: a built-in pack id or a pack file.", valueName: "FILE|PACK-ID"))
    var rules: String?

    @Option(help: ArgumentHelp("The configuration file (default: .fundlint.yml here or in a parent directory, up to the repository root).", valueName: "FILE"))
    var config: String?

    @Flag(name: .customLong("no-config"), help: "Use no configuration file.")
    var noConfig = false

    @Option(name: .customLong("fail-on"), help: "The lowest severity that makes the exit status 1 (default: error).")
    var failOn: FailLevel?

    @Flag(help: "Apply safe fixes (did-you-mean ids and keys, unquoting amounts) in place, then report what remains.")
    var fix = false

    @Flag(name: .customLong("no-inline-suppressions"), help: "Ignore '# fundlint: disable-...' comments in plans (for reviewers).")
    var noInlineSuppressions = false

    @Option(help: "Files checked in parallel (default: all cores).")
    var jobs: Int?

    @Option(name: .customLong("stdin-filename"), help: ArgumentHelp("The name to report standard input under.", valueName: "NAME"))
    var stdinFilename: String?

    @Option(help: "Colour the output (honours NO_COLOR when auto).")
    var color: ColorMode = .auto

    @Flag(help: "Print no summary line on standard error.")
    var quiet = false

    @Flag(name: .customLong("no-source"), help: "Print no source lines under diagnostics.")
    var noSource = false

    @Option(name: .customLong("max-file-size"), help: ArgumentHelp("Skip files larger than BYTES with a yaml/limits error.", valueName: "BYTES"))
    var maxFileSize: Int = CheckOptions.defaultMaxFileSize

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, not \(jobs)") }
        if maxFileSize < 0 { throw ValidationError("--max-file-size must not be negative") }
        if fix, paths.contains("-") { throw ValidationError("--fix changes files in place; it cannot fix standard input") }
        if stdinFilename != nil, !paths.contains("-") {
            throw ValidationError("--stdin-filename names standard input: give - as a PATH too")
        }
        if paths.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
        if config != nil, noConfig { throw ValidationError("--config and --no-config contradict each other") }
    }

    func run() throws {
        let configuration = try loadConfiguration()
        var collector = FileCollector()
        if let configuration, !configuration.exclude.isEmpty {
            let cwd = FileManager.default.currentDirectoryPath
            let base = ReportPaths(workingDirectory: (configuration.path as NSString).deletingLastPathComponent.isEmpty
                                   ? cwd : absolute((configuration.path as NSString).deletingLastPathComponent, in: cwd))
            collector.excluded = { path in
                let relative = base.relative(absolute(path, in: cwd))
                return !relative.hasPrefix("/") && configuration.excludes(relative)
            }
        }
        let items = collector.collect(paths.isEmpty ? ["."] : paths, stdinName: stdinFilename ?? "<stdin>")
        var toolFailed = false
        var files: [InputFile] = []
        for item in items {
            switch item {
            case .file(let file): files.append(file)
            case .failure(let failure):
                StandardStream.error.write("fundlint: error: cannot read '\(TextEscaper.escape(failure.path))': \(failure.reason)\n")
                toolFailed = true
            }
        }
        let pack: RulePack
        switch PackSelection.select(rules ?? configuration?.packReference, firstPlan: files.first, maxFileSize: maxFileSize) {
        case .success(let selected):
            pack = selected
        case .failure(.unreadable(let path, let reason)):
            StandardStream.error.write("fundlint: error: cannot read rule pack '\(TextEscaper.escape(path))': \(reason)\n")
            throw ExitCode(2)
        case .failure(.invalid(let path, let bytes, let diagnostics)):
            reportInvalid(path: path, bytes: bytes, diagnostics: diagnostics, what: "rule pack")
            throw ExitCode(2)
        }
        var options = CheckOptions(maxFileSize: maxFileSize)
        options.inlineSuppressions = !noInlineSuppressions
        if let configuration {
            let problems = configuration.validate(rules: BuiltinPacks.coreRules + pack.ruleInfos)
            if !problems.isEmpty {
                reportInvalid(path: configuration.path, bytes: configuration.bytes, diagnostics: problems, what: "configuration")
                throw ExitCode(2)
            }
            options.disabledRules = Set(configuration.disable.map(\.id))
            for entry in configuration.severity { options.severityOverrides[entry.id] = entry.level }
        }
        let failLevel = failOn ?? configuration?.failOn.flatMap(FailLevel.init(rawValue:)) ?? .error
        let checker = PlanChecker(pack: pack, options: options)
        let sink: OutputSink
        do { sink = try OutputSink(path: output) } catch {
            StandardStream.error.write("fundlint: error: cannot write '\(TextEscaper.escape(error.path))': \(error.reason)\n")
            throw ExitCode(2)
        }
        var reporter = makeReporter(pack: pack)
        sink.write(reporter.begin())
        var summary = RunSummary()
        let limit = maxFileSize
        let inputs = files
        let fixing = fix
        let runner = OrderedParallelMap<FileOutcome>(
            count: files.count, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, window: 64
        ) { index in
            let file = inputs[index]
            switch FileReader.read(file, limit: limit) {
            case .bytes(let bytes):
                let report = checker.check(bytes, path: file.displayPath)
                guard fixing, case .path(let path) = file.source else { return .report(report, fixed: 0) }
                return PlanFixer.fix(path: path, bytes: bytes, report: report, checker: checker)
            case .tooLarge(let size): return .report(checker.oversizeReport(path: file.displayPath, size: size), fixed: 0)
            case .failure(let reason): return .failure(file.displayPath, reason)
            }
        }
        var portfolio = PortfolioChecker(pack: pack, options: options)
        var progress = ProgressLine(total: files.count)
        var fixedProblems = 0
        var fixedFiles = 0
        runner.forEachInOrder { outcome in
            progress.advance()
            switch outcome {
            case .report(var report, let fixed):
                portfolio.process(&report)
                summary.add(report)
                if fixed > 0 { fixedProblems += fixed; fixedFiles += 1 }
                sink.write(reporter.file(report))
            case .failure(let path, let reason):
                StandardStream.error.write("fundlint: error: cannot read '\(TextEscaper.escape(path))': \(reason)\n")
                toolFailed = true
            }
        }
        progress.finish()
        sink.write(reporter.end(summary))
        do { try sink.finish() } catch {
            StandardStream.error.write("fundlint: error: cannot write '\(TextEscaper.escape(error.path))': \(error.reason)\n")
            throw ExitCode(2)
        }
        if fix, !quiet {
            StandardStream.error.write("fundlint: fixed \(fixedProblems) problem\(fixedProblems == 1 ? "" : "s") in \(fixedFiles) file\(fixedFiles == 1 ? "" : "s")\n")
        }
        if !quiet { StandardStream.error.write("fundlint: \(summary.sentence)\n") }
        if toolFailed { throw ExitCode(2) }
        if let level = Severity(rawValue: failLevel.rawValue), summary.counts.reaches(level) { throw ExitCode(1) }
    }

    enum FileOutcome: Sendable {
        case report(FileReport, fixed: Int)
        case failure(String, String)
    }

    private func makeReporter(pack: RulePack?) -> any Reporter {
        switch format {
        case .compiler:
            return CompilerReporter(showSource: !noSource, color: useColor)
        case .json:
            return JSONReporter(info: runInfo(pack))
        case .sarif:
            return SARIFReporter(info: runInfo(pack), rules: BuiltinPacks.coreRules + (pack?.ruleInfos ?? []), paths: reportPaths)
        case .github:
            return GitHubReporter(paths: reportPaths)
        case .junit:
            return JUnitReporter()
        }
    }

    private func runInfo(_ pack: RulePack?) -> RunInfo {
        RunInfo(toolVersion: Fundlint.version, packID: pack?.id ?? "", packVersion: pack?.version ?? "")
    }

    private var reportPaths: ReportPaths {
        ReportPaths(workingDirectory: FileManager.default.currentDirectoryPath)
    }

    /// Reports an invalid rule pack or configuration as diagnostics against its file, in the
    /// chosen format, so editors and CI show them like any other.
    private func reportInvalid(path: String, bytes: [UInt8], diagnostics: [Diagnostic], what: String) {
        let sink: OutputSink
        do { sink = try OutputSink(path: output) } catch {
            StandardStream.error.write("fundlint: error: cannot write '\(TextEscaper.escape(error.path))': \(error.reason)\n")
            return
        }
        var reporter = makeReporter(pack: nil)
        var summary = RunSummary()
        let report = FileReport(path: path, plans: 0, diagnostics: diagnostics, source: bytes)
        summary.add(report)
        sink.write(reporter.begin())
        sink.write(reporter.file(report))
        sink.write(reporter.end(summary))
        do { try sink.finish() } catch {
            StandardStream.error.write("fundlint: error: cannot write '\(TextEscaper.escape(error.path))': \(error.reason)\n")
        }
        if !quiet { StandardStream.error.write("fundlint: the \(what) '\(TextEscaper.escape(path))' is not valid\n") }
    }

    /// The configuration in force: `--config`, else `.fundlint.yml` found from the working
    /// directory up to the repository root; none with `--no-config`.
    private func loadConfiguration() throws -> Configuration? {
        if noConfig { return nil }
        guard let path = config ?? ConfigurationDiscovery.find(from: FileManager.default.currentDirectoryPath) else { return nil }
        switch FileReader.read(InputFile(source: .path(path), displayPath: path), limit: CheckOptions.defaultMaxFileSize) {
        case .failure(let reason):
            StandardStream.error.write("fundlint: error: cannot read configuration '\(TextEscaper.escape(path))': \(reason)\n")
            throw ExitCode(2)
        case .tooLarge(let size):
            StandardStream.error.write("fundlint: error: configuration '\(TextEscaper.escape(path))' is \(size) bytes, too large\n")
            throw ExitCode(2)
        case .bytes(let bytes):
            switch Configuration.load(bytes, path: path) {
            case .success(let configuration): return configuration
            case .failure(let errors):
                reportInvalid(path: path, bytes: bytes, diagnostics: errors.diagnostics, what: "configuration")
                throw ExitCode(2)
            }
        }
    }

    private var useColor: Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            if output != nil { return false }
            if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
            if ProcessInfo.processInfo.environment["TERM"] == "dumb" { return false }
            return StandardStream.output.isTerminal
        }
    }
}
