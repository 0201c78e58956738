import YAMLTree

/// Checks the plans of one file: `(bytes, path) -> diagnostics`, with no I/O, so any number
/// of files can be checked in parallel with one shared checker.
public struct PlanChecker: Sendable {
    /// The options in force.
    public let options: CheckOptions
    /// The rule pack plans are checked against.
    public let pack: RulePack

    /// Every rule that can be named in a suppression, and whether it may be suppressed.
    private let suppressible: [String: Bool]

    /// Creates a checker.
    public init(pack: RulePack, options: CheckOptions = CheckOptions()) {
        self.pack = pack
        self.options = options
        var suppressible: [String: Bool] = [:]
        for rule in BuiltinPacks.coreRules + pack.ruleInfos { suppressible[rule.id] = rule.suppressible }
        self.suppressible = suppressible
    }

    /// Checks every plan in `bytes`, reporting against `path`.
    public func check(_ bytes: [UInt8], path: String) -> FileReport {
        if bytes.count > options.maxFileSize {
            return oversizeReport(path: path, size: bytes.count)
        }
        let stream = YAMLParser.parse(bytes, limits: options.limits)
        var diagnostics: [Diagnostic] = []
        if stream.documents.isEmpty {
            diagnostics.append(Diagnostic(
                file: path, document: 0, range: SourceRange(at: .fileStart), severity: .error,
                rule: BuiltinRule.planEmpty.rawValue,
                message: "the file holds no plan: it is empty or has only comments and blank lines"))
        }
        for (index, document) in stream.documents.enumerated() {
            diagnostics += checkDocument(document, index: index, path: path)
        }
        if !options.disabledRules.isEmpty {
            diagnostics.removeAll { options.disabledRules.contains($0.rule) }
        }
        if !options.severityOverrides.isEmpty {
            for index in diagnostics.indices {
                if let severity = options.severityOverrides[diagnostics[index].rule] { diagnostics[index].severity = severity }
            }
        }
        if options.inlineSuppressions, Suppressions.mayContainDirectives(bytes) {
            Suppressions.apply(to: &diagnostics, bytes: bytes, path: path,
                               documentStarts: stream.documents.map(\.start.line), rules: suppressible)
        }
        diagnostics.sort(by: Diagnostic.precedes)
        return FileReport(path: path, plans: max(stream.documents.count, 1), diagnostics: diagnostics, source: bytes)
    }

    /// The report for a file over `--max-file-size`, without reading it.
    public func oversizeReport(path: String, size: Int) -> FileReport {
        FileReport(path: path, plans: 1, diagnostics: [Diagnostic(
            file: path, document: 0, range: SourceRange(at: .fileStart), severity: .error,
            rule: BuiltinRule.yamlLimits.rawValue,
            message: "the file is \(size) bytes, over the limit of \(options.maxFileSize) bytes (raise it with --max-file-size)")],
            source: [])
    }

    private func checkDocument(_ document: YAMLDocument, index: Int, path: String) -> [Diagnostic] {
        var paths = YAMLPathIndex(document: document)
        var diagnostics = document.problems.map { problem in
            Diagnostic(file: path, document: index, range: problem.range, severity: .error,
                       rule: BuiltinRule(problem.kind).rawValue, message: problem.message,
                       yamlPath: problem.node.map { paths.path(of: $0) } ?? "",
                       notes: problem.notes.map { Diagnostic.Note(range: $0.range, message: $0.message) })
        }
        guard document.isComplete, let root = document.root else { return diagnostics }
        if document.kind(root) == .scalar, document.scalar(root) == "", document.scalarStyle(root) == .plain,
           document.tag(root) == nil, document.anchor(root) == nil {
            diagnostics.append(Diagnostic(
                file: path, document: index, range: SourceRange(at: document.start), severity: .error,
                rule: BuiltinRule.planEmpty.rawValue,
                message: "document \(index + 1) is empty: it holds no plan"))
            return diagnostics
        }
        var typer = PlanTyper(document: document, file: path, index: index, packID: pack.id)
        let plan = typer.typeDocument(root: pack.schema)
        diagnostics += typer.diagnostics
        if let plan {
            diagnostics += RuleRunner(file: path, document: index, documentStart: document.start).run(pack.rules, root: plan)
        }
        return diagnostics
    }
}
