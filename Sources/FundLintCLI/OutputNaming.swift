import FundLint

/// A format that file name extensions can name, so that `--output results.sarif` written in
/// another format is caught before a SARIF upload, a browser or a spreadsheet gets text it
/// cannot read. The format written is never changed: `--format` (or its default) decides.
protocol OutputNaming: CommandLineChoice {
    /// File name endings (lower case, without the leading dot) and the format each names.
    static var fileExtensions: [(suffix: String, format: Self)] { get }
}

extension OutputNaming {
    /// The warning for writing this format to `path` when the path's extension names
    /// another one, or `nil`. The longest matching ending decides (`x.sarif.json` is SARIF).
    func mismatchWarning(output path: String?) -> String? {
        guard let path else { return nil }
        let name = PathText.lastComponent(of: path).lowercased()
        var named: (suffix: String, format: Self)?
        for entry in Self.fileExtensions where name.hasSuffix("." + entry.suffix) && name.count > entry.suffix.count + 1 {
            if entry.suffix.count > named?.suffix.count ?? -1 { named = entry }
        }
        guard let named, named.format != self else { return nil }
        return "fundlint: warning: writing the \(rawValue) format to '\(TextEscaper.escape(path))'; "
            + "did you mean --format \(named.format.rawValue)?\n"
    }
}

extension OutputFormat: OutputNaming {
    static let fileExtensions: [(suffix: String, format: OutputFormat)] =
        [("json", .json), ("sarif", .sarif), ("sarif.json", .sarif), ("xml", .junit)]
}

extension ReportRenderer.Format: OutputNaming {
    static let fileExtensions: [(suffix: String, format: ReportRenderer.Format)] =
        [("md", .markdown), ("markdown", .markdown), ("csv", .csv), ("json", .json), ("html", .html), ("htm", .html)]
}
