import DescentText
/// Parses one logical line into commands, jlox style: one method per grammar rule, `consume(_:_:)` for errors.
///
/// Grammar:
/// ```
/// line     → command? ( SEPARATOR command? )* END
/// command  → WORD argument*
/// argument → KEY value | value | OP
/// value    → NUMBER | STRING | WORD index? | list
/// index    → "[" NUMBER ( "," NUMBER )* "]"      (the "[" touching the word)
/// list     → "[" ( value ( "," value )* )? "]"
/// ```
public struct Parser {
    let source: [Character]
    let tokens: [Token]
    var current = 0
    /// How deeply the list being read is nested (bounded, so a line of 10,000 `[` cannot exhaust the stack).
    var listDepth = 0
    /// The deepest nesting a list may have.
    static let maxListDepth = 32

    /// Parses `source`, one logical line whose first physical line is `line`; blank or comment-only lines give `[]`.
    public static func parse(_ source: String, line: Int = 1) throws(Diagnostic) -> [Command] {
        var lexer = Lexer(source, line: line)
        var parser = Parser(source: Array(source), tokens: try lexer.tokenize())
        return try parser.lineRule()
    }

    /// line → command? ( SEPARATOR command? )* END
    mutating func lineRule() throws(Diagnostic) -> [Command] {
        var commands: [Command] = []
        while !check(.end) {
            if match(.separator) { continue }
            commands.append(try command())
        }
        return commands
    }

    /// command → WORD argument*
    mutating func command() throws(Diagnostic) -> Command {
        let first = current
        guard case .word(let name) = peek.kind else {
            throw Diagnostic("expected a command name, got '\(peek.lexeme.shortened())'", at: peek.span)
        }
        current += 1
        var args: [Arg] = []
        while !check(.end) && !check(.separator) {
            args.append(try argument())
        }
        return Command(name: name, nameSpan: tokens[first].span, args: args, text: text(first..<current))
    }

    /// argument → KEY value | value | OP
    mutating func argument() throws(Diagnostic) -> Arg {
        let token = advance()
        switch token.kind {
        case .key(let key):
            let keySpan = SourceSpan(line: token.span.line, column: token.span.column, length: token.span.length - 1)
            let value = try optionValue(after: token)
            return Arg(key: key, keySpan: keySpan, value: value.value, valueSpan: value.span, valueText: value.text)
        case .op(let op):
            return Arg(key: nil, keySpan: nil, value: .op(op), valueSpan: token.span, valueText: token.lexeme)
        default:
            let value = try value(startingWith: token)
            return Arg(key: nil, keySpan: nil, value: value.value, valueSpan: value.span, valueText: value.text)
        }
    }

    /// The value of an option, which must touch the `=` of its key.
    mutating func optionValue(after key: Token) throws(Diagnostic) -> (value: Value, span: SourceSpan, text: String) {
        let next = peek
        switch next.kind {
        case .end, .separator:
            throw Diagnostic("expected a value after '\(key.lexeme.shortened())'", at: key.span.after)
        case _ where next.range.lowerBound != key.range.upperBound:
            throw Diagnostic("expected a value right after '\(key.lexeme.shortened())' — remove the space", at: key.span.after)
        default:
            current += 1
            return try value(startingWith: next, context: "after '\(key.lexeme.shortened())'")
        }
    }

    /// value → NUMBER | STRING | WORD index? | list, with `token` (the previous token) already consumed.
    mutating func value(startingWith token: Token, context: String? = nil) throws(Diagnostic) -> (value: Value, span: SourceSpan, text: String) {
        let first = current - 1
        let value: Value
        switch token.kind {
        case .number(let number): value = .number(number)
        case .string(let text): value = .string(text)
        case .word(let word) where check(.leftBracket) && peek.range.lowerBound == token.range.upperBound:
            current += 1
            value = .indexed(name: word, indices: try indices(name: word, open: previous))
        case .word(let word): value = .word(word)
        case .leftBracket: value = .list(try list(open: token))
        default: throw unexpected(token, context: context)
        }
        return (value, span(first..<current), text(first..<current))
    }

    /// " — a list goes in brackets: `drop=[a,b]`" for a `,` after an option's value (`drop=a,b`), with the values that
    /// follow it; "" otherwise.
    func bracketHint(comma: Token) -> String {
        guard let k = tokens.firstIndex(where: { $0.range == comma.range }), k >= 2, case .key(let key) = tokens[k - 2].kind else { return "" }
        let isValue = { (t: Token) -> Bool in
            switch t.kind {
            case .word, .number, .string: return true
            default: return false
            }
        }
        guard isValue(tokens[k - 1]) else { return "" }
        var values = [tokens[k - 1].lexeme], j = k
        while j + 1 < tokens.count, tokens[j].kind == .comma, isValue(tokens[j + 1]) { values.append(tokens[j + 1].lexeme); j += 2 }
        return " — a list goes in brackets: `\(key)=[\(values.joined(separator: ","))]`".shortened(to: 120)
    }

    /// The error for a token that cannot stand where a value was wanted.
    func unexpected(_ token: Token, context: String?) -> Diagnostic {
        guard let context else {
            let message = token.kind == .comma ? "unexpected ',' outside a list" + bracketHint(comma: token)
                : "unexpected '\(token.lexeme.shortened())' — no '[' is open"
            return Diagnostic(message, at: token.span)
        }
        return Diagnostic("expected a value \(context), got '\(token.lexeme.shortened())'", at: token.span)
    }
}
