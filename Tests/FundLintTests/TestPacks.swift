import FundLint

enum TestPacks {
    static var lipf: RulePack {
        guard let pack = BuiltinPacks.pack("lipf-2026", complete: true) else {
            fatalError("the built-in pack does not load: \(BuiltinPacks.problems.map(\.message))")
        }
        return pack
    }
}
