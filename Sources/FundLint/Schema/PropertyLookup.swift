import YAMLTree

/// A schema node's properties as checking reads them: each name's UTF-8 and each schema,
/// in storage made once when the pack has loaded and read without reference counting.
/// Every key of every plan is looked up here, and every value is checked under the schema
/// found here; reading an array held by a class would retain and release it each time.
///
/// Owned by one ``SchemaNode``, which frees it (``deallocate()``) and whose `properties`
/// keep the schemas alive.
struct PropertyLookup: @unchecked Sendable {
    /// The names' UTF-8 one after another, in property order.
    private let nameBytes: UnsafeMutableBufferPointer<UInt8>
    /// Where each name ends in `nameBytes`.
    private let nameEnds: UnsafeMutableBufferPointer<Int>
    private let schemas: UnsafeMutableBufferPointer<Unmanaged<SchemaNode>>

    /// A lookup with no properties (before the pack has loaded).
    init() {
        nameBytes = UnsafeMutableBufferPointer(start: nil, count: 0)
        nameEnds = UnsafeMutableBufferPointer(start: nil, count: 0)
        schemas = UnsafeMutableBufferPointer(start: nil, count: 0)
    }

    /// A lookup of `properties`, which must outlive it unchanged.
    init(_ properties: [(name: String, schema: SchemaNode)]) {
        let bytes = properties.reduce(0) { $0 + $1.name.utf8.count }
        nameBytes = .allocate(capacity: bytes)
        nameEnds = .allocate(capacity: properties.count)
        schemas = .allocate(capacity: properties.count)
        var end = 0
        for (index, property) in properties.enumerated() {
            for byte in property.name.utf8 {
                nameBytes[end] = byte
                end += 1
            }
            nameEnds[index] = end
            schemas[index] = .passUnretained(property.schema)
        }
    }

    /// Frees the storage; the lookup must not be read after.
    func deallocate() {
        nameBytes.deallocate()
        nameEnds.deallocate()
        schemas.deallocate()
    }

    /// The index of the property whose name is `key`, compared byte for byte.
    func index(utf8 key: UnsafeBufferPointer<UInt8>) -> Int? {
        var start = 0
        for index in 0..<nameEnds.count {
            let end = nameEnds[index]
            if end - start == key.count,
               ByteText.equal(key, UnsafeBufferPointer(rebasing: nameBytes[start..<end])) { return index }
            start = end
        }
        return nil
    }

    /// The schema of the property at `index`, unretained; `nil` when there is none.
    func schema(at index: Int) -> Unmanaged<SchemaNode>? {
        index >= 0 && index < schemas.count ? schemas[index] : nil
    }
}
