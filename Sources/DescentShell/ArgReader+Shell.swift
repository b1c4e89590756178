import DescentLanguage

/// Small reading helpers the command handlers share.
extension ArgReader {
    /// Whether the next positional argument is an indexed reference like `W1[0,1]`.
    var peekIsIndexed: Bool {
        if case .indexed? = peek?.value { return true }
        return false
    }

    /// Reads a quoted file name; `""`, which would name the directory descent runs in, is an error at the quotes.
    mutating func fileName(_ what: String = "file name", example: String) throws(Diagnostic) -> String {
        let name = try string(what, example: example)
        guard !name.isEmpty else { throw error("empty file name — put one between the quotes, like \"\(example)\"") }
        guard name.contains(where: { $0 != " " && $0 != "\t" }) else {
            throw error("a file name of only spaces — put a name between the quotes, like \"\(example)\"")
        }
        // `"csv\new.csv"` typed as on Windows: `\n` and `\t` are escapes, and the name holds a line break or a tab.
        if let escape = name.first(where: { $0 == "\n" || $0 == "\t" }) {
            let kind = escape == "\n" ? "a line break (the \\n in it)" : "a tab (the \\t in it)"
            let slashed = String(name.map { $0 == "\n" ? "/n" : $0 == "\t" ? "/t" : String($0) }.joined())
            throw error("the name holds \(kind) — paths take '/' between folders, like \"\(slashed.shortened())\" (a backslash "
                        + "itself is written \\\\)")
        }
        return name
    }

    /// Reads the quoted name of a file the command writes in the format of `example`'s extension (`runs.svg`: SVG), as
    /// `fileName` does; a name whose extension says another format (`"runs.png"`) is an error at it
    /// (`Commands.refuseOtherFormat`).
    mutating func outputFileName(example: String) throws(Diagnostic) -> String {
        let name = try fileName(example: example)
        try Commands.refuseOtherFormat(name, at: lastSpan, in: command, example: example)
        return name
    }

    /// Refuses the file name that ends the command (its last positional argument, when a string) as `outputFileName`
    /// refuses another format, before the arguments ahead of it are read: for a command that must build the model to read
    /// those (`export plot boundary h1[0] "map.png"`), so that it fails having built nothing.
    func checkOutputFileFirst(example: String) throws(Diagnostic) {
        guard let last = command.args.last(where: { $0.key == nil }), case .string(let name) = last.value else { return }
        try Commands.refuseOtherFormat(name, at: last.span, in: command, example: example)
    }

    /// An error pointing at the argument read last.
    func error(_ message: String) -> Diagnostic { Diagnostic(message, at: lastSpan) }

    /// An error pointing at the options `keys` that were given: from the first to the last when they share a
    /// line, else the first; at the command's name when none of them was given.
    func error(_ message: String, options keys: [String]) -> Diagnostic {
        let spans = command.args.filter { arg in keys.contains { $0.lowercased() == arg.key?.lowercased() } }.map(\.span)
        guard let first = spans.first else { return Diagnostic(message, at: command.nameSpan) }
        let sameLine = spans.filter { $0.line == first.line }
        let start = sameLine.map(\.column).min() ?? first.column, end = sameLine.map { $0.column + $0.length }.max() ?? first.column
        return Diagnostic(message, at: SourceSpan(line: first.line, column: start, length: end - start))
    }

    /// A number option that has no default: nil when absent.
    func optionalNumberOption(_ key: String, range: NumberRange = .any) throws(Diagnostic) -> Double? {
        guard option(key) != nil else { return nil }
        return try numberOption(key, default: 0, range: range)
    }

    /// A whole-number option that has no default: nil when absent.
    func optionalIntOption(_ key: String, range: ClosedRange<Int>) throws(Diagnostic) -> Int? {
        guard option(key) != nil else { return nil }
        return try intOption(key, default: 0, range: range)
    }

    /// A word option from `candidates` that has no default: nil when absent.
    func optionalWordOption(_ key: String, oneOf candidates: [String]) throws(Diagnostic) -> String? {
        guard option(key) != nil else { return nil }
        return try wordOption(key, oneOf: candidates, default: candidates[0])
    }
}
