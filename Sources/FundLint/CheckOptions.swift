import YAMLTree

/// How files are checked.
public struct CheckOptions: Sendable {
    /// Files larger than this many bytes are not parsed (`--max-file-size`).
    public var maxFileSize: Int
    /// Limits applied while reading YAML.
    public var limits: YAMLLimits
    /// Whether `# fundlint: disable-...` comments in plans are honoured
    /// (`--no-inline-suppressions` turns them off).
    public var inlineSuppressions = true
    /// Rules a configuration disabled.
    public var disabledRules: Set<String> = []
    /// Severities a configuration changed, by rule id.
    public var severityOverrides: [String: Severity] = [:]
    /// Whether to read each plan's reviewer-report row (for `fundlint report`).
    public var reportRows = false
    /// The most diagnostics one file reports; past it they are counted, and one `yaml/limits`
    /// error says how many were left out (see ``DiagnosticSink``).
    public var maxDiagnostics = 10_000
    /// Whether rules first run in their quick form on plans that passed their schema, and
    /// the general way only where it says they may fire (see ``QuickRuleProgram``). Off
    /// only to hold the two to each other in tests: the diagnostics are the same.
    public var quickRules = true

    /// The default file size limit: 64 MiB.
    public static let defaultMaxFileSize = 64 * 1024 * 1024

    /// Creates options with the documented defaults.
    public init(maxFileSize: Int = CheckOptions.defaultMaxFileSize, limits: YAMLLimits = YAMLLimits()) {
        self.maxFileSize = maxFileSize
        self.limits = limits
    }
}
