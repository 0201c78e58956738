import PackagePlugin

/// Parses the rule packs of the target it is applied to when the package is built, so the
/// binary carries them parsed and does not run libyaml over them at every start.
@main
struct RulePackSnapshots: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let packs = target.sourceFiles.map(\.url).filter { $0.pathExtension == "yaml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "RulePackSnapshots.swift")
        return [
            .buildCommand(
                displayName: "Parsing the rule packs of \(target.name)",
                executable: try context.tool(named: "RulePackSnapshotter").url,
                arguments: [output.path] + packs.map(\.path),
                inputFiles: packs,
                outputFiles: [output]
            ),
        ]
    }
}
