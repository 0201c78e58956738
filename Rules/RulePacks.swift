/// The rule packs shipped inside the binary: the bytes of the YAML files in `Rules/`,
/// embedded at build time, so a binary copied alone still has them and no second copy of
/// their content exists in source.
public enum RulePacks {
    /// The metadata of the engine's built-in rules (`Rules/core.yaml`).
    public static var core: [UInt8] { PackageResources.core_yaml }

    /// Every fund pack, by file name.
    public static var funds: [(file: String, bytes: [UInt8])] {
        [("lipf-2026.yaml", PackageResources.lipf_2026_yaml)]
    }
}
