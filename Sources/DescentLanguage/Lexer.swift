import DescentText

/// Turns one logical line into tokens, jlox style: `start` marks the token being scanned, `current` the next Character.
///
/// A `\` followed only by blanks up to a line break joins the next physical line (it is skipped like white
/// space, and line/column tracking continues on the next line); any other line break separates commands.
public struct Lexer {
    let source: [Character]
    var tokens: [Token] = []
    var start = 0
    var current = 0
    var line: Int
    var lineStart = 0
    var startLine: Int
    var startColumn = 1

    /// Prepares to lex `source`, whose first Character is on physical line `line`.
    public init(_ source: String, line: Int = 1) {
        self.source = Array(source)
        self.line = line
        self.startLine = line
    }

    /// Lexes the whole source, ending with an `.end` token.
    public mutating func tokenize() throws(Diagnostic) -> [Token] {
        while !isAtEnd {
            markStart()
            try scanToken()
        }
        markStart()
        add(.end)
        return tokens
    }

    /// Scans one token (or skips blanks, a comment or a continuation) starting at `start`.
    mutating func scanToken() throws(Diagnostic) {
        let c = advance()
        switch c {
        case _ where c.isLineEnd: add(.separator); newLine()
        case _ where c.isBlank: break
        case "#": while !isAtEnd && !peek.isLineEnd { current += 1 }
        case ";": add(.separator)
        case ",": add(.comma)
        case "[": add(.leftBracket)
        case "]": add(.rightBracket)
        case "\"": try string()
        case "\\": try continuation()
        case "<", ">": add(.op(match("=") ? "\(c)=" : "\(c)"))
        case "=" where peek == "<" || peek == ">":
            current += 1
            throw Diagnostic("there is no '=\(source[current - 1])' — write '\(source[current - 1])='", at: startSpan(length: 2))
        case "=": _ = match("="); add(.op("="))
        case "+" where peek == "/" && peekNext == "-":
            current += 2
            throw Diagnostic("there is no '+/-' — write '+-' (or ±) for a tolerance, like `expect loss = 0.7 +- 0.1`", at: startSpan(length: 3))
        case "±": add(.op("+-"))
        case "+" where peek == "-": current += 1; add(.op("+-"))
        case "!" where peek == "=": current += 1; throw noNotEqual()
        case "≠": throw noNotEqual()
        case "^", "*", "(", ")": add(.op(String(c)))   // a feature term's: `x1^2`, `x1*x2`, `sin(x1)`
        case _ where c.isWordStart: word()
        case _ where startsNumber(c): try number()
        default: throw unexpected(c)
        }
    }

    /// Skips a `\` that ends its physical line, moving on to the next one.
    mutating func continuation() throws(Diagnostic) {
        while !isAtEnd && peek.isBlank { current += 1 }
        if isAtEnd {
            throw Diagnostic("'\\' continues this line onto the next, but no line follows — remove it", at: startSpan(length: 1))
        }
        guard peek.isLineEnd else {
            throw Diagnostic("'\\' continues a command on the next line, so it must be the last thing on its line", at: startSpan(length: 1))
        }
        current += 1
        newLine()
    }

    /// Scans a word, or an option key when `=` (but not `==`) follows immediately. A `-` between a word's part and a
    /// letter joins them (`cross-entropy`): no name here has one, but another library's may, and the word then gets the
    /// hint an unknown word gets rather than an error at the `-`.
    mutating func word() {
        while peek.isWordPart || (peek == "-" && peekNext.isWordStart) { current += 1 }
        let name = String(source[start..<current])
        if peek == "=" && peekNext != "=" {
            current += 1
            add(.key(name))
        } else {
            add(.word(name))
        }
    }

    /// The error for a Character that cannot start any token, with a hint (`hint(for:)`) for what was probably meant.
    func unexpected(_ c: Character) -> Diagnostic {
        let hint = hint(for: c)
        // Characters that print as nothing or as a blank (NUL, other controls, odd spaces) by their code.
        let visible = c.unicodeScalars.allSatisfy { !$0.properties.isWhitespace && $0.properties.generalCategory != .control
            && $0.properties.generalCategory != .format }
        let shown = visible ? "'\(String(c).shortened())'" : c.unicodeScalars.prefix(8).map { scalar -> String in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }.joined(separator: " ") + (c.unicodeScalars.count > 8 ? " …" : "")
        return Diagnostic("unexpected character \(shown)\(hint)", at: startSpan(length: 1))
    }

    /// The error for `!=` or `≠` (scanned up to `current`): the language has no not-equal; it names the comparisons there are.
    func noNotEqual() -> Diagnostic {
        Diagnostic("there is no '\(String(source[start..<current]))' — the comparisons are <, <=, >, >= and =", at: startSpan(length: current - start))
    }

    /// Records a token of `kind` covering `start..<current`.
    mutating func add(_ kind: TokenKind) {
        let lexeme = String(source[start..<current])
        let span = startSpan(length: current - start)
        tokens.append(Token(kind: kind, lexeme: lexeme, span: span, range: start..<current))
    }

    /// Remembers where the token being scanned begins.
    mutating func markStart() {
        start = current
        startLine = line
        startColumn = current - lineStart + 1
    }

    /// Notes that `current` is now the first Character of a new physical line.
    mutating func newLine() {
        line += 1
        lineStart = current
    }

    /// A span starting where the current token starts.
    func startSpan(length: Int) -> SourceSpan {
        SourceSpan(line: startLine, column: startColumn, length: length)
    }

    /// Consumes the next Character when it is `expected`.
    mutating func match(_ expected: Character) -> Bool {
        guard peek == expected else { return false }
        current += 1
        return true
    }

    /// Consumes and returns the next Character.
    mutating func advance() -> Character {
        current += 1
        return source[current - 1]
    }

    /// Whether every Character has been consumed.
    var isAtEnd: Bool { current >= source.count }

    /// The next Character, or NUL at the end.
    var peek: Character { isAtEnd ? "\0" : source[current] }

    /// The Character after the next, or NUL past the end.
    var peekNext: Character { current + 1 < source.count ? source[current + 1] : "\0" }
}
