/// Something wrong with a YAML stream itself, found while reading it: the input for the
/// built-in `yaml/*` rules.
public struct YAMLProblem: Sendable, Hashable {
    /// What kind of problem this is.
    public enum Kind: String, Sendable, Hashable {
        /// libyaml could not scan or parse the stream, or an alias names no anchor.
        case syntax
        /// The same key appears twice in one mapping.
        case duplicateKey
        /// An explicit tag outside the core schema.
        case tag
        /// A safety limit (size, depth, alias expansion) was exceeded.
        case limits
    }

    /// A secondary position that explains the problem.
    public struct Note: Sendable, Hashable {
        /// Where the note points.
        public var range: SourceRange
        /// The note's text.
        public var message: String
    }

    /// The kind of problem.
    public var kind: Kind
    /// One sentence, lower-case start, no trailing period.
    public var message: String
    /// Where the problem is.
    public var range: SourceRange
    /// The node the problem is about, if any (for its YAML path).
    public var node: NodeID?
    /// Secondary positions.
    public var notes: [Note]

    /// Creates a problem.
    public init(kind: Kind, message: String, range: SourceRange, node: NodeID? = nil, notes: [Note] = []) {
        self.kind = kind
        self.message = message
        self.range = range
        self.node = node
        self.notes = notes
    }
}
