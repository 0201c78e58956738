import ArgumentParser

/// `--rules FILE|PACK-ID`, shared by every command that uses a rule pack.
/// (`check` and `report` declare it among their own options: see ``RunOptions``.)
struct PackOption: ParsableArguments {
    /// The option's help, the same for every command.
    static let help = ArgumentHelp("The rule pack: a built-in pack id or a pack file.", valueName: "FILE|PACK-ID")

    @Option(help: help)
    var rules: String?
}
