import Foundation
import Testing

/// How PATH arguments expand into plan files.
@Suite struct DirectoryWalkTests {
    private func write(_ text: String, _ path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func aDirectoryIsWalkedInSortedOrderWithTheDocumentedRules() throws {
        let root = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let tree = root.appendingPathComponent("plans")
        try write("a: [\n", "b.yaml", in: tree)
        try write("a: [\n", "a/z.yml", in: tree)
        try write("a: [\n", "a.yaml", in: tree)
        try write("a: [\n", ".hidden.yaml", in: tree)
        try write("a: [\n", ".git/inside.yaml", in: tree)
        try write("a: [\n", "notes.txt", in: tree)
        try write("a: [\n", "dir.yaml/inner.yaml", in: tree)
        try write("a: [\n", "outside.yaml", in: root)
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: tree.appendingPathComponent("link-inside.yaml").path, withDestinationPath: "b.yaml")
        try fm.createSymbolicLink(atPath: tree.appendingPathComponent("link-outside.yaml").path, withDestinationPath: "../outside.yaml")
        try fm.createSymbolicLink(atPath: tree.appendingPathComponent("loop").path, withDestinationPath: ".")
        try fm.createSymbolicLink(atPath: tree.appendingPathComponent("a/up").path, withDestinationPath: "..")
        #expect(mkfifo(tree.appendingPathComponent("fifo.yaml").path, 0o644) == 0)

        let result = try CommandRunner.run(["--format", "json", "plans"], in: root)
        #expect(result.status == 1)
        let object = try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any]
        let files = (object?["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        // b.yaml and link-inside.yaml are one real file: checked once, under the first name.
        #expect(files == ["plans/a.yaml", "plans/a/z.yml", "plans/b.yaml", "plans/dir.yaml/inner.yaml"])
    }

    @Test func pathsSortByTheirBytesAcrossDirectoriesAndEachFileIsCheckedOnce() throws {
        let root = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let tree = root.appendingPathComponent("plans")
        // '-' (0x2D) < '.' (0x2E) < '/' (0x2F): a file in a subdirectory sorts by its whole path.
        try write("k: 1\n", "a/z.yaml", in: tree)
        try write("k: 1\n", "a.yaml", in: tree)
        try write("k: 1\n", "a-b.yaml", in: tree)
        try write("k: 1\n", "a/b/c.yaml", in: tree)
        try write("k: 1\n", "a0.yaml", in: tree)
        // A file named first on its own, again through its directory, and again on its own.
        let result = try CommandRunner.run(["--format", "json", "plans/a/z.yaml", "plans", "plans/a/z.yaml"], in: root)
        let object = try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any]
        let files = (object?["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        #expect(files == ["plans/a/z.yaml", "plans/a-b.yaml", "plans/a.yaml", "plans/a/b/c.yaml", "plans/a0.yaml"])
    }

    #if os(Linux)
    @Test func aFileNameThatIsNotUTF8IsAToolFailureNotASilentSkip() throws {
        let root = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try write("k: 1\n", "plans/good.yaml", in: root)
        // "caf\xE9.yaml" in Latin-1: a name no Swift string can hold.
        let bad = Array(root.appendingPathComponent("plans").path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".yaml".utf8) + [0]
        let descriptor = bad.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { $0.withMemoryRebound(to: CChar.self, capacity: bad.count) { open($0, O_CREAT | O_WRONLY, 0o644) } } ?? -1
        }
        #expect(descriptor >= 0)
        close(descriptor)
        let result = try CommandRunner.run(["--format", "json", "plans"], in: root)
        #expect(result.status == 2)
        #expect(result.stderr.contains("the file name is not UTF-8"))
        let object = try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any]
        let files = (object?["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        #expect(files == ["plans/good.yaml"])
    }
    #endif

    @Test func noPathMeansTheCurrentDirectory() throws {
        let root = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try write("k: 1\nk: 2\n", "one.yaml", in: root)
        let result = try CommandRunner.run(["--no-source"], in: root)
        #expect(result.status == 1)
        #expect(result.stdout.contains("\n./one.yaml:2:1: error: duplicate key 'k'"))
    }

    @Test func directoriesPastTheOpenFileAllowanceHaveTheirFilesReadByPath() throws {
        let root = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // Each directory's plan has a different line broken, so each file's diagnostic shows
        // that its own bytes were read.
        for index in 0..<30 {
            try write(String(repeating: "k\(index): 1\n", count: index % 5) + "a: [\n", "d\(index + 10)/plan.yaml", in: root)
        }
        // 48 open files: 12 directories kept open, the other 18 read by their paths.
        for jobs in ["1", "2"] {
            let result = try CommandRunner.run(["--format", "json", "--jobs", jobs, "."], in: root, openFiles: 48)
            #expect(result.status == 1, "\(result.stderr)")
            let object = try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any]
            let diagnostics = object?["diagnostics"] as? [[String: Any]] ?? []
            let found = diagnostics.compactMap { diagnostic -> String? in
                guard let file = diagnostic["file"] as? String, let line = diagnostic["line"] as? Int else { return nil }
                return "\(file):\(line)"
            }
            #expect(found == (0..<30).map { "./d\($0 + 10)/plan.yaml:\($0 % 5 + 2)" })
        }
    }

    @Test func filesAreReportedInTheOrderGiven() throws {
        let result = try CommandRunner.run(["--format", "json", "Examples/invalid-yaml-tag.yaml", "Examples/invalid-plan-empty.yaml"])
        let object = try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any]
        let files = (object?["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        #expect(files == ["Examples/invalid-yaml-tag.yaml", "Examples/invalid-plan-empty.yaml"])
    }
}
