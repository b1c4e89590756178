import CReadline
import Foundation

extension LineEditor {
    /// Adds `line` to the history (skipping blanks and an immediate repeat) and appends it to the history file.
    public func addHistory(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        if let last = shim_last_history_line(), String(cString: last) == line { return }
        add_history(line)
        guard let historyFile else { return }
        if FileManager.default.fileExists(atPath: historyFile) {
            append_history(1, historyFile)
        } else {
            write_history(historyFile)
        }
        history_truncate_file(historyFile, Int32(LineEditor.historyLimit))
    }

    /// `$XDG_STATE_HOME/descent/history` when XDG_STATE_HOME is set (the directory is created), else
    /// `~/.descent_history`; nil when neither variable is set or the directory cannot be made.
    public static func defaultHistoryPath() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
            let directory = state + "/descent"
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                return nil
            }
            return directory + "/history"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.descent_history"
    }

    /// Replaces the in-memory history with the history file's last `historyLimit` lines.
    func loadHistory() {
        clear_history()
        stifle_history(Int32(LineEditor.historyLimit))
        if let historyFile { read_history(historyFile) }
    }
}
