import DescentCore
import DescentLanguage
import DescentText
import Foundation

/// Commands about the session itself: help, plots and quitting.
extension Commands {
    static let session: [CommandSpec] = [
        CommandSpec("plot", ["plot", "plot loss   (the loss chart, as plot alone)", "plot boundary", "plot boundary FEATURE1 FEATURE2   (data of more features: the others at their training means)",
                             "plot boundary UNIT [FEATURE1 FEATURE2]   (one unit's value over the plane, as Playground's neurons: A1[3], Z2[0], X[1])",
                             "plot runs [batch_loss|train_loss|val_loss|penalty]",
                             "plot weights [PARAM …]   (a histogram of the weight matrices' entries, or of the parameters named, with their norms)"],
                    "draw the loss chart (or the decision boundary / output surface; for one feature, the fitted curve; or one curve of "
                        + "each kept run and the current one: val_loss when every run has one, else train_loss; or the weights' histogram)",
                    keywords: ["boundary", "loss", "runs", "weights"], recorded: false, handler: plot),
        CommandSpec("help", ["help [COMMAND]"], "list the commands, or show one command's usage", recorded: false, handler: help),
        CommandSpec("quit", ["quit"], "leave descent (Ctrl-D does the same); in a replayed script, end that replay and go on (typed in full: `q` alone closes a full-screen view)",
                    recorded: false, whole: true, handler: quit),
        CommandSpec("new", ["new"], "start over as descent starts: no data, no model, default settings, empty history and undo",
                    recorded: false, handler: startOver),
    ]

    static func help(_ w: Workspace, _ a: inout ArgReader) throws {
        let name = a.optionalWord(), at = a.lastSpan
        if let name, name.lowercased() == "sessions" {
            try a.finish(options: [])
            return w.out.print(sessionsText(w))
        }
        if let name {
            // `help show confusion`: the forms that use the keyword, when one is given.
            // A penalty's name (`help l1`) is `regularize`'s, not the nearest command's (`lr`).
            if Commands.matching(name).isEmpty, ForeignNames.penalties[ForeignNames.key(name)] != nil {
                throw Diagnostic("unknown command '\(name.shortened())' — did you mean `help regularize`? (a penalty on the weights is "
                                 + "set by `regularize`)", at: at)
            }
            let c = try Commands.resolve(name, at: at)
            let keyword = a.optionalWord(oneOf: c.keywords)
            try a.finish(options: [])
            // Words apart at spaces and at `|`, so that `regularize none|off` is the form of `help regularize off`.
            let forms = keyword.map { k in c.usage.filter { $0.split { $0 == " " || $0 == "|" }.contains { $0.lowercased() == k.lowercased() } } } ?? []
            // A form wraps under its own text on a narrow terminal.
            w.out.print((forms.isEmpty ? c.usage : forms).flatMap { ("  " + $0).wrapped(width: w.outputWidth(), indent: 4) }.joined(separator: "\n"))
            w.out.print("\(c.summary).".wrapped(width: w.outputWidth()).joined(separator: "\n"))
            return
        }
        try a.finish(options: [])
        let width = (all.map(\.name.count).max() ?? 8) + 2
        let columns = w.outputWidth()
        // Each summary wraps under itself on a narrow terminal, not under the names.
        var lines = "Commands (`help COMMAND` for the forms; any unique prefix of a command's name works, e.g. `opt` for optimizer; `quit` in full):".wrapped(width: columns)
        for c in all { lines += ("  " + c.name.padding(toLength: width, withPad: " ", startingAt: 0) + c.summary).wrapped(width: columns, indent: 2 + width) }
        lines += "Lines: one command per line (or separated by `;`), `#` starts a comment, a trailing `\\` continues the line.".wrapped(width: columns)
        lines += "`help sessions` lists the example scripts in Sessions/, to replay step by step.".wrapped(width: columns)
        w.out.print(lines.joined(separator: "\n"))
    }

