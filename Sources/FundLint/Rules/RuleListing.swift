/// The rule list of `fundlint rules`, as text, JSON or Markdown.
public struct RuleListing {
    let pack: RulePack
    let rules: [RuleInfo]

    /// Creates a listing of `rules` (the engine's and the pack's).
    public init(pack: RulePack, rules: [RuleInfo]) {
        self.pack = pack
        self.rules = rules
    }

    /// The listing in `format` (`text`, `json` or `markdown`).
    public func render(_ format: String) -> String {
        switch format {
        case "json":
            var json = JSONWriter()
            json.raw("{")
            json.key("rulePack"); json.raw("{")
            json.key("id"); json.string(pack.id); json.raw(",")
            json.key("version"); json.string(pack.version); json.raw("},")
            json.key("rules"); json.raw("[")
            for (index, rule) in rules.enumerated() {
                json.raw(index == 0 ? "\n" : ",\n")
                json.raw("{")
                json.key("id"); json.string(rule.id); json.raw(",")
                json.key("severity"); json.string(rule.severity.rawValue); json.raw(",")
                json.key("summary"); json.string(rule.summary); json.raw(",")
                json.key("rationale"); json.string(rule.rationale); json.raw(",")
                json.key("source"); json.string(rule.source); json.raw(",")
                json.key("suppressible"); json.bool(rule.suppressible); json.raw(",")
                json.key("scope"); json.string(rule.scope); json.raw(",")
                json.key("builtin"); json.bool(rule.builtin); json.raw("}")
            }
            json.raw("\n]}\n")
            return json.output
        case "markdown":
            var out = "# Rules of \(pack.title.isEmpty ? pack.id : pack.title) (\(pack.id) \(pack.version))\n\n"
            out += "| rule | severity | suppressible | summary |\n|---|---|---|---|\n"
            for rule in rules {
                out += "| `\(rule.id)` | \(rule.severity.rawValue) | \(rule.suppressible ? "yes" : "no") | \(rule.summary.replacingPipes) |\n"
            }
            return out
        default:
            let width = rules.map(\.id.count).max() ?? 0
            var out = ""
            for rule in rules {
                let padding = String(repeating: " ", count: max(0, width - rule.id.count))
                let severity = rule.severity.rawValue + String(repeating: " ", count: 7 - rule.severity.rawValue.count)
                out += "\(rule.id)\(padding)  \(severity)  \(rule.summary)\n"
            }
            return out
        }
    }
}

extension String {
    var replacingPipes: String { String(map { $0 == "|" ? "/" : $0 }) }
}
