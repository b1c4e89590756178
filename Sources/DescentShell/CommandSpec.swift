import DescentLanguage

/// One command of the language: its name, how to call it, what it does, and the handler that runs it.
struct CommandSpec: Sendable {
    typealias Handler = @Sendable (Workspace, inout ArgReader) throws -> Void

    let name: String
    /// Call forms shown by `help`, one per line.
    let usage: [String]
    let summary: String
    /// Words that can follow the name, for tab completion.
    let keywords: [String]
    /// Whether a successful call is kept for `save session` (state changes and checks are; pure displays are not).
    let recorded: Bool
    /// Whether the command reads comparisons (`set W1[0,0] = 2`); in any other an `=` after a word is an option
    /// written with spaces (`lr = 0.1`), refused as such before the command runs.
    let comparisons: Bool
    /// Whether the name must be typed in full, no prefix standing for it (`quit`: a stray `q`, the key that closes the
    /// full-screen views, would end the session).
    let whole: Bool
    let handler: Handler

    /// The option keys its forms show (`lr` of `[lr=X]`), for telling an option written `lr = 0.1` from a value.
    /// A word its forms show first, as a value (`l2` of `regularize l2 λ`), is not one there, though a later option
    /// has its name (`regularize elastic l1=λ1 l2=λ2`).
    func optionKeys(first: String?) -> [String] {
        let keys = optionKeys
        guard let first, firstWords.contains(where: { $0.lowercased() == first.lowercased() }) else { return keys }
        return keys.filter { $0.lowercased() != first.lowercased() }
    }

    /// The words the forms show right after the name (`none`, `l1`, `l2`, `elastic` for regularize; `mse`, `mae`, … from
    /// `loss mse|mae|…`).
    var firstWords: [String] {
        usage.flatMap { form -> [String] in
            let words = form.split(separator: " ")
            guard words.count > 1, words[0] == Substring(name) else { return [] }
            return words[1].split(separator: "|").map(String.init)
        }
    }

    /// The option keys its forms show (`lr` of `[lr=X]`).
    var optionKeys: [String] {
        var keys: [String] = []
        for form in usage {
            var word = ""
            for ch in form {
                if ch.isLetter || ch.isNumber || ch == "_" { word.append(ch); continue }
                if ch == "=", !word.isEmpty, !keys.contains(word) { keys.append(word) }
                word = ""
            }
        }
        return keys
    }

    init(_ name: String, _ usage: [String], _ summary: String, keywords: [String] = [], recorded: Bool = true,
         comparisons: Bool = false, whole: Bool = false, handler: @escaping Handler) {
        self.name = name; self.usage = usage; self.summary = summary
        self.keywords = keywords; self.recorded = recorded; self.comparisons = comparisons; self.whole = whole
        self.handler = handler
    }
}
