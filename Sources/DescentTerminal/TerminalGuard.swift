import CCurses
import CReadline
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Which part of Descent has the terminal in a special mode (a `TerminalGuard.Owner` raw value). Read by the
/// exit hook and the crash handlers, hence an atomic.
private let terminalOwner = Atomic<UInt8>(0)

/// Previous actions of the fatal signals, indexed by signal number. Written by `TerminalGuard.arm()` before the
/// handlers exist, read by the handlers; a fixed C buffer so that reading it allocates nothing.
nonisolated(unsafe) private let savedFatalActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 128)

/// How many `arm()` calls are not yet matched by `disarm()`; only the thread driving the terminal touches it.
nonisolated(unsafe) private var armCount = 0

/// What clears the terminal after the full-screen view where it has no alternate screen (`clearCount` bytes; none
/// where it has one). Made when the curses screen is made, read by `restore`, in a signal handler too: a fixed C
/// buffer and an atomic count, so that reading them allocates nothing.
nonisolated(unsafe) private let clearBytes = UnsafeMutablePointer<CChar>.allocate(capacity: 64)
private let clearCount = Atomic<Int32>(0)

/// Where the prompt writes (its echo and prompt), for the line break after a fatal signal.
private let lineEditorOutput = Atomic<Int32>(STDOUT_FILENO)

/// Makes sure the terminal is given back however the process ends while the full-screen view (curses) or the
/// prompt (readline) has it in raw mode: normal exit, or SIGTERM, SIGHUP, SIGSEGV, SIGABRT, SIGBUS, SIGILL,
/// SIGFPE (restore, then re-raise so the process ends as it would have). A signal that was ignored when the guard was
/// armed is left ignored. The same handlers remove a temporary file a save is writing (`PendingFile`).
enum TerminalGuard {
    /// What has the terminal in a special mode.
    enum Owner: UInt8 {
        case nobody, fullScreen, lineEditor
    }

    /// The signals after which the terminal is restored before the process dies.
    static var fatalSignals: [Int32] {
        [shim_sigterm(), shim_sighup(), shim_sigsegv(), shim_sigabrt(), shim_sigbus(), shim_sigill(), shim_sigfpe()]
    }

    /// Installs the crash handlers (once for nested calls) and the exit hook; call before changing terminal modes.
    static func arm() {
        _ = terminalOwner.load(ordering: .relaxed)
        _ = exitHookRegistered
        armCount += 1
        guard armCount == 1 else { return }
        for signal in fatalSignals {
            _ = shim_install_handler(signal, handleFatalSignal, savedFatalActions + Int(signal))
            // A signal the process was told to ignore (`nohup`, `trap "" HUP`) stays ignored: it ends nothing.
            if shim_action_ignores(savedFatalActions + Int(signal)) != 0 {
                _ = shim_restore_handler(signal, savedFatalActions + Int(signal))
            }
        }
    }

    /// Puts back the handlers that were there before the outermost `arm()`.
    static func disarm() {
        guard armCount > 0 else { return }
        armCount -= 1
        guard armCount == 0 else { return }
        for signal in fatalSignals { _ = shim_restore_handler(signal, savedFatalActions + Int(signal)) }
    }

    /// Records that `owner` now has the terminal in its mode.
    static func take(_ owner: Owner) { terminalOwner.store(owner.rawValue, ordering: .releasing) }

    /// Gives the terminal back to the shell (endwin and bracketed paste off, the screen cleared where there is no
    /// alternate screen, or readline's deprep); idempotent. Returns what had the terminal.
    @discardableResult
    static func restore() -> Owner {
        let owner = Owner(rawValue: terminalOwner.exchange(Owner.nobody.rawValue, ordering: .acquiringAndReleasing)) ?? .nobody
        switch owner {
        case .fullScreen:
            endwin()
            shim_bracketed_paste(0)
            // Else the view's last frame would stay, and what is printed next would appear under it.
            shim_write_all(STDOUT_FILENO, clearBytes, clearCount.load(ordering: .acquiring))
        case .lineEditor: rl_deprep_terminal()
        case .nobody: break
        }
        return owner
    }

    /// Notes whether the full-screen view's terminal has an alternate screen (`has`); when it has none, `restore`
    /// clears the screen the view drew on. Call after the curses screen is made.
    static func noteAlternateScreen(_ has: Bool) {
        clearCount.store(has ? 0 : shim_clear_sequence(clearBytes, 64), ordering: .releasing)
    }

    /// Notes where the prompt writes (standard output, unless it is not a terminal).
    static func noteLineEditorOutput(_ fd: Int32) { lineEditorOutput.store(fd, ordering: .releasing) }

    /// After a fatal signal at the prompt: the line typed so far stays, and the shell's next words ("Terminated")
    /// start on a fresh line rather than over it (readline's deprep left the cursor at the line's start); `fd`: a
    /// line break there instead (after a progress line on standard output).
    fileprivate static func leaveLine(fd: Int32? = nil) {
        var newline = CChar(10)
        shim_write_all(fd ?? lineEditorOutput.load(ordering: .acquiring), &newline, 1)
    }

    /// Registers the exit hook once (Swift runs a static initialiser exactly once).
    private static let exitHookRegistered: Bool = {
        atexit { TerminalGuard.restore() }
        return true
    }()
}

/// Restores the terminal, puts back the signal's previous action and raises the signal again, so the process
/// ends (or a previous crash reporter runs) as it would have. `endwin` and `rl_deprep_terminal` are not formally
/// async-signal-safe; this is a best effort on the way out, which beats leaving the terminal in raw mode.
private func handleFatalSignal(_ signal: Int32) {
    PendingFile.removeOnSignal()
    // A progress line (shown while echo is off) stays, with the shell's next words on the line below it; keys typed
    // meanwhile, which no one saw, are dropped rather than left for the shell to run.
    if Echo.restoreSettings() {
        _ = tcflush(STDIN_FILENO, TCIFLUSH)
        TerminalGuard.leaveLine(fd: STDOUT_FILENO)
    }
    if TerminalGuard.restore() == .lineEditor { TerminalGuard.leaveLine() }
    _ = shim_restore_handler(signal, savedFatalActions + Int(signal))
    raise(signal)
}
