import YAMLTree

/// A message template: text with `{expression}` holes, compiled when the pack loads or, for
/// a pack known to compile, when first rendered (see ``DeferredTemplate``).
struct MessageTemplate: Sendable {
    enum Part: Sendable {
        case text(String)
        case expression(CompiledExpression)
    }

    private enum Form: Sendable {
        case compiled([Part])
        case deferred(DeferredTemplate)
    }

    private let form: Form

    init(parts: [Part]) {
        form = .compiled(parts)
    }

    init(deferred: DeferredTemplate) {
        form = .deferred(deferred)
    }

    /// The message for the current bindings.
    func render(_ evaluator: inout Evaluator) -> String {
        switch form {
        case .compiled(let parts):
            return Self.render(parts, &evaluator)
        case .deferred(let template):
            guard let compiled = template.parts() else { return template.source }
            evaluator.reserveLocals(compiled.slots)
            return Self.render(compiled.parts, &evaluator)
        }
    }

    private static func render(_ parts: [Part], _ evaluator: inout Evaluator) -> String {
        var result = ""
        for part in parts {
            switch part {
            case .text(let text): result += text
            case .expression(let code):
                let value = evaluator.evaluate(code)
                result += ValueFormatter.text(evaluator.materialized(value))
            }
        }
        return result
    }
}

/// A rule's example: a plan built from the pack's example plan with a patch applied (or
/// raw YAML text, for the engine's own rules), and where the diagnostic is expected. The
/// plan text is produced when asked for (by `explain` and `--verify`), not at every load.
public struct RuleExample: Sendable {
    enum Source: Sendable {
        /// A whole plan.
        case text(String)
        /// Patches (one per plan) over the pack's example plan, all nodes of the pack.
        case patches(YAMLDocument, base: NodeID?, [NodeID])
        /// A patch written as YAML text, applied to whichever pack is active.
        case detachedPatch(String)
    }

    var source: Source
    /// The YAML path of the expected diagnostic (`project.start_date`), for bad examples.
    public var expectedPath: String?
    /// Other rules allowed to fire alongside (when the mistake cannot be shown alone).
    public var also: [String]
    /// For several plans: the document (0-based) the diagnostic is expected in.
    public var document: Int?
    /// The pack file the example is written in, and where it begins there: where
    /// `rules --verify` points when the example misbehaves.
    public var file = ""
    public var start = SourceLocation.fileStart

    /// The YAML text of the plan (or plans) the example checks; empty for a patch that
    /// needs the active pack's example plan.
    public var plan: String {
        switch source {
        case .text(let text): return text
        case .detachedPatch: return ""
        case .patches(let document, let base, let patches):
            let emitter = PlanEmitter(document: document)
            return patches.map { emitter.emit(base: base, patch: $0) }.joined(separator: "---\n")
        }
    }

    /// The patch as written in the pack (shown by `explain`), if the example is a patch.
    public var patch: String? {
        switch source {
        case .text: return nil
        case .detachedPatch(let text): return text
        case .patches(let document, _, let patches):
            let emitter = PlanEmitter(document: document)
            return patches.map { emitter.emit($0) }.joined(separator: "---\n")
        }
    }
}

/// Metadata every rule has, whether the engine implements it or the pack expresses it.
public struct RuleInfo: Sendable {
    /// `category/kebab-name`.
    public var id: String
    /// The default severity.
    public var severity: Severity
    /// One line.
    public var summary: String
    /// Why the rule exists.
    public var rationale: String
    /// Where the requirement comes from.
    public var source: String
    /// Whether inline suppressions may waive it.
    public var suppressible: Bool
    /// Whether the rule sees one plan or the whole portfolio.
    public var scope: String
    /// Failing examples.
    public var bad: [RuleExample]
    /// Passing examples.
    public var good: [RuleExample]
    /// Where the rule is defined in its pack file.
    public var definedAt: SourceLocation
    /// Whether the engine implements it (as opposed to an expression in the pack).
    public var builtin: Bool
}

/// A compiled pack rule: its metadata and the expressions that decide when it fires. A
/// class: every plan runs every rule, and a rule is passed around by one reference rather
/// than copied field by field.
final class Rule: Sendable {
    struct Note: Sendable {
        var at: CompiledExpression
        var message: MessageTemplate
    }

    struct Fix: Sendable {
        var at: CompiledExpression
        var replacement: MessageTemplate
        var safe: Bool
        var message: MessageTemplate
    }

    let info: RuleInfo
    /// Whether the rule runs per plan (`scope: plan`), worked out once.
    let isPerPlan: Bool
    let when: CompiledExpression?
    let forEach: (slot: Int, list: CompiledExpression)?
    let at: CompiledExpression
    let assert: CompiledExpression
    let message: MessageTemplate
    let notes: [Note]
    let fix: Fix?
    let slots: Int

    init(info: RuleInfo, when: CompiledExpression?, forEach: (slot: Int, list: CompiledExpression)?, at: CompiledExpression,
         assert: CompiledExpression, message: MessageTemplate, notes: [Note], fix: Fix?, slots: Int) {
        self.info = info
        isPerPlan = info.scope == "plan"
        self.when = when
        self.forEach = forEach
        self.at = at
        self.assert = assert
        self.message = message
        self.notes = notes
        self.fix = fix
        self.slots = slots
    }
}
