import Foundation

/// Locates the public yaml-test-suite data: `FUNDLINT_YAML_TEST_SUITE`, else
/// `../shared/yaml-test-suite` beside the package when it exists.
enum YAMLTestSuite {
    struct Case: CustomStringConvertible, Sendable {
        var id: String
        var directory: String
        var description: String { id }
    }

    static var root: String? {
        if let path = ProcessInfo.processInfo.environment["FUNDLINT_YAML_TEST_SUITE"], !path.isEmpty {
            return path
        }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sibling = package.deletingLastPathComponent().appendingPathComponent("shared/yaml-test-suite").path
        return FileManager.default.fileExists(atPath: sibling) ? sibling : nil
    }

    /// Every case: a directory holding `in.yaml`, one or two levels down.
    static var cases: [Case] {
        guard let root, let top = try? FileManager.default.contentsOfDirectory(atPath: root) else { return [] }
        var result: [Case] = []
        for name in top.sorted() {
            let directory = root + "/" + name
            if FileManager.default.fileExists(atPath: directory + "/in.yaml") {
                result.append(Case(id: name, directory: directory))
            } else if let subs = try? FileManager.default.contentsOfDirectory(atPath: directory) {
                for sub in subs.sorted() where FileManager.default.fileExists(atPath: directory + "/" + sub + "/in.yaml") {
                    result.append(Case(id: name + "/" + sub, directory: directory + "/" + sub))
                }
            }
        }
        return result
    }

    static func bytes(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }
}
