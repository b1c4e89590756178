/// One entry of the session's log, from which `save session` writes its script: a command it keeps; a `save weights`,
/// which it keeps only once a later `load weights` reads back what that save wrote (so that a replay writes the
/// checkpoint it then reads); or a file read (`load weights`, `data csv`), which it never writes but checks.
struct RecordedCommand {
    /// The command's text under its full name ("" for a read).
    var text: String
    /// Whether `save session` writes it.
    var kept: Bool
    /// The file a `save weights` wrote or a read read: canonical path, the name as typed, and the fingerprint of the text.
    var file: (path: String, name: String, fingerprint: Int, wrote: Bool)?
}
