/// The text of `fundlint explain`: the rule's metadata and its examples with the
/// diagnostics they actually produce.
public struct RuleExplanation {
    let info: RuleInfo
    let pack: RulePack

    /// Creates the explanation of `info` within `pack`.
    public init(info: RuleInfo, pack: RulePack) {
        self.info = info
        self.pack = pack
    }

    /// The rule id someone most likely meant by `id`, which is not one of `ids`: the closest
    /// by spelling (`isTypo`), else the one id that `id` names without its group
    /// (`co-investment`, or `co-investmnt`) or cut short (`budget/requested-within`).
    public static func suggestion(for id: String, among ids: [String]) -> (id: String, isTypo: Bool)? {
        if let typo = EditDistance.closest(to: id, among: ids) { return (typo, true) }
        let named = ids.filter { candidate in
            let name = candidate.split(separator: "/", maxSplits: 1).last.map(String.init) ?? candidate
            return name == id || (id.count >= 4 && candidate.hasPrefix(id)) || EditDistance.closest(to: id, among: [name]) != nil
        }
        return named.count == 1 ? (named[0], false) : nil
    }

    /// The explanation as plain text.
    public var text: String {
        var out = "\(info.id) (\(info.severity.rawValue)\(info.suppressible ? "" : ", cannot be suppressed"))\n\n"
        out += wrap(info.summary) + "\n\n"
        if !info.rationale.isEmpty { out += "Why: " + wrap(info.rationale) + "\n\n" }
        if !info.source.isEmpty {
            out += "Source: \(info.source)\n"
            for id in info.source.split(whereSeparator: { $0 == ";" || $0 == " " || $0 == "," }).map(String.init) {
                if let source = pack.sources.first(where: { $0.id == id }) {
                    out += "  \(source.id): \(source.title)\(source.url.map { " <\($0)>" } ?? "")\n"
                }
            }
            out += "\n"
        }
        let verifier = PackVerifier(pack: pack)
        if let bad = info.bad.first {
            out += "A failing example" + (bad.patch != nil ? " (changed from the pack's example plan):" : ":") + "\n\n"
            out += indent(bad.patch ?? bad.plan) + "\n"
            let diagnostics = verifier.diagnostics(of: bad).filter { $0.rule == info.id }
            if let diagnostic = diagnostics.first {
                // As the compiler format shows it, notes and the fix under the diagnostic.
                var lines = ["\(diagnostic.range.start): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.rule)]"]
                lines += diagnostic.notes.filter { $0.file == nil }.map { "\($0.range.start): note: \($0.message)" }
                lines += diagnostic.fix.map { ["\($0.range.start): note: \($0.message)"] } ?? []
                out += "gives:\n\n" + indent(lines.joined(separator: "\n")) + "\n\n"
            }
        }
        if let good = info.good.first {
            out += "A passing example" + (good.patch != nil ? " (changed from the pack's example plan):" : ":") + "\n\n"
            out += indent(good.patch ?? good.plan) + "\n"
        }
        return out
    }

    private func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
    }

    private func wrap(_ text: String) -> String { text }
}
