import YAMLTree

/// A loaded, checked and compiled rule pack: immutable and shared by every thread.
public struct RulePack: Sendable {
    /// A source the pack cites.
    public struct Source: Sendable {
        public var id: String
        public var title: String
        public var url: String?
    }

    /// The pack's id (`example-2030`): plans name it in `fund`.
    public let id: String
    /// A human title.
    public let title: String
    /// The pack's version.
    public let version: String
    /// Cited sources.
    public let sources: [Source]
    /// The rules the pack expresses, compiled.
    let rules: [Rule]
    /// The plan schema.
    let schema: SchemaNode
    /// The pack's tables, by name.
    let tables: [String: Value]
    /// The example plan rule examples are patched onto, as YAML text.
    public let examplePlan: String?

    /// Metadata of the pack's own rules, in pack order.
    public var ruleInfos: [RuleInfo] { rules.map(\.info) }

    init(id: String, title: String, version: String, sources: [Source], rules: [Rule], schema: SchemaNode,
         tables: [String: Value], examplePlan: String?) {
        self.id = id
        self.title = title
        self.version = version
        self.sources = sources
        self.rules = rules
        self.schema = schema
        self.tables = tables
        self.examplePlan = examplePlan
    }

    /// Loads a pack from YAML; on failure, the `pack/invalid` diagnostics against `path`.
    public static func load(_ bytes: [UInt8], path: String) -> Result<RulePack, PackErrors> {
        PackLoader.load(bytes, path: path, metadataOnly: false).map(\.pack)
    }
}

/// Why a pack or config could not be loaded: positioned diagnostics against its file.
public struct PackErrors: Error, Sendable {
    /// The diagnostics, in file order.
    public var diagnostics: [Diagnostic]
}
