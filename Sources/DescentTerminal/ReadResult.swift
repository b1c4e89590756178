/// What one `LineEditor.readLine` call produced.
public enum ReadResult: Equatable, Sendable {
    /// A line the user entered (without the newline).
    case line(String)
    /// Ctrl-D on an empty line (or the input closed).
    case eof
    /// Ctrl-C: the line was abandoned; the caller shows a fresh prompt.
    case interrupted
}
