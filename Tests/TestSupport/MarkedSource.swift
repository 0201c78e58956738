import YAMLTree

/// YAML written with position markers (`1️⃣` … `9️⃣`) where a test expects something; the
/// markers are removed and their 1-based line and column (in Unicode scalars) remembered,
/// so no test hand-counts a position.
public struct MarkedSource {
    public let text: String
    public let markers: [Int: SourceLocation]

    public init(_ marked: String) {
        var text = ""
        var markers: [Int: SourceLocation] = [:]
        var line = 1
        var column = 1
        let scalars = Array(marked.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if ("1"..."9").contains(scalar), index + 2 < scalars.count,
               scalars[index + 1] == "\u{FE0F}", scalars[index + 2] == "\u{20E3}" {
                markers[Int(scalar.value - 48)] = SourceLocation(line: line, column: column)
                index += 3
                continue
            }
            text.unicodeScalars.append(scalar)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        self.text = text
        self.markers = markers
    }

    public subscript(_ marker: Int) -> SourceLocation { markers[marker] ?? SourceLocation(line: 0, column: 0) }

    public var bytes: [UInt8] { Array(text.utf8) }
}
