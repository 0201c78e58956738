import ArgumentParser
import FundLint

/// `fundlint schema`: the JSON Schema of the plan format, from the pack.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the JSON Schema (draft 2020-12) of the plan format, for editors.")

    @Option(help: ArgumentHelp("The rule pack: a built-in pack id or a pack file.", valueName: "FILE|PACK-ID"))
    var rules: String?

    @Option(help: ArgumentHelp("Write the schema to FILE (atomically) instead of standard output.", valueName: "FILE"))
    var output: String?

    func run() throws {
        let pack = try PackLoading.load(rules)
        try OutputSink.write(JSONSchemaExporter(pack: pack).schema.rendered(), to: output)
    }
}
