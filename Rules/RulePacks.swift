/// The rule packs shipped inside the binary, as the bytes of the files in `Rules/`.
public enum RulePacks {
    /// The metadata pack of the engine's built-in rules (`Rules/core.yaml`).
    public static var core: [UInt8] { PackageResources.core_yaml }
}
