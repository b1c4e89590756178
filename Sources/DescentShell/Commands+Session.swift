import DescentCore
import DescentLanguage
import DescentText

/// Commands about the session itself: help, plots and quitting.
extension Commands {
    static let session: [CommandSpec] = [
        CommandSpec("plot", ["plot", "plot boundary", "plot boundary FEATURE1 FEATURE2   (data of more features: the others at their training means)"], "draw the loss chart (or the decision boundary / output surface; for one feature, the fitted curve)",
                    keywords: ["boundary", "loss"], recorded: false, handler: plot),
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

    static func plot(_ w: Workspace, _ a: inout ArgReader) throws {
        let what = a.optionalWord(oneOf: ["boundary", "loss"]) ?? "loss"
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
