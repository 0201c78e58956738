import YAMLTree

/// A compiled piece of a quick rule: reads the plan (its tree, and its field tables in the
/// frame) and returns its value as a word.
typealias QuickCode = @Sendable (QuickRuleFrame, YAMLDocument) -> Int64

/// Compiles rule expressions a second time, for plans that passed their schema, into
/// closures over single machine words (see ``QuickRuleProgram``). Each expression's type
/// decides what its word holds:
///
/// - a whole number: itself (one past 64 bits bails); a date: its day; a boolean: 0 or 1;
/// - text: 0 or more for the pack's text in the ``QuickTextPool``, below 0 for the plan's
///   scalar `-(node + 1)`, read where it is written;
/// - a plan mapping or list: its node; a table's row: its index;
/// - a list built or taken from the pack: where its items start in the frame's arena, and
///   how many there are.
///
/// What falls outside this (text built by joining, `gbp`, `string`, an object read whole)
/// does not compile, and the rule runs the general way only.
struct QuickRuleCompiler {
    /// The static form of a compiled expression's word.
    indirect enum Form: Sendable {
        case int, bool, date, text
        case planObject(SchemaNode)
        /// A plan list under its schema.
        case planList(SchemaNode)
        /// A list in the arena, of items of the form.
        case list(Form)
        case row(QuickTable)
        /// Known while compiling, with no word at run time.
        case table(QuickTable)
        case constantObject(ObjectValue)
    }

    let pool: QuickTextPool
    private(set) var constantItems: [Int64] = []
    private var tables: [ObjectIdentifier: QuickTable] = [:]
    /// The form of each local slot's value while its macro or `each` is compiled.
    private var locals: [Int: Form] = [:]
    private let rootSchema: SchemaNode

    init(rootSchema: SchemaNode, pool: QuickTextPool) {
        self.rootSchema = rootSchema
        self.pool = pool
    }

    /// Every table met, for the pool's ids to be looked up in each once compiling is done.
    var allTables: [QuickTable] { Array(tables.values) }

    /// Declares the form of a local slot (an `each` item).
    mutating func bind(_ slot: Int, _ form: Form) {
        locals[slot] = form
    }

    /// The form of the items of a list of this form; `nil` when they have no word.
    static func itemForm(of list: Form) -> Form? {
        switch list {
        case .list(let item): return item
        case .planList(let schema):
            guard let items = schema.items else { return nil }
            return planForm(items)
        default: return nil
        }
    }

    private static func planForm(_ schema: SchemaNode) -> Form? {
        switch schema.kind {
        case .object: .planObject(schema)
        case .list: .planList(schema)
        case .string, .financialYear: .text
        case .integer: .int
        case .date: .date
        case .boolean: .bool
        }
    }

