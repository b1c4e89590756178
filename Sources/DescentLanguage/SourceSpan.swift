/// A place in the source: a 1-based line, a 1-based column counted in Characters, and a length in Characters.
public struct SourceSpan: Equatable, Hashable, Sendable {
    /// The 1-based physical line number.
    public let line: Int
    /// The 1-based column, counted in Characters (so `λ` counts as one).
    public let column: Int
    /// How many Characters the span covers; 0 marks a point (e.g. where a missing argument belongs).
    public let length: Int

    /// Creates a span.
    public init(line: Int, column: Int, length: Int) {
        self.line = line
        self.column = column
        self.length = length
    }

    /// The zero-length span just after this one, where something missing should have followed.
    public var after: SourceSpan {
        SourceSpan(line: line, column: column + length, length: 0)
    }
}
