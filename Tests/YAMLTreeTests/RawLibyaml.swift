import CYAML

/// The oracle: libyaml's event parser driven directly, building nothing, so the tree
/// builder can be checked against libyaml's own verdict and positions.
enum RawLibyaml {
    struct Failure: Equatable {
        /// 1-based line and column of libyaml's problem mark; for reader errors `nil`.
        var line: Int?
        var column: Int?
        /// For reader errors (invalid UTF-8, NUL): the byte offset.
        var offset: Int?
    }

    struct Result {
        var events: [String]
        var failure: Failure?
        /// An alias named an anchor not defined before it.
        var undefinedAlias: Bool
    }

    static func run(_ bytes: [UInt8]) -> Result {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return Result(events: [], failure: Failure(), undefinedAlias: false) }
        defer { yaml_parser_delete(&parser) }
        var events: [String] = []
        var anchors: Set<String> = []
        var undefinedAlias = false
        return bytes.withUnsafeBufferPointer { buffer -> Result in
            var empty: UInt8 = 0
            withUnsafePointer(to: &empty) { emptyPointer in
                yaml_parser_set_input_string(&parser, buffer.baseAddress ?? emptyPointer, buffer.count)
            }
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    if parser.error == YAML_READER_ERROR {
                        return Result(events: events, failure: Failure(offset: parser.problem_offset), undefinedAlias: undefinedAlias)
                    }
                    return Result(events: events,
                                  failure: Failure(line: parser.problem_mark.line + 1, column: parser.problem_mark.column + 1),
                                  undefinedAlias: undefinedAlias)
                }
                defer { yaml_event_delete(&event) }
                func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
                    pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
                }
                func properties(_ anchor: String?, _ tag: String?) -> String {
                    (anchor.map { " &\($0)" } ?? "") + (tag.map { " <\($0)>" } ?? "")
                }
                switch event.type {
                case YAML_STREAM_START_EVENT: events.append("+STR")
                case YAML_STREAM_END_EVENT:
                    events.append("-STR")
                    return Result(events: events, failure: nil, undefinedAlias: undefinedAlias)
                case YAML_DOCUMENT_START_EVENT: events.append("+DOC")
                case YAML_DOCUMENT_END_EVENT: events.append("-DOC")
                case YAML_MAPPING_START_EVENT:
                    let data = event.data.mapping_start
                    if let anchor = text(data.anchor) { anchors.insert(anchor) }
                    events.append("+MAP" + properties(text(data.anchor), text(data.tag)))
                case YAML_MAPPING_END_EVENT: events.append("-MAP")
                case YAML_SEQUENCE_START_EVENT:
                    let data = event.data.sequence_start
                    if let anchor = text(data.anchor) { anchors.insert(anchor) }
                    events.append("+SEQ" + properties(text(data.anchor), text(data.tag)))
                case YAML_SEQUENCE_END_EVENT: events.append("-SEQ")
                case YAML_SCALAR_EVENT:
                    let data = event.data.scalar
                    if let anchor = text(data.anchor) { anchors.insert(anchor) }
                    let value = data.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: data.length), as: UTF8.self) } ?? ""
                    events.append("=VAL" + properties(text(data.anchor), text(data.tag)) + " :" + EventText.escape(value))
                case YAML_ALIAS_EVENT:
                    let name = text(event.data.alias.anchor) ?? ""
                    if !anchors.contains(name) { undefinedAlias = true }
                    events.append("=ALI *" + name)
                default: break
                }
            }
        }
    }
}
