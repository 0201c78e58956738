import Foundation
import Testing
@testable import FundLintCLI

/// The directories a run's file list keeps open for reading its files.
@Suite struct DirectoryHandlesTests {
    /// The inode `descriptor` refers to, or `nil` when it is not open.
    private func inode(of descriptor: Int32) -> UInt64? {
        var info = stat()
        return fstat(descriptor, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    @Test func aListedDirectoryStaysOpenWhileItsListLivesAndItsFilesReadAsByPath() throws {
        let root = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        for name in ["one", "two"] {
            let directory = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try "plan: \(name)\n".write(to: directory.appendingPathComponent("plan.yaml"), atomically: true, encoding: .utf8)
        }
        var kept: [(descriptor: Int32, inode: UInt64)] = []
        do {
            var collector = FileCollector()
            let collected = collector.collect([root.path], stdinName: "<stdin>")
            #expect(collected.failures.isEmpty)
            #expect(collected.files.count == 2)
            for (index, name) in ["one", "two"].enumerated() {
                let file = collected.files[index]
                #expect(file.displayPath == root.path + "/\(name)/plan.yaml")
                let directory = try #require(file.entry?.directory)
                let expected = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(name).path)[.systemFileNumber] as? UInt64
                #expect(inode(of: directory) == expected)
                if let expected { kept.append((directory, expected)) }
                #expect(file.entry?.name == "plan.yaml")
                guard case .bytes(let bytes) = FileReader.read(file, limit: 1_000) else {
                    Issue.record("\(name)/plan.yaml was not read")
                    continue
                }
                #expect(String(decoding: bytes, as: UTF8.self) == "plan: \(name)\n")
            }
        }
        // The list is gone: its descriptors are closed (or, reused since, name something else).
        #expect(kept.count == 2)
        for (descriptor, directoryInode) in kept { #expect(inode(of: descriptor) != directoryInode) }
    }

    @Test func aPathGivenWholeIsOpenedByItsPath() throws {
        var collector = FileCollector()
        let collected = collector.collect(["Examples/west-midlands-bus-delays.yaml"], stdinName: "<stdin>")
        #expect(collected.files.count == 1)
        #expect(collected.files[0].entry == nil)
    }
}
