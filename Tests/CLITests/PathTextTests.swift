import Testing
@testable import FundLintCLI

/// The directory and name of a path, as the command cuts them for temporary files and
/// configuration-relative packs.
@Suite struct PathTextTests {
    @Test(arguments: [("a/b/c", "a/b", "c"), ("a/b/", "a", "b"), ("/c", "/", "c"), ("c", "", "c"), ("/", "/", "/"),
                      ("/tmp/lock//", "/tmp", "lock"), ("a//b", "a", "b"), ("", "", ""), ("./plan.yaml", ".", "plan.yaml"),
                      ("dir/é.yaml", "dir", "é.yaml")])
    func cutsLikeNSString(path: String, directory: String, name: String) {
        #expect(PathText.directory(of: path) == directory)
        #expect(PathText.lastComponent(of: path) == name)
    }
}
