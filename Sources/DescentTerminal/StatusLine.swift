import CCurses
#if canImport(Glibc)
import Glibc
#endif

/// One line of progress on the terminal, rewritten in place with a carriage return (no escape sequences)
/// and wiped when the work ends, so that what is printed next starts on a clean line. While it is shown, typed keys
/// are not echoed into it (`Echo`).
public final class StatusLine {
    /// Columns the line now shown takes (0: nothing shown).
    private var shown = 0

    public init() {}

    /// Shows `text` (one line, one column per character) in place of the previous one, cut to the terminal's width.
    public func show(_ text: String) {
        let width = TerminalInfo.outputColumns ?? 80
        // Short of the edge, so that neither the line nor a ^C the terminal echoes after it wraps to a line below,
        // which the carriage return could not reach.
        let line = String(text.prefix(max(0, width - 3)))
        Echo.suppress()
        let padding = String(repeating: " ", count: max(0, shown - line.count))
        StatusLine.write("\r" + line + padding + "\r" + line)
        shown = line.count
    }

    /// Wipes the line, if one is shown, and leaves the cursor at its start; typed keys echo again.
    public func clear() {
        Echo.restore()
        guard shown > 0 else { return }
        StatusLine.write("\r" + String(repeating: " ", count: shown) + "\r")
        shown = 0
    }

    /// Writes `text` to standard output (or `fd`) as it is (no newline, unbuffered like the shell's other output); the
    /// pasted lines shown at the prompt go out the same way, where the prompt writes.
    static func write(_ text: String, to fd: Int32 = STDOUT_FILENO) {
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let n = bytes[start...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            start += n
        }
    }
}
