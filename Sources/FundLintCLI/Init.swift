import ArgumentParser
import FundLint
#if canImport(Glibc)
import Glibc
#endif

/// `fundlint init`: writes a commented plan skeleton that passes every rule.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Write a plan skeleton for a place that passes every rule as written.")

    @Option(help: ArgumentHelp("The place the plan is for (a place id of the pack).", valueName: "ID"))
    var region: String?

    @Option(help: ArgumentHelp("Write the plan to FILE (never overwriting one) instead of standard output.", valueName: "FILE"))
    var output: String?

    @OptionGroup var pack: PackOption

    func run() throws {
        let pack = try PackLoading.load(self.pack.rules)
        switch pack.initPlan(region) {
        case .failure(let failure):
            StandardStream.error.write("fundlint: error: \(TextEscaper.escape(failure.message))\n")
            throw ExitCode(2)
        case .success(let plan):
            guard let output else {
                StandardStream.output.write(plan)
                return
            }
            try Self.create(output, with: plan)
            let shown = TextEscaper.escape(PathText.shellWord(output))
            StandardStream.error.write("fundlint: wrote \(TextEscaper.escape(output)); edit it, then run: fundlint \(shown)\n")
            if let schema = Self.schemaMissing(beside: output, plan: plan) {
                let rules = self.pack.rules.map { " --rules " + PathText.shellWord($0) } ?? ""
                StandardStream.error.write("fundlint: its first line points editors at \(TextEscaper.escape(schema.name)), which is not beside it yet; "
                    + "for completion as you type, run: fundlint schema\(TextEscaper.escape(rules)) --output \(TextEscaper.escape(PathText.shellWord(schema.path)))\n")
            }
        }
    }

    /// The schema file a plan's editor comment names (`# yaml-language-server: $schema=NAME`
    /// on its first line) when it is a relative path and no such file is beside `path`;
    /// `nil` for a URL, an absolute path, a schema already there, or no such comment.
    static func schemaMissing(beside path: String, plan: String) -> (name: String, path: String)? {
        let marker = "# yaml-language-server: $schema="
        guard let first = plan.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first,
              first.hasPrefix(marker) else { return nil }
        let name = String(first.dropFirst(marker.count).prefix { $0 != " " && $0 != "\t" && $0 != "\r" })
        guard !name.isEmpty, !name.hasPrefix("/"), !name.contains("://") else { return nil }
        let beside = PathText.sibling(name, of: path)
        var info = stat()
        return stat(beside, &info) == 0 ? nil : (name, beside)
    }

    /// Writes a new file whole: a temporary file linked into place, which fails if the name
    /// exists, so an existing plan is never overwritten.
    static func create(_ path: String, with text: String) throws {
        let directory = PathText.directory(of: path)
        var template = Array(((directory.isEmpty ? "." : directory) + "/.fundlint-init-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { $0.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else {
            StandardStream.error.write("fundlint: error: cannot write '\(TextEscaper.escape(path))': \(String(cString: strerror(errno)))\n")
            throw ExitCode(2)
        }
        let temporary = template.withUnsafeBufferPointer { $0.baseAddress.map { String(cString: $0) } ?? "" }
        defer { unlink(temporary) }
        fchmod(fd, 0o644)
        let written = StandardStream(descriptor: fd).write(text) && fsync(fd) == 0
        close(fd)
        guard written, link(temporary, path) == 0 else {
            let reason = errno == EEXIST ? "the file exists; fundlint init never overwrites a plan" : String(cString: strerror(errno))
            StandardStream.error.write("fundlint: error: cannot write '\(TextEscaper.escape(path))': \(reason)\n")
            throw ExitCode(2)
        }
    }
}
