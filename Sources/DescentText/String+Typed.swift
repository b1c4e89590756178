extension String {
    /// The text as it must be typed to be read back whole with the same text: bare when the lexer reads it as one word
    /// (an ASCII letter or `_`, then letters, digits, `_`, and `-` before a letter: `Lexer.word`), else in double quotes
    /// with `\\`, `"`, line feeds and tabs escaped as the lexer's strings decode them; always quoted when `quoted` (a file name).
    public func typed(quoted always: Bool = false) -> String {
        let c = Array(self)
        let bare = c.first?.isWordStart == true
            && c.indices.dropFirst().allSatisfy { c[$0].isWordPart || (c[$0] == "-" && $0 + 1 < c.count && c[$0 + 1].isWordStart) }
        guard always || !bare else { return self }
        let escapes: [Character: String] = ["\\": "\\\\", "\"": "\\\"", "\n": "\\n", "\t": "\\t"]
        return "\"" + map { escapes[$0] ?? String($0) }.joined() + "\""
    }
}
