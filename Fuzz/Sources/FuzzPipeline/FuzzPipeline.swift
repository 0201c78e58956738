import FundLint

/// The whole pipeline on arbitrary bytes: YAML, schema, rules, portfolio, every reporter
/// and the reviewer report. Any crash, hang or sanitizer report is a finding, and so is a
/// plan whose diagnostics differ with the rules' quick forms and without.
let checker: PlanChecker? = BuiltinPacks.defaultPack(complete: true).map { PlanChecker(pack: $0) }

/// Checkers with quick rules and without, past their first plan (quick rules are compiled
/// for a checker's second).
let differential: (quick: PlanChecker, general: PlanChecker)? = checker.map { checker in
    var options = checker.options
    options.quickRules = false
    let pair = (quick: PlanChecker(pack: checker.pack), general: PlanChecker(pack: checker.pack, options: options))
    let first = Array((checker.pack.examplePlan ?? "").utf8)
    _ = pair.quick.check(first, path: "first.yaml")
    _ = pair.general.check(first, path: "first.yaml")
    return pair
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let checker, let start else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    if let differential,
       differential.quick.check(bytes, path: "fuzz.yaml").diagnostics != differential.general.check(bytes, path: "fuzz.yaml").diagnostics {
        fatalError("quick rules changed the diagnostics")
    }
    var options = checker.options
    options.reportRows = true
    let full = PlanChecker(pack: checker.pack, options: options)
    var report = full.check(bytes, path: "fuzz.yaml")
    // The same plan twice in one run: the second repeats every reference of the first.
    var portfolio = PortfolioChecker(pack: checker.pack, expectedPlans: 2) { _ in "fuzz.yaml" }
    var first = report
    portfolio.process(&first, file: 0)
    portfolio.process(&report, file: 1)
    let info = RunInfo(toolVersion: "0", packID: checker.pack.id, packVersion: checker.pack.version)
    let paths = ReportPaths(workingDirectory: "/work")
    var reporters: [any Reporter] = [CompilerReporter(showSource: true, color: true), JSONReporter(info: info),
                                     SARIFReporter(info: info, rules: checker.pack.ruleInfos, paths: paths),
                                     GitHubReporter(paths: paths), JUnitReporter()]
    var summary = RunSummary()
    summary.add(report)
    for index in reporters.indices {
        _ = reporters[index].begin() + reporters[index].file(report) + reporters[index].end(summary)
    }
    var reviewer = ReviewerReport(pack: checker.pack)
    reviewer.add(report)
    for format in ReportRenderer.Format.allCases {
        _ = ReportRenderer(report: reviewer, toolVersion: "0").render(format)
    }
    if let (fixed, _) = FixApplier.apply(FixApplier.safeFixes(in: report), to: bytes) {
        _ = full.check(fixed, path: "fuzz.yaml")
    }
    return 0
}