    /// `code` and its form, or `nil` when it does not compile.
    mutating func compile(_ code: CompiledExpression) -> (QuickCode, Form)? {
        switch code {
        case .constant(let value):
            return constant(value)
        case .rootObject:
            return ({ frame, document in document.root.map { Int64($0.index) } ?? frame.bail() }, .planObject(rootSchema))
        case .local(let slot):
            guard let form = locals[slot] else { return nil }
            return ({ frame, document in slot >= 0 && slot < frame.locals.count ? frame.locals[slot] : frame.bail() }, form)
        case .cached(let slot, let inner):
            guard let (body, form) = compile(inner) else { return nil }
            if case .table = form { return (body, form) }
            if case .constantObject = form { return (body, form) }
            return ({ frame, document in frame.letValue(slot, body, document) }, form)
        case .shared(let slot, let inner):
            guard let (body, form) = compile(inner) else { return nil }
            // A list computed for one rule is gone by the next: only words that stay are kept.
            if case .list = form { return (body, form) }
            if case .table = form { return (body, form) }
            if case .constantObject = form { return (body, form) }
            return ({ frame, document in frame.sharedValue(slot, body, document) }, form)
        case .member(let base, let name, let position):
            return member(base, name, position: position)
        case .has(let base, let name):
            return has(base, name)
        case .listIndex(let base, let index):
            return listIndex(base, index)
        case .tableLookup(let base, let key):
            guard let (table, key, pool) = rowLookup(base, key) else { return nil }
            return ({ frame, document in
                table.row(key(frame, document), frame: frame, pool: pool, document: document).map(Int64.init) ?? frame.bail()
            }, .row(table))
        case .inTable(let key, let base):
            guard let (table, key, pool) = rowLookup(base, key) else { return nil }
            return ({ frame, document in table.row(key(frame, document), frame: frame, pool: pool, document: document) == nil ? 0 : 1 }, .bool)
        case .inList(let element, let list):
            return inList(element, list)
        case .function(let function, let arguments):
            return call(function, arguments)
        case .macro(let macro, let list, let slot, let body):
            return self.macro(macro, list, slot: slot, body: body)
        case .not(let operand):
            guard let (code, form) = compile(operand), case .bool = form else { return nil }
            return ({ frame, document in code(frame, document) == 0 ? 1 : 0 }, .bool)
        case .negate(let operand):
            guard let (code, form) = compile(operand), case .int = form else { return nil }
            return ({ frame, document in
                let (result, overflow) = Int64(0).subtractingReportingOverflow(code(frame, document))
                return overflow ? frame.bail() : result
            }, .int)
        case .arithmetic(let op, let left, let right):
            guard let (a, leftForm) = compile(left), case .int = leftForm,
                  let (b, rightForm) = compile(right), case .int = rightForm else { return nil }
            let operation: @Sendable (Int64, Int64) -> (partialValue: Int64, overflow: Bool) = switch op {
            case .add: { $0.addingReportingOverflow($1) }
            case .subtract: { $0.subtractingReportingOverflow($1) }
            case .multiply: { $0.multipliedReportingOverflow(by: $1) }
            }
            return ({ frame, document in
                let x = a(frame, document), y = b(frame, document)
                let (result, overflow) = operation(x, y)
                return overflow ? frame.bail() : result
            }, .int)
        case .concatenate(let left, let right):
            return concatenate(left, right)
        case .compare(let op, let left, let right):
            return compare(op, left, right)
        case .and(let left, let right):
            guard let (a, leftForm) = compile(left), case .bool = leftForm,
                  let (b, rightForm) = compile(right), case .bool = rightForm else { return nil }
            return ({ frame, document in a(frame, document) == 0 ? 0 : b(frame, document) }, .bool)
        case .or(let left, let right):
            guard let (a, leftForm) = compile(left), case .bool = leftForm,
                  let (b, rightForm) = compile(right), case .bool = rightForm else { return nil }
            return ({ frame, document in a(frame, document) != 0 ? 1 : b(frame, document) }, .bool)
        case .conditional(let condition, let then, let otherwise):
            guard let (test, testForm) = compile(condition), case .bool = testForm,
                  let (a, thenForm) = compile(then), let (b, otherwiseForm) = compile(otherwise),
                  Self.sameWords(thenForm, otherwiseForm) else { return nil }
            return ({ frame, document in test(frame, document) != 0 ? a(frame, document) : b(frame, document) }, thenForm)
        case .list(let items):
            guard let (codes, form) = scalarItems(items, { $0.compile($1) }), let itemForm = form else { return nil }
            return ({ frame, document in
                let mark = frame.building.count
                for code in codes { frame.building.append(code(frame, document)) }
                return frame.finishList(from: mark)
            }, .list(itemForm))
        }
    }

    /// `code` as text made for keeping (a portfolio rule's key): text, or text joined with
    /// `+`; `nil` after a bail.
    mutating func compileText(_ code: CompiledExpression) -> (@Sendable (QuickRuleFrame, YAMLDocument) -> String?)? {
        if case .concatenate(let left, let right) = code {
            guard let a = compileText(left), let b = compileText(right) else { return nil }
            return { frame, document in
                guard let x = a(frame, document), let y = b(frame, document) else { return nil }
                return x + y
            }
        }
        guard let (word, form) = compile(code), case .text = form else { return nil }
        return string(of: word)
    }

