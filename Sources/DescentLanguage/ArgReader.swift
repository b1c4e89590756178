import DescentText

/// A cursor over a command's arguments that binds them to typed values with precise errors.
///
/// Positional arguments are read in order (`word`, `number`, …); options are looked up by key, ignoring
/// case, wherever they appear (`numberOption`, …); `finish(options:)` then rejects anything left over.
/// In messages `what` is a bare noun such as `activation` or `learning rate`.
public struct ArgReader: Sendable {
    /// The command being read.
    public let command: Command
    /// Indices into `command.args` of the positional arguments, in order.
    let positionals: [Int]
    /// How many positional arguments have been consumed.
    var consumed = 0
    /// The span of the most recently consumed positional argument (the command name before any).
    public private(set) var lastSpan: SourceSpan
    /// Words that `optionalWord(oneOf:)` looked for at position `offeredAt` and did not find there: an error
    /// about the argument in that place suggests the nearest (`batch ful` → did you mean 'full'?).
    var offered: [String] = []
    var offeredAt = -1
    /// The option keys the command takes in any of its forms: an option with another key, holding a number, where a
    /// number belongs is that number written as an option (`layer dropout p=0.2`), and is said to be.
    public var optionKeys: [String]

    /// Starts reading `command`'s arguments; `optionKeys` are the keys the command takes in any of its forms.
    public init(_ command: Command, optionKeys: [String] = []) {
        self.command = command
        self.positionals = command.args.indices.filter { command.args[$0].key == nil }
        self.lastSpan = command.nameSpan
        self.optionKeys = optionKeys
    }

    /// The next positional argument, without consuming it.
    public var peek: Arg? {
        consumed < positionals.count ? command.args[positionals[consumed]] : nil
    }

    /// Whether the next positional argument is a number.
    public var peekIsNumber: Bool {
        if case .number? = peek?.value { return true }
        return false
    }

    /// Whether every positional argument has been consumed.
    public var isAtEnd: Bool { peek == nil }

    /// How many positional arguments are left to read.
    public var remaining: Int { positionals.count - consumed }

    /// Consumes the next positional argument, or throws `expected …` at the end of the command.
    mutating func next(expected: String) throws(Diagnostic) -> Arg {
        guard let arg = take() else { throw Diagnostic("expected \(expected)", at: command.endSpan) }
        return arg
    }

    /// Consumes the next positional argument and binds it with `bind`; an error about a word there says which
    /// of the words looked for in its place it may have meant (`offered`).
    mutating func next<T>(expected: String, _ bind: (Arg) throws(Diagnostic) -> T) throws(Diagnostic) -> T {
        let position = consumed
        let arg = try next(expected: expected)
        do { return try bind(arg) } catch { throw suggesting(error, for: arg, at: position) }
    }

    /// `error` with " — did you mean '…'?" when `arg`, at `position`, is a word near one of the words offered there.
    func suggesting(_ error: Diagnostic, for arg: Arg, at position: Int) -> Diagnostic {
        guard position == offeredAt, case .word(let word) = arg.value, let hint = Suggest.hint(word, in: offered) else { return error }
        return Diagnostic(error.message + hint, at: error.span)
    }

    /// Consumes and returns the next positional argument, if any.
    mutating func take() -> Arg? {
        guard let arg = peek else { return nil }
        consumed += 1
        lastSpan = arg.span
        return arg
    }

    /// Reads a word that must be one of `candidates` (ignoring case), returning the candidate's spelling. `known` gives
    /// the hint for a word that is none of them but is known otherwise (another library's name for one: ` — did you mean
    /// …?`), in place of the nearest candidate's.
    public mutating func word(_ what: String, oneOf candidates: [String],
                              known: (String) -> String? = { _ in nil }) throws(Diagnostic) -> String {
        let expected = "\(what) (one of \(candidates.joined(separator: ", ")))"
        // The word written as an option (`regularize l2=0.1`): pointed at, rather than the end of the line.
        if peek == nil, let option = command.args.first(where: { $0.key.map { ArgReader.match($0, in: candidates) != nil } ?? false }),
           let key = option.key, let keySpan = option.keySpan {
            throw ArgReader.writtenAsOption(expected: expected, shown: "\(key.shortened())=…",
                                            how: "the \(what) is a word on its own, without '=' — `help \(command.name)` shows the forms", at: keySpan)
        }
        if let spaced = optionWrittenSpaced(besides: candidates) { throw spaced }
        let alternatives = offeredAt == consumed ? offered : []
        return try ArgReader.choose(try next(expected: expected), from: candidates, alternatives: alternatives, unknown: what,
                                    suffix: "", expected: expected, known: known)
    }

