import DescentText

extension Character {
    /// Whether this ends a line: a line feed, or a carriage return and line feed (one Character in Swift). A carriage
    /// return alone, a vertical tab, a form feed, U+0085, U+2028 and U+2029 do not (Swift's `isNewline` says they do),
    /// so that lines are counted as `wc -l` and editors count them, and a comment never hides a command.
    public var isLineEnd: Bool { self == "\n" || self == "\r\n" }

    /// Whether this is white space within a line: a space or tab, and the line breaks that do not end a line
    /// (`isLineEnd`). Every scalar must be white space: a space carrying a combining mark (U+0020 U+0301) is one
    /// Character, not a blank.
    var isBlank: Bool { !isLineEnd && unicodeScalars.allSatisfy { $0.properties.isWhitespace } }
}
