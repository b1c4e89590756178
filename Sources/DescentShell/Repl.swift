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

    /// What an answer at `replay … step`'s prompt means: true runs the line (Enter alone), false stops the replay,
    /// nil is neither (`qquit`, a command typed there), so the prompt asks again.
    static func stepAnswer(_ answer: String) -> Bool? {
        if answer.allSatisfy({ $0 == " " || $0 == "\t" }) { return true }
        return stops(answer) ? false : nil
    }

    func run() -> Int32 {
        let w = session.workspace
        let editor = LineEditor(name: "descent", historyFile: LineEditor.defaultHistoryPath())
        editor.completionProvider = { line, word in
            Completion.insideString(line) ? .files : .words(Completion.candidates(line: line, word: word, workspace: w))
        }
        w.stepPrompt = {
            var prompt = "  [Enter runs it, q stops] "
            while true {
                switch editor.readLine(prompt: prompt) {
                case .line(let s):
                    if let go = Repl.stepAnswer(s) { return go }
                    prompt = "  [Enter alone runs the line; q, quit or stop ends the replay] "
                default: return false
                }
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
