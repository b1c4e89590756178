import DescentCore
import DescentLanguage
import DescentText

/// The command table: every command's name, usage, summary and handler. `help`, dispatch and completion read it.
enum Commands {
    static let all: [CommandSpec] = setup + training + inspection + files + backprop + runs + session

    /// The command called `name`, or nil.
    static func named(_ name: String) -> CommandSpec? {
        let lower = name.lowercased()
        return all.first { $0.name == lower } ?? aliases[lower].flatMap { a in all.first { $0.name == a } }
    }

    /// Runs `body`, whose errors are about the argument at `span` (a file name, a parameter entry): an error
    /// without a place of its own points there instead of at the command.
    static func located<T>(_ span: SourceSpan, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let d as Diagnostic { throw d } catch { throw Diagnostic("\(error)", at: span) }
    }

    /// The text of the file at `p`, typed as `name`; an error points at `at`, and one about its encoding names the
    /// file as typed and where the bad byte is (`where`, from its offset; `name:line:column` by default). A file of more
    /// than `limit` bytes is refused, the error ending in `advice` (what to do instead).
    static func readText(_ p: String, name: String, at span: SourceSpan, limit: Int, advice: String,
                         where place: ((EncodingError, Int) -> String)? = nil) throws -> String {
        do { return try AtomicFile.read(p, limit: limit, advice: advice) } catch let e as EncodingError {
            guard let offset = e.offset, let place else { throw Diagnostic(e.message(file: name), at: span) }
            throw Diagnostic("\(place(e, offset)): \(e.problem)", at: span)
        } catch {
            throw Diagnostic("\(error)", at: span)
        }
    }

    /// The commands a typed name may stand for: the one it names (or its alias), else every command it
    /// is a prefix of (one for an unique prefix, several for an ambiguous one, none for an unknown name); a command
    /// typed only in full (`quit`) is never a prefix's.
    static func matching(_ name: String) -> [CommandSpec] {
        if let exact = named(name) { return [exact] }
        let lower = name.lowercased()
        return all.filter { !$0.whole && $0.name.hasPrefix(lower) }
    }

    /// The command a typed name stands for; otherwise an error at `span` that says why.
    static func resolve(_ name: String, at span: SourceSpan) throws(Diagnostic) -> CommandSpec {
        let matches = matching(name)
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 {
            throw Diagnostic("'\(name.shortened())' is ambiguous: \(matches.map(\.name).joined(separator: ", "))", at: span)
        }
        let lower = name.lowercased()
        if let whole = all.first(where: { $0.whole && !lower.isEmpty && $0.name.hasPrefix(lower) }) {
            let why = lower == "q" ? "`q` closes the full-screen views" : "`\(whole.name)` is typed in full"
            throw Diagnostic("'\(name.shortened())' is not a command: \(why); to leave Descent type `\(whole.name)` (or Ctrl-D)", at: span)
        }
        let hint = ForeignNames.commandHint(name) ?? Suggest.hint(name, in: names) ?? " — type `help` for the list"
        throw Diagnostic("unknown command '\(name.shortened())'" + hint, at: span)
    }

    /// Other names people type for the same command.
    static let aliases = ["exit": "quit", "regularise": "regularize", "normalise": "normalize", "optimiser": "optimizer", "?": "help"]

    /// Names for suggestions and completion.
    static var names: [String] { all.map(\.name) }
}
