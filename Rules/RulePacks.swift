/// The rule packs shipped inside the binary: the bytes of the YAML files in `Rules/`,
/// embedded at build time, so a binary copied alone still has them and no second copy of
/// their content exists in source. Each also comes parsed (a YAML snapshot made when the
/// package is built), so a run does not parse the pack again.
public enum RulePacks {
    /// A built-in pack file.
    public struct File: Sendable {
        /// The file name in `Rules/`.
        public var name: String
        /// The file's bytes.
        public var bytes: [UInt8]
        /// The file parsed at build time, as a YAML snapshot; `nil` if it does not parse cleanly.
        public var completeSnapshot: StaticString?
        /// The same without what checking plans never reads (each rule's examples, the example
        /// plan and the reviewer report), for a fund pack.
        public var snapshot: StaticString?

        init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
            completeSnapshot = RulePacks.snapshot(name, complete: true)
            snapshot = RulePacks.snapshot(name, complete: false)
        }
    }

    /// The metadata of the engine's built-in rules (`Rules/core.yaml`).
    public static var core: File { File(name: "core.yaml", bytes: PackageResources.core_yaml) }

    /// Every fund pack.
    public static var funds: [File] {
        [File(name: "lipf-2026.yaml", bytes: PackageResources.lipf_2026_yaml)]
    }
}
