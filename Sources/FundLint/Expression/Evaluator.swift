/// Evaluates compiled expressions over one plan with three-valued logic: a value that is
/// missing or invalid is unknown, and anything depending on it is unknown, so a rule never
/// fires on a value another rule already reported ("one mistake, one diagnostic").
struct Evaluator {
    let root: Value
    /// The plan rules read; `nil` when evaluating over pack data only.
    let plan: PlanView?
    var locals: [Value]
    /// Which locals hold a `let` already evaluated (see ``forgetLets()``).
    private var ready: [Bool]
    /// The values of shared expressions evaluated so far (see
    /// ``CompiledExpression/shared(slot:_:)``); kept for every rule, as the plan does not
    /// change while it is checked.
    private var shared: [Value?] = []

    /// An evaluator over a plan, with room for `sharedSlots` shared values (code that uses
    /// more evaluates them at every use).
    init(plan: PlanView, slots: Int, sharedSlots: Int = 0) {
        self.root = plan.root
        self.plan = plan
        self.locals = Array(repeating: .unknown, count: slots)
        ready = Array(repeating: false, count: slots)
        shared = Array(repeating: nil, count: sharedSlots)
    }

    /// An evaluator over a plan whose arrays come from `storage` (left empty), as an earlier
    /// plan's evaluator gave them back (``giveBack(to:)``): filled as a new evaluator's are,
    /// without allocating them again.
    init(plan: PlanView, slots: Int, sharedSlots: Int, storage: inout EvaluatorStorage) {
        root = plan.root
        self.plan = plan
        locals = EvaluatorStorage.take(&storage.locals, count: slots, filler: .unknown)
        ready = EvaluatorStorage.take(&storage.ready, count: slots, filler: false)
        shared = EvaluatorStorage.take(&storage.shared, count: sharedSlots, filler: nil)
    }

    /// Hands this evaluator's arrays to `storage`, emptied of every value, for the next
    /// plan's evaluator; this one must not be used after.
    mutating func giveBack(to storage: inout EvaluatorStorage) {
        EvaluatorStorage.keep(&locals, in: &storage.locals, filler: .unknown)
        EvaluatorStorage.keep(&ready, in: &storage.ready, filler: false)
        EvaluatorStorage.keep(&shared, in: &storage.shared, filler: nil)
    }

    /// An evaluator over pack data, locals and `root` (empty for no plan).
    init(root: ObjectValue = .empty, slots: Int, sharedSlots: Int = 0) {
        self.root = Value(.object(root))
        self.plan = nil
        self.locals = Array(repeating: .unknown, count: slots)
        ready = Array(repeating: false, count: slots)
        shared = Array(repeating: nil, count: sharedSlots)
    }

    /// Makes sure there are at least `count` locals (a template compiled late may need more
    /// than the rules it belongs to).
    mutating func reserveLocals(_ count: Int) {
        guard count > locals.count else { return }
        locals += Array(repeating: .unknown, count: count - locals.count)
        ready += Array(repeating: false, count: count - ready.count)
    }

    /// Forgets every evaluated `let`: their values may differ for the next rule or item.
    mutating func forgetLets() {
        for slot in ready.indices where ready[slot] { ready[slot] = false }
    }

    /// Clears the first `count` locals and forgets every `let`, before the next rule.
    mutating func clearLocals(_ count: Int) {
        for slot in 0..<min(count, locals.count) { locals[slot] = .unknown }
        forgetLets()
    }

    /// A missing field `name` of the value at `origin`.
    private func missing(_ name: String, under origin: Origin?) -> Value {
        guard let origin, let plan else { return Value(.missing) }
        return Value(.missing, origin: plan.origins.missingField(name, of: origin))
    }

    /// The items of a list value (computed, or a plan list read now); `nil` for other values.
    func items(_ value: Value) -> [Value]? {
        switch value.kind {
        case .list(let items): return items
        case .node(let node):
            guard let plan, plan.isList(node) else { return nil }
            return plan.items(of: node, origin: value.origin)
        default: return nil
        }
    }

    /// `value` with plan nodes read out, for messages and values kept after the check.
    func materialized(_ value: Value) -> Value {
        plan?.materialized(value) ?? value
    }

