import DescentCore
import DescentLanguage
import DescentText

/// Commands about the session itself: help, plots and quitting.
extension Commands {
    static let session: [CommandSpec] = [
        CommandSpec("plot", ["plot", "plot boundary", "plot boundary FEATURE1 FEATURE2   (data of more features: the others at their training means)",
                             "plot runs [batch_loss|train_loss|val_loss]"],
                    "draw the loss chart (or the decision boundary / output surface; for one feature, the fitted curve; or one curve of "
                        + "each kept run and the current one: val_loss when every run has one, else train_loss)",
                    keywords: ["boundary", "loss", "runs"], recorded: false, handler: plot),
        CommandSpec("help", ["help [COMMAND]"], "list the commands, or show one command's usage", recorded: false, handler: help),
        CommandSpec("quit", ["quit"], "leave descent (Ctrl-D does the same); in a replayed script, end that replay and go on", recorded: false, handler: quit),
        CommandSpec("new", ["new"], "start over as descent starts: no data, no model, default settings, empty history and undo",
                    recorded: false, handler: startOver),
    ]

    static func help(_ w: Workspace, _ a: inout ArgReader) throws {
        let name = a.optionalWord(), at = a.lastSpan
        if let name {
            // `help show confusion`: the forms that use the keyword, when one is given.
            let c = try Commands.resolve(name, at: at)
            let keyword = a.optionalWord(oneOf: c.keywords)
            try a.finish(options: [])
            let forms = keyword.map { k in c.usage.filter { $0.split(separator: " ").contains { $0.lowercased() == k.lowercased() } } } ?? []
            // A form wraps under its own text on a narrow terminal.
            w.out.print((forms.isEmpty ? c.usage : forms).flatMap { ("  " + $0).wrapped(width: w.outputWidth(), indent: 4) }.joined(separator: "\n"))
            w.out.print("\(c.summary).".wrapped(width: w.outputWidth()).joined(separator: "\n"))
            return
        }
        try a.finish(options: [])
        let width = (all.map(\.name.count).max() ?? 8) + 2
        let columns = w.outputWidth()
        // Each summary wraps under itself on a narrow terminal, not under the names.
        var lines = "Commands (`help COMMAND` for the forms; any unique prefix works, e.g. `opt` for optimizer):".wrapped(width: columns)
        for c in all { lines += ("  " + c.name.padding(toLength: width, withPad: " ", startingAt: 0) + c.summary).wrapped(width: columns, indent: 2 + width) }
        lines += "Lines: one command per line (or separated by `;`), `#` starts a comment, a trailing `\\` continues the line.".wrapped(width: columns)
        w.out.print(lines.joined(separator: "\n"))
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
        return (w.runs, current, curve)
    }

    static func plot(_ w: Workspace, _ a: inout ArgReader) throws {
        let what = a.optionalWord(oneOf: ["boundary", "loss", "runs"]) ?? "loss"
        if what == "runs" {
            let (kept, current, curve) = try runsToPlot(w, &a)
            return try w.plotViewer.showRuns(w) { Charts.runsChart(kept: kept, current: current, curve: curve, unicode: $0) }
        }
        if what == "boundary" {
            let t = try w.ensureTrainer()
            guard t.train.featureCount >= 2 || Charts.drawsFit(t) else {
                throw ShellError("plot boundary needs data with 2 features or more (or 1, for regression or two classes: the fitted curve); "
                                 + "this data has 1 feature and \(t.train.classNames.count) classes")
            }
            let projection = try boundaryProjection(t, &a)
            try a.finish(options: [])
            try w.plotViewer.showBoundary(w, t, projection: projection)
        } else {
            try a.finish(options: [])
            guard let t = w.trainer ?? w.carryOver, !t.history.isEmpty else { throw ShellError("nothing to plot yet: train first (e.g. `train 500`)") }
            try w.plotViewer.showLoss(w, t)
        }
    }
}
