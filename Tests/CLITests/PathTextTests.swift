import Testing
@testable import FundLintCLI

/// The directory and name of a path, as the command cuts them for temporary files and
/// configuration-relative packs, and a path written into a command to run.
@Suite struct PathTextTests {
    @Test(arguments: [("a/b/c", "a/b", "c"), ("a/b/", "a", "b"), ("/c", "/", "c"), ("c", "", "c"), ("/", "/", "/"),
                      ("/tmp/lock//", "/tmp", "lock"), ("a//b", "a", "b"), ("", "", ""), ("./plan.yaml", ".", "plan.yaml"),
                      ("dir/é.yaml", "dir", "é.yaml")])
    func cutsLikeNSString(path: String, directory: String, name: String) {
        #expect(PathText.directory(of: path) == directory)
        #expect(PathText.lastComponent(of: path) == name)
    }

    @Test(arguments: [("plan.yaml", "s.json"), ("a/plan.yaml", "a/s.json"), ("/plan.yaml", "/s.json"), ("a/b/", "a/s.json"),
                      ("./p.yaml", "./s.json")])
    func aSiblingIsInThePathsDirectory(path: String, sibling: String) {
        #expect(PathText.sibling("s.json", of: path) == sibling)
    }

    @Test(arguments: [("plan.yaml", "plan.yaml"), ("a/b-c_d.yaml", "a/b-c_d.yaml"), ("my plan.yaml", "'my plan.yaml'"),
                      ("it's.yaml", "'it'\\''s.yaml'"), ("", "''"), ("$HOME/p", "'$HOME/p'"), ("é.yaml", "'é.yaml'"),
                      ("-p.yaml", "./-p.yaml"), ("-my p.yaml", "'./-my p.yaml'")])
    func aPathIsQuotedForTheShellOnlyWhenItNeedsIt(path: String, word: String) {
        #expect(PathText.shellWord(path) == word)
    }
}
