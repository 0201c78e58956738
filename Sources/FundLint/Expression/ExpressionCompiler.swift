/// Type-checks an expression against the plan schema, the pack's tables and the variables
/// in scope, and compiles it. Every name, field, function and operator is checked here, once,
/// when the pack loads.
struct ExpressionCompiler {
    /// A named thing an identifier can resolve to.
    enum Binding {
        case local(slot: Int, ValueType)
        case constant(Value, ValueType)
        case expression(CompiledExpression, ValueType)
    }

    let rootType: ObjectType
    private(set) var scope: [String: Binding]
    private(set) var slotCount: Int
    /// The names whose definitions did not compile (a rule's `let` or `for_each`
    /// variable): their problem was reported where they are defined, so a use of one is
    /// not reported again.
    private(set) var unavailable: Set<String> = []
    /// The shared slot of each expression met so far that depends on the plan alone, by a
    /// key naming what it computes (`project.region`, `=places[project.region]`); `nil`
    /// when this compiler shares none. Only code one evaluator runs for a whole plan may
    /// share slots (a pack's rules and portfolio facts): the slots are that evaluator's.
    var sharedSlots: [String: Int]?

    init(rootType: ObjectType, globals: [String: Binding], slotCount: Int = 0) {
        self.rootType = rootType
        self.scope = globals
        self.slotCount = slotCount
    }

    /// Adds a local variable and returns its slot.
    mutating func declareLocal(_ name: String, type: ValueType) -> Int {
        let slot = slotCount
        slotCount += 1
        scope[name] = .local(slot: slot, type)
        if !unavailable.isEmpty { unavailable.remove(name) }
        return slot
    }

    /// Binds `name` to a compiled expression (a rule's `let`), evaluated once per use of
    /// the rule however often it is named.
    mutating func bind(_ name: String, _ expression: CompiledExpression, type: ValueType) {
        let slot = slotCount
        slotCount += 1
        scope[name] = .expression(.cached(slot: slot, expression), type)
        if !unavailable.isEmpty { unavailable.remove(name) }
    }

    /// Records that the definition of `name` did not compile (its problem is reported):
    /// a use of it then fails without a problem of its own.
    mutating func markUnavailable(_ name: String) {
        scope[name] = nil
        unavailable.insert(name)
    }

    /// Compiles `syntax`, returning its code and type.
    mutating func compile(_ syntax: ExpressionSyntax) throws(ExpressionError) -> (CompiledExpression, ValueType) {
        let (code, type, _) = try compileKeyed(syntax)
        return (code, type)
    }

