/// What a completion provider offers for the word under the cursor.
public enum CompletionResult: Equatable, Sendable {
    /// These candidates (only those starting with the word are useful); no file names.
    case words([String])
    /// Complete a file name instead (readline's own file-name completion, e.g. inside a quoted path).
    case files
}
