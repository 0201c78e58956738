import YAMLTree

/// One finding about one place in one file: the single value every check produces and every
/// reporter consumes.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// A secondary position that explains the diagnostic.
    public struct Note: Sendable, Hashable, Codable {
        /// The file the note points into (the diagnostic's own file when `nil`).
        public var file: String?
        /// Where the note points.
        public var range: SourceRange
        /// The note's text.
        public var message: String

        /// Creates a note.
        public init(file: String? = nil, range: SourceRange, message: String) {
            self.file = file
            self.range = range
            self.message = message
        }
    }

    /// A replacement for a range of the source.
    public struct Fix: Sendable, Hashable, Codable {
        /// What to replace.
        public var range: SourceRange
        /// The new text.
        public var replacement: String
        /// Whether `--fix` may apply it unasked.
        public var safe: Bool
        /// What the fix does, shown as a note (`did you mean 'north-west'?`).
        public var message: String

        /// Creates a fix.
        public init(range: SourceRange, replacement: String, safe: Bool, message: String) {
            self.range = range
            self.replacement = replacement
            self.safe = safe
            self.message = message
        }
    }

    /// The file, as the user named it.
    public var file: String
    /// The 0-based index of the document (plan) within the file.
    public var document: Int
    /// Where the diagnostic points.
    public var range: SourceRange
    /// How serious it is.
    public var severity: Severity
    /// The rule id (`category/kebab-name`).
    public var rule: String
    /// One sentence, lower-case start, no trailing period, naming the value and the limit.
    public var message: String
    /// The YAML path of the node (`budget.items[3].amount`); empty for the document itself.
    public var yamlPath: String
    /// Secondary positions.
    public var notes: [Note]
    /// An optional replacement.
    public var fix: Fix?
    /// Whether an inline suppression waived it.
    public var suppressed: Bool
    /// The reason given with the suppression.
    public var suppressionReason: String?

    /// Creates a diagnostic.
    public init(file: String, document: Int, range: SourceRange, severity: Severity, rule: String,
                message: String, yamlPath: String = "", notes: [Note] = [], fix: Fix? = nil,
                suppressed: Bool = false, suppressionReason: String? = nil) {
        self.file = file
        self.document = document
        self.range = range
        self.severity = severity
        self.rule = rule
        self.message = message
        self.yamlPath = yamlPath
        self.notes = notes
        self.fix = fix
        self.suppressed = suppressed
        self.suppressionReason = suppressionReason
    }

    /// An error for a problem the YAML reader found, with its notes and its fix (a guess at
    /// what was meant: offered, never applied unasked).
    init(problem: YAMLProblem, file: String, document: Int, rule: String, yamlPath: String = "") {
        self.init(file: file, document: document, range: problem.range, severity: .error, rule: rule, message: problem.message,
                  yamlPath: yamlPath, notes: problem.notes.map { Note(range: $0.range, message: $0.message) },
                  fix: problem.fix.map { Fix(range: $0.range, replacement: $0.replacement, safe: false, message: $0.message) })
    }

    /// The order within a file: document, line, column, rule id.
    public static func precedes(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs.document != rhs.document { return lhs.document < rhs.document }
        if lhs.range.start != rhs.range.start { return lhs.range.start < rhs.range.start }
        return lhs.rule < rhs.rule
    }
}
