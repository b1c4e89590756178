import DescentCore
import DescentLanguage
import DescentPlot
import DescentTerminal
import DescentText

/// Commands that show state, edit a parameter by hand, and check expectations.
extension Commands {
    static let inspection: [CommandSpec] = [
        CommandSpec("show", ["show model", "show weights [PARAM …] [digits=N]", "show grads [PARAM …] [digits=N]", "show data [N|all]",
                             "show history [N] [every=K]", "show history [from=A] [to=B] [every=K]", "show runs   (the kept runs and the current one)", "show config", "show confusion   (classification: training and validation sets)",
                             "show NODE [digits=N]   (X, Z1, A1, loss, … after `forward`)"],
                    "print the model, parameters, gradients, data, history, kept runs, configuration, confusion matrix or a graph node",
                    keywords: showKinds, recorded: false, handler: show),
        CommandSpec("predict", ["predict [[x1,x2,…],[x1,x2,…],…]", "predict [x1,x2,…]"],
                    "run the model on inputs in the data's units and print its outputs (class and probabilities for classification)",
                    recorded: false, handler: predict),
        CommandSpec("evaluate", ["evaluate \"FILE.csv\""],
                    "the model's loss and accuracy or R² on held-out rows read from a CSV file with the training data's columns "
                        + "(standardised as the training part was); the confusion matrix for classification",
                    recorded: false, handler: evaluate),
        CommandSpec("set", ["set PARAM[i,j] = VALUE"], "edit one parameter entry by hand", comparisons: true, handler: set),
        CommandSpec("expect", ["expect METRIC OP VALUE   (OP: \(Expectation.comparisons.joined(separator: "  ")))",
                               "expect [grad] PARAM[i,j] OP VALUE", "expect … = VALUE +- TOL   (a tolerance goes with = only; = alone allows 1e-12 × max(1, |VALUE|))"],
                    "check a number (\(Expectation.metrics.joined(separator: " ")); loss is train_loss, the data loss on the whole "
                        + "training set at the current weights (evaluation mode, no penalty), not the last `forward`'s batch (batch_loss is the "
                        + "last step's); accuracy is a fraction 0–1; sparsity is the share of weight entries with |w| < 1e-3), "
                        + "or a parameter entry or its gradient, against a bound; fails the script when it does not hold",
                    keywords: Expectation.metrics + ["grad"], comparisons: true, handler: expect),
    ]

    /// What `show` shows besides the nodes of a forward pass.
    static let showKinds = ["model", "weights", "grads", "data", "history", "runs", "config", "confusion"]

