import ArgumentParser
import FoundationEssentials
import FundLint

/// The run both `check` and `report` do: load the configuration, find the files, choose the
/// pack, check the files in parallel, and hand each report, in order and with its portfolio
/// diagnostics, to the caller.
struct LintPipeline {
    let options: RunOptions
    /// Whether the command needs a built-in pack complete (`report` reads its reviewer report).
    var completePack = false
    /// Shows an invalid pack or configuration (against its file) in the command's format.
    let reportInvalid: (_ path: String, _ bytes: [UInt8], _ diagnostics: [Diagnostic], _ what: String) -> Void

    /// What `prepare` settled.
    struct Prepared {
        var files: InputFileList
        var pack: RulePack
        var checkOptions: CheckOptions
        var failLevel: FailLevel
        /// Paths that could not be read while files were collected.
        var unreadable: Int
        /// The first file's bytes when choosing the pack read them, for its check (held by
        /// a handoff, so that they are let go once checked, whoever still holds this).
        var firstPlanBytes: BytesHandoff
    }

    /// One file's result.
    enum FileOutcome: Sendable {
        case report(FileReport, fixed: Int)
        case failure(String, String)
    }

    func prepare() throws -> Prepared {
        // A configuration's mistakes are reported together, its rule ids' with the others,
        // once the pack they name rules of is known.
        let (configuration, configurationProblems) = try loadConfiguration()
        var collector = FileCollector()
        if let configuration, !configuration.exclude.isEmpty {
            let cwd = FileManager.default.currentDirectoryPath
            let directory = PathText.directory(of: configuration.path)
            let base = ReportPaths(workingDirectory: directory.isEmpty ? cwd : absolute(directory, in: cwd))
            collector.excluded = { path in
                let relative = base.relative(absolute(path, in: cwd))
                return !relative.hasPrefix("/") && configuration.excludes(relative)
            }
        }
        let collected = collector.collect(options.paths.isEmpty ? ["."] : options.paths, stdinName: options.stdinFilename ?? "<stdin>")
        for failure in collected.failures {
            StandardStream.error.write("fundlint: error: cannot read '\(TextEscaper.escape(failure.path))': \(failure.reason)\n")
        }
        let files = collected.files
        if files.count == 0, collected.failures.isEmpty {
            // Most likely a wrong path in a CI step or hook: say so rather than pass in silence.
            let searched = (options.paths.isEmpty ? ["."] : options.paths).map { "'\(TextEscaper.escape($0))'" }.joined(separator: ", ")
            StandardStream.error.write("fundlint: warning: no plans to check: no *.yaml or *.yml files in \(searched) (hidden ones are skipped)\n")
        }

        let pack: RulePack
        var firstPlanBytes: [UInt8]?
        switch PackSelection.select(options.rules ?? configuration?.packReference, firstPlan: files.first,
                                    maxFileSize: options.maxFileSize, complete: completePack, firstPlanBytes: &firstPlanBytes) {
        case .success(let selected):
            pack = selected
        case .failure(.unreadable(let path, let reason)):
            StandardStream.error.write("fundlint: error: cannot read rule pack '\(TextEscaper.escape(path))': \(reason)\n")
            throw ExitCode(2)
        case .failure(.invalid(let path, let bytes, let diagnostics)):
            reportInvalid(path, bytes, diagnostics, "rule pack")
            throw ExitCode(2)
        }
        var checkOptions = CheckOptions(maxFileSize: options.maxFileSize)
        checkOptions.inlineSuppressions = !options.noInlineSuppressions
        if let configuration {
            let problems = configurationProblems + configuration.validate(rules: BuiltinPacks.coreRules + pack.ruleInfos)
            if !problems.isEmpty {
                reportInvalid(configuration.path, configuration.bytes, problems.sorted(by: Diagnostic.precedes), "configuration")
                throw ExitCode(2)
            }
            checkOptions.disabledRules = Set(configuration.disable.map(\.id))
            for entry in configuration.severity { checkOptions.severityOverrides[entry.id] = entry.level }
        }
        let failLevel = options.failOn ?? configuration?.failOn.flatMap(FailLevel.init(rawValue:)) ?? .error
        return Prepared(files: files, pack: pack, checkOptions: checkOptions, failLevel: failLevel, unreadable: collected.failures.count,
                        firstPlanBytes: BytesHandoff(firstPlanBytes))
    }

