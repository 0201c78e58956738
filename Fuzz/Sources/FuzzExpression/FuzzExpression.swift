import FundLint

/// The expression parser, type checker and evaluator: the input is the `assert` of a rule
/// (and a message template) in a small pack, which is loaded and run on a plan.
let plan = Array("""
n: 5
s: text
d: 2026-04-01
items: [1, 2, 3]
flag: true
""".utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let expression = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    var quoted = "\""
    for scalar in expression.unicodeScalars {
        switch scalar {
        case "\"": quoted += "\\\""
        case "\\": quoted += "\\\\"
        case "\n": quoted += "\\n"
        default:
            if scalar.value < 0x20 { quoted += "\\x20" } else { quoted.unicodeScalars.append(scalar) }
        }
    }
    quoted += "\""
    let pack = """
    pack: {id: fuzz, version: "1"}
    tables:
      rows: {rows: {a: {cap: 10, name: A, tags: [x, y]}, b: {cap: 20, name: B, tags: []}}}
      limits: {values: {opens: 2026-01-01, cap: 100}}
    schema:
      plan:
        type: object
        properties:
          n: {type: integer}
          s: {type: string}
          d: {type: date}
          items: {type: list, items: {type: integer}}
          flag: {type: boolean}
    rules:
      - id: fuzz/assert
        severity: error
        summary: s
        rationale: r
        source: s
        at: n
        assert: \(quoted)
        message: \(quoted)
    """
    if case .success(let loaded) = RulePack.load(Array(pack.utf8), path: "fuzz.yaml") {
        _ = PlanChecker(pack: loaded).check(plan, path: "plan.yaml")
    }
    return 0
}
