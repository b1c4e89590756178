import DescentText

/// Options written with spaces around `=` (`lr = 0.1`, `lr =0.1`) or with `==` (`lr==0.1`): the lexer reads those
/// as a word, a comparison and a value, so they are caught here and said in terms of how an option is written.
extension ArgReader {
    /// Throws at the first `=` or `==` that follows a plain word: for commands that take no comparison, where such
    /// an `=` can only be a misspelt option. `options` are the option keys the command takes (any case): `=` after
    /// another word (`regularize l2 = 0.1`) is not told to be written `l2=0.1`.
    public func rejectSpacedOptions(options: [String]) throws(Diagnostic) {
        for index in command.args.indices {
            if let error = spacedOption(at: index, options: options) { throw error }
        }
    }

    /// The error when the argument at `index` is a word that a comparison `=` follows, or that `=` itself; the
    /// `key=value` form is offered when the word is one of `options`.
    func spacedOption(at index: Int, options: [String]) -> Diagnostic? {
        let args = command.args
        let equals = isEquals(args[index]) ? index : index + 1
        guard equals > 0, equals < args.count, isEquals(args[equals]) else { return nil }
        let keyArg = args[equals - 1], sign = args[equals]
        guard keyArg.key == nil, case .word(let key) = keyArg.value else { return nil }
        let next = equals + 1 < args.count ? args[equals + 1] : nil
        let value = next.flatMap { $0.key == nil && !isOperator($0) ? $0.valueText.shortened() : nil } ?? "…"
        let doubled = sign.valueText == "==", spaced = !touches(keyArg.valueSpan, sign.valueSpan)
            || next.map { !touches(sign.valueSpan, $0.span) } ?? false
        let how = doubled ? (spaced ? "a single '=' and no spaces around it" : "a single '='") : "no spaces around '='"
        guard ArgReader.match(key, in: options) != nil else {
            return Diagnostic("unexpected '\(sign.valueText)' after '\(key.shortened())', which is not an option of \(command.name): options are "
                              + "written key=value, other values without '=' — `help \(command.name)` shows the forms", at: sign.valueSpan)
        }
        return Diagnostic("options are written key=value with \(how) — write \(key.shortened())=\(value)", at: sign.valueSpan)
    }

    /// Whether `arg` is the comparison `=` (written `=` or `==`).
    private func isEquals(_ arg: Arg) -> Bool {
        arg.key == nil && arg.value == .op("=")
    }

    /// Whether `arg` is any comparison or tolerance operator.
    private func isOperator(_ arg: Arg) -> Bool {
        if case .op = arg.value { return true }
        return false
    }

    /// Whether `b` starts right where `a` ends, on the same line.
    private func touches(_ a: SourceSpan, _ b: SourceSpan) -> Bool {
        a.line == b.line && a.column + a.length == b.column
    }
}
