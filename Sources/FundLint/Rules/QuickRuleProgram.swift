import Synchronization
import YAMLTree

/// A pack's plan rules compiled a second time, for plans that passed their schema, to say
/// cheaply that a rule does not fire (see ``QuickRuleCompiler``). The general ``Evaluator``
/// stays what reports: when a quick rule says the rule could fire, or cannot tell (a value
/// it cannot hold in a word), ``RuleRunner`` runs the rule the general way, which decides
/// and makes the diagnostic. So a quick rule that is wrong towards "could fire" costs time,
/// never a diagnostic; one that says "does not fire" must agree with the general evaluator,
/// which the tests hold it to on every plan they check.
final class QuickRuleProgram: Sendable {
    /// One rule's `when`, `assert` and `each` list (a class: a rule is fetched by one
    /// reference, not by copying its closures).
    final class Entry: Sendable {
        let when: QuickCode?
        let assert: QuickCode
        /// The `each` item's local slot, the list, and what counts and reads its items.
        let forEach: (slot: Int, list: QuickCode, planList: Bool, item: @Sendable (QuickRuleFrame, YAMLDocument, Int64, Int) -> Int64)?

        init(when: QuickCode?, assert: @escaping QuickCode,
             forEach: (slot: Int, list: QuickCode, planList: Bool, item: @Sendable (QuickRuleFrame, YAMLDocument, Int64, Int) -> Int64)?) {
            self.when = when
            self.assert = assert
            self.forEach = forEach
        }
    }

    /// What a portfolio rule keeps of a plan, but where it points (see
    /// ``PlanChecker/portfolioFacts``): its `when`, `let`s, key, amount and limit.
    final class PortfolioEntry: Sendable {
        let when: QuickCode?
        let lets: [@Sendable (QuickRuleFrame, YAMLDocument) -> Value.Kind]
        let key: @Sendable (QuickRuleFrame, YAMLDocument) -> String?
        /// For a total: the amount and the limit.
        let total: (amount: QuickCode, limit: QuickCode)?
        /// Where the rule points, when that is a chain of fields from the plan's root.
        let at: (node: QuickCode, path: String)?

        init(when: QuickCode?, lets: [@Sendable (QuickRuleFrame, YAMLDocument) -> Value.Kind],
             key: @escaping @Sendable (QuickRuleFrame, YAMLDocument) -> String?, total: (amount: QuickCode, limit: QuickCode)?,
             at: (node: QuickCode, path: String)?) {
            self.when = when
            self.lets = lets
            self.key = key
            self.total = total
            self.at = at
        }
    }

    /// By the index of the pack's rule; `nil` for a rule that did not compile (or is not
    /// run per plan).
    let entries: [Entry?]
    /// ``entries`` and ``portfolioEntries`` as each plan reads them: unowned (those two
    /// arrays own them), so fetching a rule's entry takes and gives back no reference.
    private let checkedEntries: [Unmanaged<Entry>?]
    private let checkedPortfolioEntries: [Unmanaged<PortfolioEntry>?]
    /// By the index of the pack's portfolio rule; `nil` for one that did not compile.
    let portfolioEntries: [PortfolioEntry?]
    let localSlots: Int
    let sharedSlots: Int
    /// The items of the pack's constant lists, first in every frame's arena.
    let constantItems: [Int64]

    init(pack: RulePack) {
        var compiler = QuickRuleCompiler(rootSchema: pack.schema, pool: QuickTextPool())
        entries = pack.rules.map { rule in
            guard rule.isPerPlan else { return nil }
            return Self.compile(rule, with: &compiler)
        }
        checkedEntries = entries.map { $0.map(Unmanaged.passUnretained) }
        portfolioEntries = pack.portfolioRules.map { Self.compile($0, with: &compiler) }
        checkedPortfolioEntries = portfolioEntries.map { $0.map(Unmanaged.passUnretained) }
        for table in compiler.allTables { table.finish(pool: compiler.pool) }
        localSlots = pack.localSlots
        sharedSlots = pack.sharedSlots
        constantItems = compiler.constantItems
    }

    private static func compile(_ rule: Rule, with compiler: inout QuickRuleCompiler) -> Entry? {
        var forEach: (slot: Int, list: QuickCode, planList: Bool, item: @Sendable (QuickRuleFrame, YAMLDocument, Int64, Int) -> Int64)?
        if let each = rule.forEach {
            guard let (list, form) = compiler.compile(each.list), let itemForm = QuickRuleCompiler.itemForm(of: form),
                  let item = QuickRuleCompiler.itemReader(form) else { return nil }
            compiler.bind(each.slot, itemForm)
            let planList = if case .planList = form { true } else { false }
            forEach = (each.slot, list, planList, item)
        }
        var when: QuickCode?
        if let code = rule.when {
            guard let (compiled, form) = compiler.compile(code), case .bool = form else { return nil }
            when = compiled
        }
        guard let (assert, form) = compiler.compile(rule.assert), case .bool = form else { return nil }
        return Entry(when: when, assert: assert, forEach: forEach)
    }

