/// How a replay stopped before its end, passed out through the replays around it so that the outermost says, in
/// one line, how and through which lines (`Commands.replay`); the replays between say nothing.
struct ReplayStop: Equatable {
    /// Why the replay stopped.
    enum Reason: Equatable {
        /// A command failed; its error was printed at its place.
        case failed
        /// Ctrl-C.
        case interrupted
        /// `q` (or `quit`, `stop`) at the step prompt.
        case declined
    }

    let reason: Reason
    /// The script that stopped, and its line where it stopped (nil when a command failed: its error shows where).
    let script: String, stoppedLine: Int?
    /// The scripts around it, outermost first, each as `name:line` where it replays the next.
    let through: [String]
    /// The line, in the script around the outermost of these, of the `replay` command that ran it.
    let line: Int

    /// The stop of the replay of `name`, run by the `replay` on `line`: at `stoppedLine` of it for `reason`, or,
    /// when a replay inside it stopped, that one's stop, `below`, reached through this script's line.
    init(_ reason: Reason, of name: String, stoppedAt stoppedLine: Int?, line: Int, below: ReplayStop?) {
        if let below {
            (self.reason, script, self.stoppedLine) = (below.reason, below.script, below.stoppedLine)
            through = ["\(name):\(below.line)"] + below.through
        } else {
            (self.reason, script, self.stoppedLine, through) = (reason, name, stoppedLine, [])
        }
        self.line = line
    }

    /// What the outermost replay, of `name`, says: `replay of a.descent stopped at the error above (3 replays deep:
    /// a.descent:3 → b.descent:5 → c.descent)`, `replay of a.descent interrupted at line 5; the rest of the script
    /// was not run`; a long chain's middle left out.
    func message(_ name: String) -> String {
        let chain = through + [stoppedLine.map { "\(script):\($0)" } ?? script]
        let shown = chain.count <= 5 ? chain : chain.prefix(2) + ["… \(chain.count - 4) more"] + chain.suffix(2)
        let deep = "\(chain.count) replays deep: \(shown.joined(separator: " → "))"
        let rest = through.isEmpty ? "; the rest of the script was not run" : "; the rest of those scripts was not run"
        let at = stoppedLine.map { " line \($0)" } ?? ""
        switch reason {
        case .failed:
            return "replay of \(name) stopped at the error above" + (through.isEmpty ? "" : " (\(deep))")
        case .interrupted:
            return "replay of \(name) interrupted" + (through.isEmpty ? " at\(at)" : " (\(deep))") + rest
        case .declined:
            return "replay of \(name) stopped at the step prompt" + (through.isEmpty ? " before\(at)" : " (\(deep))") + rest
        }
    }
}
