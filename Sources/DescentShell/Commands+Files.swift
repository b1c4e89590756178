import DescentCore
import DescentLanguage
import DescentPlot
import Foundation

/// Commands that read and write files: weights, session scripts, history and charts.
extension Commands {
    static let files: [CommandSpec] = [
        CommandSpec("save", ["save weights \"FILE.json\"", "save session \"FILE.descent\"   (or \"FILE.txt\")"],
                    "write the parameters (with normalize's mean and std) as JSON, or this session's commands as a replayable script",
                    keywords: ["weights", "session"], recorded: false, handler: save),
        CommandSpec("load", ["load weights \"FILE.json\""], "read parameters saved by `save weights` (names and shapes checked; a warning when its normalisation is not this session's)",
                    keywords: ["weights"], handler: load),
        CommandSpec("replay", ["replay \"FILE.descent\" [step]"], "run a session script here; `step` waits for Enter before each command (at the prompt)",
                    keywords: ["step"], recorded: false, handler: replay),
        CommandSpec("export", ["export history \"FILE.csv\"", "export history NAME \"FILE.csv\"   (a kept run's; `current`: the run training now)",
                               "export runs [NAME …] \"FILE.csv\"   (the kept runs, or those named, in one file: a leading column names the run)",
                               "export plot \"FILE.svg\"", "export plot runs [batch_loss|train_loss|val_loss|penalty] \"FILE.svg\"",
                               "export plot boundary [UNIT] [FEATURE1 FEATURE2] \"FILE.svg\"   (the decision map, shaded by the model's confidence, or output surface; a unit's value: A1[3]; one feature: the fitted curve)",
                               "export plot weights [PARAM …] \"FILE.svg\"   (the histogram `plot weights` draws)",
                               "export data \"FILE.csv\""],
                    "write the training history (the current run's or kept runs') as CSV, the loss chart (or `plot runs`'s, `plot boundary`'s or `plot weights`'s chart) as SVG, or the data as CSV",
                    keywords: ["history", "runs", "plot", "data"], recorded: false, handler: export),
    ]

    /// Writes `text` to `p` (typed as `name`) as a file a later read takes back (`save weights` for `load weights`,
    /// `export data` for `data csv`): refused, nothing written, when it is more than those read (`tooLarge` says so,
    /// given its size in bytes); then noted for `save session` (`command`, kept once a later read takes back what it
    /// wrote). Returns whether this session read the file before, finding other text, which a replay will find there.
    static func writeForReadBack(_ w: Workspace, _ text: String, to p: String, name: String, at: SourceSpan, command: String,
                                 tooLarge: (Int) -> String) throws -> Bool {
        let size = text.utf8.count
        guard size <= w.readLimit else { throw ShellError(tooLarge(size)) }
        try located(at) { try AtomicFile.write(text, to: p) }
        let readBefore = w.readOtherwiseBeforeWriting(canonical(p), text)
        w.noteWritten(command, path: canonical(p), name: name, text: text)
        return readBefore
    }

    /// `path` with `.`, `..` and links resolved, to tell whether two names are the same file.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Refuses to write over a script being run (`descent FILE` or `replay`): it would cut the script short.
    static func refuseRunningScript(_ w: Workspace, _ p: String, _ file: String, at: SourceSpan) throws {
        guard !w.runningScripts.contains(canonical(p)) else {
            throw Diagnostic("\(file) is the script being run; writing over it would cut it short — use another file name", at: at)
        }
    }

    /// Refuses to write an export that nothing reads back (`export history`, `export plot`) over a file this session read
    /// (`data csv`, `load weights`): the session's own input, which a replay of it would need.
    static func refuseSessionInput(_ w: Workspace, _ p: String, _ file: String, at: SourceSpan) throws {
        let path = canonical(p)
        guard w.log.contains(where: { $0.file.map { $0.path == path && !$0.wrote } ?? false }) else { return }
        throw Diagnostic("\(file) is a file this session read (`data csv`, `load weights`); writing over it would lose what a "
                         + "replay of the session reads — use another file name", at: at)
    }

