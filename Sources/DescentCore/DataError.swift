/// A problem with data a person supplied or asked for, with a message that says what, where, and what would be right.
public struct DataError: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
    /// The option the error is about (`n`, `noise`, `classes`), for a caller that can point at it.
    public let option: String?

    /// An error with the full message, about `option` when there is one.
    public init(_ message: String, option: String? = nil) { description = message; self.option = option }
}
