import DescentCore
import DescentTerminal
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reading: regular files, and what else can be read as a stream (pipes, FIFOs, `/dev/stdin`, the `/dev/fd/N` of a
/// shell's `<(…)`, devices such as `/dev/null`), up to `readLimit` bytes.
extension AtomicFile {
    /// The most bytes read from one file (1 GiB): an endless device such as /dev/zero stops there. A 1M-row CSV of 21
    /// columns at 17 digits (423 MB) and the weights of a model of some 45 million parameters fit. At its peak reading takes
    /// twice the file's size (its bytes and its text); parsing a CSV brings it to about 2.6 times, weights to 4.
    static let readLimit = 1 << 30

    /// What to do with a script too large to read.
    static let scriptAdvice = "split it into scripts of less, each run with `replay` from the first"

    /// The file's text, or a message naming the path and why it cannot be read (the system's reason, or what the
    /// path is when it is not something to read); bytes that are not UTF-8 throw an `EncodingError`. A FIFO is opened without waiting for a writer; with none it reads
    /// as empty. Ctrl-C stops a read that is waiting on a pipe. More than `limit` bytes is an error that says so, then
    /// `advice` (what to do instead) after a dash.
    static func read(_ path: String, limit: Int = readLimit, advice: String? = nil) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { throw readError(path, errno) }
        try checkReadable(path, info, limit: limit, advice: advice)
        // Without O_NONBLOCK, opening a FIFO waits for a writer, forever if none comes.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw readError(path, errno) }
        defer { close(fd) }
        // What was opened may not be what was looked at: check it again.
        guard fstat(fd, &info) == 0 else { throw readError(path, errno) }
        try checkReadable(path, info, limit: limit, advice: advice)
        // Reads wait for data again (a FIFO's writer may be slow); a FIFO with no writer reads as its end.
        let flags = fcntl(fd, F_GETFL)
        guard flags >= 0, fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == 0 else { throw readError(path, errno) }
        var bytes: [UInt8] = [], chunk = [UInt8](repeating: 0, count: 1 << 16)
        // A regular file's size is known: room for all of it at once, rather than doubling (up to twice the file).
        if info.st_mode & S_IFMT == S_IFREG { bytes.reserveCapacity(Int(info.st_size)) }
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                guard errno == EINTR else { throw readError(path, errno) }
                if Interrupt.requested { throw ShellError("stopped reading \(path) at Ctrl-C; nothing read is kept, and the session is as it was") }
                continue
            }
            guard bytes.count + n <= limit else { throw tooLarge(path, limit: limit, advice: advice) }
            bytes.append(contentsOf: chunk[..<n])
        }
        // Validated straight from the bytes: no third copy (as `Data`) of a file that may be a gigabyte.
        guard let text = String(validating: bytes, as: UTF8.self) else { throw EncodingError(path: path, bytes: bytes) }
        return text
    }

    /// Throws when `info` is of something that cannot be read as text (a directory, a socket) or is a regular file
    /// larger than `limit` (then `advice`, what to do instead).
    private static func checkReadable(_ path: String, _ info: stat, limit: Int, advice: String?) throws {
        switch info.st_mode & S_IFMT {
        case S_IFDIR: throw ShellError("\(path) is a directory, not a file")
        case S_IFSOCK: throw ShellError("cannot read \(path): it is a socket, not a file")
        case S_IFREG where info.st_size > limit: throw tooLarge(path, limit: limit, advice: advice)
        default: return
        }
    }

    /// The error for a failed system call on `path` with `code` (errno), as the system words it; for a path through a
    /// file, which file.
    private static func readError(_ path: String, _ code: Int32) -> ShellError {
        if code == ENOTDIR, let problem = directoryProblem(split(path).directory) { return ShellError("cannot read \(path): \(problem)") }
        return code == ENOENT ? ShellError("no such file: \(path)") : ShellError("cannot read \(path): \(String(cString: strerror(code)))")
    }

    /// The error for a file holding more than `limit` bytes, then `advice` (what to do instead) after a dash.
    private static func tooLarge(_ path: String, limit: Int, advice: String?) -> ShellError {
        ShellError("cannot read \(path): it holds more than \(shownSize(limit)), the most descent reads from one file"
                   + (advice.map { " — \($0)" } ?? ""))
    }

    /// `bytes` for a message: `1 GiB`, `256 MiB`, or a count of bytes when not a whole number of MiB (`1 byte`, `3,000 bytes`).
    static func shownSize(_ bytes: Int) -> String {
        guard bytes > 0 else { return Format.counted(bytes, "byte") }
        if bytes % (1 << 30) == 0 { return "\(bytes >> 30) GiB" }
        return bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : Format.counted(bytes, "byte")
    }
}
