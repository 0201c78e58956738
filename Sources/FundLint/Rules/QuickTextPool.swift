/// The pack's text that quick rules use (constants, table ids and table fields), each
/// distinct text once: a text word of 0 or more is an index here, so two such words are the
/// same text exactly when they are equal. Filled while the program compiles, then only read.
final class QuickTextPool: @unchecked Sendable {
    private var ids: [String: Int64] = [:]
    private(set) var texts: [String] = []
    private var bytes: [[UInt8]] = []

    /// The word for `text`, adding it if new.
    func word(_ text: String) -> Int64 {
        if let id = ids[text] { return id }
        let id = Int64(texts.count)
        ids[text] = id
        texts.append(text)
        bytes.append(Array(text.utf8))
        return id
    }

    /// Calls `body` with the UTF-8 of the text `word`; `nil` for a word not in the pool.
    func withBytes<Result>(_ word: Int64, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard word >= 0, word < Int64(bytes.count) else { return nil }
        return bytes[Int(word)].withUnsafeBufferPointer(body)
    }

    /// Whether every byte is ASCII, when bytes order text as strings do.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 }
    }
}