    static func save(_ w: Workspace, _ a: inout ArgReader) throws {
        let what = try a.word("kind of file to save", oneOf: ["weights", "session"])
        let file = try a.outputFileName(example: what == "weights" ? "w.json" : "mine.descent"), at = a.lastSpan
        try a.finish(options: [])
        let p = path(w, file), name = shown(file)
        try refuseRunningScript(w, p, name, at: at)
        if what == "weights" {
            let m = try w.ensureModel()
            let normalization = w.normalization()
            let text: String
            do { text = try WeightsFile.encode(m, normalization: normalization, classes: w.weightsClasses(m),
                                               features: w.featureTerms.map { $0.map(\.name) }) } catch {
                throw ShellError("cannot save weights: \(error), so nothing was written to \(name)")
            }
            let readBefore = try writeForReadBack(w, text, to: p, name: name, at: at, command: Session.recordable(a.command, name: "save")) { size in
                let perValue = max(1, size / max(1, m.parameterCount)), fits = w.readLimit / perValue
                return "cannot save weights: as JSON they take \(size) bytes, over the \(AtomicFile.shownSize(w.readLimit)) `load weights` reads from one file, so nothing was written to \(name) — a model of at most some \(Format.counted(fits, "parameter")) can be saved (this one has \(m.parameterCount))"
            }
            let with = normalization.map { " with the normalisation (mean and std) of its \(Format.counted($0.features.count, "feature"))" } ?? ""
            w.out.print("saved \(m.parameters.count) parameters (\(m.parameterCount) values)\(with) to \(name)")
            if w.normalize && normalization == nil {
                w.out.print("note: normalize is on, but its statistics cannot be worked out while the split cannot be made, so \(name) records none")
            }
            if readBefore { w.out.print("note: this session loaded \(name) earlier; a replay of it will read these weights there instead") }
        } else {
            try located(at) { try AtomicFile.write(w.sessionScript(), to: p) }
            w.out.print("saved \(Format.counted(w.recorded.count, "command")) to \(name)")
            for note in w.changedFilesRead() { w.out.print(note) }
        }
    }

    static func load(_ w: Workspace, _ a: inout ArgReader) throws {
        _ = try a.word("kind of file to load", oneOf: ["weights"])
        let file = try a.fileName(example: "w.json"), at = a.lastSpan
        try a.finish(options: [])
        let p = path(w, file), name = shown(file)
        let m: Model
        do { m = try w.ensureModel() } catch { throw modelForWeights(w, path: p, name: name, else: error) }
        let text = try readText(p, name: name, at: at, limit: w.readLimit,
                                advice: "that is more than `save weights` writes (a model of tens of millions of parameters); save the weights of a smaller model")
        let values: [Tensor], saved: Normalization?, classes: [String], features: [String]?
        do { (values, saved, classes, features) = try WeightsFile.read(text, for: m) } catch { throw Diagnostic("\(name): \(error)", at: at) }
        if (try? w.ensureTrainer()) != nil { w.pushUndo("load") }   // as `set`: undoable before any training
        w.noteRead(canonical(p), name: name, text: text)
        m.restore(values)
        w.parametersChangedByHand()
        // Loaded weights say what they were trained under themselves: the file's standardisation, checked here, and its
        // classes, kept for `save weights` and for `data` to check against later data.
        w.weightsTrainedUnder = classes.isEmpty ? nil : TrainedUnder(normalization: nil, classes: classes)
        w.out.print("loaded \(values.count) parameters from \(name)")
        // The weights load whatever the normalisation and classes; a mismatch makes their outputs meaningless, so it is said.
        if let warning = w.featuresMismatch(saved: features, file: name) { w.out.print(warning) }
        if let warning = w.normalizationMismatch(saved: saved, file: name) { w.out.print(warning) }
        if let data = w.data, let warning = DataCommand.classesChanged("the weights in \(name)", from: classes,
                                                                          to: ((try? w.asRead(data)) ?? data).classNames,
                                                                          misfit: w.misfit(),
                                                                          read: data.origin != nil && data.task != .regression,
                                                                          listed: data.origin?.classesListed ?? false) {
            w.out.print(warning)
        }
        if let note = optimizerStateNote(w.trainer?.optimizer) { w.out.print(note) }
    }

