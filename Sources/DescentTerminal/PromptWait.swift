/// Why the prompt's wait for input ended.
enum PromptWait: Equatable, Sendable {
    /// A key is ready on standard input.
    case input
    /// The terminal was resized.
    case resize
    /// Ctrl-Z (SIGTSTP): give the terminal back and stop.
    case suspend
    /// The process was continued after a stop (Ctrl-Z, then `fg`).
    case resume
    /// Ctrl-C (SIGINT).
    case interrupt
    /// Waiting failed for a reason other than a signal.
    case failed
}
