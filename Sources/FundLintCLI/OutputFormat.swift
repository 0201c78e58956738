import ArgumentParser

/// The formats `check` can write.
enum OutputFormat: String, CommandLineChoice {
    case compiler, json, sarif, github, junit
}

/// When to colour output.
enum ColorMode: String, CommandLineChoice {
    case auto, always, never
}

/// The lowest severity that makes `check` exit 1.
enum FailLevel: String, CommandLineChoice {
    case error, warning, note, never
}
