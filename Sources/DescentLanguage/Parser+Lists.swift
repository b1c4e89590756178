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
            indices.append(try index(of: name, advance()))
        } while match(.comma)
        try checkOpen(open)
        _ = try consume(.rightBracket, "expected ',' or ']' in the indices of \(name), got '\(peek.lexeme.shortened())'")
        return indices
    }

    /// The index `token` stands for, read exactly: from its digits when it is written in digits (a number past what
    /// a Double holds exactly, 2⁵³, is not rounded to its neighbour), else from its value when that is a whole number
    /// below 2⁵³ (`1e3`). One too large for any shape is refused here, as typed.
    func index(of name: String, _ token: Token) throws(Diagnostic) -> Int {
        guard case .number(let number) = token.kind else { throw notAnIndex(of: name, token) }
        let digits = token.lexeme.hasPrefix("+") ? token.lexeme.dropFirst() : Substring(token.lexeme)
        if !digits.isEmpty && digits.allSatisfy(\.isDigit) {
            guard let index = Int(digits) else {
                throw Diagnostic("index \(token.lexeme.shortened()) of \(name) is out of range: it is larger than any shape holds (indices start at 0)", at: token.span)
            }
            return index
        }
        guard number >= 0, number < 0x1p53, let index = Int(exactly: number) else { throw notAnIndex(of: name, token) }
        return index
    }

    /// The error for a token that is not an index of `name`.
    private func notAnIndex(of name: String, _ token: Token) -> Diagnostic {
        Diagnostic("expected an index of \(name) (a whole number 0 or more), got '\(token.lexeme.shortened())'", at: token.span)
    }

    /// Throws when the line or command ends while the bracket `open` is still unclosed; at a `;` that a `]` follows later
    /// on the line, which MATLAB's rows `[1,2;3,4]` have, says that `;` separates commands and rows take `,`.
    func checkOpen(_ open: Token) throws(Diagnostic) {
        if peek.lexeme == ";", tokens[current...].contains(where: { $0.kind == .rightBracket }) {
            throw Diagnostic("';' separates commands, so this list ends here unclosed — separate rows with ',' as in [[1,2],[3,4]] "
                             + "(MATLAB's ';' is ',' here)", at: peek.span)
        }
        if check(.end) || check(.separator) {
            throw Diagnostic("this '[' is never closed — add ']'", at: open.span)
        }
    }
}