    /// Compiles `syntax`, returning its code, its type and, when this compiler shares slots
    /// and the expression is a path of the plan or a table (`project.region`,
    /// `places[project.region]`), a key naming what it computes.
    private mutating func compileKeyed(_ syntax: ExpressionSyntax) throws(ExpressionError) -> (CompiledExpression, ValueType, String?) {
        switch syntax {
        case .int(let value, _):
            return (.constant(Value(.int(value))), .int, nil)
        case .string(let text, _):
            return (.constant(Value(.string(text))), .string, nil)
        case .bool(let value, _):
            return (.constant(Value(.bool(value))), .bool, nil)
        case .identifier(let name, let offset):
            // Nearly always empty: then no name is hashed for it.
            if !unavailable.isEmpty, unavailable.contains(name) { throw ExpressionError(message: "", offset: offset, followsReported: true) }
            if let binding = scope[name] {
                switch binding {
                case .local(let slot, let type): return (.local(slot), type, nil)
                case .constant(let value, let type): return (.constant(value), type, sharedSlots == nil ? nil : "=\(name)")
                case .expression(let code, let type): return (code, type, nil)
                }
            }
            if let type = rootType.fields[name] {
                let code = CompiledExpression.member(.rootObject, name, position: rootType.order.firstIndex(of: name) ?? -1)
                return sharedSlots == nil ? (code, type, nil) : (shared(code, key: name), type, name)
            }
            throw ExpressionError(message: "unknown name '\(name)'\(EditDistance.hint(name, among: Array(scope.keys) + rootType.order))",
                                  offset: offset, length: name.unicodeScalars.count)
        case .member(let base, let name, let offset):
            let (code, type, baseKey) = try compileKeyed(base)
            guard case .object(let objectType) = type else {
                throw ExpressionError(message: "'.\(name)' needs an object, but this is \(type)", offset: offset)
            }
            guard let fieldType = objectType.fields[name] else {
                throw ExpressionError(message: "\(objectType.name) has no field '\(name)'\(EditDistance.hint(name, among: objectType.order))",
                                      offset: offset, length: name.unicodeScalars.count)
            }
            let member = CompiledExpression.member(code, name, position: objectType.order.firstIndex(of: name) ?? -1)
            // A field of a table's object is the same for every plan: read once, here.
            if case .constant(let object) = code, case .object(let fields) = object.kind {
                return (.constant(fields.value(name) ?? Value(.missing)), fieldType, baseKey.map { "\($0).\(name)" })
            }
            let key = baseKey.map { "\($0).\(name)" }
            return (key.map { shared(member, key: $0) } ?? member, fieldType, key)
        case .index(let base, let index, let offset):
            let (baseCode, baseType, baseKey) = try compileKeyed(base)
            let (indexCode, indexType, indexKey) = try compileKeyed(index)
            let key = baseKey.flatMap { base in (indexKey ?? Self.literalKey(index)).map { "\(base)[\($0)]" } }
            switch baseType {
            case .list(let element):
                guard indexType == .int else { throw ExpressionError(message: "a list index must be an integer, not \(indexType)", offset: index.offset) }
                let code = CompiledExpression.listIndex(baseCode, indexCode)
                return (key.map { shared(code, key: $0) } ?? code, element, key)
            case .table(let row):
                guard indexType == .string else { throw ExpressionError(message: "a table is indexed by a string id, not \(indexType)", offset: index.offset) }
                let code = CompiledExpression.tableLookup(baseCode, indexCode)
                return (key.map { shared(code, key: $0) } ?? code, .object(row), key)
            default:
                throw ExpressionError(message: "'[...]' needs a list or a table, but this is \(baseType)", offset: offset)
            }
        default:
            let (code, type) = try compileOther(syntax)
            return (code, type, nil)
        }
    }

    /// The key of a literal used as an index (`sectors['space']`, `items[0]`).
    private static func literalKey(_ syntax: ExpressionSyntax) -> String? {
        switch syntax {
        case .int(let value, _):
            return "\(value)"
        case .string(let text, _):
            var escaped = "'"
            for scalar in text.unicodeScalars {
                if scalar == "\\" || scalar == "'" { escaped.unicodeScalars.append("\\") }
                escaped.unicodeScalars.append(scalar)
            }
            return escaped + "'"
        default:
            return nil
        }
    }

    /// `code` kept in a shared slot when this compiler shares them and `code` reads the
    /// plan (a constant is no cheaper to keep).
    private mutating func shared(_ code: CompiledExpression, key: String) -> CompiledExpression {
        guard let count = sharedSlots?.count else { return code }
        if case .constant = code { return code }
        let slot = sharedSlots?[key] ?? count
        sharedSlots?[key] = slot
        return .shared(slot: slot, code)
    }

