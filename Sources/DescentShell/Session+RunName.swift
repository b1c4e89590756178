import Foundation
import DescentLanguage
import DescentText

/// A run's name that the language cannot read as a word (`keep λ=0.001`), which the lexer refuses at a character.
extension Session {
    /// The lexer's `error` at a character of a `keep` or `unkeep` command's name in `text` (a line starting at `line`),
    /// with the name in quotes (`keep "λ=0.001"`); nil for any other error or command, one with a hint of its own (`keep
    /// a.b`'s), or a name with a quote in it.
    static func runName(_ error: Diagnostic, in text: String, line: Int) -> Diagnostic? {
        guard let span = error.span, error.message.hasPrefix("unexpected character"), !error.message.contains(" — "),
              let (physical, start, _, end) = commandAround(span, in: text, line: line) else { return nil }
        let words = String(physical[start..<end]).trimmingCharacters(in: .whitespaces)
        guard let blank = words.firstIndex(of: " ") else { return nil }
        let command = String(words[..<blank]), name = words[blank...].trimmingCharacters(in: .whitespaces)
        let matches = Commands.matching(command)
        guard matches.count == 1, ["keep", "unkeep"].contains(matches[0].name), !name.contains("\"") else { return nil }
        return Diagnostic(error.message + " — a run's name that is not a word goes in double quotes: `\(matches[0].name) \"\(name.shortened())\"`",
                          at: span)
    }
}
