import DescentTerminal
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reading: regular files, and what else can be read as a stream (pipes, FIFOs, `/dev/stdin`, the `/dev/fd/N` of a
/// shell's `<(…)`, devices such as `/dev/null`), up to `readLimit` bytes.
extension AtomicFile {
    /// The most bytes read from one file (256 MiB): an endless device such as /dev/zero stops there.
    static let readLimit = 256 << 20

    /// The file's text, or a message naming the path and why it cannot be read (the system's reason, or what the
    /// path is when it is not something to read); bytes that are not UTF-8 throw an `EncodingError`. A FIFO is opened without waiting for a writer; with none it reads
    /// as empty. Ctrl-C stops a read that is waiting on a pipe. More than `limit` bytes is an error that says so.
    static func read(_ path: String, limit: Int = readLimit) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { throw readError(path, errno) }
        try checkReadable(path, info, limit: limit)
        // Without O_NONBLOCK, opening a FIFO waits for a writer, forever if none comes.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw readError(path, errno) }
        defer { close(fd) }
        // What was opened may not be what was looked at: check it again.
        guard fstat(fd, &info) == 0 else { throw readError(path, errno) }
        try checkReadable(path, info, limit: limit)
        // Reads wait for data again (a FIFO's writer may be slow); a FIFO with no writer reads as its end.
        let flags = fcntl(fd, F_GETFL)
        guard flags >= 0, fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == 0 else { throw readError(path, errno) }
        var bytes: [UInt8] = [], chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                guard errno == EINTR else { throw readError(path, errno) }
                if Interrupt.requested { throw ShellError("stopped reading \(path) at Ctrl-C; nothing read is kept, and the session is as it was") }
                continue
            }
            guard bytes.count + n <= limit else { throw tooLarge(path, limit: limit) }
            bytes.append(contentsOf: chunk[..<n])
        }
        guard let text = String(data: Data(bytes), encoding: .utf8) else { throw EncodingError(path: path, bytes: bytes) }
        return text
    }

    /// Throws when `info` is of something that cannot be read as text (a directory, a socket) or is a regular file
    /// larger than `limit`.
    private static func checkReadable(_ path: String, _ info: stat, limit: Int) throws {
        switch info.st_mode & S_IFMT {
        case S_IFDIR: throw ShellError("\(path) is a directory, not a file")
        case S_IFSOCK: throw ShellError("cannot read \(path): it is a socket, not a file")
        case S_IFREG where info.st_size > limit: throw tooLarge(path, limit: limit)
        default: return
        }
    }

    /// The error for a failed system call on `path` with `code` (errno), as the system words it; for a path through a
    /// file, which file.
    private static func readError(_ path: String, _ code: Int32) -> ShellError {
        if code == ENOTDIR, let problem = directoryProblem(split(path).directory) { return ShellError("cannot read \(path): \(problem)") }
        return code == ENOENT ? ShellError("no such file: \(path)") : ShellError("cannot read \(path): \(String(cString: strerror(code)))")
    }

    /// The error for a file holding more than `limit` bytes.
    private static func tooLarge(_ path: String, limit: Int) -> ShellError {
        let shown = limit % (1 << 20) == 0 ? "\(limit >> 20) MiB" : "\(limit) bytes"
        return ShellError("cannot read \(path): it holds more than \(shown), the most descent reads from one file")
    }
}
