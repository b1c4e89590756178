import DescentTerminal
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes files so that a crash or a full disk never leaves a half-written file: a temporary file in the same
/// directory is written, flushed to disk, then renamed over the target. A symbolic link is followed (the file it
/// points to is replaced and the link stays), and a replaced file's permission bits and owner carry over.
enum AtomicFile {
    /// The most symbolic links followed in a row, as Linux allows; more is taken for a loop.
    static let linkLimit = 40

    /// Writes `text` to `path` atomically; throws a message naming the path and the system's reason.
    static func write(_ text: String, to path: String) throws {
        // Before the links are followed: /dev/stdout and /proc/self/fd/1 lead to a pipe or to the very file the output
        // is redirected to, which `stat` sees but the link's text does not name.
        if let problem = streamProblem(path) { throw ShellError("cannot write \(path): \(problem)") }
        let target = try resolvingLinks(path)
        let shown = target == path ? path : "\(path) (a link to \(target))"
        let (dir, name) = split(target)
        if let problem = directoryProblem(dir) { throw ShellError("cannot write \(shown): \(problem)") }
        // The save renames a new file into the directory: one that no one may write is kept as it is, as a read-only
        // file is below, whoever runs descent (root's writes pass the mode bits, so `access` would let them through).
        if let problem = readOnlyDirectoryProblem(dir) { throw ShellError("cannot write \(shown): \(problem)") }
        var old = stat()
        let replacing = stat(target, &old) == 0
        if name.isEmpty || (replacing && old.st_mode & S_IFMT == S_IFDIR) {
            throw ShellError("cannot write \(shown): it is a directory")
        }
        if replacing && old.st_mode & S_IFMT != S_IFREG {
            throw ShellError("cannot write \(shown): it is \(kind(old.st_mode)), not a regular file — \(Self.regularFileAdvice)")
        }
        // Renaming over it would need only the directory's permission: a file no one may write is kept.
        if replacing && old.st_mode & 0o222 == 0 {
            throw ShellError("cannot write \(shown): the file is read-only (chmod u+w to allow replacing it)")
        }
        let limit = pathconf(dir, Int32(_PC_NAME_MAX))
        if limit > 0 && name.utf8.count > limit {
            throw ShellError("cannot write \(shown): the file name is \(name.utf8.count) bytes long, over the \(limit) a name may have here")
        }
        let tmp = temporaryPath(in: dir)
        // A `kill -TERM` or `-HUP` from here to the rename removes the temporary file on the way out.
        try PendingFile.writing(tmp) { () throws(ShellError) in
            try write(bytes: Array(text.utf8), through: tmp, to: target, shown: shown, in: dir, replacing: replacing ? old : nil)
        }
    }

