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
    /// Whether the file was a regular file when the run's files were listed: reading it
    /// then asks for its size only when it is larger than a first read.
    var isRegularFile = false
}
