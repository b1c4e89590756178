/// Finds `\` line continuations, so a reader knows when to ask for another physical line.
///
/// A physical line continues when its last non-blank Character is a `\` outside any string and comment.
/// Continued lines are joined with `\n` and keep their backslashes: the lexer skips `\`+line break like
/// white space, so spans still point at the right physical line and column.
public enum LineJoiner {
    /// Whether `line` (one physical line) ends with a continuation backslash outside a string or comment.
    public static func continues(_ line: String) -> Bool {
        var inString = false
        var escaped = false
        var lastBlankless: Character?
        for c in line {
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
            } else if c == "#" {
                return false
            } else if c == "\"" {
                inString = true
            }
            if !c.isWhitespace { lastBlankless = c }
        }
        return !inString && lastBlankless == "\\"
    }

    /// The comment of a logical line: from its `#` outside any string to the end of that physical line, trailing blanks
    /// removed (`# a note`); nil when the line has none. A `#` ends a line's continuation, so it is on its last physical line.
    public static func comment(in text: String) -> String? {
        var inString = false, escaped = false
        var start: String.Index?
        for i in text.indices {
            let c = text[i]
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
            } else if c == "#" {
                start = i
                break
            } else if c == "\"" {
                inString = true
            }
        }
        guard let start else { return nil }
        var comment = text[start...].prefix { !$0.isLineEnd }
        while comment.last?.isWhitespace == true { comment.removeLast() }
        return String(comment)
    }

    /// Joins physical lines read one after another into the text of one logical line.
    public static func join(_ lines: [String]) -> String {
        lines.joined(separator: "\n")
    }

    /// The logical line of `lines` written on one physical line, as the prompt's history keeps it: each continuation
    /// `\` with the line break after it (and the blanks around them) becomes one space, which is how the lexer reads
    /// it, so recalling the line runs the same command. A line that does not continue comes back unchanged.
    public static func singleLine(_ lines: [String]) -> String {
        var pieces: [Substring] = []
        for (index, line) in lines.enumerated() {
            var piece = Substring(line)
            if continues(line) { piece = withoutTrailingBlanks(withoutTrailingBlanks(piece).dropLast()) }
            if index > 0 { piece = piece.drop(while: \.isBlank) }
            if !piece.isEmpty { pieces.append(piece) }
        }
        return pieces.joined(separator: " ")
    }

    /// `text` without the blanks at its end.
    private static func withoutTrailingBlanks(_ text: Substring) -> Substring {
        var text = text
        while text.last?.isBlank == true { text.removeLast() }
        return text
    }

    /// Splits a whole script into logical lines, each with the number of its first physical line.
    ///
    /// Every physical line that does not continue a previous one starts a logical line, blank ones included,
    /// so the result can be fed to `Parser.parse(_:line:)` one by one. The script's final line break ends its last
    /// line and starts none: a `\` on that line continues onto nothing, as when the break is left out (the parser
    /// then says that no line follows).
    public static func logicalLines(of script: String) -> [LogicalLine] {
        var result: [LogicalLine] = []
        var pending: [String] = []
        var firstLine = 1
        let physical = script.split(omittingEmptySubsequences: false, whereSeparator: \.isLineEnd).map(String.init)
        for (index, line) in physical.enumerated() {
            if index == physical.count - 1 && index > 0 && line.isEmpty && !pending.isEmpty { break }
            if pending.isEmpty { firstLine = index + 1 }
            pending.append(line)
            if !continues(line) {
                result.append(LogicalLine(text: join(pending), line: firstLine))
                pending = []
            }
        }
        if !pending.isEmpty { result.append(LogicalLine(text: join(pending), line: firstLine)) }
        return result
    }
}