    /// Writes `bytes` to the temporary file `tmp` in `dir`, flushes it and renames it over `target`; `replacing`: the
    /// file it replaces, whose mode (and owner) the new one takes.
    private static func write(bytes: [UInt8], through tmp: String, to target: String, shown: String, in dir: String,
                              replacing old: stat?) throws(ShellError) {
        // A new file gets the usual mode (0666 less the umask); a replacement starts private and takes the old mode.
        // A leftover of a crashed run goes first; O_EXCL | O_NOFOLLOW then refuse a name someone else made
        // in between (a planted link would otherwise be followed).
        unlink(tmp)
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, old != nil ? 0o600 : 0o666)
        guard fd >= 0 else { throw ShellError("cannot write \(shown): \(creationProblem(errno, in: dir))") }
        // Closes (unless `closed`) and removes the temporary file after a failure; the error names the system's reason.
        func failure(_ reason: String, closed: Bool = false) -> ShellError {
            if !closed { close(fd) }
            unlink(tmp)
            return ShellError("cannot write \(shown): \(reason) (the old file, if any, is untouched)")
        }
        if let old {
            // The owner only where the process may set it (root; or a group it belongs to); the mode always.
            if fchown(fd, old.st_uid, old.st_gid) != 0 { _ = fchown(fd, uid_t.max, old.st_gid) }
            if fchmod(fd, old.st_mode & 0o7777) != 0 { throw failure(String(cString: strerror(errno))) }
        }
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 { throw failure(String(cString: strerror(errno))) }
            written += n
        }
        if fsync(fd) != 0 { throw failure(String(cString: strerror(errno))) }
        if close(fd) != 0 { throw failure(String(cString: strerror(errno)), closed: true) }
        guard rename(tmp, target) == 0 else { throw failure(String(cString: strerror(errno)), closed: true) }
        // The rename lives in the directory: flush it too, so a power cut cannot bring the old file back.
        let dirFD = open(dir, O_RDONLY | O_DIRECTORY)
        if dirFD >= 0 { _ = fsync(dirFD); close(dirFD) }
    }

    /// What a save to a stream or a device should do instead, for messages.
    static let regularFileAdvice = "a save writes a whole new file and renames it into place; name a regular file instead"

    /// Why `path` (its links followed, /proc's included) must not be saved to: it is this process's standard input, output
    /// or error (renaming a file over it would lose what was printed there, or the script being read), or it exists and is
    /// not a regular file or directory (a FIFO, a device, a socket); nil otherwise.
    static func streamProblem(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        for (fd, name) in [(Int32(1), "standard output"), (2, "standard error"), (0, "standard input")] {
            var stream = stat()
            guard fstat(fd, &stream) == 0, stream.st_dev == info.st_dev, stream.st_ino == info.st_ino else { continue }
            let what = info.st_mode & S_IFMT == S_IFREG ? "the file it is redirected to" : kind(info.st_mode)
            return "it is this process's \(name) (\(what)): a save writes a whole new file and renames it into place, which "
                + "would replace what descent printed or read there; name a file of its own instead"
        }
        if info.st_mode & S_IFMT != S_IFREG && info.st_mode & S_IFMT != S_IFDIR {
            return "it is \(kind(info.st_mode)), not a regular file — \(regularFileAdvice)"
        }
        return nil
    }

    /// Why files cannot be made in `directory`: it is missing, or it or a directory above it is not a directory (a
    /// file, a FIFO, …: named), or the system's reason; nil when it is a directory.
    static func directoryProblem(_ directory: String) -> String? {
        var info = stat()
        if stat(directory, &info) == 0 {
            return info.st_mode & S_IFMT == S_IFDIR ? nil : "\(directory) is \(kind(info.st_mode)), not a directory"
        }
        let code = errno
        if code == ENOTDIR {
            // Some directory on the way is not one: name the first.
            let parts = directory.split(separator: "/", omittingEmptySubsequences: false)
            for k in 0..<max(0, parts.count - 1) {
                let above = parts[0...k].joined(separator: "/")
                if !above.isEmpty, stat(above, &info) == 0, info.st_mode & S_IFMT != S_IFDIR {
                    return "\(above) is \(kind(info.st_mode)), not a directory"
                }
            }
        }
        if code == ENOENT || code == ENOTDIR { return "the directory \(directory) does not exist" }
        return "cannot reach the directory \(directory): \(String(cString: strerror(code)))"
    }

    /// Why nothing may be saved in `directory` by its mode bits: none of them lets anyone write there (`chmod 555`);
    /// nil otherwise, or when it cannot be read (the system's error then says why).
    static func readOnlyDirectoryProblem(_ directory: String) -> String? {
        var info = stat()
        guard stat(directory, &info) == 0, info.st_mode & 0o222 == 0 else { return nil }
        return "the directory \(directory) is read-only (no write bit): a file is saved by writing a new one beside it and renaming it, which changes the directory — save elsewhere, or `chmod u+w` the directory"
    }

    /// Why the temporary file could not be made in `directory`, for the system's error `code`: the directory, not the
    /// file, when it refuses writing (a file is saved by a rename there, which needs the directory's write permission).
    static func creationProblem(_ code: Int32, in directory: String) -> String {
        // A directory this process may write and search, and yet takes no file: /sys, /proc and the like (`access`
        // answers for this process: root passes whatever the mode bits).
        if [EACCES, EPERM, ENOENT].contains(code) && access(directory, W_OK | X_OK) == 0 {
            return "the directory \(directory) takes no new files (\(String(cString: strerror(code))), though this process may write "
                + "there: a system directory such as /sys or /proc?) — save elsewhere"
        }
        switch code {
        case EACCES, EPERM:
            return "the directory \(directory) is not writable (\(String(cString: strerror(code)))): a file is saved by writing a new one beside it and renaming it, which needs write permission on the directory — save elsewhere, or `chmod u+w` the directory"
        case EROFS:
            return "the directory \(directory) is on a read-only file system — save elsewhere"
        default:
            return String(cString: strerror(code))
        }
    }

    /// What a file of `mode` is, for messages: `a file` (regular), `a directory`, `a FIFO (named pipe)`, …
    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFREG: return "a file"
        case S_IFDIR: return "a directory"
        default: return LineEditor.irregularKind(mode) ?? "not a file"
        }
    }

    /// The temporary file's path in `directory`: `.descent-PID.tmp`, short whatever the target is called, so that a
    /// target name of the longest length the file system allows can still be written beside it.
    static func temporaryPath(in directory: String) -> String { directory + "/.descent-\(getpid()).tmp" }

    /// `path` with symbolic links in its last component followed until a name that is not a link (which may not
    /// exist yet); a relative link is taken from the link's own directory. Throws for a loop of links.
    static func resolvingLinks(_ path: String) throws -> String {
        var current = path
        for _ in 0...linkLimit {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else {
                throw ShellError("cannot write \(path): cannot read the link \(current)")
            }
            current = destination.hasPrefix("/") ? destination : split(current).directory + "/" + destination
        }
        throw ShellError("cannot write \(path): too many levels of symbolic links")
    }

    /// The directory part of `path` (`.` when it has none) and its last component (empty after a trailing `/`).
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }
}
