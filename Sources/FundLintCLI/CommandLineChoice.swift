import ArgumentParser

/// An option value that is one of a fixed set of words: an enumeration whose raw values are
/// the words users type.
///
/// ArgumentParser's default lists the words and describes each value by printing it, which
/// goes through the runtime's reflection on every run; the raw values say the same thing
/// directly. (Public because `ReportRenderer.Format`, a public type, is one.)
/// `--help`, error messages and completion scripts are unchanged.
public protocol CommandLineChoice: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension CommandLineChoice {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }

    /// Empty: a word is its own description.
    public static var allValueDescriptions: [String: String] { [:] }

    public static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }

    public var defaultValueDescription: String { rawValue }
}
