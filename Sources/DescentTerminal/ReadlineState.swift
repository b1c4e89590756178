/// What readline's C callbacks need to reach, kept in one global because C function pointers cannot capture.
struct ReadlineState {
    /// Supplies completions: the line up to the cursor and the word being completed.
    var completionProvider: ((_ line: String, _ word: String) -> CompletionResult)?
    /// The candidates being handed to readline one by one, and the next one to hand.
    var candidates: [String] = []
    var nextCandidate = 0
    /// Set by the line handler when the user finished a line (or pressed Ctrl-D).
    var finished: ReadResult?
    /// The copy of the program name that `rl_readline_name` points to.
    var name: UnsafeMutablePointer<CChar>?
    /// What a bracketed paste left to read after its first line: its other complete lines, in order, and the text
    /// after its last line break, which waits in the next prompt's line for Enter.
    var pastedLines: [String] = []
    var pastedRest = ""
    /// Where the prompt writes (readline's output): standard output, or the terminal when standard output is not one.
    var output: Int32 = 1

    /// True while a paste has lines or text not yet read.
    var pasteWaiting: Bool { !pastedLines.isEmpty || !pastedRest.isEmpty }
}

/// Readline is a single process-wide C library; Descent drives it from one thread only (the prompt's), and its
/// callbacks run synchronously inside `rl_callback_read_char` on that same thread, so this global is never
/// accessed concurrently.
nonisolated(unsafe) var readlineState = ReadlineState()
