/// One lexical unit of a line: its kind, its exact source text and where it is.
public struct Token: Equatable, Sendable {
    /// What the token is, with its meaning.
    public let kind: TokenKind
    /// The exact source characters of the token.
    public let lexeme: String
    /// Where the token is (clamped to its first physical line).
    public let span: SourceSpan
    /// The token's Character offsets in the lexed source.
    let range: Range<Int>
}
