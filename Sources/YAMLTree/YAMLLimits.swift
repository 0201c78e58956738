/// Safety limits applied while reading YAML, each reported as a `yaml/limits` problem.
public struct YAMLLimits: Sendable, Hashable {
    /// The deepest nesting of collections allowed.
    public var maxDepth: Int
    /// The alias and merge expansion budget is `expansionBase + expansionPerByte × file size`
    /// nodes: linear in the input, so alias bombs stop in linear time.
    public var expansionBase: Int
    /// See ``expansionBase``.
    public var expansionPerByte: Int

    /// Creates limits; the defaults are the documented ones.
    public init(maxDepth: Int = 256, expansionBase: Int = 10_000, expansionPerByte: Int = 10) {
        self.maxDepth = maxDepth
        self.expansionBase = expansionBase
        self.expansionPerByte = expansionPerByte
    }
}
