/// A schema node's properties as checking reads them: each name's UTF-8 and each schema,
/// in storage made once when the pack has loaded and read without reference counting.
/// Every key of every plan is looked up here, and every value is checked under the schema
/// found here; reading an array held by a class would retain and release it each time.
///
/// Owned by one ``SchemaNode``, which frees it (``deallocate()``) and whose `properties`
/// keep the schemas alive.
struct PropertyLookup: @unchecked Sendable {
    private let names: ByteStrings
    private let schemas: UnsafeMutableBufferPointer<Unmanaged<SchemaNode>>

    /// A lookup with no properties (before the pack has loaded).
    init() {
        names = ByteStrings()
        schemas = UnsafeMutableBufferPointer(start: nil, count: 0)
    }

    /// A lookup of `properties`, which must outlive it unchanged.
    init(_ properties: [(name: String, schema: SchemaNode)]) {
        names = ByteStrings(properties.map(\.name))
        schemas = .allocate(capacity: properties.count)
        for (index, property) in properties.enumerated() { schemas[index] = .passUnretained(property.schema) }
    }

    /// Frees the storage; the lookup must not be read after.
    func deallocate() {
        names.deallocate()
        schemas.deallocate()
    }

    /// The index of the property whose name is `key`, compared byte for byte.
    func index(utf8 key: UnsafeBufferPointer<UInt8>) -> Int? {
        (0..<names.count).first { names.equals($0, key) }
    }

    /// The schema of the property at `index`, unretained; `nil` when there is none.
    func schema(at index: Int) -> Unmanaged<SchemaNode>? {
        index >= 0 && index < schemas.count ? schemas[index] : nil
    }
}
