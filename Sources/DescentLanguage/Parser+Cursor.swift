extension Parser {
    /// Consumes the next token when it is of `kind`, otherwise throws `message` at it.
    mutating func consume(_ kind: TokenKind, _ message: String) throws(Diagnostic) -> Token {
        guard check(kind) else { throw Diagnostic(message, at: peek.span) }
        return advance()
    }

    /// Consumes the next token when it is of `kind`.
    mutating func match(_ kind: TokenKind) -> Bool {
        guard check(kind) else { return false }
        current += 1
        return true
    }

    /// Whether the next token is of `kind` (for kinds without a payload).
    func check(_ kind: TokenKind) -> Bool {
        peek.kind == kind
    }

    /// Consumes and returns the next token; the final `.end` token is never passed.
    mutating func advance() -> Token {
        let token = peek
        if token.kind != .end { current += 1 }
        return token
    }

    /// The next token.
    var peek: Token { tokens[current] }

    /// The most recently consumed token.
    var previous: Token { tokens[max(0, current - 1)] }

    /// The span of the tokens in `range`, clamped to the first token's physical line.
    func span(_ range: Range<Int>) -> SourceSpan {
        let first = tokens[range.lowerBound], last = tokens[range.upperBound - 1]
        let covered = source[first.range.lowerBound..<last.range.upperBound]
        let length = covered.firstIndex(where: \.isLineEnd).map { $0 - first.range.lowerBound } ?? covered.count
        return SourceSpan(line: first.span.line, column: first.span.column, length: length)
    }

    /// The source text of the tokens in `range`, with each gap that holds a continuation collapsed to one space.
    func text(_ range: Range<Int>) -> String {
        var text = tokens[range.lowerBound].lexeme
        for index in range.dropFirst() {
            let gap = source[tokens[index - 1].range.upperBound..<tokens[index].range.lowerBound]
            text += gap.contains(where: \.isLineEnd) ? " " : String(gap)
            text += tokens[index].lexeme
        }
        return text
    }
}
