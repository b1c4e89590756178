import CCurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the process is connected to, and whether the full-screen view may be used.
public enum TerminalInfo {
    /// True when standard input is a terminal (the interactive prompt can run).
    public static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    /// True when standard output is a terminal.
    public static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// The width of the terminal standard output goes to, in columns; nil when it is not a terminal.
    public static var outputColumns: Int? {
        var rows: Int32 = 0, columns: Int32 = 0
        return shim_terminal_size(STDOUT_FILENO, &rows, &columns) != 0 ? Int(columns) : nil
    }

    /// True when input is waiting that nobody has read: bytes on standard input (lines typed ahead or pasted while a
    /// command ran) or the lines of a bracketed paste that the prompt has not run yet. The full-screen views would
    /// read them as keys (`q` of `quit` stopping a run), so they stay closed then and the input is left for the
    /// prompt. A hang-up or a closed descriptor counts too.
    public static var inputWaiting: Bool { LineEditor.pasteWaiting || inputWaiting(on: STDIN_FILENO) }

    /// True when `fd` has bytes to read, or a condition (hang-up, error) that `poll` reports, right now.
    static func inputWaiting(on fd: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&entry, 1, 0)
            if ready < 0 && errno == EINTR { continue }
            return ready > 0
        }
    }

    /// True when both ends are terminals and `TERM` names a terminal able to address the cursor.
    public static var canUseFullScreen: Bool {
        fullScreenAllowed(stdinIsTerminal: stdinIsTerminal, stdoutIsTerminal: stdoutIsTerminal, term: environment("TERM"))
    }

    /// True when the user's locale encodes characters as UTF-8 (braille and box drawing can be shown).
    public static var isUnicodeLocale: Bool {
        adoptUserLocale()
        return shim_locale_is_utf8() != 0
    }

    /// True unless the `NO_COLOR` convention (https://no-color.org) asks for no colour.
    public static var colorsWanted: Bool { (environment("NO_COLOR") ?? "").isEmpty }

    /// The decision behind `canUseFullScreen`: both ends terminals, `TERM` set and not `dumb`.
    static func fullScreenAllowed(stdinIsTerminal: Bool, stdoutIsTerminal: Bool, term: String?) -> Bool {
        guard stdinIsTerminal, stdoutIsTerminal, let term else { return false }
        return !term.isEmpty && term != "dumb"
    }

    /// Switches the process to the user's locale for characters (numbers stay in "C" format); done once.
    static func adoptUserLocale() { _ = localeAdopted }

    /// Runs the locale switch the first time it is read (Swift initialises static lets exactly once).
    private static let localeAdopted: Bool = {
        shim_adopt_user_locale()
        return true
    }()

    /// The value of environment variable `name`, if set.
    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