    /// What makes the text of the word `word` computes as a string; `nil` after a bail.
    private func string(of word: @escaping QuickCode) -> @Sendable (QuickRuleFrame, YAMLDocument) -> String? {
        let pool = pool
        return { frame, document in
            frame.withText(word(frame, document), pool: pool, document: document) { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// Where `code`, a chain of fields from the plan's root (`budget.requested`), points:
    /// the value's node (a bail when the plan leaves the field out), and its YAML path,
    /// the same for every plan that passed its schema.
    mutating func compileAt(_ code: CompiledExpression) -> (node: QuickCode, path: String)? {
        var names: [String] = []
        var step = code
        while true {
            switch step {
            case .shared(_, let inner): step = inner
            case .member(let base, let name, _):
                names.append(name)
                step = base
            default:
                guard case .rootObject = step, !names.isEmpty,
                      case .member(let base, let name, let position) = Self.unshared(code),
                      let (baseCode, baseForm) = compile(base), case .planObject(let schema) = baseForm,
                      let index = schema.propertyIndex(name, expectedAt: position) else { return nil }
                var path = YAMLPathBuilder()
                for name in names.reversed() { path.appendKey(name) }
                let identity = schema.identity
                return ({ frame, document in
                    guard let slot = frame.slot(baseCode(frame, document), schema: identity, index: index, in: document),
                          frame.fields.hasEntry(at: slot) else { return frame.bail() }
                    return Int64(frame.fields.value(at: slot).index)
                }, path.text)
            }
        }
    }

    private static func unshared(_ code: CompiledExpression) -> CompiledExpression {
        if case .shared(_, let inner) = code { return inner }
        return code
    }

    /// `code` as a value made for keeping (a portfolio rule's `let`): a whole number, a date,
    /// a truth value or text. After a bail, the value is unknown.
    mutating func compileValue(_ code: CompiledExpression) -> (@Sendable (QuickRuleFrame, YAMLDocument) -> Value.Kind)? {
        guard let (word, form) = compile(code) else { return nil }
        switch form {
        case .int:
            return { frame, document in .int(Int128(word(frame, document))) }
        case .bool:
            return { frame, document in .bool(word(frame, document) != 0) }
        case .date:
            return { frame, document in Day(ordinal: Int(word(frame, document))).map { .date($0) } ?? .unknown }
        case .text:
            let text = string(of: word)
            return { frame, document in text(frame, document).map { .string($0) } ?? .unknown }
        default:
            return nil
        }
    }

    // MARK: constants

    private mutating func constant(_ value: Value) -> (QuickCode, Form)? {
        switch value.kind {
        case .table(let table):
            let quick = tables[ObjectIdentifier(table)] ?? QuickTable(table)
            tables[ObjectIdentifier(table)] = quick
            return ({ frame, document in frame.bail() }, .table(quick))
        case .object(let object):
            return ({ frame, document in frame.bail() }, .constantObject(object))
        default:
            guard let (word, form) = constantWord(value) else { return nil }
            return ({ _, _ in word }, form)
        }
    }

    /// The word and form of a constant scalar or list of scalars; `nil` for others.
    mutating func constantWord(_ value: Value) -> (Int64, Form)? {
        switch value.kind {
        case .int(let number):
            return Int64(exactly: number).map { ($0, .int) }
        case .bool(let truth):
            return (truth ? 1 : 0, .bool)
        case .date(let day):
            return (Int64(day.ordinal), .date)
        case .string(let text):
            return (pool.word(text), .text)
        case .list(let items):
            guard let (words, itemForm) = scalarItems(items, { $0.constantWord($1) }) else { return nil }
            // An empty list's items have no form; any will do, as none is ever read.
            let start = constantItems.count
            guard start < Int(Int32.max) else { return nil }
            constantItems += words
            return (QuickRuleFrame.listWord(start: start, count: words.count), .list(itemForm ?? .int))
        default:
            return nil
        }
    }

    /// The table `base` is, the code of the text `key` naming one of its rows, and the pool
    /// that text may be in; `nil` when they are not that.
    private mutating func rowLookup(_ base: CompiledExpression, _ key: CompiledExpression) -> (QuickTable, QuickCode, QuickTextPool)? {
        guard let (_, baseForm) = compile(base), case .table(let table) = baseForm,
              let (keyCode, keyForm) = compile(key), case .text = keyForm else { return nil }
        return (table, keyCode, pool)
    }

    /// Each of `items` compiled by `compileItem`, and their common form (`nil` for no
    /// items); `nil` when one does not compile, is not a scalar, or differs in form.
    private mutating func scalarItems<Item, Compiled>(_ items: [Item], _ compileItem: (inout Self, Item) -> (Compiled, Form)?)
        -> ([Compiled], Form?)? {
        var compiled: [Compiled] = []
        var itemForm: Form?
        for item in items {
            guard let (result, form) = compileItem(&self, item), Self.isScalar(form) else { return nil }
            if let itemForm, !Self.sameWords(itemForm, form) { return nil }
            itemForm = form
            compiled.append(result)
        }
        return (compiled, itemForm)
    }

    // MARK: fields

    private mutating func member(_ base: CompiledExpression, _ name: String, position: Int) -> (QuickCode, Form)? {
        guard let (baseCode, baseForm) = compile(base) else { return nil }
        switch baseForm {
        case .constantObject(let object):
            guard let value = object.value(name) else { return nil }
            return constant(value)
        case .row(let table):
            guard let column = table.column(name, compiler: &self) else { return nil }
            return ({ frame, document in
                let row = Int(baseCode(frame, document))
                guard row >= 0, row < column.words.count, column.present[row] else { return frame.bail() }
                return column.words[row]
            }, column.form)
        case .planObject(let schema):
            guard let index = schema.propertyIndex(name, expectedAt: position) else { return nil }
            let property = schema.propertySchema(at: index).takeUnretainedValue()
            guard let form = Self.planForm(property) else { return nil }
            let identity = schema.identity
            // A field the plan leaves out reads as its default, if it has one.
            var fallback: Int64?
            if let value = property.defaultValue {
                guard let (word, defaultForm) = constantWord(Value(value)), Self.sameWords(defaultForm, form) else { return nil }
                fallback = word
            }
            let missing = fallback
            switch form {
            case .int, .date, .bool:
                return ({ frame, document in
                    guard let slot = frame.slot(baseCode(frame, document), schema: identity, index: index, in: document) else { return frame.bail() }
                    guard frame.fields.hasEntry(at: slot) else { return missing ?? frame.bail() }
                    switch frame.fields.typed(at: slot) {
                    case .int(let number): return number
                    case .date(let day): return Int64(day.ordinal)
                    case .bool(let truth): return truth ? 1 : 0
                    case .none: return frame.bail()
                    }
                }, form)
            case .text:
                return ({ frame, document in
                    guard let slot = frame.slot(baseCode(frame, document), schema: identity, index: index, in: document) else { return frame.bail() }
                    guard frame.fields.hasEntry(at: slot) else { return missing ?? frame.bail() }
                    let value = frame.fields.value(at: slot).index
                    // A plan that passed its schema has no aliases: the value is the scalar.
                    guard Int(value) < document.nodeCount, document.kind(NodeID(value)) == .scalar else {
                        return frame.bail()
                    }
                    return -(Int64(value) + 1)
                }, form)
            default:
                guard missing == nil else { return nil }
                return ({ frame, document in
                    guard let slot = frame.slot(baseCode(frame, document), schema: identity, index: index, in: document),
                          frame.fields.hasEntry(at: slot) else { return frame.bail() }
                    return Int64(frame.fields.value(at: slot).index)
                }, form)
            }
        default:
            return nil
        }
    }

    private mutating func has(_ base: CompiledExpression, _ name: String) -> (QuickCode, Form)? {
        guard let (baseCode, baseForm) = compile(base) else { return nil }
        switch baseForm {
        case .constantObject(let object):
            let present: Int64 = object.isPresent(name) ? 1 : 0
            return ({ _, _ in present }, .bool)
        case .planObject(let schema):
            guard let index = schema.propertyIndex(name) else { return nil }
            let identity = schema.identity
            return ({ frame, document in
                guard let slot = frame.slot(baseCode(frame, document), schema: identity, index: index, in: document) else { return frame.bail() }
                return frame.fields.hasEntry(at: slot) ? 1 : 0
            }, .bool)
        default:
            return nil
        }
    }

    private mutating func listIndex(_ base: CompiledExpression, _ index: CompiledExpression) -> (QuickCode, Form)? {
        guard let (list, listForm) = compile(base), let (position, positionForm) = compile(index), case .int = positionForm,
              let itemForm = Self.itemForm(of: listForm), let item = Self.itemReader(listForm) else { return nil }
        let planList = Self.isPlanList(listForm)
        return ({ frame, document in
            let list = list(frame, document), position = position(frame, document)
            guard position >= 0, position < Int64(Self.count(list, document: document, frame: frame, planList: planList)) else {
                return frame.bail()
            }
            return item(frame, document, list, Int(position))
        }, itemForm)
    }

    // MARK: lists

    private static func isPlanList(_ form: Form) -> Bool {
        if case .planList = form { return true }
        return false
    }

    /// How many items the list `word` has.
    static func count(_ word: Int64, document: YAMLDocument, frame: QuickRuleFrame, planList: Bool) -> Int {
        if planList {
            guard let node = Int32(exactly: word), node >= 0, Int(node) < document.nodeCount else {
                _ = frame.bail()
                return 0
            }
            return document.childCount(NodeID(node))
        }
        return Int(word & 0xFFFF_FFFF)
    }

    /// What reads item `position` (below the count) of a list of the form.
    static func itemReader(_ form: Form) -> (@Sendable (QuickRuleFrame, YAMLDocument, Int64, Int) -> Int64)? {
        switch form {
        case .list:
            return { frame, document, list, position in
                let at = Int(list >> 32) + position
                return at < frame.arena.count ? frame.arena[at] : frame.bail()
            }
        case .planList(let schema):
            guard let items = schema.items else { return nil }
            let text = items.kind == .string || items.kind == .financialYear
            guard text || items.kind == .object || items.kind == .list else { return nil }
            return { frame, document, list, position in
                guard let node = Int32(exactly: list) else { return frame.bail() }
                let item = document.item(NodeID(node), at: position)
                if text {
                    // A null item is unknown to rules, and read the general way.
                    guard document.kind(item) == .scalar, !document.isNull(item) else { return frame.bail() }
                    return -(Int64(item.index) + 1)
                }
                return Int64(item.index)
            }
        default:
            return nil
        }
    }

    private mutating func macro(_ macro: CompiledExpression.Macro, _ listCode: CompiledExpression, slot: Int,
                                body bodyCode: CompiledExpression) -> (QuickCode, Form)? {
        guard let (list, listForm) = compile(listCode), let itemForm = Self.itemForm(of: listForm),
              let item = Self.itemReader(listForm) else { return nil }
        let planList = Self.isPlanList(listForm)
        let saved = locals[slot]
        locals[slot] = itemForm
        defer { locals[slot] = saved }
        guard let (body, bodyForm) = compile(bodyCode) else { return nil }
        let loop: @Sendable (QuickRuleFrame, YAMLDocument, (Int64, Int64) -> Bool) -> Void = { frame, document, visit in
            let list = list(frame, document)
            let count = Self.count(list, document: document, frame: frame, planList: planList)
            guard slot >= 0, slot < frame.locals.count else {
                _ = frame.bail()
                return
            }
            for position in 0..<count {
                let value = item(frame, document, list, position)
                frame.locals[slot] = value
                if !visit(value, body(frame, document)) || frame.bailed { return }
            }
        }
        switch macro {
        case .exists, .all:
            guard case .bool = bodyForm else { return nil }
            let stopAt: Int64 = macro == .exists ? 1 : 0
            return ({ frame, document in
                var result: Int64 = 1 - stopAt
                loop(frame, document) { _, verdict in
                    if verdict == stopAt { result = stopAt }
                    return verdict != stopAt
                }
                return result
            }, .bool)
        case .filter:
            guard case .bool = bodyForm else { return nil }
            return ({ frame, document in
                let mark = frame.building.count
                loop(frame, document) { value, verdict in
                    if verdict != 0 { frame.building.append(value) }
                    return true
                }
                return frame.finishList(from: mark)
            }, .list(itemForm))
        case .map:
            guard Self.isScalar(bodyForm) else { return nil }
            return ({ frame, document in
                let mark = frame.building.count
                loop(frame, document) { _, mapped in
                    frame.building.append(mapped)
                    return true
                }
                return frame.finishList(from: mark)
            }, .list(bodyForm))
        }
    }

    private mutating func inList(_ element: CompiledExpression, _ listCode: CompiledExpression) -> (QuickCode, Form)? {
        guard let (needle, needleForm) = compile(element), let (list, listForm) = compile(listCode),
              let itemForm = Self.itemForm(of: listForm), Self.sameWords(needleForm, itemForm), Self.isScalar(itemForm),
              let item = Self.itemReader(listForm) else { return nil }
        let planList = Self.isPlanList(listForm)
        let equal = equality(itemForm)
        return ({ frame, document in
            let value = needle(frame, document), list = list(frame, document)
            for position in 0..<Self.count(list, document: document, frame: frame, planList: planList) {
                if equal(frame, document, value, item(frame, document, list, position)) { return 1 }
                if frame.bailed { return 0 }
            }
            return 0
        }, .bool)
    }

    private mutating func concatenate(_ left: CompiledExpression, _ right: CompiledExpression) -> (QuickCode, Form)? {
        guard let (a, leftForm) = compile(left), let (b, rightForm) = compile(right),
              let itemForm = Self.itemForm(of: leftForm), let rightItems = Self.itemForm(of: rightForm),
              Self.sameWords(itemForm, rightItems), Self.isScalar(itemForm),
              let readLeft = Self.itemReader(leftForm), let readRight = Self.itemReader(rightForm) else { return nil }
        let leftPlan = Self.isPlanList(leftForm), rightPlan = Self.isPlanList(rightForm)
        return ({ frame, document in
            let x = a(frame, document), y = b(frame, document)
            let mark = frame.building.count
            for position in 0..<Self.count(x, document: document, frame: frame, planList: leftPlan) { frame.building.append(readLeft(frame, document, x, position)) }
            for position in 0..<Self.count(y, document: document, frame: frame, planList: rightPlan) { frame.building.append(readRight(frame, document, y, position)) }
            return frame.finishList(from: mark)
        }, .list(itemForm))
    }

    // MARK: functions and comparisons

    private mutating func call(_ function: BuiltinFunction, _ arguments: [CompiledExpression]) -> (QuickCode, Form)? {
        guard arguments.count == 1 else { return nil }
        switch function {
        case .sum:
            if case .macro(.map, let listCode, let slot, .member(.local(let local), let name, let position)) = arguments[0],
               local == slot, let (list, listForm) = compile(listCode), case .planList(let schema) = listForm,
               let items = schema.items, items.kind == .object, let index = items.propertyIndex(name, expectedAt: position),
               items.propertySchema(at: index).takeUnretainedValue().kind == .integer {
                return (Self.sumOfField(list, itemSchema: items, index: index), .int)
            }
            guard let (list, listForm) = compile(arguments[0]), let itemForm = Self.itemForm(of: listForm),
                  case .int = itemForm, let item = Self.itemReader(listForm), !Self.isPlanList(listForm) else { return nil }
            return ({ frame, document in
                let list = list(frame, document)
                var total: Int64 = 0
                for position in 0..<Self.count(list, document: document, frame: frame, planList: false) {
                    let (next, overflow) = total.addingReportingOverflow(item(frame, document, list, position))
                    if overflow { return frame.bail() }
                    total = next
                }
                return total
            }, .int)
        case .size:
            guard let (argument, form) = compile(arguments[0]) else { return nil }
            if case .text = form {
                let pool = pool
                return ({ frame, document in
                    let word = argument(frame, document)
                    // Unicode scalars: the bytes that do not continue one.
                    return frame.withText(word, pool: pool, document: document) { bytes in Int64(bytes.count { $0 & 0xC0 != 0x80 }) } ?? frame.bail()
                }, .int)
            }
            guard Self.itemForm(of: form) != nil else { return nil }
            let planList = Self.isPlanList(form)
            return ({ frame, document in Int64(Self.count(argument(frame, document), document: document, frame: frame, planList: planList)) }, .int)
        case .abs:
            guard let (argument, form) = compile(arguments[0]), case .int = form else { return nil }
            return ({ frame, document in
                let value = argument(frame, document)
                return value == .min ? frame.bail() : Swift.abs(value)
            }, .int)
        case .date:
            guard case .constant(let value) = arguments[0], case .string(let text) = value.kind,
                  case .success(let day) = Day.parse(text) else { return nil }
            let word = Int64(day.ordinal)
            return ({ _, _ in word }, .date)
        case .gbp, .join, .string:
            return nil
        }
    }

    /// `sum(list.map(x, x.field))` over a plan list of mappings, from the field tables.
    private static func sumOfField(_ list: @escaping QuickCode, itemSchema: SchemaNode, index: Int) -> QuickCode {
        { frame, document in
            guard let node = Int32(exactly: list(frame, document)),
                  let total = frame.fields.sum(ofSlot: index, itemsOf: NodeID(node), in: document, itemSchema: itemSchema),
                  let word = Int64(exactly: total) else { return frame.bail() }
            return word
        }
    }

    private mutating func compare(_ op: CompiledExpression.ComparisonOperator, _ left: CompiledExpression,
                                  _ right: CompiledExpression) -> (QuickCode, Form)? {
        guard let (a, leftForm) = compile(left), let (b, rightForm) = compile(right), Self.sameWords(leftForm, rightForm) else {
            return nil
        }
        let test: @Sendable (Int) -> Bool = switch op {
        case .equal: { $0 == 0 }
        case .notEqual: { $0 != 0 }
        case .less: { $0 < 0 }
        case .lessOrEqual: { $0 <= 0 }
        case .greater: { $0 > 0 }
        case .greaterOrEqual: { $0 >= 0 }
        }
        switch leftForm {
        case .int, .date:
            return ({ frame, document in
                let x = a(frame, document), y = b(frame, document)
                return test(x < y ? -1 : x == y ? 0 : 1) ? 1 : 0
            }, .bool)
        case .bool:
            // Truth values are only compared for equality (the pack's compiler refuses to order them).
            guard op == .equal || op == .notEqual else { return nil }
            return ({ frame, document in
                let x = a(frame, document), y = b(frame, document)
                return test(x == y ? 0 : 1) ? 1 : 0
            }, .bool)
        case .text:
            let pool = pool
            if op == .equal || op == .notEqual {
                let wanted = op == .equal
                return ({ frame, document in
                    let x = a(frame, document), y = b(frame, document)
                    return frame.textEqual(x, y, pool: pool, document: document) == wanted ? 1 : 0
                }, .bool)
            }
            return ({ frame, document in
                let x = a(frame, document), y = b(frame, document)
                return test(frame.textOrder(x, y, pool: pool, document: document)) ? 1 : 0
            }, .bool)
        default:
            return nil
        }
    }

    /// Whether two words of `form` hold equal values.
    private func equality(_ form: Form) -> @Sendable (QuickRuleFrame, YAMLDocument, Int64, Int64) -> Bool {
        if case .text = form {
            let pool = pool
            return { frame, document, x, y in frame.textEqual(x, y, pool: pool, document: document) }
        }
        return { _, _, x, y in x == y }
    }

    // MARK: forms

    /// Whether a word of the form is the value itself (a list can hold it).
    static func isScalar(_ form: Form) -> Bool {
        switch form {
        case .int, .bool, .date, .text: true
        default: false
        }
    }

    /// Whether words of the two forms mean the same (so they can be compared or mixed).
    static func sameWords(_ a: Form, _ b: Form) -> Bool {
        switch (a, b) {
        case (.int, .int), (.bool, .bool), (.date, .date), (.text, .text): true
        case (.row(let x), .row(let y)): x === y
        case (.planObject(let x), .planObject(let y)), (.planList(let x), .planList(let y)): x === y
        case (.list(let x), .list(let y)): sameWords(x, y)
        default: false
        }
    }
}
