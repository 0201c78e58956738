#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process environment, read a variable at a time: building the whole environment as
/// a dictionary, twice, cost more than checking a small plan.
enum Environment {
    /// The variable's value, if it is set.
    static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Whether `TERM` names a terminal that cannot take escapes or redraws.
    static var isDumbTerminal: Bool { value("TERM") == "dumb" }
}
