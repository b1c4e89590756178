import DescentText
import DescentLanguage
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

    /// What a file of each known extension is (lowercased), for refusing a name that says another format than the one a
    /// command writes (`refuseOtherFormat`): the ones Descent writes and the ones people reach for instead.
    static let fileKinds = ["csv": "a CSV file", "json": "a JSON file", "svg": "an SVG file", "png": "a PNG image", "pdf": "a PDF",
                            "txt": "a text file", "descent": "a session script", "jpg": "a JPEG image", "jpeg": "a JPEG image",
                            "tsv": "a TSV (tab-separated) file", "xlsx": "an Excel workbook", "npy": "a NumPy array",
                            "pt": "a PyTorch file", "pth": "a PyTorch file", "h5": "an HDF5 file"]

    /// The formats Descent writes, by extension, as messages name them.
    static let writtenFormats = ["csv": "CSV", "json": "JSON", "svg": "SVG", "descent": "a session script"]

    /// `file`'s extension, lowercased: what follows the last dot of its last component, when that dot is not the
    /// component's first character (`.csv` and `data` have none); nil without one.
    static func fileExtension(_ file: String) -> String? {
        let last = file.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return nil }
        let ext = last[last.index(after: dot)...]
        return ext.isEmpty ? nil : ext.lowercased()
    }

    /// Refuses `file`, typed at `at` in `command`, which writes the format of `example`'s extension (`runs.svg`: SVG),
    /// when its own extension names another known format (`fileFormats`: `export plot runs "r.png"` would write SVG
    /// under a PNG's name); the error says what the command writes and the line that writes it under its own extension.
    /// A name with the right extension, none, or one not in `fileFormats` passes, and so does a session script named `.txt`.
    static func refuseOtherFormat(_ file: String, at: SourceSpan, in command: Command, example: String) throws(Diagnostic) {
        guard let ext = fileExtension(file), let kind = fileKinds[ext], let own = fileExtension(example), ext != own,
              let written = writtenFormats[own], !(own == "descent" && ext == "txt") else { return }  // a script is text
        // The command's full name and what it writes (`export plot runs`), then its line with the file's extension changed.
        let name = matching(command.name).first?.name ?? command.name
        let words = command.args.filter { $0.key == nil }.prefix { $0.span != at }.map(\.text)
        let plotKind = words.count > 1 && words[0].lowercased() == "plot" && ["runs", "boundary", "weights"].contains(words[1].lowercased())
        let writer = ([name] + words.prefix(plotKind ? 2 : 1)).joined(separator: " ")
        // `w.json.csv` → `w.json`: the stem has the extension already.
        let stem = String(file.dropLast(ext.count + 1))
        let renamed = fileExtension(stem) == own ? stem : stem + "." + own
        let quoted = renamed.typed(quoted: true)
        let line = ([name] + command.args.map { $0.span == at ? quoted : $0.text }).joined(separator: " ")
        let convert = ["png", "pdf"].contains(ext) && own == "svg"
            ? " (Descent writes SVG, which `rsvg-convert` or a browser can turn into \(ext.uppercased()))" : ""
        let typed = command.args.first { $0.span == at }?.text ?? quoted
        throw Diagnostic("\(typed) names \(kind), but `\(writer)` writes \(written) — write `\(line)`\(convert)", at: at)
    }

    /// The home directory of a password database entry, if any.
    private static func homeDirectory(_ entry: UnsafeMutablePointer<passwd>?) -> String? {
        entry.flatMap { $0.pointee.pw_dir.map { String(cString: $0) } }.flatMap { $0.isEmpty ? nil : $0 }
    }
}
