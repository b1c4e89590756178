import DescentText
extension Lexer {
    /// Whether `c` (just consumed) begins a number: a digit, `.digit`, or a sign followed by a digit or `.digit`.
    func startsNumber(_ c: Character) -> Bool {
        let digitFollows = peek.isDigit
        let fractionFollows = peek == "." && peekNext.isDigit
        switch c {
        case _ where c.isDigit: return true
        case ".": return digitFollows
        case "+", "-": return digitFollows || fractionFollows
        default: return false
        }
    }

    /// Scans a number: optional sign, digits with an optional `.`, optional exponent; rejects `1e`, `1.2.3`, `8tanh`.
    mutating func number() throws(Diagnostic) {
        let startedWithDot = source[current - 1] == "."
        while peek.isDigit { current += 1 }
        if peek == "." && !startedWithDot {
            current += 1
            while peek.isDigit { current += 1 }
        }
        if peek == "e" || peek == "E" {
            current += 1
            if peek == "+" || peek == "-" { current += 1 }
            guard peek.isDigit else { throw malformedNumber() }
            while peek.isDigit { current += 1 }
        }
        if peek.isWordPart || peek == "." { throw malformedNumber() }
        let lexeme = String(source[start..<current])
        guard let value = Double(lexeme) else { throw malformedNumber() }
        guard value.isFinite else {
            throw Diagnostic("number '\(lexeme.shortened())' is too large", at: startSpan(length: current - start))
        }
        // Too small for a Double (`1e-400`): it would be read as 0 without a word.
        if value == 0, lexeme.prefix(while: { $0 != "e" && $0 != "E" }).contains(where: { $0.isDigit && $0 != "0" }) {
            throw Diagnostic("number '\(lexeme.shortened())' rounds to 0 in float64, whose smallest positive number is about 5e-324 "
                             + "— write 0, or a larger number", at: startSpan(length: current - start))
        }
        add(.number(value))
    }

    /// The error for a malformed number, covering the whole run of number-like Characters.
    mutating func malformedNumber() -> Diagnostic {
        while peek.isWordPart || peek == "." { current += 1 }
        let lexeme = String(source[start..<current])
        return Diagnostic("malformed number '\(lexeme.shortened())' — write numbers like 42, -0.5, .5 or 1e-3",
                          at: startSpan(length: current - start))
    }

    /// Scans a double-quoted string on one physical line, decoding `\"`, `\\`, `\n` and `\t`.
    mutating func string() throws(Diagnostic) {
        var text = ""
        while !isAtEnd && !peek.isLineEnd && peek != "\"" {
            let c = advance()
            text.append(c == "\\" ? try escape() : c)
        }
        guard match("\"") else {
            throw Diagnostic("unterminated string — add a closing '\"'", at: startSpan(length: current - start))
        }
        add(.string(text))
    }

    /// Decodes the escape whose `\` was just consumed.
    mutating func escape() throws(Diagnostic) -> Character {
        let escapeColumn = current - lineStart
        let span = SourceSpan(line: line, column: escapeColumn, length: 2)
        guard !isAtEnd && !peek.isLineEnd else {
            throw Diagnostic("unterminated string — add a closing '\"'", at: startSpan(length: current - start))
        }
        switch advance() {
        case "\"": return "\""
        case "\\": return "\\"
        case "n": return "\n"
        case "t": return "\t"
        case let c:
            // A Windows path (`"csv\good.csv"`): the string as typed, with '/' for each `\`.
            var end = start + 1
            while end < source.count && source[end] != "\"" && !source[end].isLineEnd { end += 1 }
            let slashed = String(source[(start + 1)..<end].map { $0 == "\\" ? "/" : $0 })
            throw Diagnostic("unknown escape '\\\(c)' in string — use \\\", \\\\, \\n or \\t; a path takes '/' between folders: "
                             + "\"\(slashed.shortened())\"", at: span)
        }
    }
}
