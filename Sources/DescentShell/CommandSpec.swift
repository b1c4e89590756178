import DescentLanguage

/// One command of the language: its name, how to call it, what it does, and the handler that runs it.
struct CommandSpec: Sendable {
    typealias Handler = @Sendable (Workspace, inout ArgReader) throws -> Void

    let name: String
    /// Call forms shown by `help`, one per line.
    let usage: [String]
    let summary: String
    /// Words that can follow the name, for tab completion.
    let keywords: [String]
    /// Whether a successful call is kept for `save session` (state changes and checks are; pure displays are not).
    let recorded: Bool
    /// Whether the command reads comparisons (`set W1[0,0] = 2`); in any other an `=` after a word is an option
    /// written with spaces (`lr = 0.1`), refused as such before the command runs.
    let comparisons: Bool
    let handler: Handler

    init(_ name: String, _ usage: [String], _ summary: String, keywords: [String] = [], recorded: Bool = true,
         comparisons: Bool = false, handler: @escaping Handler) {
        self.name = name; self.usage = usage; self.summary = summary
        self.keywords = keywords; self.recorded = recorded; self.comparisons = comparisons; self.handler = handler
    }
}
