extension String {
    /// The text broken at spaces into lines of at most `width` terminal columns, each line after the first
    /// starting with `indent` spaces; spaces inside a line (and before its first word) are kept, a word
    /// wider than a line keeps a line of its own, and line breaks in the text stay. `width` nil: no wrapping.
    public func wrapped(width: Int?, indent: Int = 0) -> [String] {
        let paragraphs = split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let width else { return paragraphs }
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        for paragraph in paragraphs {
            var line = "", used = 0, hasWord = false, spaces = ""
            for run in paragraph.spaceRuns() {
                if run.first == " " { spaces += run; continue }
                let w = run.columns
                if hasWord && used + spaces.count + w > width {
                    lines.append(line)
                    line = pad + run; used = indent + w
                } else {
                    line += spaces + run; used += spaces.count + w
                }
                spaces = ""; hasWord = true
            }
            lines.append(line)
        }
        return lines
    }

    /// The text cut into runs of spaces and runs of other characters, in order.
    private func spaceRuns() -> [String] {
        var runs: [String] = [], run = ""
        for ch in self {
            if let last = run.last, (last == " ") != (ch == " ") { runs.append(run); run = "" }
            run.append(ch)
        }
        return run.isEmpty ? runs : runs + [run]
    }
}
