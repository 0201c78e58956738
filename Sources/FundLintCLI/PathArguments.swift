import ArgumentParser

/// Parses a command line that names many files without handing every name to
/// ArgumentParser, which copies the list of values gathered so far each time it adds one:
/// its cost grows with the square of the number of names (10,000 names took 3 s). Such
/// command lines come from pre-commit and `xargs`.
///
/// When the line is `check` or `report` (named or by default) with at least
/// ``threshold`` paths and only the options below, ArgumentParser parses it without the
/// paths (standard input's `-` aside, so the checks on it still run) and the paths are
/// put back in their order. Anything else, including any other option, `--`, or a result
/// that does not match, is parsed whole as before.
enum PathArguments {
    /// Options of `check` and `report` that take a value: the next argument, unless
    /// written `--name=value`. A test compares these and ``flags`` with ArgumentParser's.
    static let valueOptions = ["--output", "--rules", "--config", "--fail-on", "--jobs", "--stdin-filename",
                               "--max-file-size", "--format", "--color"]
    /// Options of `check` and `report` that take no value.
    static let flags = ["--no-config", "--quiet", "--no-inline-suppressions", "--no-source", "--fix"]
    /// Below this many paths the line is parsed whole.
    static let threshold = 32

    /// The arguments ArgumentParser is given and every path in order, when `arguments`
    /// (without the program name) qualify; `nil` when they are to be parsed whole.
    static func split(_ arguments: [String]) -> (reduced: [String], paths: [String])? {
        var reduced: [String] = []
        var paths: [String] = []
        var subcommandSeen = false
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument.hasPrefix("-"), argument != "-" {
                let name = argument.firstIndex(of: "=").map { String(argument[..<$0]) } ?? argument
                if valueOptions.contains(name) {
                    reduced.append(argument)
                    if name == argument, index < arguments.count {
                        reduced.append(arguments[index])
                        index += 1
                    }
                } else if flags.contains(argument) {
                    reduced.append(argument)
                } else {
                    return nil
                }
            } else if paths.isEmpty, !subcommandSeen, isCommandName(argument) {
                // The first word names the command: only `check` and `report` take paths.
                guard argument == "check" || argument == "report" else { return nil }
                subcommandSeen = true
                reduced.append(argument)
            } else {
                paths.append(argument)
                if argument == "-" { reduced.append(argument) }
            }
        }
        return paths.count >= threshold ? (reduced, paths) : nil
    }

    /// `Fundlint.parseAsRoot(arguments)`, with a line for `check` (named or by default)
    /// parsed by `Check` alone: from the root, ArgumentParser works out several times over
    /// whether the default command takes all remaining input, building every argument of
    /// `check` each time (1.6 M instructions, a sixteenth of checking one small plan).
    /// Taken only when no word of the line names a command and no option is one the root
    /// answers itself (help, the version, completions), so that the root would hand the
    /// line to `check` unchanged; anything `Check` does not parse, help and errors
    /// included, is parsed from the root.
    static func parseAsRoot(_ arguments: [String]) throws -> any ParsableCommand {
        try checkAlone(arguments) ?? Fundlint.parseAsRoot(arguments)
    }

    /// The check `arguments` ask for, parsed by `Check` alone (or, for the usual lines,
    /// without ArgumentParser: ``QuickCheckArguments``), when ``parseAsRoot(_:)`` may take
    /// that way and `Check` parses them; `nil` otherwise.
    static func checkAlone(_ arguments: [String]) -> Check? {
        let rest = arguments.first == "check" ? Array(arguments.dropFirst()) : arguments
        guard rest.count <= threshold, !rest.contains(where: { isCommandName($0) || isRootOption($0) }) else { return nil }
        return QuickCheckArguments.parse(rest) ?? (try? Check.parse(rest))
    }

    /// Options ArgumentParser answers for the root command itself.
    private static func isRootOption(_ argument: String) -> Bool {
        argument == "-h" || ["--help", "--version", "--generate-completion-script", "--experimental"].contains { argument.hasPrefix($0) }
    }

    private static func isCommandName(_ word: String) -> Bool {
        word == "help" || Fundlint.configuration.subcommands.contains { $0.configuration.commandName == word }
    }

    /// The command `arguments` (without the program name) ask for, parsed as
    /// ArgumentParser parses them.
    static func parse(_ arguments: [String]) throws -> any ParsableCommand {
        guard let (reduced, paths) = split(arguments), var command = try? parseAsRoot(reduced) else {
            return try parseAsRoot(arguments)
        }
        let kept = paths.filter { $0 == "-" }
        switch command {
        case var check as Check where check.common.paths == kept:
            check.common.paths = paths
            command = check
        case var report as Report where report.common.paths == kept:
            report.common.paths = paths
            command = report
        default:
            return try Fundlint.parseAsRoot(arguments)
        }
        return command
    }
}