    /// `load weights`'s error before there is a model to load into (no data, or no dense layers): what the file's
    /// weights need, read from it — the data's width and the layers as a line to type (`layer dense 8 tanh; layer dense 1
    /// sigmoid`); `error` itself when the file cannot say.
    static func modelForWeights(_ w: Workspace, path p: String, name: String, else error: Error) -> Error {
        let noLayers = denseCount(w.layers) == 0
        guard w.data == nil || noLayers, let text = try? AtomicFile.read(p, limit: w.readLimit, advice: ""),
              let fit = WeightsFile.layers(in: text) else { return error }
        let inputs = Format.counted(fit.inputs, "input")
        let terms = fit.features.map { ($0.joined(separator: ", "), "`features \($0.joined(separator: " "))`") }
        let data = terms.map { "data whose \(inputs) are the feature terms \($0.0) (`data …`, then \($0.1))" } ?? "data of \(inputs) (`data …`)"
        let lines = fit.layers.map(layerLine).joined(separator: "; ")
        let unknown = fit.activationsKnown ? "" : " (the file does not say their activations: add each layer's own)"
        let message: String
        switch (w.data, noLayers) {
        case (nil, true):
            message = "no data and no layers yet — the weights in \(name) need \(data), then `\(lines)`\(unknown)"
        case (nil, false):
            message = "no data yet — the weights in \(name) need \(data)"
        case (let d?, _):
            let width = w.modelWidth(d)
            let differs = width == fit.inputs ? ""
                : " (they take \(inputs)\(terms.map { ", the feature terms \($0.0): \($0.1)" } ?? ""); the model's inputs are \(width) now)"
            message = "\(w.noDenseLayers) — the weights in \(name) fit `\(lines)`\(unknown)\(differs)"
        }
        return ShellError(message)
    }

    /// The `layer` command that adds `spec` (`layer dense 8 leaky_relu slope=0.2 bias=false`, `layer dropout 0.5`).
    static func layerLine(_ spec: LayerSpec) -> String {
        switch spec {
        case .dropout(let p): return "layer dropout \(Format.short(p))"
        case let .dense(units, activation, bias, _):
            var s = "layer dense \(units)"
            switch activation {
            case .linear: break
            case .leakyRelu(let slope): s += slope == 0.01 ? " leaky_relu" : " leaky_relu slope=\(Format.short(slope))"
            case .elu(let alpha): s += alpha == 1 ? " elu" : " elu alpha=\(Format.short(alpha))"
            default: s += " \(activation)"
            }
            return s + (bias ? "" : " bias=false")
        }
    }

    /// What `load weights` did to the optimizer's state, which a weights file does not hold: kept as the updates before
    /// left it, or none yet; and what resumes a run exactly. Nil for a rule without state (plain sgd).
    static func optimizerStateNote(_ o: Optimizer?) -> String? {
        guard let o, !o.stateNames.isEmpty else { return nil }
        let names = o.stateNames.joined(separator: " and "), adam = o.kind.name == "adam"
        let state = o.steps > 0
            ? "the optimizer's state is kept as it was (a weights file holds none): \(o.kind.name)'s \(names) from the "
                + "\(Format.counted(o.steps, "update")) before\(adam ? " (t = \(o.steps))" : "") go on with these weights"
            : "there is no optimizer state yet, and a weights file holds none: \(o.kind.name)'s \(names) start from 0 at the "
                + "next update\(adam ? " (t = 1)" : "")"
        return "note: " + state + " — `save session \"run.descent\"`, then `replay \"run.descent\"`, resumes a run exactly, "
            + "the optimizer's state included"
    }

