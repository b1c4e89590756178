import DescentText
extension Value: CustomStringConvertible {
    /// The value written back in the language's own syntax (lists without spaces, strings re-escaped).
    public var description: String {
        switch self {
        case .number(let number): return number.plainText
        case .string(let text): return "\"" + Value.escaped(text) + "\""
        case .word(let word): return word
        case .list(let elements): return "[" + elements.map(\.value.description).joined(separator: ",") + "]"
        case .indexed(let name, let indices): return name + "[" + indices.map(String.init).joined(separator: ",") + "]"
        case .op(let op): return op
        }
    }

    /// `text` with `"`, `\`, line breaks and tabs written as escapes.
    private static func escaped(_ text: String) -> String {
        var result = ""
        for c in text {
            switch c {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default: result.append(c)
            }
        }
        return result
    }
}
