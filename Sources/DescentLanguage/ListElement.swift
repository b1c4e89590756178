/// One element of a bracketed list, with where it is in the source.
public struct ListElement: Equatable, Sendable {
    /// The element's value (a nested list for rows of a matrix).
    public let value: Value
    /// Where the element is.
    public let span: SourceSpan

    /// Creates a list element.
    public init(value: Value, span: SourceSpan) {
        self.value = value
        self.span = span
    }
}
