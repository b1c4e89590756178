import DescentText
import Foundation

/// Writes results to standard output and problems to standard error, flushing each line. Control characters (but
/// line feed and tab) are shown escaped (`^[`; see `String.controlsEscaped`): text from files and file names cannot
/// send the terminal escape sequences. Nothing printed through here is meant to hold any: the status line, the prompt
/// and the full-screen views write to the terminal by other ways. A write that fails (a terminal that went away
/// answers EIO) is dropped, as `print` drops it, rather than ending descent on its way out.
///
/// With `ascii` (a locale that does not encode UTF-8) the signs descent prints are spelled in ASCII
/// (`String.asciiSpelled`), and a table is redrawn in ASCII whole (`ASCIITable`): its lines wait from its top rule
/// to its bottom one (or to the next other line), so that a column widened by a spelling is widened in every row.
public final class StandardOutput: Output {
    private let ascii: Bool
    /// The lines of a table under way (`ascii` only), from its top rule.
    private var table: [String] = []
    /// Whether an earlier chunk of the table under way was written (its top rule with it): a long table is written
    /// `heldLines` at a time, so that it shows as it comes and Ctrl-C can cut it between rows.
    private var tableTopWritten = false
    /// The most lines of a table held before they are written.
    static let heldLines = 256

    public init(ascii: Bool = false) { self.ascii = ascii }

    public func print(_ text: String) {
        let text = text.controlsEscaped
        guard ascii else { return StandardOutput.write(text, to: .standardOutput) }
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            // A table ends at its bottom rule, or where a line that is none of its own comes.
            if !table.isEmpty && (ASCIITable.isTop(line) || !ASCIITable.isPart(line)) { out += endTable() }
            if table.isEmpty && !ASCIITable.isTop(line) {
                out.append(line.asciiSpelled)
                continue
            }
            table.append(line)
            if ASCIITable.isBottom(line) {
                out += endTable()
            } else if table.count >= StandardOutput.heldLines {
                // The widths come from each chunk (with the top rule); a table of numbers keeps them throughout.
                out += spelledTable()
                table = [table[0]]
                tableTopWritten = true
            }
        }
        if !out.isEmpty { StandardOutput.write(out.joined(separator: "\n"), to: .standardOutput) }
    }

    public func error(_ text: String) {
        flush()
        StandardOutput.write(ascii ? text.controlsEscaped.asciiSpelledKeepingCarets : text.controlsEscaped, to: .standardError)
    }

    /// The line break after the terminal's `^C` goes where the terminal is: standard output when it is one, else
    /// standard error (where the prompt then is), else nowhere — a file must not get a blank line for it.
    public func pastEcho() {
        if isatty(STDOUT_FILENO) == 1 { print("") }
        else if isatty(STDERR_FILENO) == 1 { StandardOutput.write("", to: .standardError) }
    }

    /// Writes the table under way, as far as it came (a command stopped while printing it).
    public func flush() {
        guard !table.isEmpty else { return }
        StandardOutput.write(endTable().joined(separator: "\n"), to: .standardOutput)
    }

    /// The held lines of the table under way in ASCII, without the top rule when an earlier chunk wrote it.
    private func spelledTable() -> [String] {
        let lines = ASCIITable.spelled(table)
        return tableTopWritten ? Array(lines.dropFirst()) : lines
    }

    /// `spelledTable()`, ending the table under way.
    private func endTable() -> [String] {
        defer { table = []; tableTopWritten = false }
        return spelledTable()
    }

    /// Writes `text` and a line break to `handle`, dropping a write that fails.
    private static func write(_ text: String, to handle: FileHandle) {
        try? handle.write(contentsOf: Data((text + "\n").utf8))
    }
}
