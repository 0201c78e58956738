import ArgumentParser
import FundLint

/// `fundlint schema`: the JSON Schema of the plan format, from the pack.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "schema", abstract: "Print the JSON Schema (draft 2020-12) of the plan format, for editors.")

    @OptionGroup var pack: PackOption

    @Option(help: ArgumentHelp("Write the schema to FILE (atomically) instead of standard output.", valueName: "FILE"))
    var output: String?

    func run() throws {
        let pack = try PackLoading.load(self.pack.rules)
        try OutputSink.write(JSONSchemaExporter(pack: pack).schema.rendered(), to: output)
    }
}
