import ArgumentParser
import FundLint

/// The options `check` and `report` share: what to check, with which pack and
/// configuration, and when the run fails.
struct RunOptions: ParsableArguments {
    @Argument(help: "Plan files or directories; - reads standard input.")
    var paths: [String] = []

    @Option(help: ArgumentHelp("Write to FILE (atomically) instead of standard output.", valueName: "FILE"))
    var output: String?

    /// `--rules`, as ``PackOption`` declares it for the other commands. Declared here rather
    /// than as a nested option group: every group is reflected and decoded separately when
    /// the command line is parsed, and these two commands start on every save and commit.
    @Option(help: PackOption.help)
    var rules: String?

    @Option(help: ArgumentHelp("The configuration file (default: .fundlint.yml here or in a parent directory, up to the repository root).", valueName: "FILE"))
    var config: String?

    @Flag(name: .customLong("no-config"), help: "Use no configuration file.")
    var noConfig = false

    @Option(name: .customLong("fail-on"), help: "The lowest severity that makes the exit status 1 (default: error).")
    var failOn: FailLevel?

    @Option(help: "Files checked in parallel (default: all cores).")
    var jobs: Int?

    @Option(name: .customLong("stdin-filename"), help: ArgumentHelp("The name to report standard input under.", valueName: "NAME"))
    var stdinFilename: String?

    @Flag(help: "Print no summary line on standard error.")
    var quiet = false

    @Option(name: .customLong("max-file-size"), help: ArgumentHelp("Skip files larger than BYTES with a yaml/limits error.", valueName: "BYTES"))
    var maxFileSize: Int = CheckOptions.defaultMaxFileSize

    @Flag(name: .customLong("no-inline-suppressions"), help: "Ignore '# fundlint: disable-...' comments in plans (for reviewers).")
    var noInlineSuppressions = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, not \(jobs)") }
        if maxFileSize < 0 { throw ValidationError("--max-file-size must not be negative") }
        if stdinFilename != nil, !paths.contains("-") {
            throw ValidationError("--stdin-filename names standard input: give - as a PATH too")
        }
        if paths.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
        if config != nil, noConfig { throw ValidationError("--config and --no-config contradict each other") }
    }
}
