import FundLint

/// Which rule pack a run uses: `--rules` (a built-in id or a file), else the built-in pack
/// named by the first plan's `fund`, else the default pack. A built-in pack is `complete`
/// (with its examples, example plan and reviewer report) when the command needs those parts.
enum PackSelection {
    enum Failure: Error {
        case unreadable(String, String)
        case invalid(String, [UInt8], [Diagnostic])
    }

    static func select(_ rules: String?, firstPlan: InputFile?, maxFileSize: Int, complete: Bool) -> Result<RulePack, Failure> {
        var unused: [UInt8]?
        return select(rules, firstPlan: firstPlan, maxFileSize: maxFileSize, complete: complete, firstPlanBytes: &unused)
    }

    /// As ``select(_:firstPlan:maxFileSize:complete:)``; `firstPlanBytes` receives the first
    /// plan's bytes when they were read to find its fund, so the check need not read them
    /// again (a plan of tens of megabytes costs its read and its memory's first touch).
    static func select(_ rules: String?, firstPlan: InputFile?, maxFileSize: Int, complete: Bool,
                       firstPlanBytes: inout [UInt8]?) -> Result<RulePack, Failure> {
        if let rules {
            if let builtin = BuiltinPacks.pack(rules, complete: complete) { return .success(builtin) }
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
        if let firstPlan, case .path = firstPlan.source, case .bytes(let bytes) = FileReader.read(firstPlan, limit: maxFileSize) {
            firstPlanBytes = bytes
            if let fund = BuiltinPacks.fund(in: bytes), let pack = BuiltinPacks.pack(fund, complete: complete) {
                return .success(pack)
            }
        }
        if let pack = BuiltinPacks.defaultPack(complete: complete) { return .success(pack) }
        return .failure(.invalid(BuiltinPacks.defaultPath, [], BuiltinPacks.problems))
    }
}
