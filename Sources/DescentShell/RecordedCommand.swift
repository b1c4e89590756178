/// One entry of the session's log, from which `save session` writes its script: a command it keeps; a `save weights`
/// or `export data`, which it keeps only once a later `load weights` or `data csv` reads back what that wrote (so that
/// a replay writes the file it then reads); or a file read (`load weights`, `data csv`), which it never writes but checks.
struct RecordedCommand {
    /// The command's text under its full name ("" for a read).
    var text: String
    /// Whether `save session` writes it.
    var kept: Bool
    /// The file a `save weights` or `export data` wrote, or a read read: canonical path, the name as typed, and the fingerprint of the text.
    var file: (path: String, name: String, fingerprint: Int, wrote: Bool)?
}
