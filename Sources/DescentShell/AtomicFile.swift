import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes files so that a crash or a full disk never leaves a half-written file: a temporary file in the same
/// directory is written, flushed to disk, then renamed over the target.
enum AtomicFile {
    /// Writes `text` to `path` atomically; throws a message naming the path and the system's reason.
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw ShellError("cannot write \(path): the directory \(dir) does not exist")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            throw ShellError("cannot write \(path): it is a directory")
        }
        let tmp = dir + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw ShellError("cannot write \(path): \(String(cString: strerror(errno)))") }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                let reason = String(cString: strerror(errno))
                close(fd); unlink(tmp)
                throw ShellError("cannot write \(path): \(reason) (the old file, if any, is untouched)")
            }
            written += n
        }
        if fsync(fd) != 0 || close(fd) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(tmp)
            throw ShellError("cannot write \(path): \(reason) (the old file, if any, is untouched)")
        }
        guard rename(tmp, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(tmp)
            throw ShellError("cannot write \(path): \(reason)")
        }
    }

    /// The file's text, or a message naming the path and why it cannot be read.
    static func read(_ path: String) throws -> String {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw ShellError("no such file: \(path)") }
        if isDir.boolValue { throw ShellError("\(path) is a directory, not a file") }
        guard let data = FileManager.default.contents(atPath: path) else { throw ShellError("cannot read \(path) (permission?)") }
        guard let text = String(data: data, encoding: .utf8) else { throw ShellError("\(path) is not UTF-8 text") }
        return text
    }
}
