/// One plan file to check, as the user named it.
struct InputFile: Sendable {
    /// Where the bytes come from.
    enum Source: Sendable {
        case path(String)
        case standardInput
    }

    /// Where the bytes come from.
    var source: Source
    /// The path shown in diagnostics.
    var displayPath: String
}
