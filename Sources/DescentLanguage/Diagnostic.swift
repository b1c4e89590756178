/// An error in a line of the language: what was wrong and, when known, where.
public struct Diagnostic: Error, Equatable, Sendable, CustomStringConvertible {
    /// A one-line explanation saying what was wrong and what would be right.
    public let message: String
    /// Where the problem is, or nil when it has no single place in the source.
    public let span: SourceSpan?

    /// Creates a diagnostic.
    public init(_ message: String, at span: SourceSpan?) {
        self.message = message
        self.span = span
    }

    /// `line:column: error: message`, or `error: message` without a span.
    public var description: String {
        guard let span else { return "error: \(message)" }
        return "\(span.line):\(span.column): error: \(message)"
    }
}
