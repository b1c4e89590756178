/// What an argument denotes, without any meaning attached: the parser's view of a value.
public enum Value: Equatable, Sendable {
    /// A number such as `0.1`, `-2` or `1e-3`.
    case number(Double)
    /// A double-quoted string, escapes decoded.
    case string(String)
    /// A bare word such as `tanh` or `inf`.
    case word(String)
    /// A bracketed list such as `[2,3,4]` or `[[1,2],[3,4]]`; each element keeps its span.
    case list([ListElement])
    /// An indexed reference such as `W1[0,1]`.
    case indexed(name: String, indices: [Int])
    /// An operator: `<`, `>`, `<=`, `>=`, `=` or `+-` (`±` and `==` are normalised to `+-` and `=`), or a feature
    /// term's `^`, `*`, `(` or `)`.
    case op(String)
}
