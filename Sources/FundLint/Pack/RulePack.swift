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
    public var examplePlan: String? {
        exampleSource.map { PlanEmitter(document: $0.document).emit(base: $0.node, patch: nil) }
    }
    /// Where the example plan is written in the pack; emitted only when asked for.
    private let exampleSource: (document: YAMLDocument, node: NodeID)?
    /// The plan skeleton `fundlint init` writes.
    let initTemplate: InitTemplate?
    /// How the reviewer report reads plans.
    let reportSpec: ReportSpec?

    /// The portfolio rules, compiled.
    let portfolioRules: [PortfolioRule]
    /// The locals one evaluator needs to run every rule of a plan and read its portfolio
    /// facts.
    let localSlots: Int
    /// The shared slots of the rules' code (see ``CompiledExpression/shared(slot:_:)``).
    let sharedSlots: Int
    /// Metadata of the pack's own rules, in pack order.
    public let ruleInfos: [RuleInfo]
    /// The YAML the pack was loaded from, parsed, and its path, for ``separateCopy()``.
    private let text: [UInt8]
    private let parsed: YAMLStream
    private let path: String
    /// Whether message templates are compiled when first rendered (a built-in pack).
    private let deferTemplates: Bool

    init(id: String, title: String, version: String, sources: [Source], rules: [Rule], portfolioRules: [PortfolioRule],
         ruleInfos: [RuleInfo], schema: SchemaNode,
         tables: [String: Value], examplePlan: (document: YAMLDocument, node: NodeID)?, initTemplate: InitTemplate?, reportSpec: ReportSpec?,
         text: [UInt8], parsed: YAMLStream, path: String, deferTemplates: Bool, sharedSlots: Int = 0) {
        self.text = text
        localSlots = max(rules.reduce(0) { max($0, $1.slots) }, portfolioRules.reduce(0) { max($0, $1.planSlots) })
        self.sharedSlots = sharedSlots
        self.deferTemplates = deferTemplates
        self.parsed = parsed
        self.path = path
        self.id = id
        self.title = title
        self.version = version
        self.sources = sources
        self.rules = rules
        self.portfolioRules = portfolioRules
        self.ruleInfos = ruleInfos
        self.schema = schema
        self.tables = tables
        self.exampleSource = examplePlan
        self.initTemplate = initTemplate
        self.reportSpec = reportSpec
    }

    /// Whether the pack defines a reviewer report.
    public var hasReport: Bool { reportSpec != nil }

    /// Loads a pack from YAML; on failure, the `pack/invalid` diagnostics against `path`.
    public static func load(_ bytes: [UInt8], path: String) -> Result<RulePack, PackErrors> {
        PackLoader.load(bytes, path: path, metadataOnly: false).map(\.pack)
    }

    /// The same pack compiled again, sharing no compiled objects with this one. A thread
    /// checking plans with its own copy never touches the reference counts another thread
    /// touches, which would otherwise bounce between cores on every rule evaluated. The
    /// YAML is not parsed again: its tree is only read while compiling.
    public func separateCopy() -> RulePack {
        (try? PackLoader.load(text, parsed: parsed, path: path, metadataOnly: false, deferTemplates: deferTemplates)
            .map(\.pack).get()) ?? self
    }

    /// The name of the `init` parameter (`region`), its allowed values and its default.
    public var initParameter: (name: String, values: [String], defaultValue: String)? {
        initTemplate.map { ($0.parameter, $0.values, $0.defaultValue) }
    }

    /// The plan skeleton for `value` of the init parameter, or why there is none.
    public func initPlan(_ value: String?) -> Result<String, InitFailure> {
        guard let template = initTemplate else { return .failure(InitFailure(message: "the rule pack '\(id)' has no plan template")) }
        let chosen = value ?? template.defaultValue
        guard template.values.contains(chosen) else {
            let hint = EditDistance.suggestion(for: chosen, among: template.values).question
                ?? "use one of: " + template.values.joined(separator: ", ")
            return .failure(InitFailure(message: "'\(chosen)' is not a known \(template.noun); \(hint)"))
        }
        var evaluator = Evaluator(slots: template.slots)
        evaluator.locals[template.slot] = Value(.string(chosen))
        return .success(template.text.render(&evaluator))
    }
}

/// Why `init` cannot write a plan.
public struct InitFailure: Error, Sendable {
    /// What is wrong.
    public var message: String
}

/// A pack's plan skeleton: a template evaluated with one parameter (a row id of a table).
struct InitTemplate: Sendable {
    var parameter: String
    var values: [String]
    var noun: String
    var defaultValue: String
    var text: MessageTemplate
    var slot: Int
    var slots: Int

}

/// Why a pack or config could not be loaded: positioned diagnostics against its file.
public struct PackErrors: Error, Sendable {
    /// The diagnostics, in file order.
    public var diagnostics: [Diagnostic]
}
