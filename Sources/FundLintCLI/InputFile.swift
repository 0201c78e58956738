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
    /// The directory that holds the file, kept open by the run's list (see
    /// ``DirectoryHandles``), and the file's name in it; `nil` to open the path whole.
    var entry: (directory: Int32, name: String)?
}
