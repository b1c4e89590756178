/// One argument of a command: a positional value, or an option `key=value`.
public struct Arg: Equatable, Sendable {
    /// The option's key, or nil for a positional argument.
    public let key: String?
    /// Where the key is (without its `=`), or nil for a positional argument.
    public let keySpan: SourceSpan?
    /// The value.
    public let value: Value
    /// Where the value is.
    public let valueSpan: SourceSpan
    /// The value's exact source text (continuations collapsed to one space).
    public let valueText: String

    /// Creates an argument.
    public init(key: String?, keySpan: SourceSpan?, value: Value, valueSpan: SourceSpan, valueText: String) {
        self.key = key
        self.keySpan = keySpan
        self.value = value
        self.valueSpan = valueSpan
        self.valueText = valueText
    }

    /// Where the whole argument is, key included.
    public var span: SourceSpan {
        guard let keySpan else { return valueSpan }
        return SourceSpan(line: keySpan.line, column: keySpan.column, length: keySpan.length + 1 + valueSpan.length)
    }

    /// The whole argument's source text, e.g. `lr=0.1` or `tanh`.
    public var text: String {
        guard let key else { return valueText }
        return key + "=" + valueText
    }
}