    static func show(_ w: Workspace, _ a: inout ArgReader) throws {
        let kinds = showKinds
        if case .word(let word)? = a.peek?.value, !(kinds + w.nodeNames()).contains(where: { $0.lowercased() == word.lowercased() }) {
            // A parameter without a forward pass to show it from: as `show weights W1`.
            if w.parameterNames().contains(word) { return try showParameters(w, &a, what: "weights") }
            _ = a.optionalWord()
            // A parameter's name the model does not have (W3 of two layers): say what it has.
            if let first = word.first, "Wb".contains(first), word.count > 1, word.dropFirst().allSatisfy(\.isNumber) {
                let names = w.parameterNames()
                throw a.error("no parameter '\(word)' — " + (names.isEmpty ? "there are \(w.noDenseLayers) (`layer dense UNITS [ACTIVATION]`)"
                                                                           : "the model has \(names.joined(separator: ", "))"))
            }
            // The decision boundary is plotted, not shown.
            if ["boundary", "map", "decisionboundary", "boundaries"].contains(ForeignNames.key(word)) {
                throw a.error("nothing called '\(word.shortened())' to show — did you mean `plot boundary`? (the decision regions over the data)")
            }
            // Another word for a subject (`params`, `lr`, `summary`): that subject.
            if let subject = ForeignNames.showSubjects[ForeignNames.key(word)] {
                throw a.error("nothing called '\(word.shortened())' to show — did you mean `show \(subject)`?" + (subject == "config"
                    ? " (the settings: data, split, layers, loss, optimizer and lr, …; `lr` alone prints the learning rate)" : ""))
            }
            let hint = Suggest.hint(word, in: kinds + w.nodeNames()) ?? ""
            let listed = kinds.joined(separator: "|")
            let nodes: String
            if !hint.isEmpty || w.inspected != nil {
                nodes = " (show \(listed), or a node of the last `forward`)"
            } else if Workspace.isNodeName(word) {
                nodes = " — there is no forward pass now, so no nodes (Z1, A1, loss, …): run `forward` first, or show \(listed)"
            } else {
                nodes = " — it is no subject of show (\(listed)) nor a node a `forward` pass makes (X, Z1, A1, loss, …)"
            }
            throw a.error("nothing called '\(word.shortened())' to show\(hint)\(nodes)")
        }
        // One entry (`show W2[0,1]`): show prints whole matrices; watch and expect read an entry.
        if let arg = a.peek, case .indexed(let name, _) = arg.value {
            let entry = arg.text.shortened(), whole = "show prints whole matrices: `show \(name.shortened())` shows all of \(name.shortened())"
            guard w.parameterNames().contains(name) else { throw Diagnostic(whole, at: arg.span) }
            throw Diagnostic(whole + "; `watch \(entry)` or `expect \(entry) …` read one entry", at: arg.span)
        }
        let what = try a.word("what to show", oneOf: kinds + w.nodeNames())
        switch what {
        case "model":
            try a.finish(options: [])
            w.out.print(try Printer.model(w.ensureModel(), loss: w.loss, regularizer: w.regularizer))
        case "weights", "grads":
            try showParameters(w, &a, what: what)
        case "data":
            var rows = Printer.dataRows
            if a.optionalWord(oneOf: ["all"]) != nil { rows = .max }
            else if !a.isAtEnd { rows = try a.int("the number of rows to show (or `all`)", range: 0...Int.max) }
            try a.finish(options: [])
            guard let d = w.data else { throw ShellError("no data yet — start with `data …` (e.g. `data xor n=200`)") }
            try showData((try? w.asRead(d)) ?? d, w, rows: rows)
        case "runs":
            try a.finish(options: [])
            w.out.print(Printer.runs(kept: w.runs, current: w.currentRun, width: Printer.tableWidth(w), noteWidth: w.outputWidth()))
        case "history":
            try showHistory(w, &a)
        case "config":
            try a.finish(options: [])
            w.out.print(Printer.config(w))
        case "confusion":
            let at = a.lastSpan
            try a.finish(options: [])
            try located(at) { try showConfusion(w) }
        default:
            let digits = try a.intOption("digits", default: Printer.digits, range: 1...17)
            try a.finish(options: ["digits"])
            guard let g = w.inspected, let i = g.index(of: what) else { throw ShellError("no forward pass to show \(what) from — run `forward` first") }
            try showInFull(w, g.nodes[i], gradient: false, digits: digits)
            // A dropout node's mask, in full: which entries it dropped and the scale of those it kept.
            if case .dropout(let p) = g.nodes[i].op, p > 0, let mask = Printer.keepFlags(g.nodes[i]) {
                if g.lastForwardTraining {
                    try printInFull(w, "mask (1 kept, 0 dropped; \(g.nodes[i].name) = \(g.nodes[g.nodes[i].inputs[0]].name) ⊙ mask / (1 − \(Format.short(p))))", mask,
                                    indent: 2, stopped: "show \(g.nodes[i].name)", of: " of its mask")
                } else if let none = Printer.dropoutMask(g.nodes[i], p: p, training: false) {
                    w.out.print(none)
                }
            }
            // Its gradient too, once backward has reached it (every node that reads it has sent its share); a node
            // that backward never reaches says so rather than showing the zeros its gradient buffer holds.
            if Workspace.gradientArrived(g, i) { try showInFull(w, g.nodes[i], gradient: true, digits: digits) }
            else if let why = Workspace.offGradientPath(g, i) { w.out.print(why) }
        }
    }

