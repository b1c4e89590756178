import DescentText

extension ArgReader {
    /// The first option whose key is `key` (ignoring case), if given.
    public func option(_ key: String) -> Arg? {
        command.args.first { $0.key?.lowercased() == key.lowercased() }
    }

    /// The number given as `key=…` within `range`, or `defaultValue` when the option is absent.
    public func numberOption(_ key: String, default defaultValue: Double, range: NumberRange = .any) throws(Diagnostic) -> Double {
        guard let arg = option(key) else { return defaultValue }
        return try ArgReader.numberValue(arg, expected: ArgReader.joined("a number", range.phrase, "for \(key)="), range: range)
    }

    /// The whole number given as `key=…` within `range`, or `defaultValue` when the option is absent.
    public func intOption(_ key: String, default defaultValue: Int, range: ClosedRange<Int>) throws(Diagnostic) -> Int {
        guard let arg = option(key) else { return defaultValue }
        return try ArgReader.intValue(arg, range: range) { ArgReader.joined("a whole number", $0, "for \(key)=") }
    }

    /// `true` or `false` given as `key=…` (ignoring case; `on` and `off` too, as `normalize on` and `features off`
    /// say it), or `defaultValue` when the option is absent.
    public func boolOption(_ key: String, default defaultValue: Bool) throws(Diagnostic) -> Bool {
        ["true", "on"].contains(try wordOption(key, oneOf: ["true", "false", "on", "off"], default: defaultValue ? "true" : "false"))
    }

    /// A word among `candidates` given as `key=…`, or `defaultValue` when the option is absent.
    public func wordOption(_ key: String, oneOf candidates: [String], default defaultValue: String) throws(Diagnostic) -> String {
        guard let arg = option(key) else { return defaultValue }
        let list = candidates.joined(separator: ", ")
        return try ArgReader.choose(arg, from: candidates, unknown: "value", suffix: " for \(key)=",
                                    expected: "one of \(list) for \(key)=")
    }

    /// A name given as `key=…`, either a word or a quoted string; nil when the option is absent.
    public func nameOption(_ key: String) throws(Diagnostic) -> String? {
        guard let arg = option(key) else { return nil }
        switch arg.value {
        case .word(let text), .string(let text): return text
        default: throw ArgReader.mismatch(arg, expected: "a name or a quoted string for \(key)=")
        }
    }

    /// Names given as `key=NAME` or `key=[NAME,NAME,…]` (words or quoted strings), each with its span; nil when the
    /// option is absent. `what` says what a name is, for messages (`column name`).
    public func nameListOption(_ key: String, what: String) throws(Diagnostic) -> [(name: String, span: SourceSpan)]? {
        guard let arg = option(key) else { return nil }
        return try ArgReader.nameListValue(arg, what: what, key: key)
    }

    /// A flat list of numbers given as `key=[…]`; nil when the option is absent.
    public func vectorOption(_ key: String) throws(Diagnostic) -> [Double]? {
        guard let arg = option(key) else { return nil }
        return try ArgReader.vectorValue(arg, what: key)
    }

    /// A list of equally long rows of numbers given as `key=[[…],…]`; nil when the option is absent.
    public func matrixOption(_ key: String) throws(Diagnostic) -> [[Double]]? {
        guard let arg = option(key) else { return nil }
        return try ArgReader.matrixValue(arg, what: key)
    }

    /// Rejects leftover positional arguments (an option written `lr = 0.1` said as such) and options that are
    /// unknown (not in `allowed`, ignoring case) or given twice; `context` names the command in messages (default: its name).
    /// `known` gives the hint for an unknown key that is known otherwise (another library's option, done here another
    /// way), in place of the list of options.
    public func finish(options allowed: [String], for context: String? = nil,
                       known: (String) -> String? = { _ in nil }) throws(Diagnostic) {
        let leftover = Set(positionals[consumed...])
        var seen: Set<String> = []
        for (index, arg) in command.args.enumerated() {
            if let key = arg.key, let keySpan = arg.keySpan {
                guard ArgReader.match(key, in: allowed) != nil else {
                    throw ArgReader.unknownOption(key, at: keySpan, allowed: allowed, context: context ?? command.name, known: known(key))
                }
                guard seen.insert(key.lowercased()).inserted else {
                    throw Diagnostic("option '\(key.shortened())' is given twice — keep one", at: keySpan)
                }
            } else if leftover.contains(index) {
                if let spaced = spacedOption(at: index, options: allowed) { throw spaced }
                let before = index > 0 ? command.args[index - 1].text : command.name
                // One of the options written as a word and a value (`optimizer adam lr 0.1`): said how options are written.
                if case .word(let word) = arg.value, let key = ArgReader.match(word, in: allowed), index + 1 < command.args.count,
                   command.args[index + 1].key == nil, leftover.contains(index + 1) {
                    throw ArgReader.keyValueHint(key, word: word, value: command.args[index + 1], at: arg.span, after: before)
                }
                if case .op(let sign) = arg.value, sign == "(" || sign == ")" {
                    throw Diagnostic("unexpected '\(sign)' after '\(before.shortened())'" + ArgReader.parenthesisHint(command), at: arg.span)
                }
                throw suggesting(Diagnostic("unexpected '\(arg.text.shortened())' after '\(before.shortened())'", at: arg.span), for: arg,
                                 at: positionals.firstIndex(of: index) ?? -1)
            }
        }
    }

    /// The hint for parentheses after a command (`exit()`, `optimizer adam(lr=0.01)`): commands take none, and the
    /// command written without them.
    static func parenthesisHint(_ command: Command) -> String {
        if ["exit", "quit"].contains(command.name.lowercased()) { return " — type `quit`, without parentheses" }
        let words = [command.name] + command.args.compactMap { arg -> String? in
            if case .op(let sign) = arg.value, ["(", ")", ","].contains(sign) { return nil }
            return arg.text
        }
        return " — commands take no parentheses: write `\(words.joined(separator: " ").shortened(to: 80))`"
    }

    /// The error for an option key that the command does not take; `known` is the hint for a key known otherwise.
    static func unknownOption(_ key: String, at span: SourceSpan, allowed: [String], context: String, known: String? = nil) -> Diagnostic {
        let head = "unknown option '\(key.shortened())' for \(context)"
        if let known { return Diagnostic(head + known, at: span) }
        if allowed.isEmpty { return Diagnostic("\(head) — it takes no options", at: span) }
        if let hint = Suggest.hint(key, in: allowed) { return Diagnostic(head + hint, at: span) }
        return Diagnostic("\(head) — expected one of \(allowed.joined(separator: ", "))", at: span)
    }
}
