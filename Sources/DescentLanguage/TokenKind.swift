/// The kinds of token the lexer produces, carrying the meaning of the token where it has one.
public enum TokenKind: Equatable, Sendable {
    /// An identifier `[A-Za-z_][A-Za-z0-9_]*`.
    case word(String)
    /// An option key: a bare word immediately followed by `=` (the `=` belongs to the token).
    case key(String)
    /// A number in any usual form (`1e-3`, `-0.5`, `.5`, `3.`, `+2`).
    case number(Double)
    /// A double-quoted string, escapes already decoded.
    case string(String)
    /// A comparison or tolerance operator, normalised: `±` → `+-`, `==` → `=`; or a feature term's sign, `^`, `*`, `(`
    /// or `)` (`features x1^2 x1*x2 sin(x1)`).
    case op(String)
    /// `[`
    case leftBracket
    /// `]`
    case rightBracket
    /// `,`
    case comma
    /// `;` or a line break that is not a continuation: ends a command.
    case separator
    /// The end of the source.
    case end
}
