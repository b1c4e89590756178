import DescentCore

/// Tab completion from the command table: command names, their keywords, option names, parameter names (and the data's
/// columns for `features`).
enum Completion {
    /// Candidates for `word`, the text being completed, given the whole line up to the cursor.
    static func candidates(line: String, word: String, workspace w: Workspace) -> [String] {
        let before = lastCommand(line)
        let tokens = before.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        // Which argument the word is: 0 the command, 1 the first argument, …
        let position = before.hasSuffix(" ") || tokens.isEmpty ? tokens.count : tokens.count - 1
        let pool: [String]
        if position == 0 {
            pool = Commands.names
        } else if let c = Commands.matching(tokens[0]).first {
            let takesParameters = ["set", "explain", "gradcheck", "watch", "unwatch", "expect"].contains(c.name)
            // Keywords come first, except `train N steps` and `replay "FILE" step`, where they come second.
            let keywordAt = ["train", "replay"].contains(c.name) ? 2 : 1
            switch c.name {
            case "layer": pool = layer(tokens, position: position)
            case "break": pool = breakWords(tokens, position: position)
            case "help": pool = position == 1 ? Commands.names : []
            case "show": pool = show(tokens, position: position, workspace: w)
            case "features": pool = (w.data?.featureNames ?? []) + ["sin", "cos"] + (position == 1 ? ["off"] : [])
            case "unkeep": pool = position == 1 ? w.runs.map(\.name).filter { !$0.contains(" ") } + ["all"] : []
            case "export": pool = position == 1 ? c.keywords : exportRuns(tokens, position: position, workspace: w)
            case "plot": pool = position == 1 ? c.keywords : position == 2 && tokens.count > 1 && tokens[1].lowercased() == "runs" ? RunCurve.names : []
            default:
                pool = (position == keywordAt ? c.keywords : []) + options(for: c.name, tokens: tokens)
                    + (takesParameters ? w.parameterNames() : [])
            }
        } else {
            pool = []
        }
        var seen = Set<String>()
        return pool.filter { $0.hasPrefix(word) && seen.insert($0).inserted }
    }

    /// The text of the line's last command: after the last `;` outside a string.
    static func lastCommand(_ line: String) -> Substring { quotes(line).lastCommand }

    /// True when the cursor sits inside an open double-quoted string (complete a file path there).
    static func insideString(_ line: String) -> Bool { quotes(line).insideString }

    /// Reads `line`'s quotes as the lexer does (`\` escapes the next character inside a string): where its last
    /// command starts, after the last `;` outside a string, and whether it ends inside an open string.
    private static func quotes(_ line: String) -> (lastCommand: Substring, insideString: Bool) {
        var start = line.startIndex, inside = false, escaped = false
        for i in line.indices {
            let ch = line[i]
            if escaped { escaped = false; continue }
            if ch == "\\" && inside { escaped = true } else if ch == "\"" { inside.toggle() } else if ch == ";" && !inside { start = line.index(after: i) }
        }
        return (line[start...], inside)
    }

    /// What may come at `position` of a `show` line: a kind or a node of the last `forward` first, then
    /// parameter names after `weights` or `grads`.
    static func show(_ tokens: [String], position: Int, workspace w: Workspace) -> [String] {
        if position == 1 { return Commands.showKinds + w.nodeNames() }
        guard tokens.count > 1, ["weights", "grads"].contains(tokens[1].lowercased()) else { return [] }
        return w.parameterNames()
    }

    /// The runs `export history` (one, at `position` 2) and `export runs` (any number) may name: the kept runs whose
    /// names are one word, and `current` while it has a history.
    static func exportRuns(_ tokens: [String], position: Int, workspace w: Workspace) -> [String] {
        guard tokens.count > 1, tokens[1].lowercased() == "runs" || tokens[1].lowercased() == "history" && position == 2 else { return [] }
        return w.runs.map(\.name).filter { !$0.contains(" ") && !$0.contains(",") } + (w.currentRun == nil ? [] : ["current"])
    }

    /// `key=` options the command takes, as its handler checks them: per loss, regularizer, optimizer rule
    /// and data source, once that word is typed (inline data's X= and y= before it).
    static func options(for command: String, tokens: [String]) -> [String] {
        let first = tokens.count > 1 ? tokens[1] : ""
        let keys: [String]
        switch command {
        case "loss": keys = Commands.lossOptions(first)
        case "regularize": keys = Commands.regularizeOptions(first)
        case "optimizer": keys = Commands.optimizerOptions(first)
        case "data": keys = DataCommand.options(source: tokens.count > 1 ? first : "X")
        case "train": keys = Commands.trainOptions
        default: keys = []
        }
        return keys.filter { !given(tokens).contains($0.lowercased()) }.map { $0 + "=" }
    }

    /// The option keys already on the line (lowercased), which completion does not offer again.
    static func given(_ tokens: [String]) -> Set<String> {
        Set(tokens.dropFirst().compactMap { t in t.firstIndex(of: "=").map { t[..<$0].lowercased() } })
    }

    /// What may come at `position` of a `break` line: `nan`, `gradnorm` or `off`; then `on`/`off` after
    /// `nan`, `off` after `gradnorm`.
    static func breakWords(_ tokens: [String], position: Int) -> [String] {
        if position == 1 { return ["nan", "gradnorm", "off"] }
        guard position == 2, tokens.count > 1 else { return [] }
        switch tokens[1].lowercased() {
        case "nan": return ["on", "off"]
        case "gradnorm": return ["off"]
        default: return []
        }
    }

    /// What may come at `position` of a `layer` line: the kind first (`dense` or `dropout` again after `insert K`,
    /// `replace K`, `dropout` after `remove K`); after `dense N`, an activation (until one is given) and the options of
    /// that activation and initializer.
    static func layer(_ tokens: [String], position: Int) -> [String] {
        if position == 1 { return Commands.layerKinds }
        guard tokens.count > 1 else { return [] }
        // `layer insert K dense N …` reads as `layer dense N …` two places on.
        let verb = tokens[1].lowercased(), edit = ["insert", "replace", "remove"].contains(verb)
        if edit && position == 3 { return verb == "remove" ? ["dropout"] : ["dense", "dropout"] }
        let kind = edit ? 3 : 1
        guard tokens.count > kind, tokens[kind].lowercased() == "dense", position >= kind + 2 else { return [] }
        let given = tokens.dropFirst(kind + 2).map { $0.lowercased() }
        let activation = given.first { Activation.names.contains($0) }
        let initializer = given.first { $0.hasPrefix("init=") }.map { String($0.dropFirst(5)) }
        let taken = Completion.given(tokens)
        let activations: [String] = activation == nil ? Activation.names : []
        let initializers: [String] = initializer == nil ? Initializer.names.map { "init=" + $0 } : []
        let options: [String] = Commands.denseOptions(activation: activation, initializer: initializer)
            .filter { !taken.contains($0.lowercased()) }.map { $0 + "=" }
        return activations + initializers + options
    }
}
