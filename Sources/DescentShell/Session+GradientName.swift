import DescentLanguage
import DescentText

/// A gradient written as Descent prints it (`show dL/dZ1`), which the lexer refuses at its `/`.
extension Session {
    /// The lexer's `error` at the `/` of `dL/dNAME` in `text` (a line starting at `line`), said as what prints that
    /// gradient: `show NAME` for a node of the graph, `show grads NAME` for a parameter (`explain NAME[i,j]` for one of
    /// its entries); nil when the error is not there or NAME is neither.
    static func gradientName(_ error: Diagnostic, in text: String, line: Int) -> Diagnostic? {
        guard let at = error.span else { return nil }
        let chars = Array(text)
        let isWordPart = { (c: Character) in c.isASCII && (c.isLetter || c.isNumber || c == "_") }
        var physical = line, lineStart = 0
        for (i, c) in chars.enumerated() {
            if c.isLineEnd { physical += 1; lineStart = i + 1; continue }
            guard c == "/", physical == at.line, i - lineStart + 1 == at.column else { continue }
            // `dL` before the slash (a word of its own), `d` and a name after it.
            guard i >= 2, chars[i - 2] == "d", chars[i - 1] == "L", i < 3 || !isWordPart(chars[i - 3]),
                  i + 2 < chars.count, chars[i + 1] == "d" else { return nil }
            var end = i + 2
            while end < chars.count && isWordPart(chars[end]) { end += 1 }
            let name = String(chars[(i + 2)..<end])
            // An entry's index as typed (`[0,1]`), when it closes on the line.
            var index = ""
            if end < chars.count, chars[end] == "[", let close = chars[end...].firstIndex(where: { $0 == "]" || $0.isLineEnd }),
               chars[close] == "]" {
                index = String(chars[end...close]).filter { $0 != " " }
            }
            let indexed = !index.isEmpty
            let span = SourceSpan(line: physical, column: at.column - 2, length: end - i + 2)
            let written = "'dL/d\(name.shortened())\(index.shortened())' is how Descent prints a gradient, not a name it reads"
            // By the name alone: the line is parsed before any of its commands runs (`forward; show dL/dZ1`).
            if Session.isParameterName(name) {
                return Diagnostic(written + " — `show grads \(name)` prints \(name)'s gradient"
                                  + (indexed ? ", `explain \(name)\(index.shortened())` that entry's by the chain rule" : ", `explain \(name)` derives it by the chain rule"),
                                  at: span)
            }
            guard Workspace.isNodeName(name) else { return nil }
            return Diagnostic(written + " — `show \(name)` prints the node \(name) after `forward`, and its gradient dL/d\(name) once "
                              + "`backward` has reached it", at: span)
        }
        return nil
    }

    /// Whether `name` is one a layer gives a parameter: `W` or `b` and a number from 1 (`W1`, `b12`).
    static func isParameterName(_ name: String) -> Bool { Workspace.numbered(Substring(name), "Wb") }
}