    static func replay(_ w: Workspace, _ a: inout ArgReader) throws {
        let file = try a.fileName("script file", example: "Sessions/xor.descent"), at = a.lastSpan
        let stepping = a.optionalWord(oneOf: ["step"]) != nil
        try a.finish(options: [])
        let p = canonical(path(w, file)), name = shown(file)
        guard !w.runningScripts.contains(p) else { throw Diagnostic("\(name) is already being replayed (a script cannot replay itself)", at: at) }
        guard w.replayStack.count < Workspace.maxReplayDepth else {
            throw Diagnostic("replays nest at most \(Workspace.maxReplayDepth) deep, and replaying \(name) here would make \(w.replayStack.count + 1) — does a chain of scripts replay each other?", at: at)
        }
        let text = try scriptText(w, p, name: name, at: at)
        let nested = !w.replayStack.isEmpty
        w.replayStack.append(p)
        defer { w.replayStack.removeLast() }
        // A script that is not UTF-8 text fails before its first line, its error printed as a failing line's is.
        let end = text.map { Session(workspace: w).runScript($0, file: name, stepping: stepping) } ?? .failed
        // How a replay inside this one stopped, if one did: its stop is this one's, reached through this script.
        let below = w.stoppedReplay
        w.stoppedReplay = nil
        let here = a.command.nameSpan.line
        let stop: ReplayStop
        switch end {
        case .completed:
            w.out.print("replayed \(name)")
            return
        case .quit(let line):
            // `quit` in a replayed script ends the replay; the session, and the line that ran `replay`, go on.
            w.quitRequested = false
            w.out.print("replay of \(name) ended at line \(line) (a quit ends the replay, not the session); the rest of the script was not run")
            return
        case .failed:
            stop = ReplayStop(.failed, of: name, stoppedAt: nil, line: here, below: below)
        case .interrupted(let line):
            stop = ReplayStop(.interrupted, of: name, stoppedAt: line, line: here, below: below)
        case .declined(let line):
            stop = ReplayStop(.declined, of: name, stoppedAt: line, line: here, below: below)
        }
        // The replays around the one that stopped say nothing; the outermost says, in one line, how and through which lines.
        if nested {
            w.stoppedReplay = stop
            throw ReportedError()
        }
        if stop.reason == .failed { throw ShellError(stop.message(name)) }
        // Ctrl-C and `q` are the user's choice, not errors: said plainly; the command still stops the rest of its line.
        w.out.print(stop.message(name))
        throw ReportedError()
    }

    /// The text of the script at `p` (typed as `name`); nil when it is not UTF-8 text, after printing that error as
    /// the script's own (`name:line:column: error: …`, the line and a caret). Other errors point at `at`.
    static func scriptText(_ w: Workspace, _ p: String, name: String, at: SourceSpan) throws -> String? {
        do { return try AtomicFile.read(p, limit: w.readLimit, advice: AtomicFile.scriptAdvice) } catch let e as EncodingError {
            w.out.error(e.rendered(file: name))
            return nil
        } catch {
            throw Diagnostic("\(error)", at: at)
        }
    }

