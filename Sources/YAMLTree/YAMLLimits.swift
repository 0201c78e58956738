/// Safety limits applied while reading YAML, each reported as a `yaml/limits` problem.
public struct YAMLLimits: Sendable, Hashable {
    /// The deepest nesting of collections allowed.
    public var maxDepth: Int
    /// The alias and merge expansion budget is `expansionBase + expansionPerByte × file size`
    /// nodes: linear in the input, so alias bombs stop in linear time.
    public var expansionBase: Int
    /// See ``expansionBase``.
    public var expansionPerByte: Int
    /// The most documents a file may hold. Each document is a plan with its own tree, checks
    /// and diagnostics, so a stream of many tiny documents (a megabyte of `---` lines is
    /// 250,000 of them) would cost far more memory than its size.
    public var maxDocuments: Int
    /// The most problems reading may find in a file without stopping (duplicate keys and
    /// unsupported tags, which do not stop it): each is kept with its message and notes, so
    /// a file of nothing but repeated keys would otherwise cost far more memory than its size.
    public var maxProblems: Int

    /// Creates limits; the defaults are the documented ones.
    public init(maxDepth: Int = 256, expansionBase: Int = 10_000, expansionPerByte: Int = 10, maxDocuments: Int = 10_000,
                maxProblems: Int = 10_000) {
        self.maxDepth = maxDepth
        self.expansionBase = expansionBase
        self.expansionPerByte = expansionPerByte
        self.maxDocuments = maxDocuments
        self.maxProblems = maxProblems
    }
}
