import RulePacks
import YAMLTree

/// The packs built into the binary, loaded once and shared.
public enum BuiltinPacks {
    /// The pack used when no other is chosen: the first fund pack in `Rules/`.
    public static let defaultID: String = RulePacks.funds.lazy.compactMap { file, bytes in
        try? RulePack.load(bytes, path: "Rules/" + file).get().id
    }.first ?? ""

    /// Every built-in fund pack that loads, by id.
    public static let packs: [String: RulePack] = {
        var result: [String: RulePack] = [:]
        for (file, bytes) in RulePacks.funds {
            if case .success(let pack) = RulePack.load(bytes, path: "Rules/" + file) { result[pack.id] = pack }
        }
        return result
    }()

    /// The problems of a built-in pack that does not load (empty in a healthy build).
    public static let problems: [Diagnostic] = {
        var problems = RulePacks.funds.flatMap { file, bytes -> [Diagnostic] in
            if case .failure(let errors) = RulePack.load(bytes, path: "Rules/" + file) { return errors.diagnostics }
            return []
        }
        if case .failure(let errors) = PackLoader.load(RulePacks.core, path: "Rules/core.yaml", metadataOnly: true) {
            problems += errors.diagnostics
        }
        return problems
    }()

    /// The metadata of the engine's own rules (`Rules/core.yaml`).
    public static let coreRules: [RuleInfo] = {
        if case .success(let loaded) = PackLoader.load(RulePacks.core, path: "Rules/core.yaml", metadataOnly: true) {
            return loaded.metadata
        }
        return []
    }()

    /// The built-in pack with this id.
    public static func pack(_ id: String) -> RulePack? { packs[id] }

    /// The value of the first plan's `fund` key, read cheaply, to pick a pack.
    public static func fund(in bytes: [UInt8]) -> String? {
        let stream = YAMLParser.parse(bytes)
        guard let document = stream.documents.first, let root = document.root else { return nil }
        let entry = document.effectiveEntries(root).first { document.keyText($0.key) == "fund" }
        return entry.flatMap { document.scalar(document.resolve($0.value)) }
    }
}
