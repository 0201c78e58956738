/// The diagnostics of one file that inline waivers may match, by rule and by the line each
/// starts on: a waiver finds its own without going through them all (a file may hold very
/// many waivers), and each diagnostic is taken at most once.
struct WaivableDiagnostics {
    private var byRule: [String: [Int: [Int]]] = [:]

    /// Indexes the diagnostics of `diagnostics` not waived yet, by their positions in it.
    init(_ diagnostics: [Diagnostic]) {
        for (index, diagnostic) in diagnostics.enumerated() where !diagnostic.suppressed {
            byRule[diagnostic.rule, default: [:]][diagnostic.range.start.line, default: []].append(index)
        }
    }

    /// Takes out the positions of the diagnostics of `rule` that start on `line`, or on any
    /// line when it is `nil` (a waiver of the whole file).
    mutating func take(_ rule: String, line: Int?) -> [Int] {
        guard let line else { return byRule.removeValue(forKey: rule)?.values.flatMap { $0 } ?? [] }
        return byRule[rule]?.removeValue(forKey: line) ?? []
    }
}
