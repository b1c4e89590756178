import CReadline
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension LineEditor {
    /// Adds `line` to the history (skipping blanks and an immediate repeat) and appends it to the history file.
    /// The first time the file cannot be written, returns a warning and stops using the file (the history is then
    /// kept for this session only); nil otherwise.
    @discardableResult
    public func addHistory(_ line: String) -> String? {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        if let last = shim_last_history_line(), String(cString: last) == line { return nil }
        add_history(line)
        guard let historyFile else { return nil }
        // Checked before each write: opening a FIFO to write would wait for a reader, forever if none comes.
        var info = stat()
        let exists = stat(historyFile, &info) == 0
        if exists, let kind = LineEditor.irregularKind(info.st_mode) {
            self.historyFile = nil
            return LineEditor.historyWarning(historyFile, reason: "it is \(kind), not a regular file")
        }
        var status = exists ? append_history(1, historyFile) : write_history(historyFile)
        if status == 0 { status = history_truncate_file(historyFile, Int32(LineEditor.historyLimit)) }
        guard status != 0 else { return nil }
        self.historyFile = nil
        return LineEditor.historyWarning(historyFile, reason: String(cString: strerror(status)))
    }

    /// What a file of `mode` that is neither a regular file nor a directory is (`a FIFO (named pipe)`, `a socket`,
    /// …); nil for a regular file or a directory. File messages elsewhere (saving, reading) word them the same.
    public static func irregularKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG, S_IFDIR: return nil
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        default: return "not a file"
        }
    }

    /// Whether `path` is /dev/null or a link to it: the usual way to keep no history file.
    static func isDevNull(_ path: String) -> Bool {
        var info = stat(), null = stat()
        return stat(path, &info) == 0 && stat("/dev/null", &null) == 0 && info.st_mode & S_IFMT == S_IFCHR
            && info.st_rdev == null.st_rdev
    }

    /// `$XDG_STATE_HOME/descent/history` when XDG_STATE_HOME is set, else `~/.descent_history`; nil when neither
    /// variable is set. The directory is made when the editor opens the file.
    public static func defaultHistoryPath() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
            return state + "/descent/history"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.descent_history"
    }

    /// The warning shown once when the history cannot be kept in `path` for `reason`.
    static func historyWarning(_ path: String, reason: String) -> String {
        "cannot keep the prompt's history in \(path): \(reason) (history is kept for this session only)"
    }

    /// Makes the directory of the history file `path` if it is missing (but not a missing home directory: that
    /// is a broken setup, not a place to create), then checks that the file is a regular file (or /dev/null) that
    /// can be read and written, or can be made; nil when it is, else why not.
    static func historyFileProblem(_ path: String) -> String? {
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        var homeInfo = stat()
        if let home = ProcessInfo.processInfo.environment["HOME"], directory == home, stat(home, &homeInfo) != 0 {
            return "the home directory \(home) does not exist"
        }
        if !directory.isEmpty, let problem = makeDirectory(directory) { return problem }
        var info = stat()
        if stat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { return "it is a directory" }
            if isDevNull(path) { return nil }
            if let kind = irregularKind(info.st_mode) { return "it is \(kind), not a regular file" }
            if access(path, R_OK | W_OK) != 0 { return String(cString: strerror(errno)) }
        } else if errno != ENOENT {
            return String(cString: strerror(errno))
        } else if access(directory.isEmpty ? "/" : directory, W_OK | X_OK) != 0 {
            return "cannot make a file in \(directory.isEmpty ? "/" : directory): \(String(cString: strerror(errno)))"
        }
        return nil
    }

    /// Makes `directory` and its missing parents, as `mkdir -p` does, private to the user (0700, as the XDG base
    /// directory specification asks of state directories); nil when it is a directory then, else why not.
    static func makeDirectory(_ directory: String) -> String? {
        var info = stat()
        if stat(directory, &info) == 0 {
            return info.st_mode & S_IFMT == S_IFDIR ? nil : "\(directory) is not a directory"
        }
        if let slash = directory.lastIndex(of: "/"), slash != directory.startIndex,
           let problem = makeDirectory(String(directory[..<slash])) {
            return problem
        }
        if mkdir(directory, 0o700) == 0 { return nil }
        let reason = String(cString: strerror(errno))
        if stat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { return nil }
        return "cannot make the directory \(directory): \(reason)"
    }

    /// Replaces the in-memory history with the history file's last `historyLimit` lines.
    func loadHistory() {
        clear_history()
        stifle_history(Int32(LineEditor.historyLimit))
        if let historyFile { read_history(historyFile) }
    }
}
