import Foundation
import DescentLanguage
import DescentText

/// A run's name that the language cannot read as a word (`keep λ=0.001`), which the lexer refuses at a character.
extension Session {
    /// The lexer's `error` at a character of a `keep` or `unkeep` command's name in `text` (a line starting at `line`),
    /// with the name in quotes (`keep "λ=0.001"`), or of a run's name in `export history` or `export runs`; nil for any other error or command, one with a hint of its own (`keep
    /// a.b`'s), or a name with a quote in it.
    static func runName(_ error: Diagnostic, in text: String, line: Int) -> Diagnostic? {
        guard let span = error.span, error.message.hasPrefix("unexpected character"), !error.message.contains(" — "),
              let (physical, start, at, end) = commandAround(span, in: text, line: line) else { return nil }
        let words = String(physical[start..<end]).trimmingCharacters(in: .whitespaces)
        guard let blank = words.firstIndex(of: " ") else { return nil }
        let command = String(words[..<blank]), name = words[blank...].trimmingCharacters(in: .whitespaces)
        let matches = Commands.matching(command)
        // `export history 日本語 "j.csv"`: the run's name among the command's words, quoted where it stands.
        let second = words[blank...].split(separator: " ").first.map { $0.lowercased() }
        if matches.count == 1, matches[0].name == "export", second == "history" || second == "runs" {
            let isBreak = { (ch: Character) in ch == " " || ch == "\t" || ch == ";" || ch == "\"" }
            var first = at, last = at
            while first > start && !isBreak(physical[first - 1]) { first -= 1 }
            while last < end && !isBreak(physical[last]) { last += 1 }
            guard first > start, physical[first - 1] != "\"", last == end || physical[last] != "\"" else { return nil }
            let quoted = String(physical[start..<first]) + "\"" + String(physical[first..<last]) + "\"" + String(physical[last..<end])
            return Diagnostic(error.message + " — a run's name that is not a word goes in double quotes: "
                              + "`\(quoted.trimmingCharacters(in: .whitespaces).shortened(to: 100))`", at: span)
        }
        guard matches.count == 1, ["keep", "unkeep"].contains(matches[0].name), !name.contains("\"") else { return nil }
        return Diagnostic(error.message + " — a run's name that is not a word goes in double quotes: `\(matches[0].name) \"\(name.shortened())\"`",
                          at: span)
    }
}
