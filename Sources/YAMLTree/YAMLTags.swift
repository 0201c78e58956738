/// The tags of YAML's core schema, and how tags are shown to people.
public enum YAMLTags {
    static let prefix = "tag:yaml.org,2002:"
    /// The tag of a `<<` merge key.
    public static let merge = prefix + "merge"
    /// The tag of a null (`!!null`).
    public static let null = prefix + "null"
    /// The tag of a string (`!!str`).
    public static let string = prefix + "str"

    /// Explicit tags a plan may use: the core ones and the non-specific `!`.
    public static let allowed: Set<String> = [
        "!", prefix + "str", prefix + "int", prefix + "float", prefix + "bool",
        prefix + "null", prefix + "seq", prefix + "map",
    ]

    /// Whether an explicit tag is allowed in a plan.
    public static func isAllowed(_ tag: String) -> Bool { allowed.contains(tag) }

    /// The short form people write: `!!str` for `tag:yaml.org,2002:str`.
    public static func display(_ tag: String) -> String {
        tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }
}