    static func export(_ w: Workspace, _ a: inout ArgReader) throws {
        let what = try a.word("kind of export", oneOf: ["history", "runs", "plot", "data"])
        if what == "runs" { return try exportRuns(w, &a) }
        // A run named before the file (or a word where the file belongs, which may be a run's name without one).
        if what == "history" {
            if case .word? = a.peek?.value { return try exportRunHistory(w, &a) }
            if a.remaining > 1 { return try exportRunHistory(w, &a) }
        }
        if what == "plot" && a.optionalWord(oneOf: ["runs"]) != nil {
            let (kept, current, curve) = try runsToPlot(w, &a)
            let file = try a.outputFileName(example: "runs.svg"), at = a.lastSpan
            try a.finish(options: [])
            let name = try writeExport(w, to: file, at: at) { Charts.runsSVG(kept: kept, current: current, curve: curve) }
            w.out.print("wrote the \(curve.rawValue) of \(Format.counted(kept.count + (current == nil ? 0 : 1), "run")) to \(name)")
            return
        }
        if what == "plot" && a.optionalWord(oneOf: ["boundary"]) != nil { return try exportBoundary(w, &a) }
        if what == "plot" && a.optionalWord(oneOf: ["weights"]) != nil {
            // The names and the file first: a wrong file name builds no model.
            let names = try weightNamesToPlot(w, &a)
            let file = try a.outputFileName(example: "weights.svg"), at = a.lastSpan
            try a.finish(options: [])
            let stats = try weightsToPlot(w, names: names)
            let name = try writeExport(w, to: file, at: at) { Charts.weightsSVG(stats, title: w.modelLine()) }
            w.out.print("wrote the histogram of \(stats.names.joined(separator: ", ")) to \(name)")
            return
        }
        let file = try a.outputFileName(example: ["history": "loss.csv", "plot": "loss.svg"][what] ?? "data.csv"), at = a.lastSpan
        try a.finish(options: [])
        if what == "data" { return try exportData(w, file, at: at, command: Session.recordable(a.command, name: "export")) }
        guard let t = w.trainer ?? w.carryOver, !t.history.isEmpty else { throw ShellError("nothing to export yet: train first") }
        if what == "history" {
            let name = try writeExport(w, to: file, at: at) { t.history.csv(metric: Metrics.name(for: t.train.task)) }
            w.out.print("wrote \(Format.counted(t.history.steps.count, "row")) to \(name)\(t.history.droppedNote)")
        } else {
            let name = try writeExport(w, to: file, at: at) { Charts.svg(t.history, title: w.modelLine()) }
            w.out.print("wrote the loss chart to \(name)")
        }
    }

    /// `export history NAME "FILE.csv"`: a kept run's history (or `current`'s) in the columns of `export history`.
    static func exportRunHistory(_ w: Workspace, _ a: inout ArgReader) throws {
        // The line that writes the runs named in one file: `export runs a "b c" "FILE.csv"`.
        let several = (["export", "runs"] + a.command.args.filter { $0.key == nil }.dropFirst().map(\.text)).joined(separator: " ")
        let runs = try namedRuns(w, &a, most: 1, usage: "export history writes one run's history — `\(several)` writes "
                                 + "those runs in one file, with a column naming the run")
        let file = try a.outputFileName(example: "loss.csv"), at = a.lastSpan
        try a.finish(options: [])
        guard let run = runs.first else { return }
        let name = try writeExport(w, to: file, at: at) { run.history.csv(metric: Metrics.name(for: run.task)) }
        w.out.print("wrote \(Format.counted(run.history.steps.count, "row")) of run '\(run.name)' to \(name)\(run.history.droppedNote)")
    }

    /// `export runs [NAME …] "FILE.csv"`: the kept runs (or those named, `current` among them) in one CSV, a row per step
    /// of each, after a column naming the run (`KeptRun.csv`).
    static func exportRuns(_ w: Workspace, _ a: inout ArgReader) throws {
        let named = try namedRuns(w, &a)
        let file = try a.outputFileName(example: "runs.csv"), at = a.lastSpan
        try a.finish(options: [])
        let runs = named.isEmpty ? w.runs : named
        guard !runs.isEmpty else {
            throw ShellError("no runs kept to export: `keep NAME` keeps the current run's history under a name (then `export runs \"FILE.csv\"`); "
                             + "`export history \"FILE.csv\"` writes the current run's")
        }
        let name = try writeExport(w, to: file, at: at) { KeptRun.csv(runs) }
        let rows = runs.reduce(0) { $0 + $1.history.steps.count }
        let dropped = runs.filter { !$0.history.droppedNote.isEmpty }.map { "; \($0.name):" + $0.history.droppedNote.dropFirst() }.joined()
        w.out.print("wrote \(Format.counted(rows, "row")) of \(Format.counted(runs.count, "run")) (\(runs.map { $0.name.typed() }.joined(separator: ", "))) to \(name)\(dropped)")
    }