    private static func compile(_ rule: PortfolioRule, with compiler: inout QuickRuleCompiler) -> PortfolioEntry? {
        var when: QuickCode?
        if let code = rule.when {
            guard let (compiled, form) = compiler.compile(code), case .bool = form else { return nil }
            when = compiled
        }
        var lets: [@Sendable (QuickRuleFrame, YAMLDocument) -> Value.Kind] = []
        for code in rule.lets {
            guard let value = compiler.compileValue(code) else { return nil }
            lets.append(value)
        }
        switch rule.kind {
        case .unique(let key):
            guard let key = compiler.compileText(key) else { return nil }
            return PortfolioEntry(when: when, lets: lets, key: key, total: nil, at: compiler.compileAt(rule.at))
        case .total(let group, let sum, let limit):
            guard let key = compiler.compileText(group), let (amount, amountForm) = compiler.compile(sum), case .int = amountForm,
                  let (cap, limitForm) = compiler.compile(limit), case .int = limitForm else { return nil }
            return PortfolioEntry(when: when, lets: lets, key: key, total: (amount, cap), at: compiler.compileAt(rule.at))
        }
    }

    /// What a portfolio rule keeps of a plan, read in words.
    struct KeptFacts {
        let key: String
        let amount: Int64?
        let limit: Int64?
        let lets: [Value.Kind]
        /// Where the rule points; `nil` when the general way must find it.
        let at: Place?
    }

    /// Where a portfolio rule points in a plan.
    struct Place {
        let range: SourceRange
        let path: String
    }

    /// What a portfolio rule's quick form says of a plan.
    enum PortfolioVerdict {
        /// The rule does not apply to the plan.
        case notApplicable
        /// The rule has no quick form, or a value has no word: the general way decides.
        case undecided
        case kept(KeptFacts)
    }

    /// What the portfolio rule at `index` keeps of the frame's plan.
    func portfolioFacts(_ index: Int, on document: YAMLDocument, frame: QuickRuleFrame) -> PortfolioVerdict {
        guard index < checkedPortfolioEntries.count, let entry = checkedPortfolioEntries[index] else { return .undecided }
        return entry._withUnsafeGuaranteedRef { portfolioFacts($0, on: document, frame: frame) }
    }

    private func portfolioFacts(_ entry: PortfolioEntry, on document: YAMLDocument, frame: QuickRuleFrame) -> PortfolioVerdict {
        frame.beginRule()
        if let when = entry.when {
            let applies = when(frame, document)
            if frame.bailed { return .undecided }
            if applies == 0 { return .notApplicable }
        }
        let lets = entry.lets.map { $0(frame, document) }
        let key = entry.key(frame, document)
        let amount = entry.total?.amount(frame, document), limit = entry.total?.limit(frame, document)
        guard !frame.bailed, let key else { return .undecided }
        // Where it points, if that can be read here (else the general way reads it alone).
        var at: Place?
        if let pointer = entry.at {
            let node = pointer.node(frame, document)
            if !frame.bailed, let node = Int32(exactly: node), node >= 0, Int(node) < document.nodeCount {
                at = Place(range: document.range(NodeID(node)), path: pointer.path)
            }
        }
        return .kept(KeptFacts(key: key, amount: amount, limit: limit, lets: lets, at: at))
    }

    /// Whether the rule at `index` of the pack certainly does not fire on the frame's plan;
    /// `false` when it may, or when the rule has no quick form.
    func cannotFire(_ index: Int, on document: YAMLDocument, frame: QuickRuleFrame) -> Bool {
        guard index < checkedEntries.count, let entry = checkedEntries[index] else { return false }
        return entry._withUnsafeGuaranteedRef { cannotFire($0, on: document, frame: frame) }
    }

    private func cannotFire(_ entry: Entry, on document: YAMLDocument, frame: QuickRuleFrame) -> Bool {
        frame.beginRule()
        guard let forEach = entry.forEach else { return Self.holds(entry, frame, document) }
        let list = forEach.list(frame, document)
        guard !frame.bailed, forEach.slot >= 0, forEach.slot < frame.locals.count else { return false }
        for position in 0..<QuickRuleCompiler.count(list, document: document, frame: frame, planList: forEach.planList) {
            frame.nextItem()
            frame.locals[forEach.slot] = forEach.item(frame, document, list, position)
            guard !frame.bailed, Self.holds(entry, frame, document) else { return false }
        }
        return !frame.bailed
    }

    /// Whether the rule does not fire for the current item: its `when` is false, or its
    /// `assert` true, with every value known.
    private static func holds(_ entry: Entry, _ frame: QuickRuleFrame, _ document: YAMLDocument) -> Bool {
        if let when = entry.when {
            let applies = when(frame, document)
            if frame.bailed { return false }
            if applies == 0 { return true }
        }
        let verdict = entry.assert(frame, document)
        return !frame.bailed && verdict == 1
    }
}

/// The quick program of a checker's pack, compiled for the checker's second plan that
/// passed its schema, or for a first plan large enough that compiling costs next to
/// nothing beside it: a run of one plan of usual size (an editor's check on save) never
/// pays for it.
final class QuickRuleCache: Sendable {
    /// From this many nodes, a plan is worth compiling the quick program for on its own
    /// (about 1 M instructions, against about 100 M to check such a plan).
    static let largePlanNodes = 1 << 16

    private enum State {
        case unused
        case seenOne
        case compiled(QuickRuleProgram)
    }

    private let state = Mutex<State>(.unused)

    /// The program, once a plan before this one has asked, or at once for a `large` plan.
    func program(for pack: RulePack, large: Bool) -> QuickRuleProgram? {
        state.withLock { state in
            switch state {
            case .unused where !large:
                state = .seenOne
                return nil
            case .unused, .seenOne:
                let program = QuickRuleProgram(pack: pack)
                state = .compiled(program)
                return program
            case .compiled(let program):
                return program
            }
        }
    }
}
