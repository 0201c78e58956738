import ArgumentParser

/// The formats `check` can write.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case compiler, json, sarif, github, junit
}

/// When to colour output.
enum ColorMode: String, CaseIterable, ExpressibleByArgument {
    case auto, always, never
}

/// The lowest severity that makes `check` exit 1.
enum FailLevel: String, CaseIterable, ExpressibleByArgument {
    case error, warning, note, never
}
