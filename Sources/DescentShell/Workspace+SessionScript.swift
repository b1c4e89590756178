import Foundation

/// The script `save session` writes.
extension Workspace {
    /// This session's recorded commands as a script with a header naming the version and date.
    func sessionScript() -> String {
        let date = ISO8601DateFormatter().string(from: Date())
        var s = "# Descent \(Version.string) session, saved \(date)\n"
        s += "# Replay with `descent FILE` or `replay \"FILE\"` at the prompt.\n"
        for line in recorded { s += line + "\n" }
        return s
    }
}
