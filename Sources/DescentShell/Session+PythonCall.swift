import DescentLanguage

/// A Python method call typed as a command (`loss.backward()`, `model.fit(x, y)`), which the lexer refuses at its `.`.
extension Session {
    /// The lexer's `error` at the `.` of a Python call in `text` (a line starting at `line`) with what does the same here
    /// (`ForeignNames.callHint`); nil for any other error, or a call with no counterpart (the lexer's hint stands).
    static func pythonCall(_ error: Diagnostic, in text: String, line: Int) -> Diagnostic? {
        guard let span = error.span, error.message.hasPrefix("unexpected character '.'") else { return nil }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isLineEnd)
        let k = span.line - line
        guard k >= 0, k < lines.count, let call = Lexer.pythonCall(in: Array(lines[k]), dotAt: span.column - 1),
              let hint = ForeignNames.callHint(method: call.method, arguments: call.arguments) else { return nil }
        return Diagnostic("unexpected character '.' — `\(call.object).\(call.method)(…)` is Python; \(hint)", at: error.span)
    }
}
