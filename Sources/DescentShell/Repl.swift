import Foundation
import DescentLanguage
import DescentTerminal

/// The interactive prompt: read a line (joining `\` continuations), run it, repeat until `quit` or Ctrl-D.
struct Repl {
    let session: Session

    /// Whether an answer at `replay … step`'s prompt stops the replay: q, quit, stop or exit (any case).
    static func stops(_ answer: String) -> Bool {
        ["q", "quit", "stop", "exit"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }

    func run() -> Int32 {
        let w = session.workspace
        let editor = LineEditor(name: "descent", historyFile: LineEditor.defaultHistoryPath())
        editor.completionProvider = { line, word in
            Completion.insideString(line) ? .files : .words(Completion.candidates(line: line, word: word, workspace: w))
        }
        w.stepPrompt = {
            switch editor.readLine(prompt: "  [Enter runs it, q stops] ") {
            case .line(let s): return !Repl.stops(s)
            default: return false
            }
        }
        w.out.print("Descent \(Version.string) — type `help` for the commands, `quit` or Ctrl-D to leave.")
        if let problem = editor.historyProblem { w.out.error("descent: warning: \(problem)") }
        var pending: [String] = []
        while !w.quitRequested {
            switch editor.readLine(prompt: pending.isEmpty ? "descent> " : "   ...> ") {
            case .eof:
                w.out.print("")
                return 0
            case .interrupted:
                pending = []
            case .line(let line):
                pending.append(line)
                if LineJoiner.continues(line) { continue }
                // The history keeps the whole command on one line, so Up recalls all of it, after a restart too.
                if let problem = editor.addHistory(LineJoiner.singleLine(pending)) { w.out.error("descent: warning: \(problem)") }
                let full = LineJoiner.join(pending)
                pending = []
                session.run(line: full)
                // Ctrl-C drops the rest of a paste, as the terminal drops the input waiting for a command it stops.
                if Interrupt.requested { editor.dropPaste() }
            }
        }
        return 0
    }
}
