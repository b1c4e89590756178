import DescentCore
import DescentLanguage

/// The command table: every command's name, usage, summary and handler. `help`, dispatch and completion read it.
enum Commands {
    static let all: [CommandSpec] = setup + training + inspection + files + backprop + session

    /// The command called `name`, or nil.
    static func named(_ name: String) -> CommandSpec? {
        let lower = name.lowercased()
        return all.first { $0.name == lower } ?? aliases[lower].flatMap { a in all.first { $0.name == a } }
    }

    /// Other names people type for the same command.
    static let aliases = ["exit": "quit", "regularise": "regularize", "normalise": "normalize", "?": "help"]

    /// Names for suggestions and completion.
    static var names: [String] { all.map(\.name) }
}