    mutating func evaluate(_ expression: CompiledExpression) -> Value {
        switch expression {
        case .constant(let value):
            return value
        case .rootObject:
            return root
        case .local(let slot):
            return slot < locals.count ? locals[slot] : .unknown
        case .cached(let slot, let code):
            if slot < ready.count, ready[slot] { return locals[slot] }
            let value = evaluate(code)
            if slot < locals.count {
                locals[slot] = value
                ready[slot] = true
            }
            return value
        case .shared(let slot, let code):
            guard slot < shared.count else { return evaluate(code) }
            if let value = shared[slot] { return value }
            let value = evaluate(code)
            shared[slot] = value
            return value
        case .member(let base, let name, let position):
            let object = evaluate(base)
            switch object.kind {
            case .object(let fields): return fields.value(name) ?? Value(.missing)
            case .node(let node): return plan?.field(name, position: position, of: node, origin: object.origin) ?? .unknown
            case .missing: return missing(name, under: object.origin)
            default: return Value(.unknown, origin: object.origin)
            }
        case .listIndex(let base, let index):
            let list = evaluate(base)
            let position = evaluate(index)
            guard let items = items(list), case .int(let i) = position.kind else {
                return Value(list.kind.isMissing ? .missing : .unknown, origin: list.origin)
            }
            guard i >= 0, i < Int128(items.count) else { return Value(.missing, origin: list.origin) }
            return items[Int(i)]
        case .tableLookup(let base, let key):
            guard case .table(let table) = evaluate(base).kind, case .string(let id) = evaluate(key).kind,
                  let row = table.row(id) else { return .unknown }
            return row
        case .has(let base, let field):
            let object = evaluate(base)
            switch object.kind {
            case .object(let fields): return Value(.bool(fields.isPresent(field)))
            case .node(let node): return Value(.bool(plan?.isPresent(field, of: node, origin: object.origin) ?? false))
            case .missing: return Value(.bool(false))
            default: return .unknown
            }
        case .function(.sum, let arguments) where arguments.count == 1:
            // `sum(list.map(x, x.field))`, how packs total a plan list: read from the field
            // tables when the plan allows it, else item by item.
            guard case .macro(.map, let listCode, let slot, let body) = arguments[0],
                  case .member(.local(let local), let name, let position) = body, local == slot else {
                return call(.sum, [evaluate(arguments[0])])
            }
            let list = evaluate(listCode)
            if case .node(let node) = list.kind, let plan, let total = plan.sumOfField(name, position: position, of: node) {
                return total
            }
            return call(.sum, [runMacro(.map, list, slot: slot, body: body)])
        case .function(let function, let arguments):
            // Arguments first, then the call: a method that does not mutate, called with
            // arguments that do, would be handed a copy of the evaluator made before them.
            let values = arguments.map { evaluate($0) }
            return call(function, values)
        case .macro(let macro, let listCode, let slot, let body):
            return runMacro(macro, evaluate(listCode), slot: slot, body: body)
        case .not(let operand):
            guard case .bool(let value) = evaluate(operand).kind else { return .unknown }
            return Value(.bool(!value))
        case .negate(let operand):
            guard case .int(let value) = evaluate(operand).kind else { return .unknown }
            let (result, overflow) = Int128(0).subtractingReportingOverflow(value)
            return overflow ? .unknown : Value(.int(result))
        case .arithmetic(let op, let left, let right):
            guard case .int(let a) = evaluate(left).kind, case .int(let b) = evaluate(right).kind else { return .unknown }
            let (result, overflow): (Int128, Bool)
            switch op {
            case .add: (result, overflow) = a.addingReportingOverflow(b)
            case .subtract: (result, overflow) = a.subtractingReportingOverflow(b)
            case .multiply: (result, overflow) = a.multipliedReportingOverflow(by: b)
            }
            return overflow ? .unknown : Value(.int(result))
        case .concatenate(let left, let right):
            let a = evaluate(left), b = evaluate(right)
            if case .string(let x) = a.kind, case .string(let y) = b.kind { return Value(.string(x + y)) }
            guard let x = items(a), let y = items(b) else { return .unknown }
            return Value(.list(x + y))
        case .compare(let op, let left, let right):
            let a = evaluate(left), b = evaluate(right)
            return compare(op, a, b)
        case .inList(let element, let listCode):
            let needle = evaluate(element)
            guard needle.isKnown else { return .unknown }
            let list = evaluate(listCode)
            guard let items = items(list) else { return .unknown }
            var sawUnknown = false
            for item in items {
                guard item.isKnown else { sawUnknown = true; continue }
                if case .bool(true) = compare(.equal, needle, item).kind { return Value(.bool(true)) }
            }
            return sawUnknown ? .unknown : Value(.bool(false))
        case .inTable(let key, let tableCode):
            guard case .string(let id) = evaluate(key).kind, case .table(let table) = evaluate(tableCode).kind else { return .unknown }
            return Value(.bool(table.row(id) != nil))
        case .and(let left, let right):
            let a = evaluate(left)
            if case .bool(false) = a.kind { return a }
            let b = evaluate(right)
            if case .bool(false) = b.kind { return b }
            if case .bool(true) = a.kind, case .bool(true) = b.kind { return Value(.bool(true)) }
            return .unknown
        case .or(let left, let right):
            let a = evaluate(left)
            if case .bool(true) = a.kind { return a }
            let b = evaluate(right)
            if case .bool(true) = b.kind { return b }
            if case .bool(false) = a.kind, case .bool(false) = b.kind { return Value(.bool(false)) }
            return .unknown
        case .conditional(let condition, let then, let otherwise):
            switch evaluate(condition).kind {
            case .bool(true): return evaluate(then)
            case .bool(false): return evaluate(otherwise)
            default: return .unknown
            }
        case .list(let items):
            return Value(.list(items.map { evaluate($0) }))
        }
    }

