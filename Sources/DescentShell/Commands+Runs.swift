import DescentCore
import DescentLanguage
import DescentText

/// Commands that keep a run's history under a name and let kept runs go, to compare runs (`show runs`, `plot runs`).
extension Commands {
    static let runs: [CommandSpec] = [
        CommandSpec("keep", ["keep NAME", "keep \"NAME WITH SPACES\""],
                    "keep the current run's history (steps, evaluations) and its settings under a name, to compare runs with "
                        + "`show runs` and `plot runs` after `reset` or new settings (at most \(Workspace.maxKeptRuns); not undone by `undo`)",
                    handler: keep),
        CommandSpec("unkeep", ["unkeep NAME", "unkeep all"], "let a kept run go (or all of them); not undone by `undo`",
                    keywords: ["all"], handler: unkeep),
    ]

    /// Reads a run's name: a word (`sgd`, `no-reg`, `adam_2`) or a quoted string (`"lr 0.1"`), of 1 to
    /// `Workspace.maxRunNameLength` characters without control characters; an error at it otherwise, or when more
    /// words follow (a name of several words goes in quotes).
    static func runName(_ a: inout ArgReader, usage: String) throws -> String {
        guard let arg = a.peek else {
            // A name with `=` (`keep l2=1e-3`) reads as an option: it goes in quotes.
            if let option = a.command.args.first(where: { $0.key != nil }) {
                throw Diagnostic("a run's name with '=' goes in double quotes: `\(usage) \"\(option.text.shortened())\"`", at: option.span)
            }
            throw Diagnostic("expected a name for the run: \(usage) sgd, or \(usage) \"lr 0.1\" in quotes", at: a.command.endSpan)
        }
        let name: String
        switch arg.value {
        case .word: name = a.optionalWord() ?? ""
        case .string: name = try a.string("name", example: "lr 0.1")
        default:
            throw Diagnostic("a run's name is a word or a quoted string, not '\(arg.text.shortened())': \(usage) sgd, or \(usage) \"\(arg.text.shortened())\"",
                             at: arg.span)
        }
        if let more = a.peek {
            if usage == "unkeep" && arg.value == .word("all") {
                throw Diagnostic("unexpected '\(more.text.shortened())' after `unkeep all`, which lets every kept run go — write `unkeep all`",
                                 at: more.span)
            }
            // The words as they read (a quoted one without its quotes), quoted once as a whole.
            let words = [arg] + a.command.args.filter { $0.key == nil }.drop { $0.span != more.span }
            let whole = words.map { word -> String in
                switch word.value {
                case .string(let s): return s
                default: return word.text
                }
            }.joined(separator: " ")
            throw Diagnostic("a run's name is one word; a name of several words (or with dots) goes in quotes: \(usage) \(whole.typed().shortened())",
                             at: more.span)
        }
        if name.isEmpty { throw Diagnostic("a run's name cannot be empty: \(usage) sgd", at: arg.span) }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.isWhitespace && $0 != " " }) {
            throw Diagnostic("a run's name cannot hold control characters or line breaks: \(usage) \"\(name.controlsEscaped.shortened())\" without them", at: arg.span)
        }
        // Blank, or with spaces at an end, a name is a blank or misaligned cell in `show runs` and the `plot runs` legend.
        if name.allSatisfy({ $0 == " " }) {
            throw Diagnostic("a run's name cannot be blank (only spaces): \(usage) sgd, or \(usage) \"lr 0.1\"", at: arg.span)
        }
        if name.first == " " || name.last == " " {
            let trimmed = String(name.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
            throw Diagnostic("a run's name cannot start or end with a space (tables and legends would not show it): "
                             + "\(usage) \(trimmed.typed().shortened())", at: arg.span)
        }
        if name.count > Workspace.maxRunNameLength {
            throw Diagnostic("a run's name has at most \(Workspace.maxRunNameLength) characters, and this one has \(name.count) — the legend of `plot runs` and the table of `show runs` show it whole", at: arg.span)
        }
        return name
    }

    static func keep(_ w: Workspace, _ a: inout ArgReader) throws {
        let name = try runName(&a, usage: "keep"), at = a.lastSpan
        try a.finish(options: [])
        if Workspace.reservedRunNames.contains(name.lowercased()) {
            throw Diagnostic("'\(name)' cannot name a run: `unkeep all` and the `current` run of `show runs` use that word — choose another", at: at)
        }
        guard let t = w.trainer ?? w.carryOver, !t.history.isEmpty else {
            throw ShellError("nothing to keep yet: the current run has no history — train first (e.g. `train 300`), then `keep \(name.typed())`")
        }
        if let k = w.runIndex(named: name) {
            let old = w.runs[k]
            throw Diagnostic("a run named '\(old.name)' is kept already (\(Format.counted(old.steps, "step")), \(old.settings)) — "
                             + "choose another name, or `unkeep \(old.name.typed())` first to keep this run under it", at: at)
        }
        guard w.runs.count < Workspace.maxKeptRuns else {
            throw ShellError("\(Workspace.maxKeptRuns) runs are kept already (\(w.runs.map(\.name).joined(separator: ", "))), the most "
                             + "`plot runs` tells apart — `unkeep NAME` one of them first")
        }
        let history = t.history.trimmed()
        let held = w.runs.reduce(0) { $0 + $1.history.byteCount }
        guard held + history.byteCount <= w.keptRunBudget else {
            throw ShellError("this run's history takes \(AtomicFile.shownSize(history.byteCount)), and the kept runs hold "
                             + "\(AtomicFile.shownSize(held)) already: together over the \(AtomicFile.shownSize(w.keptRunBudget)) "
                             + "kept runs may hold — `unkeep NAME` a long run first")
        }
        let run = KeptRun(name: name, settings: w.settingsLine(t), history: history, task: t.train.task)
        w.runs.append(run)
        w.out.print("kept run \(w.runs.count) '\(name)': \(Format.counted(run.steps, "step"))\(lastEvaluation(run)) — \(run.settings)")
    }

    /// `, val_loss 0.2512 at step 300` (train_loss without a split) for a run's last evaluation; "" without one.
    static func lastEvaluation(_ run: KeptRun) -> String {
        guard let e = run.history.lastEvaluation else { return "" }
        let loss = e.valLoss.map { "val_loss \(Format.sig($0, 4))" } ?? "train_loss \(Format.sig(e.trainLoss, 4))"
        return ", \(loss) at step \(e.step)"
    }

    static func unkeep(_ w: Workspace, _ a: inout ArgReader) throws {
        let name = try runName(&a, usage: "unkeep"), at = a.lastSpan
        try a.finish(options: [])
        if name.lowercased() == "all" {
            let count = w.runs.count
            w.runs = []
            w.out.print(count == 0 ? "no run was kept" : "let \(Format.counted(count, "kept run")) go")
            return
        }
        guard let k = w.runIndex(named: name) else { throw noSuchRun(w, name, at: at, besides: ["all"]) }
        let run = w.runs.remove(at: k)
        let renumbered = k < w.runs.count ? "; the runs after it are numbered from \(k + 1) now" : ""
        w.out.print("let run '\(run.name)' go (\(Format.counted(run.steps, "step")))\(renumbered)")
    }

    /// The error at `at` for `name`, which names no kept run: the nearest of the kept runs' names and the command's own
    /// words `besides` (`all`, `current`) as a hint, and the runs kept.
    static func noSuchRun(_ w: Workspace, _ name: String, at: SourceSpan, besides: [String]) -> Diagnostic {
        let kept = w.runs.isEmpty ? "no run is kept" : "kept: \(w.runs.map(\.name).joined(separator: ", "))"
        var hint = Suggest.hint(name, in: w.runs.map(\.name) + besides) ?? ""
        // A name that is not a word is shown as it is typed, in double quotes (`"a b"`).
        for run in w.runs where run.name.typed() != run.name {
            hint = hint.replacingOccurrences(of: "'\(run.name.shortened())'", with: "`\(run.name.typed().shortened())`")
        }
        return Diagnostic("no run named '\(name.shortened())' is kept\(hint) (\(kept))", at: at)
    }

    /// Reads the runs named before a command's file name, its last argument (`export runs sgd "lr 0.1" "FILE.csv"`), at
    /// most `most`: each a word or a quoted string naming a kept run, ignoring case, or `current`, the run training now;
    /// an error at a name that is neither (with the nearest), at one named twice, at one more than `most` (`usage`
    /// then says what writes several), or after a run's name alone (the file is missing).
    static func namedRuns(_ w: Workspace, _ a: inout ArgReader, most: Int = Workspace.maxKeptRuns + 1, usage: String = "") throws -> [KeptRun] {
        var picked: [KeptRun] = []
        while a.remaining > 1 {
            if picked.count == most, let more = a.peek { throw Diagnostic(usage, at: more.span) }
            let name = try a.name("run name"), at = a.lastSpan
            let run: KeptRun
            if let k = w.runIndex(named: name) {
                run = w.runs[k]
            } else if name.lowercased() == "current" {
                guard let current = w.currentRun else {
                    throw Diagnostic("the current run has no history: nothing was trained since it was last cleared — train first, or name a kept run", at: at)
                }
                run = current
            } else if name.lowercased() == "all" {
                // `export runs "FILE.csv"` names no run to write them all.
                let file = a.command.args.last.map(\.text) ?? "\"FILE.csv\""
                throw Diagnostic("no run is named 'all' — `export runs \(file.shortened(to: 100))` writes every kept run "
                                 + "(name runs before the file to write only those)", at: at)
            } else {
                throw noSuchRun(w, name, at: at, besides: w.currentRun == nil ? [] : ["current"])
            }
            if picked.contains(where: { $0.name.lowercased() == run.name.lowercased() }) {
                throw Diagnostic("the run '\(run.name.shortened())' is named twice — name each run once", at: at)
            }
            picked.append(run)
        }
        // A run's name where the file's belongs (`export history sgd`): the file is missing, not misspelled.
        if a.remaining == 1, case .word(let word)? = a.peek?.value, w.runIndex(named: word) != nil || word.lowercased() == "current" {
            let line = ([a.command.name] + a.command.args.filter { $0.key == nil }.map(\.text) + ["\"\(word).csv\""]).joined(separator: " ")
            throw Diagnostic("expected a quoted file name after the run '\(word.shortened())': \(line)", at: a.command.endSpan)
        }
        return picked
    }
}
