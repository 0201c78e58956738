import FundLint

/// Parses the command lines a check usually has (paths and the options of `check`, each
/// given once with a plain value) without ArgumentParser, which reflects on every option
/// of the command and of its option group to parse any line: that took more than half of
/// the instructions of checking one small plan, on every save and every commit.
///
/// Anything else (help, an unknown or repeated option, a value that does not parse or
/// starts with `-`, `--`, a line `validate()` refuses) gives `nil`, and ArgumentParser
/// parses the line as before, with its own messages. A test compares what this gives
/// with ArgumentParser's own parse, value for value.
enum QuickCheckArguments {
    /// The check `arguments` (without the program name and a leading `check`) ask for, or
    /// `nil` when they are ArgumentParser's to parse.
    static func parse(_ arguments: [String]) -> Check? {
        var options = Options()
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.utf8.first == UInt8(ascii: "-"), argument != "-" else {
                options.paths.append(argument)
                continue
            }
            let name: Substring, written: Substring?
            if let equals = argument.firstIndex(of: "=") {
                name = argument[..<equals]
                written = argument[argument.index(after: equals)...]
            } else {
                name = argument[...]
                written = nil
            }
            if options.setFlag(name) {
                guard written == nil else { return nil }
                continue
            }
            let value: Substring
            if let written {
                value = written
            } else {
                guard index < arguments.count else { return nil }
                value = arguments[index][...]
                index += 1
            }
            guard let first = value.utf8.first, first != UInt8(ascii: "-"), options.set(name, to: String(value)) else { return nil }
        }
        return options.check()
    }

    /// The values given so far; each option at most once.
    private struct Options {
        var paths: [String] = []
        var output: String?
        var rules: String?
        var config: String?
        var noConfig = false
        var failOn: FailLevel?
        var jobs: Int?
        var stdinFilename: String?
        var quiet = false
        var maxFileSize: Int?
        var noInlineSuppressions = false
        var format: OutputFormat?
        var color: ColorMode?
        var noSource = false
        var fix = false

        /// Sets the flag `name`; `false` when it is no flag, or given before.
        mutating func setFlag(_ name: Substring) -> Bool {
            func once(_ flag: inout Bool) -> Bool {
                if flag { return false }
                flag = true
                return true
            }
            switch name {
            case "--no-config": return once(&noConfig)
            case "--quiet": return once(&quiet)
            case "--no-inline-suppressions": return once(&noInlineSuppressions)
            case "--no-source": return once(&noSource)
            case "--fix": return once(&fix)
            default: return false
            }
        }

        /// Sets the option `name` to `value`; `false` when it is no option of `check`, is
        /// given twice, or `value` is not one it takes.
        mutating func set(_ name: Substring, to value: String) -> Bool {
            func once<Value>(_ slot: inout Value?, _ parsed: Value?) -> Bool {
                guard slot == nil, let parsed else { return false }
                slot = parsed
                return true
            }
            switch name {
            case "--output": return once(&output, value)
            case "--rules": return once(&rules, value)
            case "--config": return once(&config, value)
            case "--fail-on": return once(&failOn, FailLevel(rawValue: value))
            case "--jobs": return once(&jobs, Int(value))
            case "--stdin-filename": return once(&stdinFilename, value)
            case "--max-file-size": return once(&maxFileSize, Int(value))
            case "--format": return once(&format, OutputFormat(rawValue: value))
            case "--color": return once(&color, ColorMode(rawValue: value))
            default: return false
            }
        }

        /// The command, with every property set (one left as declared could not be read),
        /// the declared defaults where nothing was given; `nil` when it does not validate.
        func check() -> Check? {
            var common = RunOptions()
            common.paths = paths
            common.output = output
            common.rules = rules
            common.config = config
            common.noConfig = noConfig
            common.failOn = failOn
            common.jobs = jobs
            common.stdinFilename = stdinFilename
            common.quiet = quiet
            common.maxFileSize = maxFileSize ?? CheckOptions.defaultMaxFileSize
            common.noInlineSuppressions = noInlineSuppressions
            var check = Check()
            check.common = common
            check.format = format ?? .compiler
            check.color = color ?? .auto
            check.noSource = noSource
            check.fix = fix
            do {
                try common.validate()
                try check.validate()
            } catch {
                return nil
            }
            return check
        }
    }
}
