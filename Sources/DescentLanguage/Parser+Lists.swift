import DescentText
extension Parser {
    /// list → "[" ( value ( "," value )* )? "]", with the `[` already consumed.
    mutating func list(open: Token) throws(Diagnostic) -> [ListElement] {
        guard listDepth < Parser.maxListDepth else {
            throw Diagnostic("lists nest at most \(Parser.maxListDepth) deep", at: open.span)
        }
        listDepth += 1
        defer { listDepth -= 1 }
        var elements: [ListElement] = []
        if match(.rightBracket) { return elements }
        var context = "after '['"
        repeat {
            try checkOpen(open)
            let element = try value(startingWith: advance(), context: context + " in a list")
            elements.append(ListElement(value: element.value, span: element.span))
            context = "after ','"
        } while match(.comma)
        try checkOpen(open)
        _ = try consume(.rightBracket, "expected ',' or ']' in a list, got '\(peek.lexeme.shortened())'")
        return elements
    }

    /// index → "[" NUMBER ( "," NUMBER )* "]": whole numbers 0 or more, with the `[` already consumed.
    mutating func indices(name: String, open: Token) throws(Diagnostic) -> [Int] {
        var indices: [Int] = []
        repeat {
            try checkOpen(open)
            let token = advance()
            guard case .number(let number) = token.kind, let index = Int(exactly: number), index >= 0 else {
                throw Diagnostic("expected an index of \(name) (a whole number 0 or more), got '\(token.lexeme.shortened())'", at: token.span)
            }
            indices.append(index)
        } while match(.comma)
        try checkOpen(open)
        _ = try consume(.rightBracket, "expected ',' or ']' in the indices of \(name), got '\(peek.lexeme.shortened())'")
        return indices
    }

    /// Throws when the line or command ends while the bracket `open` is still unclosed.
    func checkOpen(_ open: Token) throws(Diagnostic) {
        if check(.end) || check(.separator) {
            throw Diagnostic("this '[' is never closed — add ']'", at: open.span)
        }
    }
}
