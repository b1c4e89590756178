import Foundation

/// The script `save session` writes, and the files the session wrote and read, which a replay must find as they were.
extension Workspace {
    /// This session's recorded commands as a script with a header naming the version and date, after a `new`:
    /// replayed at a prompt that holds other work, it builds this session, not that work with these commands on top.
    func sessionScript() -> String {
        let date = ISO8601DateFormatter().string(from: Date())
        var s = "# Descent \(Version.string) session, saved \(date)\n"
        s += Workspace.replayHeader + "\n"
        s += "new    " + Workspace.newHeader + "\n"
        for line in recorded { s += line + "\n" }
        return s
    }

    /// The header's second line.
    static let replayHeader = "# Replay with `descent FILE` or `replay \"FILE\"` at the prompt."
    /// The comment after the header's `new`.
    static let newHeader = "# start from a fresh session, so that a replay at a prompt builds this one and only this one"

    /// Whether `comment` is one of the header `sessionScript` writes (of any version and date), which a replay does not
    /// keep for the next `save session`: that writes a header of its own.
    static func isSessionHeader(_ comment: String) -> Bool {
        comment == replayHeader || comment == newHeader || (comment.hasPrefix("# Descent ") && comment.contains(" session, saved "))
    }

    /// A fingerprint of a file's text, to notice later that the file changed.
    static func fingerprint(_ text: String) -> Int {
        var h = Hasher()
        h.combine(text)
        return h.finalize()
    }

    /// Notes a `save weights` or `export data` (its text `command`) that wrote `text` to the file at `path` (canonical),
    /// typed as `name`: left out of the session unless a later `load weights` or `data csv` reads back what it wrote.
    func noteWritten(_ command: String, path: String, name: String, text: String) {
        log.append(RecordedCommand(text: command, kept: false, file: (path, name, Workspace.fingerprint(text), true)))
    }

    /// Notes that a command (`load weights`, `data csv`) read `text` from the file at `path` (canonical), typed as
    /// `name`. When the text is what this session's last write to that file (`save weights`, `export data`) wrote, that
    /// write is kept in the session at its place, so that a replay writes the file there and reads it back here.
    func noteRead(_ path: String, name: String, text: String) {
        let fingerprint = Workspace.fingerprint(text)
        if let k = log.lastIndex(where: { $0.file?.wrote == true && $0.file?.path == path }),
           log[k].file?.fingerprint == fingerprint {
            log[k].kept = true
        }
        log.append(RecordedCommand(text: "", kept: false, file: (path, name, fingerprint, false)))
    }

    /// Whether this session read the file at `path` (canonical) before it first wrote it, finding other text than
    /// `text`: a replay reads there what the file holds when it runs.
    func readOtherwiseBeforeWriting(_ path: String, _ text: String) -> Bool {
        let fingerprint = Workspace.fingerprint(text)
        for e in log {
            guard let f = e.file, f.path == path else { continue }
            if f.wrote { return false }
            if f.fingerprint != fingerprint { return true }
        }
        return false
    }

    /// Notes for `save session`: each file the session read (`load weights`, `data csv`) where a replay would not read
    /// what this session read — it is gone, holds other text now, was read with other contents at different times, or
    /// is a pipe or device. A replay reads at each place what the file holds when it runs, or what a `save weights` or
    /// `export data` the session keeps wrote there before; reads that find that again need no note.
    func changedFilesRead() -> [String] {
        var paths: [String] = []
        for e in log { if let f = e.file, !f.wrote, !paths.contains(f.path) { paths.append(f.path) } }
        return paths.sorted().compactMap { path in
            let entries = log.filter { $0.file?.path == path }
            let name = entries.last { $0.file?.wrote == false }?.file?.name ?? path
            // A read before any save the session keeps reads the file as it is when the replay runs.
            let firstRead = entries.firstIndex { $0.file?.wrote == false } ?? entries.count
            var found: Int? = nil
            if entries[..<firstRead].contains(where: \.kept) == false {
                // A pipe, FIFO or device gives what it gives when read again, not what it gave.
                if let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType, type != .typeRegular {
                    return "note: this session read \(name), which is not a regular file (a pipe or device), so a replay of it will read whatever it holds then"
                }
                guard let text = try? AtomicFile.read(path) else {
                    return "note: this session read \(name), which cannot be read now, so a replay of it will fail there"
                }
                found = Workspace.fingerprint(text)
            }
            // What the replay finds at each read: the file as it is now, until a save the session keeps writes it.
            var saved = false, missed = false, missedAfterSave = false
            for case let (kept, f?) in entries.map({ ($0.kept, $0.file) }) {
                if f.wrote {
                    if kept { found = f.fingerprint; saved = true }
                } else if f.fingerprint != found {
                    missed = true
                    missedAfterSave = missedAfterSave || saved
                }
            }
            guard missed else { return nil }
            if Set(entries.compactMap { $0.file?.wrote == false ? $0.file?.fingerprint : nil }).count == 1 && !missedAfterSave {
                return "note: \(name) has changed since this session read it, so a replay of it will read the new contents"
            }
            return "note: this session read \(name) with other contents at different times (the file changed between its reads), so a replay of it will not read at each of them what this session read"
        }
    }
}
