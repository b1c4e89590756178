import DescentText

extension ArgReader {
    /// The argument's value as a number within `range`; otherwise "expected `expected`, got …".
    static func numberValue(_ arg: Arg, expected: String, range: NumberRange) throws(Diagnostic) -> Double {
        guard case .number(let number) = arg.value, range.contains(number) else { throw mismatch(arg, expected: expected) }
        return number
    }

    /// The argument's value as a whole number within `range`; otherwise "expected `expected(phrase)`, got …", where
    /// `phrase` is the range in words (`from 1 to 10`, `at least 0`; with the largest Int when the number is past it).
    /// Plain digits are read as written: a Double holds every whole number only up to 2⁵³.
    static func intValue(_ arg: Arg, range: ClosedRange<Int>, expected: (String) -> String) throws(Diagnostic) -> Int {
        guard case .number(let number) = arg.value else { throw mismatch(arg, expected: expected(phrase(range))) }
        guard let whole = Int(arg.valueText) ?? Int(exactly: number), range.contains(whole) else {
            // A whole number past the largest Int is "at least 0" but still refused: say where the range ends.
            let pastTheTop = number == number.rounded() && number >= Double(Int.max)
            throw mismatch(arg, expected: expected(pastTheTop ? phrase(range, open: false) : phrase(range)))
        }
        return whole
    }

    /// The argument's word as spelled in `candidates` (ignoring case), with a suggestion when it is unknown: `known`'s
    /// hint for it, else the nearest of the candidates and any `alternatives` (words that would also have been read in
    /// its place).
    static func choose(_ arg: Arg, from candidates: [String], alternatives: [String] = [], unknown noun: String,
                       suffix: String, expected: String, known: (String) -> String? = { _ in nil }) throws(Diagnostic) -> String {
        guard case .word(let word) = arg.value else { throw mismatch(arg, expected: expected) }
        if let match = match(word, in: candidates) { return match }
        let head = "unknown \(noun) '\(word.shortened())'\(suffix)"
        if let hint = known(word) { throw Diagnostic(head + hint, at: arg.valueSpan) }
        if let hint = Suggest.hint(word, in: alternatives + candidates) { throw Diagnostic(head + hint, at: arg.valueSpan) }
        throw Diagnostic("\(head) — expected one of \(candidates.joined(separator: ", "))", at: arg.valueSpan)
    }

    /// The candidate equal to `word` ignoring case, spelled as the candidate.
    static func match(_ word: String, in candidates: [String]) -> String? {
        candidates.first { $0.lowercased() == word.lowercased() }
    }

    /// "expected `expected`, got …" at the argument's value.
    static func mismatch(_ arg: Arg, expected: String) -> Diagnostic {
        Diagnostic("expected \(expected), got \(shown(arg.value, text: arg.valueText))", at: arg.valueSpan)
    }

    /// How a value is quoted in messages: numbers, strings and lists as written, anything else in single quotes;
    /// cut to 40 characters (`String.shortened`).
    static func shown(_ value: Value, text: String) -> String {
        switch value {
        case .number, .string, .list: return text.shortened()
        case .word, .indexed, .op: return "'\(text.shortened())'"
        }
    }

    /// A whole-number range in words: `from 1 to 10`, or `at least 1` when it has no upper limit but the
    /// largest Int and `open` (`from 1 to 9223372036854775807` otherwise).
    static func phrase(_ range: ClosedRange<Int>, open: Bool = true) -> String {
        open && range.upperBound == Int.max ? "at least \(range.lowerBound)" : "from \(range.lowerBound) to \(range.upperBound)"
    }

    /// The non-empty parts joined by single spaces.
    static func joined(_ parts: String...) -> String {
        parts.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
