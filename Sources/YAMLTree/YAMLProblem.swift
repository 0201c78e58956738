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

    /// A change to the text that may mend the problem, offered to the user.
    public struct Fix: Sendable, Hashable {
        /// What to replace.
        public var range: SourceRange
        /// The new text.
        public var replacement: String
        /// What the change does, in a sentence.
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
    /// A change that may mend it (never applied unasked: it is a guess at what was meant).
    public var fix: Fix?

    /// Creates a problem.
    public init(kind: Kind, message: String, range: SourceRange, node: NodeID? = nil, notes: [Note] = [], fix: Fix? = nil) {
        self.kind = kind
        self.message = message
        self.range = range
        self.node = node
        self.notes = notes
        self.fix = fix
    }
}
