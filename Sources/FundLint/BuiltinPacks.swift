import RulePacks
import YAMLTree

/// The packs built into the binary, loaded once and shared.
public enum BuiltinPacks {
    /// Each built-in fund pack loaded once for checking plans, in `Rules/` order: from its
    /// build-time snapshot, which leaves out what checking never reads (each rule's examples,
    /// the example plan and the reviewer report).
    private static let loaded: [Result<RulePack, PackErrors>] = RulePacks.funds.map { file in
        load(file, metadataOnly: false, complete: false).map(\.pack)
    }

    /// Each built-in fund pack in full, loaded the first time a command asks for one: for
    /// the commands that show or run examples or write the reviewer report.
    private static let loadedInFull: [Result<RulePack, PackErrors>] = RulePacks.funds.map { file in
        load(file, metadataOnly: false, complete: true).map(\.pack)
    }

    /// The engine's own rules (`Rules/core.yaml`), loaded once.
    private static let core = load(RulePacks.core, metadataOnly: true, complete: true)

    /// Loads a built-in pack from its build-time snapshot, or parses it when it has none.
    /// Its message templates are compiled when first rendered: the test suite compiles every
    /// built-in pack in full (``eagerly(_:)``), so none can fail late.
    /// `complete` takes the whole pack, else what checking plans reads.
    static func load(_ file: RulePacks.File, metadataOnly: Bool, complete: Bool) -> Result<PackLoader.Loaded, PackErrors> {
        PackLoader.load(file.bytes, parsed: parsed(file, complete: complete), path: "Rules/" + file.name, metadataOnly: metadataOnly,
                        deferTemplates: true)
    }

    /// A built-in pack compiled in full, templates and all, as any other pack is.
    static func eagerly(_ file: RulePacks.File) -> Result<PackLoader.Loaded, PackErrors> {
        PackLoader.load(file.bytes, path: "Rules/" + file.name, metadataOnly: false)
    }

    /// The stream of a built-in pack read from its snapshot (`complete` or not), if it has a
    /// valid one.
    static func parsed(_ file: RulePacks.File, complete: Bool) -> YAMLStream? {
        guard let snapshot = complete ? file.completeSnapshot : file.snapshot, snapshot.hasPointerRepresentation else { return nil }
        return YAMLSnapshot.decode(UnsafeBufferPointer(start: snapshot.utf8Start, count: snapshot.utf8CodeUnitCount), source: file.bytes)
    }

    /// Every built-in fund pack that loads, by id (as checking plans reads it).
    public static let packs: [String: RulePack] = {
        var result: [String: RulePack] = [:]
        for case .success(let pack) in loaded { result[pack.id] = pack }
        return result
    }()

    /// The file of the pack used when no other is chosen: the first fund pack in `Rules/`.
    public static var defaultPath: String { "Rules/" + (RulePacks.funds.first?.name ?? "") }

    /// The pack used when no other is chosen (`complete` as in ``pack(_:complete:)``), if it loads.
    public static func defaultPack(complete: Bool) -> RulePack? {
        loadedPacks(complete: complete).first
    }

    /// The built-in fund packs that load, in `Rules/` order, `complete` or as checking reads them.
    private static func loadedPacks(complete: Bool) -> [RulePack] {
        (complete ? loadedInFull : loaded).compactMap { try? $0.get() }
    }

    /// The problems of a built-in pack that does not load (empty in a healthy build).
    public static let problems: [Diagnostic] = {
        var problems: [Diagnostic] = []
        for case .failure(let errors) in loaded { problems += errors.diagnostics }
        if case .failure(let errors) = core { problems += errors.diagnostics }
        return problems
    }()

    /// The metadata of the engine's own rules (`Rules/core.yaml`).
    public static let coreRules: [RuleInfo] = (try? core.get().metadata) ?? []

    /// The built-in pack with this id: `complete`, with its rules' examples, its example
    /// plan and its reviewer report, else as checking plans reads it (the same schema,
    /// tables, rules and messages, loaded in a fifth less time).
    public static func pack(_ id: String, complete: Bool) -> RulePack? {
        complete ? loadedPacks(complete: true).first { $0.id == id } : packs[id]
    }

    /// The value of the first plan's `fund` key, read cheaply, to pick a pack: libyaml stops
    /// at the key (usually the first line); only a plan with aliases or merges before it is
    /// read whole.
    public static func fund(in bytes: [UInt8]) -> String? {
        let quick = YAMLParser.firstScalar(forKey: "fund", in: bytes)
        if quick.found { return quick.value }
        let stream = YAMLParser.parse(bytes)
        guard let document = stream.documents.first, let root = document.root else { return nil }
        let entry = document.effectiveEntries(root).first { document.keyText($0.key) == "fund" }
        return entry.flatMap { document.scalar(document.resolve($0.value)) }
    }
}
