import RulePacks
import YAMLTree

/// The identity (`pack.id`, `pack.version`) of a rule pack file.
public struct PackIdentity: Sendable, Hashable {
    /// The pack's id.
    public var id: String
    /// The pack's version.
    public var version: String

    /// Creates an identity.
    public init(id: String, version: String) {
        self.id = id
        self.version = version
    }

    /// Reads `pack.id` and `pack.version` from a pack's YAML.
    public init?(yaml: [UInt8]) {
        let stream = YAMLParser.parse(yaml)
        guard let document = stream.documents.first, document.isComplete, let root = document.root else { return nil }
        func value(_ mapping: NodeID, _ key: String) -> NodeID? {
            document.effectiveEntries(document.resolve(mapping)).first { document.keyText($0.key) == key }?.value
        }
        guard let pack = value(root, "pack"), let id = value(pack, "id").flatMap({ document.scalar(document.resolve($0)) })
        else { return nil }
        self.id = id
        self.version = value(pack, "version").flatMap { document.scalar(document.resolve($0)) } ?? ""
    }
}

/// The packs built into the binary.
public enum BuiltinPacks {
    /// The pack checks run with when none is chosen.
    public static var active: PackIdentity {
        PackIdentity(yaml: RulePacks.core) ?? PackIdentity(id: "core", version: "")
    }
}
