import FundLint

/// Which rule pack a run uses: `--rules` (a built-in id or a file), else the built-in pack
/// named by the first plan's `fund`, else the default pack.
enum PackSelection {
    enum Failure: Error {
        case unreadable(String, String)
        case invalid(String, [UInt8], [Diagnostic])
    }

    static func select(_ rules: String?, firstPlan: InputFile?, maxFileSize: Int) -> Result<RulePack, Failure> {
        if let rules {
            if let builtin = BuiltinPacks.pack(rules) { return .success(builtin) }
            switch FileReader.read(InputFile(source: .path(rules), displayPath: rules), limit: maxFileSize) {
            case .failure(let reason):
                let known = BuiltinPacks.packs.keys.sorted().joined(separator: ", ")
                return .failure(.unreadable(rules, "\(reason) (built-in packs: \(known))"))
            case .tooLarge(let size):
                return .failure(.unreadable(rules, "the file is \(size) bytes, over the limit of \(maxFileSize)"))
            case .bytes(let bytes):
                switch RulePack.load(bytes, path: rules) {
                case .success(let pack): return .success(pack)
                case .failure(let errors): return .failure(.invalid(rules, bytes, errors.diagnostics))
                }
            }
        }
        if let firstPlan, case .path = firstPlan.source,
           case .bytes(let bytes) = FileReader.read(firstPlan, limit: maxFileSize),
           let fund = BuiltinPacks.fund(in: bytes), let pack = BuiltinPacks.pack(fund) {
            return .success(pack)
        }
        if let pack = BuiltinPacks.pack(BuiltinPacks.defaultID) { return .success(pack) }
        return .failure(.invalid("Rules/\(BuiltinPacks.defaultID).yaml", [], BuiltinPacks.problems))
    }
}
