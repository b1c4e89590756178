/// A parsed JSON value, as `JSONReader` gives it: numbers keep their byte offset so errors can point at them.
enum JSONValue: Equatable {
    case object([String: JSONValue])
    case array([JSONValue])
    /// The number's value (±infinity when it is too large for a Double) and its byte offset in the text.
    case number(Double, offset: Int)
    case string(String)
    case bool(Bool)
    case null

    /// What kind of value this is, for messages: `true`, `null`, `a string`, `an object`, ….
    var kind: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case .number: return "a number"
        case .string: return "a string"
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }
}
