import Foundation
import DescentLanguage
import DescentTerminal
import DescentText

/// The interactive prompt: read a line (joining `\` continuations), run it, repeat until `quit` or Ctrl-D.
struct Repl {
    let session: Session

    /// `replay … step`'s question under each line: the prompt reads a line, so q stops only with Enter after it.
    static let stepPrompt = "  [Enter runs it; q then Enter stops] "

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

    /// Said when Ctrl-D (end of input) comes at the `...>` prompt: the command begun on the lines `pending` is dropped.
    static func droppedContinuation(_ pending: [String]) -> String {
        "end of input: dropped the unfinished command `\(LineJoiner.singleLine(pending).shortened())` (Ctrl-D at descent> leaves)"
    }

    /// Said when Ctrl-C dropped `count` pasted lines that were waiting to run; nil when none were.
    static func droppedPaste(_ count: Int) -> String? {
        guard count > 0 else { return nil }
        return count == 1 ? "interrupted: the pasted line still waiting was dropped"
                          : "interrupted: the \(count) pasted lines still waiting were dropped"
    }

    /// The history's entry for the command typed on the lines `pending` (joined, `full`): on one line
    /// (`LineJoiner.singleLine`), or nil when `Session` refuses it as too long: kept, Up would bring back megabytes
    /// that cannot run, in later sessions too.
    static func historyEntry(_ pending: [String], full: String) -> String? {
        Session.isTooLong(full) ? nil : LineJoiner.singleLine(pending)
    }

    func run() -> Int32 {
        let w = session.workspace
        let editor = LineEditor(name: "descent", historyFile: LineEditor.defaultHistoryPath())
        editor.completionProvider = { line, word in
            Completion.result(line: line, word: word, workspace: w)
        }
        // Words for the person at the prompt, not the commands' output: on the terminal, also when standard output
        // goes to a file or a pipe (where the prompt writes then).
        let say = { (text: String) in
            if TerminalInfo.stdoutIsTerminal { w.out.print(text) } else {
                editor.show(TerminalInfo.isUnicodeLocale ? text.controlsEscaped : text.controlsEscaped.asciiSpelled)
            }
        }
        w.say = say
        w.stepPrompt = {
            var prompt = Repl.stepPrompt
            while true {
                switch editor.readLine(prompt: prompt) {
                case .line(let s):
                    if let go = Repl.stepAnswer(s) { return go }
                    prompt = "  [Enter alone runs the line; q, quit or stop, then Enter, ends the replay] "
                default: return false
                }
            }
        }
        say("Descent \(Version.string) — type `help` for the commands, `quit` or Ctrl-D to leave.")
        if let problem = editor.historyProblem { w.out.error("descent: warning: \(problem)") }
        var pending: [String] = []
        while !w.quitRequested {
            switch editor.readLine(prompt: pending.isEmpty ? "descent> " : "   ...> ") {
            case .eof:
                // As bash says "unexpected end of file" and goes on: Ctrl-D at `...>` drops the unfinished command only.
                if !pending.isEmpty {
                    say(Repl.droppedContinuation(pending))
                    pending = []
                    continue
                }
                return 0
            case .interrupted:
                pending = []
            case .line(let line):
                pending.append(line)
                if LineJoiner.continues(line) { continue }
                // The history keeps the whole command on one line, so Up recalls all of it, after a restart too.
                let full = LineJoiner.join(pending)
                if let entry = Repl.historyEntry(pending, full: full), let problem = editor.addHistory(entry) {
                    w.out.error("descent: warning: \(problem)")
                }
                pending = []
                session.run(line: full)
                // Ctrl-C drops the rest of a paste, as the terminal drops the input waiting for a command it stops.
                if Interrupt.requested, let note = Repl.droppedPaste(editor.dropPaste()) { w.out.print(note) }
            }
        }
        return 0
    }
}
