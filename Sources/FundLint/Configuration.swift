import YAMLTree

/// A `.fundlint.yml`: which pack, when to fail, which files to skip, which rules to turn
/// off or re-level. Reading it is pure; every mistake is a positioned `config/invalid`.
public struct Configuration: Sendable {
    /// A pack id or a path (relative to the configuration's directory).
    public var rules: String?
    /// `error`, `warning`, `note` or `never`.
    public var failOn: String?
    /// Globs of files and directories to skip when walking directories.
    public var exclude: [String] = []
    /// Rule ids turned off.
    public var disable: [(id: String, range: SourceRange)] = []
    /// Rule ids with another severity.
    public var severity: [(id: String, level: Severity, range: SourceRange)] = []
    /// The configuration file, as named.
    public var path: String
    /// Its bytes (for snippets under its diagnostics).
    public var bytes: [UInt8]

    static let keys = ["rules", "fail_on", "exclude", "disable", "severity"]
    static let failLevels = ["error", "warning", "note", "never"]

    /// Reads a configuration (keys and levels; rule ids are checked by ``validate(rules:)``):
    /// what it says, with the keys that are wrong left out, and the problems found. No
    /// configuration when it is not valid YAML.
    public static func load(_ bytes: [UInt8], path: String) -> (configuration: Configuration?, problems: [Diagnostic]) {
        var config = Configuration(path: path, bytes: bytes)
        let stream = YAMLParser.parse(bytes)
        let problems = stream.documents.flatMap(\.problems)
        if !problems.isEmpty {
            return (nil, problems.map { Diagnostic(problem: $0, file: path, document: 0, rule: "config/invalid") })
        }
        guard let document = stream.documents.first, let root = document.root,
              !(document.kind(root) == .scalar && (document.scalar(root) ?? "").isEmpty) else {
            return (config, [])
        }
        var reader = PackReader(document: document, file: path, rule: "config/invalid", bytes: bytes)
        for (key, _, value) in reader.mapping(root, what: "the configuration", allowed: keys) ?? [] {
            switch key {
            case "rules":
                config.rules = reader.string(value, what: "rules")
            case "fail_on":
                guard let level = reader.string(value, what: "fail_on") else { continue }
                if failLevels.contains(level) {
                    config.failOn = level
                } else {
                    reader.error(at: value, "fail_on must be one of \(failLevels.joined(separator: ", ")), not '\(TextEscaper.escape(level))'"
                                 + Self.hint(level, among: failLevels))
                }
            case "exclude":
                for item in reader.list(value, what: "exclude") ?? [] {
                    if let glob = reader.string(item, what: "an exclude glob") { config.exclude.append(glob) }
                }
            case "disable":
                for item in reader.list(value, what: "disable") ?? [] {
                    if let id = reader.string(item, what: "a rule id") { config.disable.append((id, document.range(item))) }
                }
            case "severity":
                for (id, keyNode, levelNode) in reader.mapping(value, what: "severity") ?? [] {
                    guard let text = reader.string(levelNode, what: "a severity") else { continue }
                    guard let level = Severity(rawValue: text) else {
                        reader.error(at: levelNode, "a severity must be error, warning or note, not '\(TextEscaper.escape(text))'"
                                     + Self.hint(text, among: Severity.allCases.map(\.rawValue)))
                        continue
                    }
                    config.severity.append((id, level, document.range(keyNode)))
                }
            default:
                break
            }
        }
        return (config, reader.diagnostics)
    }

    /// `; did you mean 'warning'?` for a level mistyped or shortened (`warn`), else nothing.
    private static func hint(_ word: String, among levels: [String]) -> String {
        EditDistance.suggestion(for: word, among: levels).question.map { "; " + $0 } ?? ""
    }

    /// Checks the rule ids against the rules in force: known, and no unsuppressible rule
    /// disabled or made less severe.
    public func validate(rules: [RuleInfo]) -> [Diagnostic] {
        var byID: [String: RuleInfo] = [:]
        for rule in rules { byID[rule.id] = rule }
        var diagnostics: [Diagnostic] = []
        func error(_ range: SourceRange, _ message: String, fix: Diagnostic.Fix? = nil) {
            diagnostics.append(Diagnostic(file: path, document: 0, range: range, severity: .error, rule: "config/invalid", message: message, fix: fix))
        }
        func known(_ id: String, _ range: SourceRange) -> RuleInfo? {
            if let rule = byID[id] { return rule }
            let best = RuleExplanation.suggestion(for: id, among: rules.map(\.id))
            error(range, "'\(TextEscaper.escape(id))' is not a rule of the active pack",
                  fix: best.map { Diagnostic.Fix(range: range, replacement: $0.id, safe: false, message: "did you mean '\($0.id)'?") })
            return nil
        }
        for (id, range) in disable {
            guard let rule = known(id, range) else { continue }
            if !rule.suppressible { error(range, "\(id) cannot be disabled: it is not suppressible") }
        }
        for (id, level, range) in severity {
            guard let rule = known(id, range) else { continue }
            if !rule.suppressible, level < rule.severity {
                error(range, "\(id) cannot be lowered from \(rule.severity.rawValue) to \(level.rawValue): it is not suppressible")
            }
        }
        return diagnostics
    }

    /// Whether `relativePath` (relative to the configuration's directory, `/`-separated)
    /// matches an exclude glob. A glob without `/` matches any single path component.
    public func excludes(_ relativePath: String) -> Bool {
        let components = relativePath.split(separator: "/").map(String.init)
        for glob in exclude {
            let trimmed = glob.hasPrefix("./") ? String(glob.dropFirst(2)) : glob
            if trimmed.contains("/") {
                let pattern = trimmed.split(separator: "/").map(String.init)
                if Glob.match(pattern[...], components[...]) { return true }
            } else if components.contains(where: { Glob.matchSegment(Array(trimmed.unicodeScalars)[...], Array($0.unicodeScalars)[...]) }) {
                return true
            }
        }
        return false
    }
}

/// Glob matching: `*` and `?` within a path component, `**` across components.
enum Glob {
    static func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        // Iterative with backtracking over `**` positions (patterns are short).
        var stack: [(Int, Int)] = [(pattern.startIndex, path.startIndex)]
        var seen = Set<Int>()
        while let (p, s) = stack.popLast() {
            if !seen.insert(p * 10_007 + s).inserted { continue }
            if p == pattern.endIndex {
                if s == path.endIndex { return true }
                continue
            }
            if pattern[p] == "**" {
                stack.append((p + 1, s))
                if s < path.endIndex { stack.append((p, s + 1)) }
                continue
            }
            if s < path.endIndex, matchSegment(Array(pattern[p].unicodeScalars)[...], Array(path[s].unicodeScalars)[...]) {
                stack.append((p + 1, s + 1))
            }
        }
        return false
    }

    static func matchSegment(_ pattern: ArraySlice<Unicode.Scalar>, _ text: ArraySlice<Unicode.Scalar>) -> Bool {
        var p = pattern.startIndex
        var t = text.startIndex
        var star: Int?
        var mark = t
        while t < text.endIndex {
            if p < pattern.endIndex, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1; t += 1
            } else if p < pattern.endIndex, pattern[p] == "*" {
                star = p; p += 1; mark = t
            } else if let starIndex = star {
                p = starIndex + 1; mark += 1; t = mark
            } else {
                return false
            }
        }
        while p < pattern.endIndex, pattern[p] == "*" { p += 1 }
        return p == pattern.endIndex
    }
}
