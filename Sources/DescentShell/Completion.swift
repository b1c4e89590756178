import DescentText
import DescentCore
import DescentLanguage
import DescentTerminal
import Foundation

/// Tab completion from the command table: command names, their keywords, option names and values, parameter names
/// (and the data's columns for `features`), and file names of the kind a command reads or writes.
enum Completion {
    /// What Tab offers for `word` on `line` (up to the cursor): inside a string that names a command's file, the
    /// directories and the files of that command's kind; else the words that may come there.
    static func result(line: String, word: String, workspace w: Workspace) -> CompletionResult {
        guard insideString(line) else { return .words(candidates(line: line, word: word, workspace: w)) }
        let text = lastCommand(line), open = text.lastIndex(of: "\"") ?? text.endIndex
        guard let kinds = fileKinds(words(text[..<open])) else { return .files }
        return .paths(files(word, kinds: kinds, workspace: w))
    }

    /// Candidates for `word`, the text being completed, given the whole line up to the cursor.
    static func candidates(line: String, word: String, workspace w: Workspace) -> [String] {
        let before = lastCommand(line)
        let tokens = words(before)
        // Which argument the word is: 0 the command, 1 the first argument, …
        let position = before.hasSuffix(" ") || tokens.isEmpty ? tokens.count : tokens.count - 1
        // The words before the one completed, which decide what fits there.
        let done = Array(tokens.prefix(position))
        let pool: [String]
        if position == 0 {
            pool = Commands.names
        } else if let c = Commands.matching(tokens[0]).first {
            // Keywords come first, except `train N steps` and `replay "FILE" step`, where they come second.
            let keywordAt = ["train", "replay"].contains(c.name) ? 2 : 1
            if let eq = word.firstIndex(of: "="), word[..<eq].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), eq != word.startIndex {
                // A value after `key=`: the words that option takes.
                pool = values(of: word[..<eq].lowercased(), command: c.name, line: before, workspace: w).map { word[...eq] + $0 }
            } else if word.isEmpty, c.name != "export", let kinds = fileKinds(done) {
                // A file's place, empty (not export's, whose next word may be a kind): its opening quote, then the file
                // (closed) or directory.
                pool = files("", kinds: kinds, workspace: w).map { "\"" + $0 + ($0.hasSuffix("/") ? "" : "\"") }
            } else {
                switch c.name {
                case "layer": pool = layer(done, position: position)
                case "break": pool = breakWords(done, position: position)
                case "help": pool = position == 1 ? Commands.names : []
                case "show": pool = show(done, position: position, workspace: w)
                case "features": pool = (w.data?.featureNames ?? []) + ["sin", "cos"] + (position == 1 ? ["off"] : [])
                case "unkeep": pool = position == 1 ? w.runs.map(\.name).filter { !$0.contains(" ") }.map { $0.typed() } + ["all"] : []
                case "export":
                    pool = position == 1 ? c.keywords : done[1].lowercased() == "plot"
                        ? plot(done.dropFirst(2), position: position - 2, kinds: ["boundary", "runs", "weights"], workspace: w)
                        : exportRuns(done, position: position, workspace: w)
                case "plot": pool = plot(done.dropFirst(), position: position - 1, kinds: c.keywords, workspace: w)
                case "set", "explain", "gradcheck", "watch", "unwatch", "expect": pool = parameterWords(c.name, done, position: position, workspace: w)
                default: pool = (position == keywordAt ? c.keywords : []) + options(for: c.name, tokens: done)
                }
            }
        } else {
            pool = []
        }
        var seen = Set<String>()
        return pool.filter { $0.hasPrefix(word) && seen.insert($0).inserted }
    }

    /// The line's words as completion counts them: split at spaces.
    static func words(_ text: Substring) -> [String] { text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }

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

    /// What may come at `position` of a `show` line: a kind, a node of the last `forward` or a parameter first; then
    /// parameter names and `digits=` after `weights` or `grads`, `history`'s options, `digits=` after a node or parameter.
    static func show(_ tokens: [String], position: Int, workspace w: Workspace) -> [String] {
        if position == 1 { return Commands.showKinds + w.nodeNames() + w.parameterNames() }
        guard tokens.count > 1 else { return [] }
        let kind = tokens[1].lowercased(), taken = given(tokens)
        let keys: [String]
        switch kind {
        case "weights", "grads": keys = ["digits"]
        case "history": keys = ["from", "to", "every"]
        default: keys = (w.nodeNames() + w.parameterNames()).contains(tokens[1]) && !Commands.showKinds.contains(kind) ? ["digits"] : []
        }
        let names = ["weights", "grads"].contains(kind) ? w.parameterNames().filter { !tokens.contains($0) } : []
        return names + keys.filter { !taken.contains($0) }.map { $0 + "=" }
    }

    /// What may come at `position` of a line of a command naming parameters, as its grammar reads them: `expect METRIC
    /// OP VALUE` and `expect [grad] PARAM[i,j] OP VALUE`, `set PARAM[i,j] = VALUE`, `gradcheck [PARAM] [sample=N]`,
    /// `explain PARAM`, `watch PARAM[i,j]` and `unwatch [PARAM[i,j]|all]`.
    static func parameterWords(_ command: String, _ tokens: [String], position: Int, workspace w: Workspace) -> [String] {
        let parameters = w.parameterNames()
        switch command {
        case "expect":
            if position == 1 { return Expectation.metrics + ["grad"] + parameters }
            let gradient = tokens.count > 1 && tokens[1].lowercased() == "grad"
            if gradient && position == 2 { return parameters }
            let op = gradient ? 3 : 2
            if position == op { return Expectation.comparisons }
            // A tolerance goes with `=` only: `expect loss = 0.5 +- 0.01`.
            return position == op + 2 && tokens[op] == "=" ? ["+-"] : []
        case "set": return position == 1 ? parameters : position == 2 ? ["="] : []
        case "gradcheck": return (position == 1 ? parameters : []) + (given(tokens).contains("sample") ? [] : ["sample="])
        case "unwatch": return position == 1 ? parameters + ["all"] : []
        default: return position == 1 ? parameters : []
        }
    }

    /// What may follow `plot` (or `export plot`, whose `kinds` have no `loss`): the kind first (`position` 0 among
    /// `words`, the words after it); a curve after `runs`, the data's features after `boundary`, parameters after `weights`.
    static func plot(_ words: ArraySlice<String>, position: Int, kinds: [String], workspace w: Workspace) -> [String] {
        if position == 0 { return kinds }
        switch words.first?.lowercased() {
        case "runs"?: return position == 1 ? RunCurve.names : []
        case "boundary"?: return (w.data?.inputNames ?? []).filter { !words.contains($0) }
        case "weights"?: return w.parameterNames().filter { !words.contains($0) }
        default: return []
        }
    }

    /// The values the option `key` of `command` takes, for completing after `key=`: initializers, yes or no, `restore=`'s
    /// two, and for `data csv`'s `target=` and `drop=` the columns of the file named earlier on `line`.
    static func values(of key: String, command: String, line: Substring, workspace w: Workspace) -> [String] {
        switch (command, key) {
        case ("layer", "init"): return Initializer.names
        case ("layer", "bias"), ("optimizer", "nesterov"), ("train", "final"): return ["true", "false"]
        case ("train", "restore"): return ["best", "last"]
        case ("data", "target"), ("data", "drop"): return columns(line, workspace: w)
        default: return []
        }
    }

    /// The column names in the header of the CSV file `line` names in its first string (read no further than its
    /// first line, at most 64 KiB), those a word can hold; none when there is no such regular file (a FIFO would wait).
    static func columns(_ line: Substring, workspace w: Workspace) -> [String] {
        let parts = line.split(separator: "\"", omittingEmptySubsequences: false)
        guard parts.count > 2, !parts[1].isEmpty else { return [] }
        let p = Commands.path(w, String(parts[1]))
        guard (try? FileManager.default.attributesOfItem(atPath: p)[.type] as? FileAttributeType) == .typeRegular,
              let file = FileHandle(forReadingAtPath: p) else { return [] }
        defer { try? file.close() }
        let bytes = (try? file.read(upToCount: 65_536)) ?? Data()
        let header = String(decoding: bytes.prefix { $0 != 10 && $0 != 13 }, as: UTF8.self)
        return header.split(separator: ",").map { field in
            field.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"\u{FEFF}"))
        }.filter { !$0.isEmpty && !$0.contains(where: { " \"[](),;=".contains($0) }) }
    }

    /// The extensions (lowercased) of the files the command on `tokens` reads or writes next: a script (`.descent`,
    /// `.txt`), weights (`.json`), CSV or SVG; nil where it takes no file.
    static func fileKinds(_ tokens: [String]) -> [String]? {
        guard let c = tokens.first.flatMap({ Commands.matching($0).first }) else { return nil }
        let second = tokens.count > 1 ? tokens[1].lowercased() : ""
        switch c.name {
        case "replay": return tokens.count == 1 ? ["descent", "txt"] : nil
        case "evaluate": return tokens.count == 1 ? ["csv"] : nil
        case "load": return tokens.count == 2 && second == "weights" ? ["json"] : nil
        case "save": return tokens.count == 2 ? ["weights": ["json"], "session": ["descent", "txt"]][second] : nil
        case "data": return tokens.count == 2 && second == "csv" ? ["csv"] : nil
        case "export": return second == "plot" ? ["svg"] : ["history", "runs", "data"].contains(second) ? ["csv"] : nil
        default: return nil
        }
    }

    /// The entries of the directory `word` names up to its last `/` (from `w.directory`, as the commands read paths)
    /// whose names start with the rest, as `word` continues to them, sorted: directories (ending in `/`) and the files
    /// with one of the extensions `kinds`; hidden ones only when the rest starts with a dot.
    static func files(_ word: String, kinds: [String], workspace w: Workspace) -> [String] {
        let slash = word.lastIndex(of: "/")
        let directory = slash.map { String(word[...$0]) } ?? "", rest = slash.map { String(word[word.index(after: $0)...]) } ?? word
        let fm = FileManager.default, base = Commands.path(w, directory.isEmpty ? "." : directory)
        guard let names = try? fm.contentsOfDirectory(atPath: base) else { return [] }
        return names.filter { $0.hasPrefix(rest) && (!$0.hasPrefix(".") || rest.hasPrefix(".")) }.sorted().compactMap { name in
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: base + "/" + name, isDirectory: &isDirectory) else { return nil }
            if isDirectory.boolValue { return directory + name + "/" }
            return Commands.fileExtension(name).map(kinds.contains) == true ? directory + name : nil
        }
    }

    /// The runs `export history` (one, at `position` 2) and `export runs` (any number) may name: the kept runs whose
    /// names are one word, and `current` while it has a history.
    static func exportRuns(_ tokens: [String], position: Int, workspace w: Workspace) -> [String] {
        guard tokens.count > 1, tokens[1].lowercased() == "runs" || tokens[1].lowercased() == "history" && position == 2 else { return [] }
        return w.runs.map(\.name).filter { !$0.contains(" ") && !$0.contains(",") }.map { $0.typed() } + (w.currentRun == nil ? [] : ["current"])
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
        case "schedule": keys = Commands.scheduleOptions(first.lowercased())
        case "update": keys = ["digits"]
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