    /// `help sessions`: the scripts in `Sessions/` under the working directory, each with its first comment line, and
    /// how to replay one; or where to find them.
    static func sessionsText(_ w: Workspace) -> String {
        let scripts = { (dir: String) in
            ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".descent") }.sorted()
        }
        var dir = w.directory + "/Sessions", files = scripts(dir), elsewhere: String?
        // Elsewhere, the Sessions/ of the package the executable was built in (…/.build/release/descent), whose scripts
        // name their data files from the package's top.
        if files.isEmpty, let root = w.executablePath.flatMap(packageRoot) {
            dir = root + "/Sessions"; files = scripts(dir); elsewhere = root
        }
        guard !files.isEmpty else {
            return "no example scripts here: they are in Sessions/ at the top of descent's repository — run descent from there"
        }
        let columns = w.outputWidth(), width = (files.map(\.count).max() ?? 8) + 2
        let how = "`replay \"Sessions/NAME\" step` runs one a line at a time, Enter for the next"
        let header = elsewhere.map { "Example scripts in \($0)/Sessions (start descent in \($0), where they find their data files; there \(how)):" }
        var lines = (header ?? "Example scripts (\(how)):").wrapped(width: columns)
        for f in files {
            let text = (try? String(contentsOfFile: dir + "/" + f, encoding: .utf8)) ?? ""
            lines += ("  " + f.padding(toLength: width, withPad: " ", startingAt: 0) + firstSentence(text)).wrapped(width: columns, indent: 2 + width)
        }
        return lines.joined(separator: "\n")
    }

    /// The package an executable built by SwiftPM lies in: the directory holding the `.build` of `executable`'s path
    /// (`/src/descent/.build/release/descent` → `/src/descent`, symbolic links followed), or nil outside one.
    static func packageRoot(_ executable: String) -> String? {
        let parts = URL(fileURLWithPath: executable).resolvingSymlinksInPath().pathComponents
        guard let k = parts.lastIndex(of: ".build"), k > 0 else { return nil }
        return NSString.path(withComponents: Array(parts[..<k]))
    }

    /// The first sentence of a script's opening comment lines (`# …`), which may run over several of them.
    static func firstSentence(_ script: String) -> String {
        let comment = script.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .prefix { $0.hasPrefix("#") }
            .map { $0.drop { $0 == "#" || $0 == " " } }
            .joined(separator: " ")
        guard let end = comment.range(of: ". ") else { return comment }
        return String(comment[..<end.lowerBound]) + "."
    }

    static func startOver(_ w: Workspace, _ a: inout ArgReader) throws {
        try a.finish(options: [])
        w.startOver()
        w.out.print("new session: no data, no model, default settings (seed 0); what `save session` writes starts here")
    }

    static func quit(_ w: Workspace, _ a: inout ArgReader) throws {
        try a.finish(options: [])
        w.quitRequested = true
    }

    /// What `plot runs [CURVE]` (and `export plot runs`) draws: the kept runs, the current one, and the curve named
    /// (else `Charts.defaultCurve`); an error when there is no run, or no run has the curve named. Reads up to the file name.
    static func runsToPlot(_ w: Workspace, _ a: inout ArgReader) throws -> ([KeptRun], KeptRun?, RunCurve) {
        let named = try a.optionalWord("curve", oneOf: RunCurve.names).flatMap(RunCurve.init(rawValue:))
        let current = w.currentRun, all = w.runs + (current.map { [$0] } ?? [])
        guard !all.isEmpty else {
            throw ShellError("no runs to plot: none kept, and nothing trained since the history was last cleared — train, then `keep NAME`")
        }
        let curve = named ?? Charts.defaultCurve(all)
        if curve == .valLoss && !all.contains(where: \.validated) {
            throw a.error("no run has a val_loss: they were trained without a split (`split 0.8` before training makes one) — `plot runs train_loss`")
        }
        if curve == .penalty && !all.contains(where: \.history.hasPenalty) {
            throw a.error("no run has a penalty: they were trained without one (`regularize l2 0.001` before training adds one) — `plot runs train_loss`")
        }
        return (w.runs, current, curve)
    }

    /// The names `plot weights [PARAM …]` (and `export plot weights`) is given, each once in the order typed (none: every
    /// weight matrix). Reads up to the file name, building nothing; an error without layers, and for a name the model
    /// lacks (with the names it has).
    static func weightNamesToPlot(_ w: Workspace, _ a: inout ArgReader) throws -> [String] {
        guard !w.parameterNames().isEmpty else {
            throw ShellError("no weights to plot: there are \(w.noDenseLayers) — add one with `layer dense UNITS [ACTIVATION]`")
        }
        var names: [String] = []
        while let name = try a.optionalWord("parameter", oneOf: w.parameterNames()) {
            if !names.contains(name) { names.append(name) }
        }
        if a.peekIsIndexed {
            let (name, index) = try a.indexed("parameter entry")
            throw a.error("plot weights takes whole parameters (W1 b1 …); for one entry: `show \(name)` or `watch \(Format.entry(name, index))`")
        }
        return names
    }

    /// The statistics of the parameters `names` (from `weightNamesToPlot`; none: every weight matrix, not the biases) to
    /// draw, the model built when missing; an error when all their entries are not finite.
    static func weightsToPlot(_ w: Workspace, names: [String]) throws -> WeightStats {
        let model = try w.ensureModel()
        let parameters = names.isEmpty ? model.parameters.filter(\.isWeight) : names.compactMap { n in model.parameters.first { $0.name == n } }
        let stats = WeightStats(parameters)
        if stats.nonFinite > 0 && stats.nonFinite == stats.values.count {
            throw ShellError("no weights to plot: all \(Format.counted(stats.values.count, "entry", plural: "entries")) of "
                             + "\(stats.names.joined(separator: ", ")) are not finite (\(stats.nonFiniteKinds)) — "
                             + "`undo` steps back, `reset` draws new weights")
        }
        return stats
    }

    static func plot(_ w: Workspace, _ a: inout ArgReader) throws {
        let what = a.optionalWord(oneOf: ["boundary", "loss", "runs", "weights"]) ?? "loss"
        if what == "weights" {
            let names = try weightNamesToPlot(w, &a)
            try a.finish(options: [])
            let stats = try weightsToPlot(w, names: names)
            return try w.plotViewer.showHistogram(w) { Charts.weights(stats, title: w.modelLine(), unicode: $0) }
        }
        if what == "runs" {
            let (kept, current, curve) = try runsToPlot(w, &a)
            return try w.plotViewer.showRuns(w) { Charts.runsChart(kept: kept, current: current, curve: curve, unicode: $0) }
        }
        if what == "boundary" {
            let t = try w.ensureTrainer()
            let unit = try mapUnit(t, &a)
            guard t.train.inputCount >= 2 || Charts.drawsFit(t) && unit == nil else {
                throw ShellError("plot boundary needs data with 2 features or more (or 1, for regression or two classes: the fitted curve); "
                                 + "this data has 1 feature and \(t.train.classNames.count) classes")
            }
            let projection = try boundaryProjection(t, &a)
            try a.finish(options: [])
            try w.plotViewer.showBoundary(w, t, projection: projection, unit: unit)
        } else {
            try a.finish(options: [])
            guard let t = w.trainer ?? w.carryOver, !t.history.isEmpty else { throw ShellError("nothing to plot yet: train first (e.g. `train 500`)") }
            try w.plotViewer.showLoss(w, t)
        }
    }
}