    /// Compiles the expressions that have no key.
    private mutating func compileOther(_ syntax: ExpressionSyntax) throws(ExpressionError) -> (CompiledExpression, ValueType) {
        switch syntax {
        case .int, .string, .bool, .identifier, .member, .index:
            let (code, type, _) = try compileKeyed(syntax)
            return (code, type)
        case .list(let items, _):
            var compiled: [CompiledExpression] = []
            var element = ValueType.anything
            for item in items {
                let (code, type) = try compile(item)
                guard element.accepts(type) else {
                    throw ExpressionError(message: "list mixes \(element) and \(type)", offset: item.offset)
                }
                element = element.merged(with: type)
                compiled.append(code)
            }
            // A list of constants is built once, here, not at every evaluation.
            var constants: [Value] = []
            for code in compiled {
                guard case .constant(let value) = code else { return (.list(compiled), .list(element)) }
                constants.append(value)
            }
            return (.constant(Value(.list(constants))), .list(element))
        case .call(let name, let arguments, let offset):
            return try compileCall(name, arguments, offset: offset)
        case .method(let receiver, let name, let arguments, let offset):
            guard let macro = CompiledExpression.Macro(rawValue: name) else {
                throw ExpressionError(message: "unknown method '\(name)'; lists have exists, all, map and filter",
                                      offset: offset, length: name.unicodeScalars.count)
            }
            let (listCode, listType) = try compile(receiver)
            guard case .list(let element) = listType else {
                throw ExpressionError(message: "'.\(name)(...)' needs a list, but this is \(listType)", offset: offset)
            }
            guard arguments.count == 2, case .identifier(let variable, _) = arguments[0] else {
                throw ExpressionError(message: "'.\(name)' takes a variable name and an expression: \(name)(x, ...)", offset: offset)
            }
            let saved = scope
            let slot = declareLocal(variable, type: element)
            let (body, bodyType) = try compile(arguments[1])
            scope = saved
            switch macro {
            case .exists, .all, .filter:
                guard bodyType == .bool else {
                    throw ExpressionError(message: "the condition of '.\(name)' must be boolean, not \(bodyType)", offset: arguments[1].offset)
                }
                return (.macro(macro, listCode, slot: slot, body), macro == .filter ? listType : .bool)
            case .map:
                return (.macro(macro, listCode, slot: slot, body), .list(bodyType))
            }
        case .unary(let op, let operand, let offset):
            let (code, type) = try compile(operand)
            if op == "!" {
                guard type == .bool else { throw ExpressionError(message: "'!' needs a boolean, not \(type)", offset: offset) }
                return (.not(code), .bool)
            }
            guard type == .int else { throw ExpressionError(message: "'-' needs an integer, not \(type)", offset: offset) }
            return (.negate(code), .int)
        case .binary(let op, let left, let right, let offset):
            return try compileBinary(op, left, right, offset: offset)
        case .conditional(let condition, let then, let otherwise, _):
            let (conditionCode, conditionType) = try compile(condition)
            guard conditionType == .bool else {
                throw ExpressionError(message: "the condition before '?' must be boolean, not \(conditionType)", offset: condition.offset)
            }
            let (thenCode, thenType) = try compile(then)
            let (elseCode, elseType) = try compile(otherwise)
            guard thenType.accepts(elseType) else {
                throw ExpressionError(message: "both branches of '?:' must have one type, not \(thenType) and \(elseType)", offset: otherwise.offset)
            }
            return (.conditional(conditionCode, thenCode, elseCode), thenType.merged(with: elseType))
        }
    }

    private mutating func compileBinary(_ op: String, _ left: ExpressionSyntax, _ right: ExpressionSyntax, offset: Int) throws(ExpressionError) -> (CompiledExpression, ValueType) {
        let (l, lt) = try compile(left)
        let (r, rt) = try compile(right)
        switch op {
        case "&&", "||":
            guard lt == .bool, rt == .bool else {
                throw ExpressionError(message: "'\(op)' needs booleans, not \(lt) and \(rt)", offset: offset)
            }
            return (op == "&&" ? .and(l, r) : .or(l, r), .bool)
        case "+":
            if lt == .int, rt == .int { return (.arithmetic(.add, l, r), .int) }
            if lt == .string, rt == .string { return (.concatenate(l, r), .string) }
            if case .list = lt, case .list = rt, lt.accepts(rt) { return (.concatenate(l, r), lt.merged(with: rt)) }
            throw ExpressionError(message: "'+' adds integers or joins strings or lists, not \(lt) and \(rt)", offset: offset)
        case "-", "*":
            guard lt == .int, rt == .int else {
                throw ExpressionError(message: "'\(op)' needs integers, not \(lt) and \(rt)", offset: offset)
            }
            return (.arithmetic(op == "-" ? .subtract : .multiply, l, r), .int)
        case "in":
            if case .list(let element) = rt {
                guard element.accepts(lt) else {
                    throw ExpressionError(message: "'in' looks for \(lt) in a list of \(element)", offset: offset)
                }
                return (.inList(l, r), .bool)
            }
            if case .table = rt, lt == .string { return (.inTable(l, r), .bool) }
            throw ExpressionError(message: "'in' needs a list or a table on its right, not \(rt)", offset: offset)
        default:
            guard let comparison = CompiledExpression.ComparisonOperator(rawValue: op) else {
                throw ExpressionError(message: "unknown operator '\(op)'", offset: offset)
            }
            guard lt == rt, [.int, .string, .date, .bool].contains(lt) else {
                throw ExpressionError(message: "'\(op)' compares two integers, strings, dates or booleans, not \(lt) and \(rt)", offset: offset)
            }
            if lt == .bool, comparison != .equal, comparison != .notEqual {
                throw ExpressionError(message: "'\(op)' does not order booleans", offset: offset)
            }
            return (.compare(comparison, l, r), .bool)
        }
    }

