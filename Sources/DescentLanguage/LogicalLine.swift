/// One logical line of a script: one or more physical lines joined by trailing `\` continuations.
public struct LogicalLine: Equatable, Sendable {
    /// The physical lines joined with `\n`, backslashes kept, ready for `Parser.parse(_:line:)`.
    public let text: String
    /// The 1-based number of its first physical line.
    public let line: Int

    /// Creates a logical line.
    public init(text: String, line: Int) {
        self.text = text
        self.line = line
    }
}