    /// When the next two arguments are one of the command's option keys (`optionKeys`; none of `candidates`) and a value
    /// (`train 100 every 10`): the error that says how options are written (`every=10`); nil otherwise.
    func optionWrittenSpaced(besides candidates: [String]) -> Diagnostic? {
        guard consumed + 1 < positionals.count, case .word(let word) = command.args[positionals[consumed]].value,
              ArgReader.match(word, in: candidates) == nil, let key = ArgReader.match(word, in: optionKeys),
              positionals[consumed + 1] == positionals[consumed] + 1 else { return nil }
        return ArgReader.keyValueHint(key, word: word, value: command.args[positionals[consumed + 1]], at: command.args[positionals[consumed]].span,
                                      after: positionals[consumed] > 0 ? command.args[positionals[consumed] - 1].text : command.name)
    }

    /// "unexpected 'lr' after 'adam' — options are written key=value: write lr=0.1" at `span`, for the option `key` written
    /// as the word `word` and then `value`.
    static func keyValueHint(_ key: String, word: String, value: Arg, at span: SourceSpan, after before: String) -> Diagnostic {
        Diagnostic("unexpected '\(word.shortened())' after '\(before.shortened())' — options are written key=value: "
                   + "write \(key.shortened())=\(value.valueText.shortened())", at: span)
    }

    /// Reads any word, such as a name.
    public mutating func word(_ what: String) throws(Diagnostic) -> String {
        let arg = try next(expected: what)
        guard case .word(let word) = arg.value else { throw ArgReader.mismatch(arg, expected: what) }
        return word
    }

    /// Reads a name as a person may write one of a file's: a word, a quoted string, or a number as written (a column
    /// headed `1990`).
    public mutating func name(_ what: String) throws(Diagnostic) -> String {
        let arg = try next(expected: what)
        switch arg.value {
        case .word(let text), .string(let text): return text
        case .number: return arg.valueText
        default: throw ArgReader.mismatch(arg, expected: what)
        }
    }

    /// Consumes the next argument only when it is a word among `candidates` (ignoring case); otherwise notes
    /// them as `offered` here, for the error a word in this place may cause later.
    public mutating func optionalWord(oneOf candidates: [String]) -> String? {
        guard case .word(let word)? = peek?.value, let match = ArgReader.match(word, in: candidates) else {
            if offeredAt != consumed { offered = []; offeredAt = consumed }
            offered += candidates
            return nil
        }
        _ = take()
        return match
    }

    /// Reads the next argument when it is a word: one of `candidates` (ignoring case, spelled as the
    /// candidate), or an error naming it as an unknown `what`. Nil, consuming nothing, when no word is next.
    public mutating func optionalWord(_ what: String, oneOf candidates: [String]) throws(Diagnostic) -> String? {
        guard case .word? = peek?.value else { return nil }
        return try word(what, oneOf: candidates)
    }

    /// Consumes the next argument only when it is a word.
    public mutating func optionalWord() -> String? {
        guard case .word(let word)? = peek?.value else { return nil }
        _ = take()
        return word
    }

    /// Reads a number within `range`.
    public mutating func number(_ what: String, range: NumberRange = .any) throws(Diagnostic) -> Double {
        let expected = ArgReader.joined(what, "as a number", range.phrase)
        if let error = numberWrittenAsOption(expected: expected) { throw error }
        return try next(expected: expected) { arg throws(Diagnostic) in try ArgReader.numberValue(arg, expected: expected, range: range) }
    }