    private func compare(_ op: CompiledExpression.ComparisonOperator, _ a: Value, _ b: Value) -> Value {
        let order: Int
        switch (a.kind, b.kind) {
        case (.int(let x), .int(let y)): order = x < y ? -1 : x == y ? 0 : 1
        case (.string(let x), .string(let y)): order = x < y ? -1 : x == y ? 0 : 1
        case (.date(let x), .date(let y)): order = x < y ? -1 : x == y ? 0 : 1
        case (.bool(let x), .bool(let y)): order = x == y ? 0 : 1
        default: return .unknown
        }
        let result: Bool
        switch op {
        case .equal: result = order == 0
        case .notEqual: result = order != 0
        case .less: result = order < 0
        case .lessOrEqual: result = order <= 0
        case .greater: result = order > 0
        case .greaterOrEqual: result = order >= 0
        }
        return Value(.bool(result))
    }

    private mutating func runMacro(_ macro: CompiledExpression.Macro, _ list: Value, slot: Int, body: CompiledExpression) -> Value {
        guard let items = items(list) else { return .unknown }
        var sawUnknown = false
        var mapped: [Value] = []
        if macro == .map || macro == .filter { mapped.reserveCapacity(items.count) }
        for item in items {
            if slot < locals.count { locals[slot] = item }
            let result = evaluate(body)
            switch macro {
            case .exists:
                switch result.kind {
                case .bool(true): return Value(.bool(true))
                case .bool(false): break
                default: sawUnknown = true
                }
            case .all:
                switch result.kind {
                case .bool(false): return Value(.bool(false))
                case .bool(true): break
                default: sawUnknown = true
                }
            case .map:
                mapped.append(result)
            case .filter:
                switch result.kind {
                case .bool(true): mapped.append(item)
                case .bool(false): break
                default: sawUnknown = true
                }
            }
        }
        switch macro {
        case .exists: return sawUnknown ? .unknown : Value(.bool(false))
        case .all: return sawUnknown ? .unknown : Value(.bool(true))
        case .map: return Value(.list(mapped))
        case .filter: return sawUnknown ? .unknown : Value(.list(mapped))
        }
    }

    private func call(_ function: BuiltinFunction, _ arguments: [Value]) -> Value {
        switch function {
        case .size:
            guard let argument = arguments.first else { return .unknown }
            if case .string(let text) = argument.kind { return Value(.int(Int128(text.unicodeScalars.count))) }
            guard let items = items(argument) else { return .unknown }
            return items.allSatisfy(\.isKnown) ? Value(.int(Int128(items.count))) : .unknown
        case .sum:
            guard let argument = arguments.first, let items = items(argument) else { return .unknown }
            var total: Int128 = 0
            for item in items {
                guard case .int(let value) = item.kind else { return .unknown }
                let (next, overflow) = total.addingReportingOverflow(value)
                if overflow { return .unknown }
                total = next
            }
            return Value(.int(total))
        case .abs:
            guard case .int(let value) = arguments.first?.kind else { return .unknown }
            if value >= 0 { return Value(.int(value)) }
            let (result, overflow) = Int128(0).subtractingReportingOverflow(value)
            return overflow ? .unknown : Value(.int(result))
        case .gbp:
            guard case .int(let value) = arguments.first?.kind else { return .unknown }
            return Value(.string(ValueFormatter.pounds(value)))
        case .date:
            guard case .string(let text) = arguments.first?.kind, case .success(let day) = Day.parse(text) else { return .unknown }
            return Value(.date(day))
        case .join:
            guard arguments.count == 2, let items = items(arguments[0]), case .string(let separator) = arguments[1].kind else {
                return .unknown
            }
            var parts: [String] = []
            for item in items {
                guard case .string(let text) = item.kind else { return .unknown }
                parts.append(text)
            }
            return Value(.string(parts.joined(separator: separator)))
        case .string:
            guard let value = arguments.first, value.isKnown else { return .unknown }
            return Value(.string(ValueFormatter.text(materialized(value))))
        }
    }
}

extension Value.Kind {
    var isMissing: Bool {
        if case .missing = self { return true }
        return false
    }
}
