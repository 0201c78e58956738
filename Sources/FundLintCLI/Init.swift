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
            StandardStream.error.write("fundlint: wrote \(TextEscaper.escape(output)); edit it, then run: fundlint \(TextEscaper.escape(output))\n")
        }
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
