import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// File names typed in commands: `~` read as shells read it, and relative names taken from the workspace's directory.
extension Commands {
    /// Resolves a path typed by the user: `~` expanded (`expandingTilde`), then a relative path taken from the
    /// workspace's directory.
    static func path(_ w: Workspace, _ p: String) -> String {
        let expanded = expandingTilde(p)
        return expanded.hasPrefix("/") ? expanded : w.directory + "/" + expanded
    }

    /// How messages name a file the user typed: as typed, but with `~` expanded, so that the message says which file
    /// (`~/w.json` is `/home/ann/w.json`; `w.json` stays `w.json`).
    static func shown(_ p: String) -> String { expandingTilde(p) }

    /// `p` with a leading `~` (alone or before `/`) replaced by the home directory as shells take it — `HOME` from
    /// `environment`, or the account's home from the password database when HOME is unset or empty — and a leading
    /// `~user` by that user's home. Any other name (`a/~/b`, `~nosuchuser/x`) is returned as it is.
    static func expandingTilde(_ p: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        guard p.hasPrefix("~") else { return p }
        let slash = p.firstIndex(of: "/") ?? p.endIndex
        let user = String(p[p.index(after: p.startIndex)..<slash]), rest = p[slash...]
        let home: String?
        if user.isEmpty {
            home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? homeDirectory(getpwuid(getuid()))
        } else {
            home = homeDirectory(getpwnam(user))
        }
        guard let home else { return p }
        // `~/x` with HOME=/ is /x, not //x; with HOME=/tmp/ex/, /tmp/ex/x.
        if home.hasSuffix("/") && rest.hasPrefix("/") { return String(home.dropLast()) + rest }
        return home + rest
    }

    /// The home directory of a password database entry, if any.
    private static func homeDirectory(_ entry: UnsafeMutablePointer<passwd>?) -> String? {
        entry.flatMap { $0.pointee.pw_dir.map { String(cString: $0) } }.flatMap { $0.isEmpty ? nil : $0 }
    }
}
