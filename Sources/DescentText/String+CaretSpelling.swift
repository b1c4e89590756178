extension String {
    /// `asciiSpelled` for a message whose lines may be followed by a caret line (`    ^~~~`, as a diagnostic renders
    /// one under its source line): each caret is moved under what it marked, which a longer spelling before it (`θ`
    /// as `theta`) would otherwise leave it short of.
    public var asciiSpelledKeepingCarets: String {
        var lines = split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for i in lines.indices {
            guard i + 1 < lines.count, String.isCaretLine(lines[i + 1]) else { lines[i] = lines[i].asciiSpelled; continue }
            let source = lines[i], caret = lines[i + 1]
            let start = caret.prefix { $0 == " " }.count, length = caret.count - start
            let from = String(source.prefix(start)).asciiSpelled.count
            let to = String(source.prefix(start + length)).asciiSpelled.count
            lines[i] = source.asciiSpelled
            lines[i + 1] = String(repeating: " ", count: from) + "^" + String(repeating: "~", count: max(0, to - from - 1))
        }
        return lines.joined(separator: "\n")
    }

    /// Whether `line` is a caret line: spaces, one `^`, then `~`s.
    static func isCaretLine(_ line: String) -> Bool {
        let rest = line.drop { $0 == " " }
        return rest.first == "^" && rest.dropFirst().allSatisfy { $0 == "~" }
    }
}