    /// `show data [N|all]`: the description and the first `rows` rows, a line at a time, so that Ctrl-C stops a long
    /// table between rows, or while its columns are measured, before any row.
    static func showData(_ d: Dataset, _ w: Workspace, rows: Int) throws {
        let shown = min(d.count, rows)
        func interrupted(after printed: Int) -> ShellError {
            w.out.pastEcho()   // past the terminal's echoed ^C
            return ShellError("show data interrupted after \(printed) of \(shown) rows")
        }
        func print(_ lines: [String], after printed: Int) throws {
            for line in lines {
                if Interrupt.requested { throw interrupted(after: printed) }
                w.out.print(line)
            }
        }
        try print(Printer.dataDescription(d, workspace: w), after: 0)
        guard let table = Printer.dataTable(d, workspace: w, rows: rows, stop: { Interrupt.requested }) else {
            throw interrupted(after: 0)
        }
        try print(table.head, after: 0)
        for i in 0..<table.rows {
            if Interrupt.requested { throw interrupted(after: i) }
            w.out.print(table.row(i))
        }
        try print(table.tail, after: table.rows)
    }

    /// Prints node `n`'s value (or its gradient) in full, a row at a time, so that Ctrl-C stops a large one between rows.
    static func showInFull(_ w: Workspace, _ n: Node, gradient: Bool, digits: Int = Printer.digits) throws {
        guard !n.shape.isEmpty else { w.out.print(Printer.node(n, gradient: gradient, digits: max(digits, 8))); return }
        try printInFull(w, gradient ? "dL/d" + n.name : n.name, gradient ? n.gradTensor : n.valueTensor, indent: 2,
                        stopped: "show \(n.name)", of: gradient ? " of its gradient" : "", digits: digits)
    }

    /// Prints `t` under `label` in full, its lines indented by `indent`, a row at a time; Ctrl-C stops it between rows
    /// with an error saying that `stopped` was interrupted after how many rows (`of` whose).
    static func printInFull(_ w: Workspace, _ label: String, _ t: Tensor, indent: Int, stopped: String, of: String = "",
                            digits: Int = Printer.digits) throws {
        w.out.print("\(label) \(t.shapeDescription) =")
        var rows = 0
        // Rows wider than the terminal break between numbers rather than where the terminal would cut them.
        let width = w.outputWidth().map { max(20, $0 - indent) }
        let done = t.writeLines(threshold: .max, digits: digits, lineWidth: width, shouldContinue: { !Interrupt.requested }) { line in
            w.out.print(indent == 0 ? line : Printer.indent(line, by: indent))
            if line.hasSuffix("]") { rows += 1 }   // a row's last line (not a row's broken-off start, nor a blank)
        }
        guard done else {
            w.out.pastEcho()   // past the terminal's echoed ^C
            throw ShellError("\(stopped) interrupted after \(rows) of \(t.shape.dropLast().reduce(1, *)) rows\(of)")
        }
    }

