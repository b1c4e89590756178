import DescentText
import Foundation

/// Writes results to standard output and problems to standard error, flushing each line. Control characters (but
/// line feed and tab) are shown escaped (`^[`; see `String.controlsEscaped`): text from files and file names cannot
/// send the terminal escape sequences. Nothing printed through here is meant to hold any: the status line, the prompt
/// and the full-screen views write to the terminal by other ways. A write that fails (a terminal that went away
/// answers EIO) is dropped, as `print` drops it, rather than ending descent on its way out.
public final class StandardOutput: Output {
    public init() {}
    public func print(_ text: String) { try? FileHandle.standardOutput.write(contentsOf: Data((text.controlsEscaped + "\n").utf8)) }
    public func error(_ text: String) { try? FileHandle.standardError.write(contentsOf: Data((text.controlsEscaped + "\n").utf8)) }
}
