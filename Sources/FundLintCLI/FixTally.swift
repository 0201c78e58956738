import FundLint

/// What `--fix` did over a run: the fixes applied, in how many files, and the fixes left
/// because they are guesses (shown as notes, never applied unasked).
struct FixTally {
    private var problems = 0
    private var files = 0
    private var guesses = 0

    /// Adds a file's report, after `fixed` of its problems were fixed.
    mutating func add(_ report: FileReport, fixed: Int) {
        if fixed > 0 {
            problems += fixed
            files += 1
        }
        guesses += report.diagnostics.count { !$0.suppressed && $0.fix?.safe == false }
    }

    /// `fixed 2 problems in 1 file`, and what was left to apply by hand.
    var sentence: String {
        let left = guesses == 0 ? ""
            : guesses == 1 ? "; 1 suggested fix is a guess, shown as a note: apply it by hand if it is right"
            : "; \(guesses) suggested fixes are guesses, shown as notes: apply them by hand if they are right"
        return "fixed \(problems) problem\(problems == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")\(left)"
    }
}