    /// `show weights` and `show grads` (`what`): the parameters named next in full, or all of them fitted to the
    /// terminal (`Printer.fitted`); with the weights, how sparse the weight matrices shown are; with the gradients, a
    /// note on each one that is not current, or, when none shown was ever computed, one line saying so.
    static func showParameters(_ w: Workspace, _ a: inout ArgReader, what: String) throws {
        if w.parameterNames().isEmpty && a.peek != nil {
            throw ShellError("there are no parameters yet\(w.layers.isEmpty ? "" : " (dropout has no weights)") — add a layer with `layer dense UNITS [ACTIVATION]`")
        }
        var names: [String] = []
        while true {
            // A node (`show grads Z1`) is shown by `show Z1`, with its gradient.
            try refuseNode(w, a, takes: "show \(what) takes parameters (\(w.parameterNames().joined(separator: ", ")))")
            guard let name = try a.optionalWord("parameter", oneOf: w.parameterNames()) else { break }
            names.append(name)
        }
        if a.peekIsIndexed {
            let (name, index) = try a.indexed("parameter entry")
            let entry = Format.entry(name, index)
            throw a.error("show \(what) takes whole parameters (W1 b1 …); for one entry: `explain \(entry)` or `watch \(entry)`")
        }
        let digits = try a.intOption("digits", default: Printer.digits, range: 1...17)
        try a.finish(options: ["digits"])
        let model = try w.ensureModel()
        let params = names.isEmpty ? model.parameters : names.compactMap { n in model.parameters.first { $0.name == n } }
        let width = w.outputWidth() ?? Printer.dataTableWidth
        // Gradients no backward pass has computed are zeros, which would read as real ones: say there are none yet.
        if what == "grads", !params.isEmpty, params.allSatisfy({ !w.gradientReady($0.name) && $0.grad.array.allSatisfy { $0 == 0 } }) {
            let why = params.count == 1 ? w.staleGradient(params[0].name, subject: params[0].name)
                : w.inspected?.backwardDone != nil ? "the backward pass under way has not reached them yet" : w.staleGradient("them")
            w.out.print("no gradient\(params.count == 1 ? "" : "s") yet: \(why) — `backward` computes \(params.count == 1 ? "it" : "them") (the parameters stay as they are)")
            return
        }
        for p in params {
            let t = what == "weights" ? p.tensor : p.gradTensor
            let label = what == "weights" ? p.name : "dL/d" + p.name
            if names.isEmpty {
                w.out.print(Printer.fitted(label, t, width: width, whole: (what == "weights" ? "show \(p.name)" : "show grads \(p.name)")
                                                + (digits == Printer.digits ? "" : " digits=\(digits)"), digits: digits))
            } else {
                try printInFull(w, label, t, indent: 0, stopped: "show \(what)", of: " of \(label)", digits: digits)
            }
            if what == "grads" && !w.gradientReady(p.name) {
                w.out.print("  (not current: \(w.staleGradient(p.name, subject: p.name)) — run `backward`)")
            }
        }
        if what == "grads", !params.isEmpty, let note = w.usedGradientsNote(), params.allSatisfy({ w.gradientReady($0.name) }) {
            w.out.print(note)
        }
        // The share of near-zero entries among the weight matrices shown (all, when none were named).
        if what == "weights", let report = Sparsity.report(model, named: names.isEmpty ? nil : names, l1Step: w.l1Step,
                                                                  width: w.outputWidth()) {
            w.out.print(report)
        }
    }

    /// `show confusion`: the confusion matrices of the training set and the validation set, for classification.
    static func showConfusion(_ w: Workspace) throws {
        let t = try w.ensureTrainer()
        guard t.train.task.isClassification else {
            throw ShellError("show confusion applies to classification, and '\(t.train.targetName)' is a regression target — "
                             + "`expect r2 > X` (and `expect val_r2 > X` with a split) says how well a regression fits")
        }
        guard let (train, validation) = t.confusionMatrices(until: { Interrupt.requested }) else {
            w.out.pastEcho()   // past the terminal's echoed ^C
            throw ShellError("show confusion interrupted while it evaluated the full sets")
        }
        let width = Printer.tableWidth(w), notes = w.outputWidth()
        w.out.print(Printer.confusion(train, classNames: t.train.classNames, title: "training set", metric: "accuracy", width: width, noteWidth: notes))
        if let validation {
            w.out.print(Printer.confusion(validation, classNames: t.train.classNames, title: "validation set", metric: "val_accuracy",
                                          width: width, noteWidth: notes))
        }
    }

    static func set(_ w: Workspace, _ a: inout ArgReader) throws {
        let (name, index) = try a.indexed("parameter entry"), at = a.lastSpan
        _ = try a.op("comparison", oneOf: ["="])
        let value = try a.number("value")
        try a.finish(options: [])
        let model = try w.ensureModel()
        let (p, off) = try located(at) { try w.entry(model, name, index) }
        guard value.isFinite else { throw ShellError("the value must be finite") }
        if (try? w.ensureTrainer()) != nil { w.pushUndo("set") }
        let old = p.value[off]
        p.value[off] = value
        w.parametersChangedByHand()
        w.out.print("\(Format.entry(name, index)): \(Format.sig(old, 6)) → \(Format.sig(value, 6))")
    }

    static func expect(_ w: Workspace, _ a: inout ArgReader) throws {
        let e = try Expectation.parse(&a)
        try a.finish(options: [])
        let actual = try located(e.subjectSpan) { try e.measure(w) }
        guard e.holds(actual) else {
            throw ShellError("expectation failed: \(e.subject) = \(e.shown(actual, atLeast: 10)), expected \(e.requirement)")
        }
        w.out.print("ok: \(e.subject) = \(e.shown(actual)) (\(e.requirement))")
    }
}
