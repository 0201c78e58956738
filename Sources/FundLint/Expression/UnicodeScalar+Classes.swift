extension Unicode.Scalar {
    /// A letter for names in expressions and rule ids; ASCII answered without a Unicode
    /// property lookup.
    var isNameLetter: Bool {
        if value < 0x80 { return (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) }
        return properties.isAlphabetic
    }

    /// White space between tokens of an expression; ASCII answered without a Unicode
    /// property lookup.
    var isExpressionSpace: Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return properties.isWhitespace
    }
}
