import YAMLTree

/// Loads, checks and compiles a rule pack. Every problem is a positioned `pack/invalid`
/// diagnostic against the pack file; nothing in a pack can crash the loader.
struct PackLoader {
    struct Loaded {
        var pack: RulePack
        /// Metadata of rules the engine implements (from a metadata-only pack).
        var metadata: [RuleInfo]
    }

    static let topKeys = ["pack", "tables", "schema", "rules", "init", "report"]
    static let packKeys = ["id", "title", "version", "description", "sources", "example_plan"]
    static let ruleKeys = ["id", "severity", "summary", "rationale", "source", "suppressible", "scope", "when",
                           "for_each", "let", "at", "assert", "message", "notes", "fix", "examples",
                           "unique", "group", "sum", "limit", "passing_only"]
    static let severities = ["error", "warning", "note"]

    /// Loads a pack; `metadataOnly` reads rule metadata without expressions (the engine's
    /// own rules in `core.yaml`). `parsed` is the stream of `bytes` when it is already at
    /// hand (a built-in pack's snapshot). `deferTemplates` leaves message templates to be
    /// compiled when first rendered: only for a pack known to compile (a built-in one), since
    /// a problem in a template is then found late or never.
    static func load(_ bytes: [UInt8], parsed: YAMLStream? = nil, path: String, metadataOnly: Bool,
                     deferTemplates: Bool = false) -> Result<Loaded, PackErrors> {
        let stream = parsed ?? YAMLParser.parse(bytes)
        guard let document = stream.documents.first else {
            return .failure(PackErrors(diagnostics: [Diagnostic(file: path, document: 0, range: SourceRange(at: .fileStart),
                                                                severity: .error, rule: "pack/invalid", message: "the rule pack is empty")]))
        }
        let yamlProblems = stream.documents.flatMap(\.problems)
        if !yamlProblems.isEmpty {
            return .failure(PackErrors(diagnostics: yamlProblems.map { Diagnostic(problem: $0, file: path, document: 0, rule: "pack/invalid") }))
        }
        var reader = PackReader(document: document, file: path, rule: "pack/invalid", bytes: bytes)
        if stream.documents.count > 1 {
            reader.error(SourceRange(at: stream.documents[1].start), "a rule pack is one YAML document")
        }
        guard let root = document.root, let top = reader.mapping(root, what: "a rule pack", allowed: topKeys) else {
            return .failure(PackErrors(diagnostics: reader.diagnostics))
        }
        func part(_ name: String) -> NodeID? { top.first { $0.key == name }?.value }

        var id = ""
        var title = ""
        var version = ""
        var sources: [RulePack.Source] = []
        var examplePlanNode: NodeID?
        if let header = part("pack"), let fields = reader.mapping(header, what: "pack", allowed: packKeys) {
            for (key, _, value) in fields {
                switch key {
                case "id": id = reader.string(value, what: "pack.id") ?? ""
                case "title": title = reader.string(value, what: "pack.title") ?? ""
                case "version": version = reader.string(value, what: "pack.version") ?? ""
                case "sources":
                    for item in reader.list(value, what: "pack.sources") ?? [] {
                        guard let source = reader.mapping(item, what: "a source", allowed: ["id", "title", "url", "firmness"]) else { continue }
                        func field(_ name: String) -> String? { source.first { $0.key == name }.flatMap { reader.string($0.value, what: name) } }
                        sources.append(RulePack.Source(id: field("id") ?? "", title: field("title") ?? "", url: field("url")))
                    }
                case "example_plan": examplePlanNode = value
                default: break
                }
            }
            if id.isEmpty { reader.error(at: header, "pack needs an 'id'") }
        } else {
            reader.error(at: root, "a rule pack needs a 'pack' section with its id")
        }

        let tables = part("tables").map { TableLoader.load($0, reader: &reader) } ?? [:]
        var schema = SchemaNode(kind: .object, name: "plan")
        schema.objectType = ObjectType(name: "plan")
        if let schemaNode = part("schema") {
            if let loaded = SchemaLoader.load(schemaNode, tables: tables, reader: &reader) { schema = loaded }
        } else if !metadataOnly {
            reader.error(at: root, "a rule pack needs a 'schema' section")
        }
        if let rootType = schema.objectType {
            for name in tables.keys where rootType.fields[name] != nil {
                reader.error(at: part("tables") ?? root, "table '\(name)' has the name of a plan key; rename one")
            }
        }

        let examplePlan = examplePlanNode.map { (document: document, node: $0) }
        var globals: [String: ExpressionCompiler.Binding] = [:]
        for (name, table) in tables { globals[name] = .constant(table.value, table.type) }
        var rules: [Rule] = []
        var portfolioRules: [PortfolioRule] = []
        var infos: [RuleInfo] = []
        var seen: [String: NodeID] = [:]
        var sharedSlots: [String: Int] = [:]
        for ruleNode in part("rules").flatMap({ reader.list($0, what: "rules") }) ?? [] {
            var compiler = RuleCompiler(reader: reader, globals: globals, rootType: schema.objectType ?? ObjectType(name: "plan"),
                                        examplePlan: examplePlanNode, metadataOnly: metadataOnly)
            compiler.deferTemplates = deferTemplates
            // Handed over, not copied: each rule adds to the one table.
            swap(&compiler.sharedSlots, &sharedSlots)
            let rule = compiler.compile(ruleNode)
            reader = compiler.reader
            swap(&compiler.sharedSlots, &sharedSlots)
            guard let info = rule?.info ?? compiler.portfolio?.info else { continue }
            if let first = seen[info.id] {
                let firstLine = document.range(first).start.line
                reader.error(at: ruleNode, "rule id '\(info.id)' is already defined at line \(firstLine)")
                continue
            }
            seen[info.id] = ruleNode
            infos.append(info)
            if let rule { rules.append(rule) }
            if let portfolio = compiler.portfolio { portfolioRules.append(portfolio) }
        }
        var initTemplate: InitTemplate?
        if let initNode = part("init") {
            var compiler = RuleCompiler(reader: reader, globals: globals, rootType: ObjectType(name: "no plan (init templates see tables only)"),
                                        examplePlan: nil, metadataOnly: false)
            compiler.deferTemplates = deferTemplates
            initTemplate = compiler.compileInit(initNode, tables: tables)
            reader = compiler.reader
        }
        var reportSpec: ReportSpec?
        if let reportNode = part("report") {
            var compiler = RuleCompiler(reader: reader, globals: globals, rootType: schema.objectType ?? ObjectType(name: "plan"),
                                        examplePlan: nil, metadataOnly: false)
            reportSpec = compiler.compileReport(reportNode)
            reader = compiler.reader
        }
        if !reader.diagnostics.isEmpty {
            return .failure(PackErrors(diagnostics: reader.diagnostics.sorted(by: Diagnostic.precedes)))
        }
        let pack = RulePack(id: id, title: title, version: version, sources: sources, rules: metadataOnly ? [] : rules,
                            portfolioRules: portfolioRules, ruleInfos: metadataOnly ? [] : infos,
                            schema: schema, tables: tables.mapValues(\.value), examplePlan: examplePlan, initTemplate: initTemplate, reportSpec: reportSpec,
                            text: bytes, parsed: stream, path: path, deferTemplates: deferTemplates,
                            sharedSlots: sharedSlots.count)
        return .success(Loaded(pack: pack, metadata: metadataOnly ? rules.map(\.info) : []))
    }
}