    /// Checks every file and calls `body` with each report in order; returns how many paths
    /// could not be read, while collecting files or now.
    func run(_ prepared: Prepared, fix: Bool, body: (FileReport, Int) -> Void) -> Int {
        let limit = options.maxFileSize
        let inputs = prepared.files
        // One file is checked on this thread whatever the cores: asking for them (cgroup
        // quotas and affinity read from files) would cost a single-file run a tenth of a
        // millisecond, on every save in an editor.
        let jobs = options.jobs ?? (inputs.count > 1 ? ProcessInfo.processInfo.activeProcessorCount : 1)
        let pack = prepared.pack
        let checkOptions = prepared.checkOptions
        let firstPlanBytes = prepared.firstPlanBytes
        let runner = OrderedParallelMap<FileOutcome>(count: inputs.count, jobs: jobs, window: 64) {
            // With several threads, each checks with its own copy of the pack.
            let checker = PlanChecker(pack: jobs > 1 && inputs.count > 1 ? pack.separateCopy() : pack, options: checkOptions)
            return { index in
                let read = index == 0 ? firstPlanBytes.take() : nil
                return Self.check(inputs[index], read: read, checker: checker, limit: limit, fix: fix)
            }
        }
        var portfolio = PortfolioChecker(pack: prepared.pack, options: prepared.checkOptions, expectedPlans: inputs.count) {
            inputs[$0].displayPath
        }
        var progress = ProgressLine(total: inputs.count)
        var unreadable = prepared.unreadable
        var file = 0
        runner.forEachInOrder { (outcome: consuming FileOutcome) in
            defer { file += 1 }
            progress.advance()
            // Taken apart, not copied: a copy of a report retains each of its arrays.
            switch consume outcome {
            case .report(var report, let fixed):
                portfolio.process(&report, file: file)
                body(report, fixed)
            case .failure(let path, let reason):
                StandardStream.error.write("fundlint: error: cannot read '\(TextEscaper.escape(path))': \(reason)\n")
                unreadable += 1
            }
        }
        progress.finish()
        return unreadable
    }

    /// The summary line for standard error: the run's totals, and the paths not read, which
    /// "no problems" alone would hide.
    static func summaryLine(_ summary: RunSummary, unreadable: Int) -> String {
        guard unreadable > 0 else { return "fundlint: \(summary.sentence)\n" }
        return "fundlint: \(summary.sentence); \(unreadable) \(unreadable == 1 ? "path" : "paths") could not be read\n"
    }

    /// Reads and checks one file (whose bytes are `read` when they were read already).
    private static func check(_ file: InputFile, read: [UInt8]?, checker: PlanChecker, limit: Int, fix: Bool) -> FileOutcome {
        switch read.map(FileReader.Outcome.bytes) ?? FileReader.read(file, limit: limit) {
        case .bytes(let bytes):
            let report = checker.check(bytes, path: file.displayPath)
            guard fix, case .path(let path) = file.source else { return .report(report, fixed: 0) }
            return PlanFixer.fix(path: path, bytes: bytes, report: report, checker: checker)
        case .tooLarge(let size): return .report(checker.oversizeReport(path: file.displayPath, size: size), fixed: 0)
        case .failure(let reason): return .failure(file.displayPath, reason)
        }
    }

    /// The configuration in force: `--config`, else `.fundlint.yml` found from the working
    /// directory up to the repository root; none with `--no-config`.
    private func loadConfiguration() throws -> (Configuration?, [Diagnostic]) {
        if options.noConfig { return (nil, []) }
        guard let path = options.config ?? ConfigurationDiscovery.find(from: FileManager.default.currentDirectoryPath) else { return (nil, []) }
        switch FileReader.read(InputFile(source: .path(path), displayPath: path), limit: CheckOptions.defaultMaxFileSize) {
        case .failure(let reason):
            StandardStream.error.write("fundlint: error: cannot read configuration '\(TextEscaper.escape(path))': \(reason)\n")
            throw ExitCode(2)
        case .tooLarge(let size):
            StandardStream.error.write("fundlint: error: configuration '\(TextEscaper.escape(path))' is \(size) bytes, too large\n")
            throw ExitCode(2)
        case .bytes(let bytes):
            let (configuration, problems) = Configuration.load(bytes, path: path)
            guard let configuration else {
                // Not even YAML: nothing in it can be trusted, the pack it names included.
                reportInvalid(path, bytes, problems, "configuration")
                throw ExitCode(2)
            }
            return (configuration, problems)
        }
    }
}
