import CCurses
import CReadline
#if canImport(Glibc)
import Glibc
#endif

/// The prompt's line editor over GNU readline: editing keys and ~/.inputrc (`$if descent`), history kept in a
/// file, Tab completion from a provider, and Ctrl-C that abandons the line instead of ending the process.
/// Readline is process-wide: use one editor at a time.
public final class LineEditor {
    /// The most lines kept in memory and in the history file.
    public static let historyLimit = 1000

    /// Characters that end a word for completion (`=` is not one: `init=he` completes as a whole).
    static let wordBreakCharacters = " \t\n\"(),[];"

    /// The history file; nil when there is none or it cannot be written (the history is then kept in memory only).
    var historyFile: String?

    /// Why the history file given to `init` cannot be used, as a warning to show once; nil when it can.
    public private(set) var historyProblem: String?

    /// Prepares readline for program `name` and loads the history from `historyFile` (nil: no file), making its
    /// directory if needed; when the file cannot be written, or is not a regular file, `historyProblem` says why and the
    /// history stays in memory. A history file that is (a link to) /dev/null keeps the history in memory without a word.
    public init(name: String, historyFile: String?) {
        TerminalInfo.adoptUserLocale()
        LineEditor.configureReadline(name: name)
        // Checked before it is read: reading a FIFO would wait for a writer, forever if none comes.
        if let historyFile, let reason = LineEditor.historyFileProblem(historyFile) {
            historyProblem = LineEditor.historyWarning(historyFile, reason: reason)
        } else if let historyFile, !LineEditor.isDevNull(historyFile) {
            self.historyFile = historyFile
        }
        loadHistory()
    }

    /// Supplies Tab completions: the line up to the cursor and the word being completed.
    public var completionProvider: ((_ line: String, _ word: String) -> CompletionResult)? {
        get { readlineState.completionProvider }
        set { readlineState.completionProvider = newValue }
    }

    /// Reads one line after showing `prompt`. Ctrl-C abandons the line (`.interrupted`); Ctrl-D on an empty line is `.eof`.
    /// The lines of a bracketed paste come one a call, as typed (see `LineEditor+Paste`).
    public func readLine(prompt: String) -> ReadResult {
        fflush(nil)
        if let pasted = LineEditor.takePastedLine(prompt: prompt) { return .line(pasted) }
        rl_reset_screen_size()
        readlineState.finished = nil
        TerminalGuard.arm()
        Interrupt.begin()
        let traps = [shim_sigwinch(), shim_sigtstp(), shim_sigcont()].map { SignalTrap(signal: $0, handler: { SignalWake.post($0) }) }
        defer {
            traps.forEach { $0.restore() }
            Interrupt.end()
            TerminalGuard.restore()
            TerminalGuard.disarm()
        }
        _ = SignalWake.drain()
        rl_callback_handler_install(prompt, handleLine)
        TerminalGuard.take(.lineEditor)
        LineEditor.insertPastedRest()
        while true {
            if let result = readlineState.finished {
                // Readline leaves the cursor on the prompt's line at Ctrl-D: what follows starts on a line of its own.
                if result == .eof { LineEditor.endLine() }
                return result
            }
            switch LineEditor.waitForInput() {
            case .input: rl_callback_read_char()
            case .resize: rl_resize_terminal()
            case .suspend:
                rl_deprep_terminal()
                fflush(nil)
                shim_suspend_self()
            case .resume: LineEditor.resumeLine()
            case .interrupt:
                LineEditor.abandonLine()
                return .interrupted
            case .failed:
                rl_callback_handler_remove()
                LineEditor.endLine()
                return .eof
            }
        }
    }

    /// Writes `line` and a line break where the prompt writes: the terminal, also when standard output is not one.
    public func show(_ line: String) { StatusLine.write(line + "\n", to: readlineState.output) }

    /// Sets readline's process-wide options (our signal handling, word rules, completion, `$if` name) and reads ~/.inputrc.
    private static func configureReadline(name: String) {
        free(readlineState.name)
        readlineState.name = strdup(name)
        shim_rl_set_readline_name(readlineState.name)
        shim_rl_set_catch_signals(0)
        shim_rl_set_catch_sigwinch(0)
        shim_rl_set_change_environment(0)
        shim_rl_set_word_break_characters(wordRules.breaks)
        shim_rl_set_completer_quote_characters(wordRules.quotes)
        shim_rl_set_attempted_completion_function(attemptCompletion)
        shim_rl_set_deprep_term_function(deprepTerminal)
        readlineState.output = chooseOutput()
        TerminalGuard.noteLineEditorOutput(readlineState.output)
        rl_initialize()
        bindPaste()
    }

    /// Where the prompt and the echo of what is typed go: standard output; but when it is not a terminal (`descent >
    /// out.txt`, `descent | tee log`) and standard input is, the terminal — standard error if it is one, else
    /// /dev/tty — as bash and python do, so that the file gets the commands' output only, without the prompt's
    /// escape sequences, and the user does not type blind.
    private static func chooseOutput() -> Int32 {
        guard isatty(STDOUT_FILENO) == 0, isatty(STDIN_FILENO) == 1 else { return STDOUT_FILENO }
        if isatty(STDERR_FILENO) == 1, shim_rl_set_output(STDERR_FILENO) != 0 { return STDERR_FILENO }
        let tty = open("/dev/tty", O_WRONLY | O_CLOEXEC)
        if tty >= 0, shim_rl_set_output(tty) != 0 { return tty }
        if tty >= 0 { close(tty) }
        return STDOUT_FILENO
    }

    /// C copies of the word-break and quote characters; readline keeps the pointers, so they live for the process.
    nonisolated(unsafe) private static let wordRules = (breaks: strdup(wordBreakCharacters), quotes: strdup("\""))

    /// After `fg`: the shell left the terminal in its own mode, so set readline's mode again and redraw the line.
    private static func resumeLine() {
        rl_deprep_terminal()
        rl_prep_terminal(1)
        rl_on_new_line()
        rl_redisplay()
    }

    /// Moves to the start of a fresh line below the prompt's.
    private static func endLine() {
        rl_crlf()
        fflush(nil)
    }

    /// Clears the abandoned line after Ctrl-C, echoes ^C and moves to a fresh line, then leaves readline.
    private static func abandonLine() {
        rl_free_line_state()
        rl_callback_sigcleanup()
        rl_echo_signal_char(shim_sigint())
        rl_replace_line("", 0)
        rl_crlf()
        rl_callback_handler_remove()
        fflush(nil)
    }
}

/// Gives the terminal back after a line as readline does, but without the line feed readline 8.2 adds once Ctrl-D
/// was read: it never forgets that Ctrl-D (in callback mode), so every later command would be followed by a blank
/// line. `readLine` moves to a fresh line after Ctrl-D itself.
private func deprepTerminal() {
    shim_rl_set_eof_found(0)
    rl_deprep_terminal()
}

/// Readline's line handler: stores the finished line (NULL means end of input) and uninstalls itself,
/// so that readline does not show the prompt again before the caller asks.
private func handleLine(_ line: UnsafeMutablePointer<CChar>?) {
    rl_callback_handler_remove()
    if let line {
        readlineState.finished = .line(String(cString: line))
        free(line)
    } else {
        readlineState.finished = .eof
    }
}
