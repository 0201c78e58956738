import ArgumentParser

/// `--rules FILE|PACK-ID`, shared by every command that uses a rule pack.
struct PackOption: ParsableArguments {
    @Option(help: ArgumentHelp("The rule pack: a built-in pack id or a pack file.", valueName: "FILE|PACK-ID"))
    var rules: String?
}
