/// A problem with data a person supplied or asked for, with a message that says what, where, and what would be right.
public struct DataError: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String

    /// An error with the full message.
    public init(_ message: String) { description = message }
}
