/// A problem with data a person supplied or asked for, with a message that says what, where, and what would be right.
public struct DataError: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
    /// The option the error is about (`n`, `noise`, `classes`), for a caller that can point at it.
    public let option: String?
    /// The element of the option's list the error is about (`drop=[a,b]`'s `b` is 1), for a caller that can point at it.
    public let element: Int?

    /// An error with the full message, about `option` (and its list's `element`) when there is one.
    public init(_ message: String, option: String? = nil, element: Int? = nil) {
        description = message; self.option = option; self.element = element
    }
}
