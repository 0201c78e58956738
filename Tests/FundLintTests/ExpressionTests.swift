import Testing
@testable import FundLint

/// The expression language: parsing, positions of errors, type checking, and evaluation
/// with unknown values.
@Suite struct ExpressionTests {
    /// A plan type with a few fields, and values for them.
    private static func environment(_ fields: [String: Value]) -> (ExpressionCompiler, ObjectValue) {
        let root = ObjectType(name: "plan")
        root.set("amount", .int)
        root.set("other", .int)
        root.set("name", .string)
        root.set("start", .date)
        root.set("items", .list(.int))
        root.set("flag", .bool)
        let row = ObjectType(name: "row")
        row.set("cap", .int)
        let table = TableValue(ids: ["a"], rows: [Value(.object(ObjectValue(fields: ["cap": Value(.int(10))])))])
        let compiler = ExpressionCompiler(rootType: root, globals: ["caps": .constant(Value(.table(table)), .table(row))])
        return (compiler, ObjectValue(fields: fields))
    }

    private func evaluate(_ source: String, _ fields: [String: Value] = [:]) throws -> Value.Kind {
        var (compiler, root) = Self.environment(fields)
        let (code, _) = try compiler.compile(try ExpressionParser.parse(source))
        var evaluator = Evaluator(root: root, slots: compiler.slotCount)
        return evaluator.evaluate(code).kind
    }

    private func bool(_ source: String, _ fields: [String: Value] = [:]) throws -> Bool? {
        if case .bool(let value) = try evaluate(source, fields) { return value }
        return nil
    }

    private func compileError(_ source: String) -> ExpressionError? {
        var (compiler, _) = Self.environment([:])
        do {
            _ = try compiler.compile(try ExpressionParser.parse(source))
            return nil
        } catch {
            return error
        }
    }

    @Test func arithmeticAndPrecedence() throws {
        #expect(try bool("1 + 2 * 3 == 7") == true)
        #expect(try bool("(1 + 2) * 3 == 9") == true)
        #expect(try bool("-5 < 0 && !false") == true)
        #expect(try bool("1_000 == 1000 || false") == true)
        #expect(try bool("'a' + 'b' == \"ab\"") == true)
        #expect(try bool("2 in [1, 2, 3]") == true)
        #expect(try bool("'a' in caps && !('b' in caps)") == true)
        #expect(try bool("caps['a'].cap == 10") == true)
        #expect(try bool("date('2026-04-01') < date('2026-04-02')") == true)
        #expect(try bool("true ? 1 == 1 : false") == true)
        #expect(try bool("gbp(1800000) == '£1,800,000' && gbp(-5) == '-£5'") == true)
        #expect(try bool("join(['a', 'b'], ', ') == 'a, b' && size('héllo') == 5 && abs(-3) == 3") == true)
    }

    @Test func listMacros() throws {
        let items = Value(.list([Value(.int(1)), Value(.int(2)), Value(.int(3))]))
        #expect(try bool("items.exists(i, i > 2)", ["items": items]) == true)
        #expect(try bool("items.all(i, i > 0)", ["items": items]) == true)
        #expect(try bool("sum(items.map(i, i * 10)) == 60", ["items": items]) == true)
        #expect(try bool("size(items.filter(i, i != 2)) == 2", ["items": items]) == true)
    }

    @Test func pathsOfThePlanAreSharedAndVariablesNever() throws {
        var (compiler, root) = Self.environment(["amount": Value(.int(1)), "items": Value(.list([Value(.int(10))]))])
        compiler.sharedSlots = [:]
        var codes: [CompiledExpression] = []
        // The first reads (and keeps) the plan's `amount`; in the second, `amount` is the
        // macro's variable, which must not be mistaken for it; the third reads the kept one
        // beside the variable `i`.
        for source in ["amount == 1", "items.exists(amount, amount > 5)", "sum(items.map(i, i + amount)) == 11",
                       "caps['a'].cap == 10 && caps['a'].cap + amount == 11"] {
            codes.append(try compiler.compile(try ExpressionParser.parse(source)).0)
        }
        #expect(compiler.sharedSlots?.keys.sorted() == ["=caps['a']", "=caps['a'].cap", "amount", "items"])
        var evaluator = Evaluator(root: root, slots: compiler.slotCount, sharedSlots: compiler.sharedSlots?.count ?? 0)
        for code in codes {
            guard case .bool(let result) = evaluator.evaluate(code).kind else {
                Issue.record("not a boolean")
                continue
            }
            #expect(result)
        }
    }

