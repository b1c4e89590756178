import DescentText

/// The hints after `unexpected character`: what was probably meant, and how to type it here.
extension Lexer {
    /// Characters typed for ASCII ones (by word processors, other keyboards, or copied from what Descent prints) → the
    /// ASCII spelling to type instead.
    static let typographic: [Character: String] = [
        "−": "-", "–": "-", "—": "-", "‐": "-", "≤": "<=", "≥": ">=", "²": "^2", "³": "^3", "×": "*", "·": "*",
    ]

    /// Quote marks that are not the language's `"`; the ASCII `'` among them.
    static let otherQuotes: Set<Character> = ["“", "”", "„", "‘", "’", "‚", "«", "»", "'", "`", "´"]

    /// The hint for `c`, the unexpected Character at `start` (" — …"), or "" when there is none.
    func hint(for c: Character) -> String {
        if c == "." || c == "/" { return dotHint() }
        if c == "%" { return percentHint() }
        if c == "\u{FEFF}" { return " (a byte-order mark, invisible; only one at the very start of a script is skipped) — delete it" }
        if c == "\u{200B}" { return " (a zero-width space, invisible) — delete it" }
        if Lexer.otherQuotes.contains(c) {
            // The text up to the closing quote of any kind, shown in straight double quotes.
            var end = current
            while end < source.count && !Lexer.otherQuotes.contains(source[end]) && source[end] != "\"" && !source[end].isLineEnd { end += 1 }
            let inside = String(source[current..<end])
            return " — strings take straight double quotes: write \"\(inside.shortened())\""
        }
        if let ascii = Lexer.typographic[c] {
            return c == "≤" || c == "≥" ? " — type '\(ascii)' (Descent prints \(c), but reads the ASCII form)" : " — type '\(ascii)' instead"
        }
        // Full-width forms of ASCII (`＝`, `２`): U+FF01–FF5E are U+0021–007E moved by 0xFEE0.
        if let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1, (0xFF01...0xFF5E).contains(scalar.value),
           let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
            return " (full-width) — type the ASCII '\(Character(ascii))' instead"
        }
        if c == "\u{3000}" { return " (a full-width space) — type a space instead" }
        return ""
    }

    /// The hint for a `%` after the token before it: a tolerance after `+-` (`0.7 +- 10%`) as the number it is a share of
    /// the value, any other number (`split 80%`) as a fraction.
    func percentHint() -> String {
        guard case .number(let p)? = tokens.last?.kind, tokens.last?.range.upperBound == start else {
            return " — write a share as a fraction, 0.8 for 80%"
        }
        let n = tokens.count
        if n >= 3, tokens[n - 2].kind == .op("+-"), case .number(let value) = tokens[n - 3].kind {
            // Rounded to 12 decimals, so that 10% of 0.7 reads 0.07, not 0.06999999999999999.
            let exact = abs(value) * p / 100, rounded = (exact * 1e12).rounded() / 1e12
            let tolerance = rounded == 0 ? exact : rounded
            return " — write the tolerance as a number in the value's units: \(p.plainText)% of \(value.plainText) is "
                + "`\(tokens[n - 3].lexeme) +- \(tolerance.plainText)`"
        }
        return " — write a share as a fraction, \((p / 100).plainText) for \(p.plainText)%"
    }


    /// The hint for a `.` or `/` that starts no token, from the run of non-blank text around it (up to a `;`): a path
    /// (`data/x.csv`, `w.json`) is to be quoted, with the command so far shown; a Python call (`loss.backward()`) is
    /// named as one; any other dotted name (`keep a.b`) is to be quoted too.
    func dotHint() -> String {
        let stops: (Character) -> Bool = { $0.isBlank || $0.isLineEnd || $0 == ";" }
        var first = start, last = start
        while first > 0 && !stops(source[first - 1]) { first -= 1 }
        while last < source.count && !stops(source[last]) { last += 1 }
        // The command so far: from the last `;` or line start on this physical line up to the run.
        var head = first
        while head > 0 && source[head - 1] != ";" && !source[head - 1].isLineEnd { head -= 1 }
        var tail = first
        while tail > head && source[tail - 1].isBlank { tail -= 1 }
        while head < tail && source[head].isBlank { head += 1 }
        let before = String(source[head..<tail])
        let blob = String(source[first..<last])
        if let call = Lexer.pythonCall(in: source, dotAt: start) {
            return " — `\(call.object).\(call.method)(…)` is Python: a command here is a word with its values after spaces (`help` lists them)"
        }
        // An option's value (`target=a.b`) is quoted after its `=`.
        let bare = String(blob.filter { $0 != "\"" })
        let key = bare.firstIndex(of: "=").map { String(bare[...$0]) } ?? ""
        // A fraction (`regularize l2 1/100`) is a number to write as a decimal, not a name to quote.
        let parts = bare.dropFirst(key.count).split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, let n = Double(parts[0]), let d = Double(parts[1]) {
            // Both parts finite, and a quotient float64 holds: not 0 from a nonzero numerator (the silent zero the lexer
            // refuses), nor a fraction too large for its digits to be exact (1e20/3).
            let q = n / d
            let underflows = parts.contains { part in Double(part) == 0 && part.prefix { $0 != "e" && $0 != "E" }.contains { "123456789".contains($0) } }
            let reason = n.isNaN || d.isNaN ? "NaN is not a number" : underflows ? "a part rounds to 0 in float64"
                : d == 0 ? "a division by zero"
                : !n.isFinite || !d.isFinite ? "a part is beyond float64's range" : !q.isFinite ? "too large"
                : q == 0 && n != 0 ? "it rounds to 0 in float64"
                : abs(q) >= 0x1p53 && n.truncatingRemainder(dividingBy: d) != 0 ? "too large to write exactly" : nil
            if let reason {
                return " — \(String(bare.dropFirst(key.count)).shortened()) is not a number (\(reason)): write the value as a decimal"
            }
            let decimal = (before.isEmpty ? "" : before + " ") + key + q.plainText
            return " — write the fraction as a decimal: `\(decimal.shortened())`"
        }
        let quoted = (before.isEmpty ? "" : before + " ") + key + "\"" + bare.dropFirst(key.count) + "\""
        let looksLikePath = blob.contains("/") || blob.contains("\\")
            || [".csv", ".json", ".descent", ".svg", ".txt", ".tsv"].contains { blob.lowercased().hasSuffix($0) }
        return looksLikePath ? " — put file names in double quotes: `\(quoted.shortened())`"
            : " — a name with a '.' goes in double quotes: `\(quoted.shortened())`"
    }

    /// The Python call whose `.` is at `dot` in `source` (`model.fit(` → ("model", "fit", the text inside the
    /// parentheses up to the matching `)`)); nil when a word, the `.`, a word and `(` are not there.
    public static func pythonCall(in source: [Character], dotAt dot: Int) -> (object: String, method: String, arguments: String)? {
        guard dot < source.count, source[dot] == "." else { return nil }
        var a = dot
        while a > 0 && source[a - 1].isWordPart { a -= 1 }
        var b = dot + 1
        while b < source.count && source[b].isWordPart { b += 1 }
        guard a < dot, b > dot + 1, source[a].isWordStart, b < source.count, source[b] == "(" else { return nil }
        var depth = 0, end = b
        while end < source.count {
            if source[end] == "(" { depth += 1 } else if source[end] == ")" { depth -= 1; if depth == 0 { break } }
            end += 1
        }
        return (String(source[a..<dot]), String(source[(dot + 1)..<b]), String(source[(b + 1)..<min(end, source.count)]))
    }
}
