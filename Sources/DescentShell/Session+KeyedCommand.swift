import DescentLanguage

/// A command written as an option at the start of a command (`lr=0.1`), which the parser refuses as no command name.
extension Session {
    /// The parser's `error` with the command as it is written (`lr 0.1`), when it is about a `name=` that begins a command
    /// of `text` (a line starting at `line`) and `name` is a command's; nil otherwise.
    static func keyedCommand(_ error: Diagnostic, in text: String, line: Int) -> Diagnostic? {
        var lexer = Lexer(text, line: line)
        guard let tokens = try? lexer.tokenize(), let i = tokens.firstIndex(where: { $0.span == error.span }),
              case .key(let name) = tokens[i].kind, Commands.matching(name).count == 1 else { return nil }
        var value = "X"
        if i + 1 < tokens.count {
            switch tokens[i + 1].kind {
            case .number, .word, .string: value = tokens[i + 1].lexeme.shortened()
            default: break
            }
        }
        return Diagnostic(error.message + " — a command is written without '=', its value after a space: `\(name.shortened()) \(value)`",
                          at: error.span)
    }

    /// The error for a command whose value follows an `=` set apart by spaces (`optimizer = adam`, `loss = mse`,
    /// `lr = 0.1`), at the `=`, with the command as it is written; nil for any other command (no command's first
    /// argument is an `=`; `set` and `expect`, which take one after theirs, are not asked).
    static func equalsAfterName(_ c: Command, name: String) -> Diagnostic? {
        guard c.args.count > 1, let first = c.args.first, first.key == nil, first.value == .op("=") else { return nil }
        let written = ([name] + c.args.dropFirst().map(\.text)).joined(separator: " ")
        return Diagnostic("a command takes its value after a space, without '=': `\(written.shortened(to: 80))`", at: first.valueSpan)
    }
}