    @Test func unknownValuesNeverDecideARule() throws {
        // `amount` is missing: anything depending on it is unknown...
        #expect(try bool("amount > 0") == nil)
        #expect(try bool("amount + 1 == 2") == nil)
        #expect(try bool("!(amount > 0)") == nil)
        // ...unless the other side of && or || decides it.
        #expect(try bool("amount > 0 && false") == false)
        #expect(try bool("amount > 0 || true") == true)
        #expect(try bool("has(amount)") == false)
        #expect(try bool("has(amount)", ["amount": Value(.unknown)]) == true)
    }

    @Test func listsWithUnknownElements() throws {
        let items = Value(.list([Value(.int(5)), Value(.unknown)]))
        #expect(try bool("items.exists(i, i == 5)", ["items": items]) == true)
        #expect(try bool("items.exists(i, i == 7)", ["items": items]) == nil)
        #expect(try bool("items.all(i, i == 7)", ["items": items]) == false)
        #expect(try bool("items.all(i, i == 5)", ["items": items]) == nil)
        #expect(try bool("sum(items) == 5", ["items": items]) == nil)
        #expect(try bool("size(items) == 2", ["items": items]) == nil)
        #expect(try bool("7 in items", ["items": items]) == nil)
        #expect(try bool("5 in items", ["items": items]) == true)
    }

    @Test func overflowIsUnknownNotATrap() throws {
        let big = Value(.int(Int128(Int64.max)))
        let items = Value(.list(Array(repeating: big, count: 4)))
        #expect(try bool("sum(items) > 0", ["items": items]) == true)
        #expect(try bool("amount * amount * amount > 0", ["amount": big]) == nil)
        #expect(compileError("170141183460469231731687303715884105728 > 0")?.message == "integer literal is too large")
    }

    @Test(arguments: [
        ("amount > 'x'", 7, "'>' compares two integers, strings, dates or booleans, not integer and string"),
        ("amont > 0", 0, "unknown name 'amont'; did you mean 'amount'?"),
        ("caps['a'].capp", 10, "row has no field 'capp'; did you mean 'cap'?"),
        ("sum(name)", 0, "sum is sum(list of integers) -> integer, not called with (string)"),
        ("items.any(i, i > 0)", 6, "unknown method 'any'; lists have exists, all, map and filter"),
        ("flag && amount", 5, "'&&' needs booleans, not boolean and integer"),
        ("amount > ", 9, "expected a value but found end of expression"),
        ("(amount > 0", 11, "expected ')' but found end of expression"),
        ("'open", 0, "unterminated string literal"),
        ("amount # 2", 7, "unexpected character '#'"),
        ("date('2026-02-30') > start", 5, "'2026-02-30' is not a date written YYYY-MM-DD"),
        ("items[name]", 6, "a list index must be an integer, not string"),
        ("has(amount + 1)", 4, "has(...) needs a field path such as has(a.b)"),
    ])
    func errorsArePositionedAndExplained(_ source: String, _ offset: Int, _ message: String) {
        let error = compileError(source)
        #expect(error?.message == message)
        #expect(error?.offset == offset)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let source = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        #expect(compileError(source)?.message == "expression nests too deeply")
        #expect(compileError(String(repeating: "!", count: 10_000) + "true")?.message == "expression nests too deeply")
    }

    @Test func daysFromTheirOrdinalsCoverTheYearsOneTo9999() throws {
        let first = try #require(Day(year: 1, month: 1, day: 1))
        let last = try #require(Day(year: 9999, month: 12, day: 31))
        #expect(Day(ordinal: first.ordinal) == first)
        #expect(Day(ordinal: last.ordinal) == last)
        #expect(Day(ordinal: 0)?.description == "1970-01-01")
        #expect(Day(ordinal: first.ordinal - 1) == nil)
        #expect(Day(ordinal: last.ordinal + 1) == nil)
    }
}
