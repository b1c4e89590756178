extension Character {
    /// Whether this is an ASCII digit `0`–`9`.
    public var isDigit: Bool { ("0"..."9").contains(self) }

    /// Whether this can start a word of the command language: an ASCII letter or `_`.
    public var isWordStart: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) || self == "_" }

    /// Whether this can continue a word of the command language: an ASCII letter, digit or `_`.
    public var isWordPart: Bool { isWordStart || isDigit }
}