    /// Writes the export `text` makes to `file` (typed at `at`), after refusing to write over the running script or a
    /// file the session read (a replay needs them, and nothing reads an export back); the file's name as shown.
    static func writeExport(_ w: Workspace, to file: String, at: SourceSpan, _ text: () throws -> String) throws -> String {
        let p = path(w, file), name = shown(file)
        try refuseRunningScript(w, p, name, at: at)
        try refuseSessionInput(w, p, name, at: at)
        let content = try text()
        try located(at) { try AtomicFile.write(content, to: p) }
        return name
    }

    /// `export plot boundary [F1 F2] "FILE.svg"`: the map `plot boundary` draws, as an SVG page (`Charts.boundarySVG`);
    /// for data of one feature, its fitted curve (`Charts.fitSVG`).
    static func exportBoundary(_ w: Workspace, _ a: inout ArgReader) throws {
        // The trainer reads the arguments before the file name; a file of another format is refused before it is built.
        try a.checkOutputFileFirst(example: "map.svg")
        let t = try w.ensureTrainer()
        let unit = try mapUnit(t, &a)
        if unit == nil && Charts.drawsFit(t) {
            _ = try boundaryProjection(t, &a, reserved: 1)   // a feature named is refused: the curve is over the one there is
            let file = try a.outputFileName(example: "fit.svg"), at = a.lastSpan
            try a.finish(options: [])
            let name = try writeExport(w, to: file, at: at) { Charts.fitSVG(t, title: w.modelLine()) }
            return w.out.print("wrote the fitted curve to \(name)")
        }
        guard t.train.inputCount >= 2 else {
            let why = unit != nil ? "a unit's map needs 2 features, and this data has 1"
                : "this data has 1 feature and \(t.train.classNames.count) classes"
            throw ShellError("export plot boundary writes the map of data with 2 features or more, or the fitted curve of 1 "
                             + "(regression, or two classes); \(why) — `export plot` writes the loss chart")
        }
        let projection = try boundaryProjection(t, &a, reserved: 1)   // the file name comes last
        let file = try a.outputFileName(example: "map.svg"), at = a.lastSpan
        try a.finish(options: [])
        let name = try writeExport(w, to: file, at: at) {
            guard let svg = Charts.boundarySVG(t, title: w.modelLine(), projection: projection, unit: unit) else {
                throw ShellError("no map to write: the data has no rows")
            }
            return svg
        }
        w.out.print("wrote " + (unit.map { "the map of \($0.name)" } ?? "the \(Charts.mapName(t.train.task))") + " to \(name)")
    }

    /// `export data "FILE.csv"`: the dataset in its own units and row order, as `data csv` reads it back.
    static func exportData(_ w: Workspace, _ file: String, at: SourceSpan, command: String) throws {
        guard let d = w.data else { throw ShellError("no data to export yet — start with `data …` (e.g. `data xor n=200`)") }
        let data = (try? w.asRead(d)) ?? d
        let p = path(w, file), name = shown(file)
        try refuseRunningScript(w, p, name, at: at)
        let text = data.csvText()
        let readBefore = try writeForReadBack(w, text, to: p, name: name, at: at, command: command) { size in
            "cannot export data: as CSV it takes \(size) bytes, over the \(AtomicFile.shownSize(w.readLimit)) `data csv` reads from one file, so nothing was written to \(name) — keep fewer rows (\(Format.counted(data.count, "row")) here)"
        }
        w.out.print("wrote \(Format.counted(data.count, "row")) (\(Format.counted(data.featureCount, "feature")) and the target, last) to \(name)")
        if let classes = data.csvClassesToReadBack() {
            let line = "data csv \(file.typed(quoted: true)) classes=[" + classes.map { $0.typed() }.joined(separator: ",") + "]"
            w.out.print("note: the classes first appear in another order than their ids here — \(line) reads them back with these ids")
        }
        if readBefore { w.out.print("note: this session read \(name) earlier; a replay of it will read this data there instead") }
    }
}
