/// How a script run ended.
public enum ScriptEnd: Equatable, Sendable {
    /// Every line ran.
    case completed
    /// `quit` (or `exit`) on `line` ended the script; its later lines (and commands) did not run.
    case quit(line: Int)
    /// A command failed; its error, with file and line, was printed.
    case failed
    /// Ctrl-C stopped it at `line`: in that line's commands, or at the step prompt before it.
    case interrupted(line: Int)
    /// The user declined to run `line` at the step prompt.
    case declined(line: Int)
}
