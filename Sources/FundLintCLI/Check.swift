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

    @Option(name: .customLong("fail-on"), help: "The lowest severity that makes the exit status 1.")
    var failOn: FailLevel = .error

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
        if stdinFilename != nil, !paths.contains("-") {
            throw ValidationError("--stdin-filename names standard input: give - as a PATH too")
        }
        if paths.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
    }

    func run() throws {
        var collector = FileCollector()
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
        switch PackSelection.select(rules, firstPlan: files.first, maxFileSize: maxFileSize) {
        case .success(let selected):
            pack = selected
        case .failure(let failure):
            try reportPackFailure(failure)
            throw ExitCode(2)
        }
        let checker = PlanChecker(pack: pack, options: CheckOptions(maxFileSize: maxFileSize))

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
        let runner = OrderedParallelMap<FileOutcome>(
            count: files.count, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, window: 64
        ) { index in
            let file = inputs[index]
            switch FileReader.read(file, limit: limit) {
            case .bytes(let bytes): return .report(checker.check(bytes, path: file.displayPath))
            case .tooLarge(let size): return .report(checker.oversizeReport(path: file.displayPath, size: size))
            case .failure(let reason): return .failure(file.displayPath, reason)
            }
        }
        runner.forEachInOrder { outcome in
            switch outcome {
            case .report(let report):
                summary.add(report)
                sink.write(reporter.file(report))
            case .failure(let path, let reason):
                StandardStream.error.write("fundlint: error: cannot read '\(TextEscaper.escape(path))': \(reason)\n")
                toolFailed = true
            }
        }
        sink.write(reporter.end(summary))
        do { try sink.finish() } catch {
            StandardStream.error.write("fundlint: error: cannot write '\(TextEscaper.escape(error.path))': \(error.reason)\n")
            throw ExitCode(2)
        }
        if !quiet { StandardStream.error.write("fundlint: \(summary.sentence)\n") }
        if toolFailed { throw ExitCode(2) }
        if let level = Severity(rawValue: failOn.rawValue), summary.counts.reaches(level) { throw ExitCode(1) }
    }

    private enum FileOutcome: Sendable {
        case report(FileReport)
        case failure(String, String)
    }

    private func makeReporter(pack: RulePack?) -> any Reporter {
        switch format {
        case .compiler:
            return CompilerReporter(showSource: !noSource, color: useColor)
        case .json:
            return JSONReporter(info: RunInfo(toolVersion: Fundlint.version, packID: pack?.id ?? "", packVersion: pack?.version ?? ""))
        }
    }

    /// Reports an unusable rule pack as `pack/invalid` diagnostics against its file, in
    /// the chosen format.
    private func reportPackFailure(_ failure: PackSelection.Failure) throws {
        switch failure {
        case .unreadable(let path, let reason):
            StandardStream.error.write("fundlint: error: cannot read rule pack '\(TextEscaper.escape(path))': \(reason)\n")
        case .invalid(let path, let bytes, let diagnostics):
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
            if !quiet { StandardStream.error.write("fundlint: the rule pack '\(TextEscaper.escape(path))' is not valid\n") }
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
