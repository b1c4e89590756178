/// One parsed command: its name and arguments, with the source text to record in a session.
public struct Command: Equatable, Sendable {
    /// The command's name, the first word, as typed.
    public let name: String
    /// Where the name is.
    public let nameSpan: SourceSpan
    /// The arguments in source order, positional and options mixed.
    public let args: [Arg]
    /// The exact source text of the command: trimmed, without comment or `;`, continuations collapsed to one space.
    public let text: String

    /// Creates a command.
    public init(name: String, nameSpan: SourceSpan, args: [Arg], text: String) {
        self.name = name
        self.nameSpan = nameSpan
        self.args = args
        self.text = text
    }

    /// The zero-length span just after the command's last token, where a missing argument belongs.
    public var endSpan: SourceSpan {
        (args.last?.span ?? nameSpan).after
    }
}
