import Foundation

/// Runs the built `fundlint` binary the way a user does, from a shell.
struct CommandRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutBytes: Data
    }

    /// The package root (where `Examples/` lives).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The `fundlint` executable beside the test binary.
    static var executable: URL {
        if let explicit = ProcessInfo.processInfo.environment["FUNDLINT_BIN"] { return URL(fileURLWithPath: explicit) }
        let selfPath = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: selfPath).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("fundlint")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/fundlint")
    }

    /// Runs fundlint; with `limits`, under a memory cap (`ulimit -v`, in KiB) and a time
    /// limit (seconds), after which it is killed and the result has status -1; with
    /// `openFiles`, allowed that many open files (`ulimit -n`).
    /// A process that stops reading its input early must not kill the test run.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    static func run(_ arguments: [String], stdin: Data? = nil, in directory: URL = packageRoot,
                    environment: [String: String] = [:], limits: (memoryKiB: Int, seconds: Double)? = nil,
                    openFiles: Int? = nil) throws -> Result {
        _ = ignoreBrokenPipes
        let process = Process()
        if limits != nil || openFiles != nil {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            var caps = ""
            if let limits, limits.memoryKiB > 0 { caps += "ulimit -v \(limits.memoryKiB); " }
            if let openFiles { caps += "ulimit -n \(openFiles); " }
            process.arguments = ["-c", caps + "exec \"$0\" \"$@\"", executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        if let stdin { try? input.fileHandleForWriting.write(contentsOf: stdin) }
        try? input.fileHandleForWriting.close()
        var timedOut = false
        if let limits {
            let deadline = Date().addingTimeInterval(limits.seconds)
            while process.isRunning, Date() < deadline { usleep(20_000) }
            if process.isRunning { timedOut = true; process.terminate() }
        }
        process.waitUntilExit()
        group.wait()
        return Result(status: timedOut ? -1 : process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: outData)
    }

    /// The valid example plan (`Examples/west-midlands-bus-delays.yaml`) with each text
    /// replaced in turn, for tests that break it one way or another.
    static func examplePlan(_ replacements: KeyValuePairs<String, String> = [:]) throws -> String {
        let original = try String(contentsOf: packageRoot.appendingPathComponent("Examples/west-midlands-bus-delays.yaml"), encoding: .utf8)
        return replacements.reduce(original) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
    }

    /// A fresh temporary directory holding `text` as `plan.yaml`, and that file.
    static func planInTemporaryDirectory(_ text: String) throws -> (directory: URL, plan: URL) {
        let directory = try temporaryDirectory()
        let plan = directory.appendingPathComponent("plan.yaml")
        try text.write(to: plan, atomically: true, encoding: .utf8)
        return (directory, plan)
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fundlint-test-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
