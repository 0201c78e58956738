import YAMLTree

/// Why a scalar does not fit its schema; the validator turns it into a `schema/*` message.
enum ScalarProblem: Error {
    /// Not digits, or digits in quotes (`quoted`).
    case notInteger(quoted: Bool)
    case beyondInt64
    case belowMinimum(Int128)
    case aboveMaximum(Int128)
    case notBoolean
    case notInCalendar
    case notADate
    case notFinancialYear
    case tooShort(minimum: Int, length: Int)
    case notInEnumeration
    case noPatternMatch
}

/// Types one scalar by its schema, never by YAML 1.1 guessing. Shared by the validator,
/// which reports the problems, and by the plan view rules read through, which treats a
/// value with a problem as unknown.
enum ScalarTyping {
    /// The plain words that are booleans.
    private static let booleans = [("true", true), ("True", true), ("TRUE", true), ("false", false), ("False", false), ("FALSE", false)]

    /// The typed value of the scalar whose UTF-8 is `bytes`, written plain (`plain`) or
    /// quoted/tagged `!!str`; `text` makes its text as a string, asked for only when the
    /// value is text (numbers and dates are read from bytes).
    static func type(utf8 bytes: UnsafeBufferPointer<UInt8>, plain: Bool, schema: SchemaNode,
                     text: () -> String) -> Result<Value.Kind, ScalarProblem> {
        check(utf8: bytes, plain: plain, schema: schema, text: text).map { $0.kind ?? .string(text()) }
    }

    /// Checks the scalar whose UTF-8 is `bytes` as ``type(utf8:plain:schema:text:)`` types
    /// it, and gives what it types to as the field tables keep it: ``FieldTables/Typed/none``
    /// stands for text that passes its conditions, left unmade. (A plain value of a few
    /// bytes: the validators keep it without copying a `Value.Kind`.)
    static func check(utf8 bytes: UnsafeBufferPointer<UInt8>, plain: Bool, schema: SchemaNode,
                      text: () -> String) -> Result<FieldTables.Typed, ScalarProblem> {
        switch schema.kind {
        case .integer:
            guard plain, IntegerText.isInteger(bytes) else {
                return .failure(.notInteger(quoted: !plain && IntegerText.isInteger(bytes)))
            }
            guard let number = IntegerText.parse(bytes), let value = Int64(exactly: number) else {
                return .failure(.beyondInt64)
            }
            if let minimum = schema.minimum, number < minimum { return .failure(.belowMinimum(minimum)) }
            if let maximum = schema.maximum, number > maximum { return .failure(.aboveMaximum(maximum)) }
            return .success(.int(value))
        case .boolean:
            guard plain else { return .failure(.notBoolean) }
            for (word, value) in booleans where ByteText.equal(bytes, word) { return .success(.bool(value)) }
            return .failure(.notBoolean)
        case .date:
            switch Day.parse(utf8: bytes) {
            case .success(let day): return .success(.date(day))
            case .failure(.notInCalendar): return .failure(.notInCalendar)
            case .failure(.notADate): return .failure(.notADate)
            }
        case .financialYear:
            guard IntegerText.isFinancialYear(bytes) else { return .failure(.notFinancialYear) }
            return string(bytes, text: text, schema: schema)
        case .string, .object, .list:
            return string(bytes, text: text, schema: schema)
        }
    }

    /// Checks text against the schema's length, enumeration and pattern on its bytes; the
    /// text itself is left unmade (``FieldTables/Typed/none``).
    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, text: () -> String,
                               schema: SchemaNode) -> Result<FieldTables.Typed, ScalarProblem> {
        if let minLength = schema.minLength, bytes.count / 4 < minLength {
            // Unicode scalars: the bytes that do not continue a scalar.
            let length = bytes.reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
            if length < minLength { return .failure(.tooShort(minimum: minLength, length: length)) }
        }
        // Read through the node's unowned references: the node, which the caller holds, owns both.
        if let enumeration = schema.checkedEnumeration,
           !enumeration._withUnsafeGuaranteedRef({ $0.contains(utf8: bytes, text: text) }) {
            return .failure(.notInEnumeration)
        }
        if let pattern = schema.checkedPattern, !pattern._withUnsafeGuaranteedRef({ $0.matches(utf8: bytes, text: text) }) {
            return .failure(.noPatternMatch)
        }
        return .success(.none)
    }
}
