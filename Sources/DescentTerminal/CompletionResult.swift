/// What a completion provider offers for the word under the cursor.
public enum CompletionResult: Equatable, Sendable {
    /// These candidates (only those starting with the word are useful); no file names.
    case words([String])
    /// These file names (directories ending in `/`), completed as readline completes file names: a directory's `/`
    /// ends a unique match, a file's closes the open quote.
    case paths([String])
    /// Complete a file name instead (readline's own file-name completion: any file, e.g. in a string that is no command's file).
    case files
}
