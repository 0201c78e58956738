import YAMLTree

/// The lines of a source file as Unicode scalars, for source snippets under diagnostics:
/// decoded and split exactly as libyaml reads the file (UTF-8 or UTF-16 by its byte-order
/// mark; LF, CR, CR LF, NEL, LS and PS end lines).
public typealias SourceText = DecodedText
