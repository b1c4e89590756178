import CCurses
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The terminal's settings from before `Echo.suppress()` turned echo off. A fixed C buffer and an atomic flag, so that
/// the fatal-signal handler can put them back without allocating.
nonisolated(unsafe) private let settingsBefore = UnsafeMutablePointer<termios>.allocate(capacity: 1)
private let echoSuppressed = Atomic<Bool>(false)

/// Typed keys are not echoed while a progress line is rewritten in place (`StatusLine`): the terminal would write
/// them into the line, which then stops being rewritten cleanly. They still wait, unread, for the prompt, where
/// readline shows them. Echo comes back when the line goes, and on the way out after a fatal signal.
enum Echo {
    /// Turns the terminal's echo off, if standard input is a terminal that echoes; again after a stop and `fg` (the
    /// shell may have set its own modes), keeping the settings from before the first time.
    static func suppress() {
        guard isatty(STDIN_FILENO) == 1 else { return }
        var now = termios()
        guard tcgetattr(STDIN_FILENO, &now) == 0, now.c_lflag & tcflag_t(ECHO) != 0 else { return }
        if !echoSuppressed.load(ordering: .acquiring) {
            settingsBefore.pointee = now
            TerminalGuard.arm()   // SIGTERM, SIGHUP and crashes put the echo back too
            echoSuppressed.store(true, ordering: .releasing)
        }
        now.c_lflag &= ~tcflag_t(ECHO)
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &now)
    }

    /// Puts the settings from before `suppress()` back; nothing when echo was not suppressed.
    static func restore() {
        guard restoreSettings() else { return }
        TerminalGuard.disarm()
    }

    /// Puts the settings back (tcsetattr only, so a signal handler may call it); returns whether echo was suppressed.
    @discardableResult
    static func restoreSettings() -> Bool {
        guard echoSuppressed.exchange(false, ordering: .acquiringAndReleasing) else { return false }
        _ = tcsetattr(STDIN_FILENO, TCSANOW, settingsBefore)
        return true
    }
}
