extension Character {
    /// Whether this is an ASCII digit `0`–`9`.
    var isDigit: Bool { ("0"..."9").contains(self) }

    /// Whether this can start a word: an ASCII letter or `_`.
    var isWordStart: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) || self == "_" }

    /// Whether this can continue a word: an ASCII letter, digit or `_`.
    var isWordPart: Bool { isWordStart || isDigit }

    /// Whether this is horizontal white space (a space or tab, not a line break). Every scalar must be white
    /// space: a space carrying a combining mark (U+0020 U+0301) is one Character, not a blank.
    var isBlank: Bool { !isNewline && unicodeScalars.allSatisfy { $0.properties.isWhitespace } }
}