    private mutating func compileCall(_ name: String, _ arguments: [ExpressionSyntax], offset: Int) throws(ExpressionError) -> (CompiledExpression, ValueType) {
        if name == "has" {
            guard arguments.count == 1 else { throw ExpressionError(message: "has takes one path: has(a.b)", offset: offset) }
            switch arguments[0] {
            case .member(let base, let field, let memberOffset):
                let (baseCode, baseType) = try compile(base)
                guard case .object(let objectType) = baseType, objectType.fields[field] != nil else {
                    _ = try compile(arguments[0])
                    throw ExpressionError(message: "has(...) needs a field path", offset: memberOffset)
                }
                return (.has(baseCode, field), .bool)
            case .identifier(let field, let identifierOffset) where scope[field] == nil:
                if !unavailable.isEmpty, unavailable.contains(field) { throw ExpressionError(message: "", offset: identifierOffset, followsReported: true) }
                guard rootType.fields[field] != nil else {
                    throw ExpressionError(message: "unknown name '\(field)'\(EditDistance.hint(field, among: rootType.order))",
                                          offset: identifierOffset, length: field.unicodeScalars.count)
                }
                return (.has(.rootObject, field), .bool)
            default:
                throw ExpressionError(message: "has(...) needs a field path such as has(a.b)", offset: arguments[0].start)
            }
        }
        guard let function = BuiltinFunction(rawValue: name) else {
            throw ExpressionError(message: "unknown function '\(name)'\(EditDistance.hint(name, among: BuiltinFunction.allCases.map(\.rawValue) + ["has"]))",
                                  offset: offset, length: name.unicodeScalars.count)
        }
        var codes: [CompiledExpression] = []
        var types: [ValueType] = []
        for argument in arguments {
            let (code, type) = try compile(argument)
            codes.append(code)
            types.append(type)
        }
        func fail() -> ExpressionError {
            ExpressionError(message: "\(name) is \(function.summary), not called with (\(types.map(\.description).joined(separator: ", ")))", offset: offset)
        }
        switch function {
        case .size:
            guard types.count == 1 else { throw fail() }
            if case .list = types[0] { return (.function(function, codes), .int) }
            guard types[0] == .string else { throw fail() }
            return (.function(function, codes), .int)
        case .sum:
            guard types.count == 1, ValueType.list(.int).accepts(types[0]) else { throw fail() }
            return (.function(function, codes), .int)
        case .abs:
            guard types == [.int] else { throw fail() }
            return (.function(function, codes), .int)
        case .gbp:
            guard types == [.int] else { throw fail() }
            return (.function(function, codes), .string)
        case .date:
            guard types == [.string] else { throw fail() }
            if case .string(let text, let literalOffset) = arguments[0] {
                guard case .success(let day) = Day.parse(text) else {
                    throw ExpressionError(message: "'\(text)' is not a date written YYYY-MM-DD", offset: literalOffset)
                }
                return (.constant(Value(.date(day))), .date)
            }
            return (.function(function, codes), .date)
        case .join:
            guard types.count == 2, ValueType.list(.string).accepts(types[0]), types[1] == .string else { throw fail() }
            return (.function(function, codes), .string)
        case .string:
            guard types.count == 1 else { throw fail() }
            return (.function(function, codes), .string)
        }
    }
}
