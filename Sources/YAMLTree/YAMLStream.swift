/// Every document of one YAML stream, in order.
///
/// When reading stops early (a syntax error or a limit), the documents completed before
/// that point are complete and checkable; the last one holds the problem and nothing else.
public struct YAMLStream: Sendable, Equatable {
    /// The documents, in stream order.
    public var documents: [YAMLDocument]
}
