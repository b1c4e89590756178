extension String {
    /// This text for a terminal whose locale does not encode UTF-8: each sign descent prints spelled in ASCII — box
    /// drawing as `+`, `-` and `|`, `→` as `->`, `—` as `--`, `–` and `−` as `-`, `·` as `*`, `×` as `x`, `…` as `...`, Greek
    /// letters by name (`θ` as `theta`, `Σ` as `sum`), `ŷ` as `y^`, superscripts after `^` (`²` as `^2`, `β₁ᵗ` as
    /// `beta_1^t`) and subscripts after `_`, `≤` as `<=`, `⊙` as `(*)`, `✓` as `ok` (see `asciiSpellings`), in any
    /// text, names from files too. Any other character stays as it is.
    public var asciiSpelled: String {
        guard !utf8.allSatisfy({ $0 < 0x80 }) else { return self }
        var out = ""
        out.reserveCapacity(utf8.count)
        // Whether the previous sign was a subscript or a superscript: a run of them gets one `_` or `^`.
        var lastScript: Character?
        // Whether a spelled name (`beta`, `sum`; its subscripts after it) just ended: a letter after it gets a space,
        // so that `β₁m` reads `beta_1 m` and `λΣw²` `lambda sum w^2`, not `beta_1m` and `lambdasumw^2`.
        var nameEnded = false
        // Columns the spellings so far added to the line, and the spaces waiting to be written: a run of padding
        // after them (three spaces or more) gives them back, down to two spaces, so that columns stay in line.
        var added = 0, spaces = 0
        func add(_ text: String, columns: Int) {
            if spaces > 0 {
                let given = spaces >= 3 ? min(added, spaces - 2) : 0
                out += String(repeating: " ", count: spaces - given)
                added -= given
                spaces = 0
            }
            out += text
            added += text.count - columns
        }
        for scalar in unicodeScalars {
            if scalar == " " { spaces += 1; lastScript = nil; nameEnded = false; continue }
            if let sub = String.subscripts[scalar] {
                add(lastScript == "_" ? String(sub) : "_" + String(sub), columns: 1)
                lastScript = "_"
                continue
            }
            if let sup = String.superscripts[scalar] {
                add(lastScript == "^" ? String(sup) : "^" + String(sup), columns: 1)
                lastScript = "^"
                continue
            }
            lastScript = nil
            if scalar == "\n" { add("\n", columns: 1); added = 0; nameEnded = false; continue }
            let spelled = scalar.isASCII ? nil : String.asciiSpellings[scalar]
            if nameEnded && ((scalar.isASCII && scalar.properties.isAlphabetic) || spelled?.first?.isLetter == true) {
                add(" ", columns: 0)
            }
            nameEnded = spelled.map { $0.count > 1 && $0.last?.isLetter == true } ?? false
            if scalar.isASCII {
                add(String(scalar), columns: 1)
            } else if let spelled {
                // A combining mark (the hat of m̂) takes no column of its own.
                add(spelled, columns: scalar.properties.generalCategory == .nonspacingMark ? 0 : 1)
            } else if (0x2500...0x257F).contains(scalar.value) {
                add("+", columns: 1)   // box drawing not in the table: a corner or a junction
            } else {
                out += String(repeating: " ", count: spaces)
                spaces = 0
                out.unicodeScalars.append(scalar)
            }
        }
        out += String(repeating: " ", count: spaces)
        return out
    }

    /// The ASCII spelling of each sign descent prints that is not a subscript or a superscript.
    static let asciiSpellings: [Unicode.Scalar: String] = [
        // Box drawing and block elements: tables, rules, the progress bar.
        "─": "-", "━": "-", "┄": "-", "┅": "-", "│": "|", "┃": "|", "┆": "|",
        "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
        "█": "#", "▓": "#", "▒": ":", "░": ".",
        // Arrows, dashes and operators.
        "→": "->", "←": "<-", "◀": "<", "▶": ">", "—": "--", "–": "-", "−": "-", "·": "*", "×": "x", "…": "...",
        "±": "+-", "≤": "<=", "≥": ">=", "≠": "!=", "≈": "~", "√": "sqrt ", "∞": "inf", "∂": "d", "Σ": "sum",
        "⊙": "(*)", "⊗": "(x)", "‖": "||", "⌊": "floor(", "⌋": ")", "⌈": "ceil(", "⌉": ")", "½": "1/2",
        // Greek letters (µ is the micro sign).
        "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "eps", "η": "eta", "θ": "theta", "λ": "lambda",
        "μ": "mu", "µ": "mu", "π": "pi", "ρ": "rho", "σ": "sigma", "τ": "tau", "φ": "phi", "ω": "omega",
        // Letters with a hat or a bar (ŷ: the prediction; the combining hat of m̂, v̂).
        "ŷ": "y^", "ȳ": "ybar", "\u{302}": "^", "\u{304}": "bar",
        // Marks.
        "✓": "ok", "✗": "x", "●": "o", "■": "#", "▲": "^", "◆": "*", "★": "*", "✚": "+", "╳": "x",
    ]

    /// Subscript signs and what follows `_` for them.
    static let subscripts: [Unicode.Scalar: Character] = [
        "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7", "₈": "8", "₉": "9",
        "ᵢ": "i", "ⱼ": "j", "ₖ": "k", "ₚ": "p", "ᵣ": "r", "ₜ": "t", "ₙ": "n",
    ]

    /// Superscript signs and what follows `^` for them.
    static let superscripts: [Unicode.Scalar: Character] = [
        "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
        "ᵗ": "t", "ᵀ": "T", "ᵏ": "k", "ˣ": "x", "ⁿ": "n", "⁻": "-",
    ]
}
