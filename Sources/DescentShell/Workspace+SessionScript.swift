import Foundation

/// The script `save session` writes.
extension Workspace {
    /// This session's recorded commands as a script with a header naming the version and date, after a `new`:
    /// replayed at a prompt that holds other work, it builds this session, not that work with these commands on top.
    func sessionScript() -> String {
        let date = ISO8601DateFormatter().string(from: Date())
        var s = "# Descent \(Version.string) session, saved \(date)\n"
        s += "# Replay with `descent FILE` or `replay \"FILE\"` at the prompt.\n"
        s += "new    # start from a fresh session, so that a replay at a prompt builds this one and only this one\n"
        for line in recorded { s += line + "\n" }
        return s
    }

    /// A fingerprint of a file's text, to notice later that the file changed.
    static func fingerprint(_ text: String) -> Int {
        var h = Hasher()
        h.combine(text)
        return h.finalize()
    }

    /// Notes for `save session`: each file the session read (`load weights`, `data csv`) that is gone or
    /// holds other text now, so that a replay would not read what this session read.
    func changedFilesRead() -> [String] {
        filesRead.keys.sorted().compactMap { path in
            guard let read = filesRead[path] else { return nil }
            // A pipe, FIFO or device gives what it gives when read again, not what it gave.
            if let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType, type != .typeRegular {
                return "note: this session read \(read.name), which is not a regular file (a pipe or device), so a replay of it will read whatever it holds then"
            }
            guard let text = try? AtomicFile.read(path) else {
                return "note: this session read \(read.name), which cannot be read now, so a replay of it will fail there"
            }
            guard Workspace.fingerprint(text) != read.fingerprint else { return nil }
            return "note: \(read.name) has changed since this session read it, so a replay of it will read the new contents"
        }
    }
}