    /// Reads a whole number within `range`, e.g. "expected number of units (a whole number from 1 to 100000), got 2.5".
    public mutating func int(_ what: String, range: ClosedRange<Int>) throws(Diagnostic) -> Int {
        let expected = { (phrase: String) in "\(what) (a whole number \(phrase))" }
        if let error = numberWrittenAsOption(expected: expected(ArgReader.phrase(range))) { throw error }
        return try next(expected: expected(ArgReader.phrase(range))) { arg throws(Diagnostic) in
            try ArgReader.intValue(arg, range: range, expected: expected)
        }
    }

    /// Where a number belongs and none is next: the first option that is none of the command's (`optionKeys`) and holds
    /// a number, as that number written as an option (`layer dropout p=0.2`), pointed at with the command written
    /// without it (`layer dropout 0.2`); nil when there is no such option.
    func numberWrittenAsOption(expected: String) -> Diagnostic? {
        if peekIsNumber { return nil }
        guard let option = command.args.first(where: { arg in
            guard let key = arg.key, case .number = arg.value else { return false }
            return ArgReader.match(key, in: optionKeys) == nil
        }) else { return nil }
        // The command as it would be written: the value in the option's place among the positional arguments.
        let read = positionals[..<consumed].map { command.args[$0].text }, rest = positionals[consumed...].map { command.args[$0].text }
        let others = command.args.filter { $0.key != nil && $0 != option }.map(\.text)
        let bare = ([command.name] + read + [option.valueText] + rest + others).joined(separator: " ")
        return ArgReader.writtenAsOption(expected: expected, shown: option.text.shortened(),
                                         how: "write the number on its own, without '\((option.key ?? "").shortened())=': `\(bare)`", at: option.span)
    }

    /// "expected `expected`, got it written as an option, '`shown`': `how`" at `span`: a value that belongs in its place
    /// on its own (a word, a number) written as `key=value`.
    static func writtenAsOption(expected: String, shown: String, how: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic("expected \(expected), got it written as an option, '\(shown)': \(how)", at: span)
    }

    /// Reads a whole number within `range` when the next argument is a number; otherwise consumes nothing.
    public mutating func optionalInt(_ what: String, range: ClosedRange<Int>) throws(Diagnostic) -> Int? {
        guard peekIsNumber else { return nil }
        return try int(what, range: range)
    }

    /// Reads a double-quoted string; `example` shows the user what one looks like.
    public mutating func string(_ what: String, example: String) throws(Diagnostic) -> String {
        let expected = "a quoted \(what) like \"\(example)\""
        return try next(expected: expected) { arg throws(Diagnostic) in
            guard case .string(let text) = arg.value else { throw ArgReader.mismatch(arg, expected: expected) }
            return text
        }
    }

    /// Reads an indexed reference such as `W1[0,1]`.
    public mutating func indexed(_ what: String) throws(Diagnostic) -> (name: String, indices: [Int]) {
        let expected = "\(what) like W1[0,1]"
        return try next(expected: expected) { arg throws(Diagnostic) in
            guard case .indexed(let name, let indices) = arg.value else { throw ArgReader.mismatch(arg, expected: expected) }
            return (name, indices)
        }
    }

    /// Reads an operator that must be one of `candidates` (already normalised: `+-`, `=`); a message names a lone
    /// candidate as itself (expected '=').
    public mutating func op(_ what: String, oneOf candidates: [String]) throws(Diagnostic) -> String {
        let expected = candidates.count == 1 ? "'\(candidates[0])'" : "\(what) (one of \(candidates.joined(separator: ", ")))"
        let arg = try next(expected: expected)
        guard case .op(let op) = arg.value, candidates.contains(op) else { throw ArgReader.mismatch(arg, expected: expected) }
        return op
    }

    /// Consumes the next argument only when it is an operator among `candidates`.
    public mutating func optionalOp(oneOf candidates: [String]) -> String? {
        guard case .op(let op)? = peek?.value, candidates.contains(op) else { return nil }
        _ = take()
        return op
    }


    /// Reads rows of numbers, `[[1,2],[2,3]]`, or a single row `[1,2]` as one row, each with where it is
    /// written. Rows may differ in length: the caller checks them against the width it expects.
    public mutating func rows(_ what: String) throws(Diagnostic) -> [(numbers: [Double], span: SourceSpan)] {
        try ArgReader.rowsValue(try next(expected: ArgReader.rowsExpected(what)), what: what)
    }
}
