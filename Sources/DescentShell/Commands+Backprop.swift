import Foundation
import DescentCore
import DescentLanguage
import DescentPlot
import DescentTerminal
import DescentText

/// Commands that step through backpropagation by hand.
extension Commands {
    static let backprop: [CommandSpec] = [
        CommandSpec("forward", ["forward", "forward sample I"], "run the forward pass on the current batch (or one sample) and print every node",
                    keywords: ["sample"], handler: forward),
        CommandSpec("backward", ["backward", "backward step"], "compute all gradients (or the next node's, from the loss back) and print them",
                    keywords: ["step"], handler: backward),
        CommandSpec("update", ["update [digits=N]"], "apply one optimizer step from the current gradients, showing before, gradient, state and after",
                    handler: update),
        CommandSpec("graph", ["graph"], "print the computation graph: nodes in order, ops, shapes, and where backward stands",
                    recorded: false, handler: graph),
        CommandSpec("explain", ["explain PARAM", "explain PARAM[i,j]"], "write out the chain rule for a parameter's gradient with this batch's numbers",
                    recorded: false, handler: explain),
        CommandSpec("gradcheck", ["gradcheck [PARAM] [sample=N]"],
                    "compare analytic gradients with central finite differences (sample=N: N entries of each parameter, drawn from the seed)",
                    handler: gradcheck),
        CommandSpec("watch", ["watch PARAM[i,j]"], "print that entry after every step", handler: watch),
        CommandSpec("unwatch", ["unwatch [PARAM[i,j]]", "unwatch [all]"], "stop watching one entry (or all)", keywords: ["all"], handler: unwatch),
        CommandSpec("break", ["break gradnorm > X", "break gradnorm off", "break off",
                              "break nan   (always on: a NaN or infinity stops training whatever is set; read for older scripts, as `break nan off`)"],
                    "training always stops at the first NaN/infinity; also stop it when the gradient norm passes a bound",
                    keywords: ["nan", "gradnorm", "on", "off"], comparisons: true, handler: breakCommand),
        CommandSpec("undo", ["undo"], "revert the last forward, step, update, set, load or train run (parameters, optimizer state, history)",
                    handler: undo),
    ]

    static func forward(_ w: Workspace, _ a: inout ArgReader) throws {
        var sample: Int? = nil
        if a.optionalWord(oneOf: ["sample"]) != nil { sample = try a.int("sample index", range: 0...Int.max) }
        let sampleSpan = a.lastSpan
        try a.finish(options: [])
        let t = try w.ensureTrainer()
        let g: Graph
        if let s = sample {
            guard s < t.train.count else {
                throw Diagnostic("sample \(s) is out of range: the training set has \(t.train.count) samples (0…\(t.train.count - 1))", at: sampleSpan)
            }
            g = t.forwardSample(s)
            let row = t.train.dataRow(s)
            w.out.print("forward pass on training sample \(s) (\(row == s ? "" : "data row \(row); ")evaluation mode):")
        } else {
            g = try startHandPass(w, t)
            w.out.print("forward pass on the batch of step \(t.stepCount + 1) (\(Format.counted(g.rows, "row")), epoch \(t.sampler.epochOfLastBatch)):")
            if let rows = batchRows(t) { w.out.print(rows) }
        }
        w.inspected = g
        if !g.totalValue.isFinite { w.out.print("warning: " + t.nonFiniteMessage(g, what: "the loss")) }
        w.out.print(forwardText(g))
    }

    /// Which rows of the data the hand pass's batch holds, in its order, unless it holds all of them in order (a full
    /// batch without a split): `batch rows 0–2 are data rows 3, 0, 4 (as \`show data\` numbers them)`. A minibatch or a
    /// split's part says so even when its rows come in order (`batch row 0 is data row 0`).
    static func batchRows(_ t: Trainer) -> String? {
        let rows = t.handBatch.map(t.train.dataRow)
        guard !rows.isEmpty, rows != Array(0..<(t.train.count + (t.validation?.count ?? 0))) else { return nil }
        let shown = rows.prefix(12).map(String.init).joined(separator: ", ") + (rows.count > 12 ? ", … \(rows.count - 12) more" : "")
        if rows.count == 1 { return "batch row 0 is data row \(rows[0]) (as `show data` numbers them)" }
        return "batch rows 0–\(rows.count - 1) are data rows \(shown) (as `show data` numbers them)"
    }

    /// Every computed node of a forward pass, layer by layer.
    static func forwardText(_ g: Graph) -> String {
        var lines = [Printer.node(g.nodes[g.inputIndex])]
        for (i, n) in g.nodes.enumerated() where !n.op.isLeaf {
            let ins = n.inputs.map { g.nodes[$0].name }
            let formula: String
            switch n.op {
            case .matmul: formula = "\(n.name) = \(ins[0])·\(ins[1])"
            case .biasAdd: formula = "\(n.name) = \(ins[0]) + \(ins[1])"
            case .activation(let act): formula = "\(n.name) = \(act)(\(ins[0]))"
            case .dropout(let p): formula = "\(n.name) = dropout(\(ins[0]), p=\(Format.short(p)))"
            case .loss(let l): formula = l.formula
            case .penalty(let r): formula = r.isNone ? "penalty (no regularizer)" : "penalty = \(r.formula)"
            default: formula = "total = loss + penalty"
            }
            // A loss's value follows its formula, before what the symbols are: `… = 1.2947798   (t = 2y − 1)`.
            if case .loss(let l) = n.op, n.shape.isEmpty {
                lines.append("\(l.definition) = \(Format.sig(n.value[0], 8))" + (l.symbols.map { "   (\($0))" } ?? ""))
            } else if n.shape.isEmpty { lines.append("\(formula) = \(Format.sig(n.value[0], 8))") }
            else { lines.append(formula); lines.append(Printer.indent(Printer.node(n))) }
            if case .dropout(let p) = n.op, let mask = Printer.dropoutMask(n, p: p, training: g.lastForwardTraining) { lines.append(Printer.indent(mask)) }
            if i == g.outputIndex && g.lossInputIndex != g.outputIndex { lines.append("  (the loss reads the logits \(g.nodes[g.lossInputIndex].name))") }
        }
        lines.append("targets " + Printer.node(g.nodes[g.targetIndex]))
        return lines.joined(separator: "\n")
    }

    /// The graph under inspection, running a forward pass first when there is none.
    static func inspectedGraph(_ w: Workspace) throws -> Graph {
        if let g = w.inspected { return g }
        let t = try w.ensureTrainer()
        let g = try startHandPass(w, t)
        w.out.print("(ran the forward pass on the batch of step \(t.stepCount + 1) first)")
        return g
    }

    /// Runs the forward pass of the next step by hand (once it fits), undoable, and makes it the graph under inspection.
    private static func startHandPass(_ w: Workspace, _ t: Trainer) throws -> Graph {
        try w.checkHandPassFits(t)
        if t.phase == .idle { w.pushUndo("forward") }
        let g = t.forward()
        w.inspected = g
        return g
    }

    static func backward(_ w: Workspace, _ a: inout ArgReader) throws {
        let stepping = a.optionalWord(oneOf: ["step"]) != nil
        try a.finish(options: [])
        let g = try inspectedGraph(w)
        let t = try w.ensureTrainer()
        if stepping {
            // A pass that is complete has nothing left to step: starting another would throw its gradients away.
            if g.backwardComplete {
                let next = g === t.currentGraph
                    ? "`update` applies them; `forward` runs this step's forward pass again, to step back through it anew"
                    : "this pass was on one sample, which `update` does not apply; `forward sample N` runs it again, to step back "
                        + "through it anew"
                w.out.print("backward: the pass is complete (all \(Format.counted(g.backwardOrder.count, "node")) done) and every gradient "
                            + "is in place, so nothing changed — " + next)
                return
            }
            if g.backwardDone == nil { g.beginBackward(); w.out.print("backward: gradients zeroed, dL/dtotal = 1") }
            // What the nodes this step sends to held already (a weight gets the penalty's share first).
            let next = g.backwardDone.flatMap { $0 < g.backwardOrder.count ? g.backwardOrder[$0] : nil }
            let held = next.map { n in Dictionary(uniqueKeysWithValues: BackpropText.sent(g, n).map { ($0, g.nodes[$0].grad.array) }) } ?? [:]
            guard let i = g.backwardStep() else { return }
            w.out.print(stepText(g, i, held: held))
            if g.backwardComplete { w.out.print("backward complete: every gradient is in place — `update` applies them") }
            else if let d = g.backwardDone { w.out.print("next: \(g.nodes[g.backwardOrder[d]].name) (\(Format.counted(g.backwardOrder.count - d, "node")) left)") }
        } else {
            let finishing = g.backwardDone != nil && !g.backwardComplete
            if finishing { g.finishBackward() } else { g.backward() }
            w.out.print(finishing ? "backward: finished the remaining nodes" : "backward: all gradients computed (replacing earlier ones)")
            w.out.print(gradientTable(t.model))
        }
        w.gradientsUsedByStep = nil
        t.markBackwarded(g)
    }

    /// What one backward step did: node, op, incoming gradient, local rule, outgoing gradients with numbers. A node
    /// that already held a share (`held`, from nodes stepped before: a weight's penalty share) is shown getting
    /// this step's share, which the rule computes, and the sum it now holds.
    static func stepText(_ g: Graph, _ i: Int, held: [Int: [Double]] = [:]) -> String {
        let n = g.nodes[i]
        var lines = ["node \(n.name) (\(n.op.detail)), \(g.backwardDone ?? 0) of \(g.backwardOrder.count)"]
        lines.append("  gradient arriving: " + Printer.node(n, gradient: true))
        for r in BackpropText.rule(g, i) { lines.append("  " + r) }
        for j in BackpropText.sent(g, i) {
            let receiver = g.nodes[j], now = receiver.grad.array
            if let before = held[j], before.count == now.count, before.contains(where: { $0 != 0 }) {
                let share = Tensor(shape: receiver.shape, data: zip(now, before).map { $0 - $1 })
                lines.append("  sends its share of dL/d\(receiver.name) \(share.shapeDescription) =\n" + Printer.indent(share.formatted(), by: 4))
                lines.append("  added to the share it held already (the penalty's), the whole "
                             + Printer.node(receiver, gradient: true).replacingOccurrences(of: "\n", with: "\n  "))
            } else {
                lines.append("  sends " + Printer.node(receiver, gradient: true).replacingOccurrences(of: "\n", with: "\n  "))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Gradient norms per parameter.
    static func gradientTable(_ m: Model) -> String {
        let rows = m.parameters.map { p -> [String] in
            var mx = 0.0
            for i in 0..<p.count { mx = mx.isNaN || p.grad[i].isNaN ? .nan : max(mx, abs(p.grad[i])) }   // max() would drop a NaN
            return [p.name, Tensor.describe(p.shape), Format.sig(p.gradientNorm, 6), Format.sig(mx, 6)]
        }
        var lines = TextTable(headers: ["param", "shape", "‖grad‖", "max |grad|"], rows: rows,
                              alignments: [.left, .left, .right, .right]).render()
        lines.append("total gradient norm \(Format.sig(Parameter.gradientNorm(of: m.parameters), 6))")
        return lines.joined(separator: "\n")
    }

    static func update(_ w: Workspace, _ a: inout ArgReader) throws {
        let digits = try a.optionalIntOption("digits", range: 1...17)
        try a.finish(options: ["digits"])
        let t = try w.ensureTrainer()
        // If the update cannot be applied, everything this command did goes back: a batch drawn, undo entries, and the
        // gradients (and a hand pass's backward) it computed first.
        let start = t.snapshot(label: "update"), stack = w.undoStack, inspected = w.inspected
        let drawsBatch = t.phase == .idle
        let grads = t.model.parameters.map { $0.grad.array }, stale = t.gradientsStale, pass = inspected?.savedState()
        do { try applyUpdate(w, t, digits: digits) } catch {
            if drawsBatch { t.restore(start) }
            if let inspected, let pass { inspected.restore(pass) }
            for (p, g) in zip(t.model.parameters, grads) { p.grad.load(g) }
            t.gradientsStale = stale
            w.undoStack = stack; w.inspected = inspected
            throw error
        }
    }

    /// The work of `update`: gradients if missing, the optimizer step, and the before/after report, its numbers to
    /// `digits` significant digits when given (`digits=`).
    private static func applyUpdate(_ w: Workspace, _ t: Trainer, digits: Int?) throws {
        if let shown = w.inspected, shown !== t.currentGraph {
            // `forward sample N` runs one row in evaluation mode beside the step; it is not a step to apply.
            throw ShellError("the last forward pass was on one sample (evaluation mode), which is not a training step — "
                             + "run `forward` for the step's batch (or `batch 1` to train on one sample at a time)")
        }
        let g = try inspectedGraph(w)
        guard g.totalValue.isFinite else {
            // `train` stops here too: a loss that is not finite gives no update worth applying.
            throw ShellError("this step's loss is \(Format.sig(g.totalValue, 4)), not finite, so its update was not applied (as `train` stops) — "
                             + "`undo` goes back before the updates that made it so (then a lower `lr …`)")
        }
        if !g.backwardComplete {
            if g.backwardDone == nil { g.backward(); w.out.print("(computed the gradients first)") }
            else { g.finishBackward(); w.out.print("(finished the backward pass first)") }
        }
        if let last = w.undoStack.last, last.stepCount == t.stepCount, last.label == "forward" {
            w.undoStack[w.undoStack.count - 1].label = "update"   // the snapshot taken when this step's batch was drawn
        } else {
            w.pushUndo("update")
        }
        let before = t.model.parameters.map { $0.value.array }
        for p in t.model.parameters where !p.grad.allFinite {
            throw ShellError("the gradient of \(p.name) is not finite; the update was not applied")
        }
        if let bad = t.applyUpdate(using: g) {
            throw ShellError("this update would make \(bad) infinite or NaN (the learning rate is too large for these gradients), "
                             + "so it was not applied — lower the learning rate (`lr …`), or `undo`")
        }
        w.inspected = nil
        w.gradientsUsedByStep = t.stepCount
        let opt = t.optimizer
        let corrections = biasCorrections(opt)
        let adamStep = corrections != nil ? " (t = \(opt.steps))" : ""
        // Every constant the rule uses, by its symbol there, so that the rows can be checked by hand.
        let constants = opt.kind.constants.isEmpty ? "" : " " + opt.kind.constants
        w.out.print("update \(t.stepCount): \(opt.kind.name) lr=\(Format.rate(t.lastStepRate))\(constants)\(adamStep), rule \(opt.kind.rule)")
        for line in updateCountLines(opt, step: t.stepCount, digits: digits ?? 6) { w.out.print("  " + line) }
        if !opt.stateNames.isEmpty {
            let named = zip(opt.stateNames, opt.torchStateNames).map { "\($0) \($1)" }
            w.out.print("  (PyTorch's names for the state: \(named.joined(separator: ", ")))")
        }
        // Labels padded to the longest, so that the values line up; counted in characters, as `m̂`
        // (m and a combining circumflex) takes one column.
        let width = opt.stateNames.map(\.count).max().map { max($0, 6) } ?? 6
        let row = { (label: String, v: [Double], shape: [Int]) in
            w.out.print("  " + label + String(repeating: " ", count: max(0, width - label.count)) + " " + values(v, shape, digits: digits))
        }
        for (k, p) in t.model.parameters.enumerated() {
            w.out.print("\(p.name) \(Tensor.describe(p.shape))")
            row("before", before[k], p.shape)
            row("grad", p.grad.array, p.shape)
            for (s, name) in opt.stateNames.enumerated() {
                let buf = s == 0 ? opt.state1 : opt.state2
                if k < buf.count { row(name, buf[k].array, p.shape) }
            }
            // Adam's bias-corrected moments, from which the step is taken: θ ← θ − lr·m̂/(√v̂ + ε).
            if let (c1, c2) = corrections, k < opt.state1.count, k < opt.state2.count {
                row("m̂", opt.state1[k].array.map { $0 / c1 }, p.shape)
                row("v̂", opt.state2[k].array.map { $0 / c2 }, p.shape)
            }
            row("after", p.value.array, p.shape)
        }
        w.printWatches(t, live: false)
        w.noteDefaultOptimizer()
    }

    /// Adam's bias corrections 1 − β₁ᵗ and 1 − β₂ᵗ for its last update (t = its own update count); nil for other rules.
    static func biasCorrections(_ opt: Optimizer) -> (Double, Double)? {
        guard case let .adam(b1, b2, _) = opt.kind, opt.steps > 0 else { return nil }
        let t = Double(opt.steps)
        return (1 - Foundation.pow(b1, t), 1 - Foundation.pow(b2, t))
    }

    /// What an update's rule takes from the optimizer's own count of updates, which starts again when its state is
    /// reset (a new optimizer) and so can differ from the session's step: Adam's t and bias corrections, and SGD
    /// momentum's first update, which takes v ← g.
    static func updateCountLines(_ opt: Optimizer, step: Int, digits: Int = 6) -> [String] {
        let own = opt.steps == step ? "" : ", which started again when its state was reset (this is the session's step \(step))"
        switch opt.kind {
        case let .adam(b1, b2, _):
            guard let (c1, c2) = biasCorrections(opt) else { return [] }
            return ["t = \(opt.steps) is adam's own count of updates\(own)",
                    "bias corrections 1 − β₁ᵗ = 1 − \(Format.short(b1))^\(opt.steps) = \(Format.sig(c1, digits)),  "
                        + "1 − β₂ᵗ = 1 − \(Format.short(b2))^\(opt.steps) = \(Format.sig(c2, digits));  "
                        + "m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ), θ ← θ − lr·m̂/(√v̂ + ε)"]
        case let .sgd(m, _) where m != 0 && opt.steps == 1:
            return ["the first update since the state was reset: v ← g (no earlier v to carry)"]
        default:
            return []
        }
    }

    /// Values on one line when few (to 6 significant digits, or `digits`), else a summary (to 4, or `digits`).
    static func values(_ v: [Double], _ shape: [Int], digits: Int? = nil) -> String {
        if v.count <= 16 { return Tensor(shape: shape, data: v).formatted(digits: digits ?? 6).replacingOccurrences(of: "\n", with: "") }
        return Printer.summary(v, digits: digits ?? 4)
    }

    static func graph(_ w: Workspace, _ a: inout ArgReader) throws {
        try a.finish(options: [])
        let g: Graph
        if let gi = w.inspected { g = gi } else {
            let t = try w.ensureTrainer()
            g = t.previewGraph()
            if g.rows == t.nextBatchRows {
                w.out.print("(no forward pass yet: shapes for a batch of \(g.rows))")
            } else {
                w.out.print("(no forward pass yet: shapes for one sample, where the next batch has \(t.nextBatchRows) rows — `forward` builds that batch's graph)")
            }
        }
        // A preview's marks would be those of whatever pass last used its buffers: none are shown.
        let stepping = w.inspected != nil ? g.backwardDone : nil
        let next = stepping.flatMap { $0 < g.backwardOrder.count ? g.backwardOrder[$0] : nil }
        let offPathReasons = g.nodes.indices.map { Workspace.offGradientPath(g, $0) }
        let offPath = offPathReasons.compactMap { $0 }
        let rows = g.nodes.enumerated().map { (i, n) -> [String] in
            // A parameter (a leaf) has its gradient once every node that reads it has sent its share.
            let arrived = stepping != nil && Workspace.gradientArrived(g, i)
            let mark = i == next ? "◀ next" : (arrived ? "✓ grad" : (offPathReasons[i] != nil ? "no grad (off path)" : ""))
            return [String(i), n.name, n.op.name, n.inputs.map { g.nodes[$0].name }.joined(separator: ", "),
                    n.shape.isEmpty ? "scalar" : Tensor.describe(n.shape), mark]
        }
        w.out.print(TextTable(headers: ["#", "node", "op", "inputs", "shape", "backward"], rows: rows,
                              alignments: [.right, .left, .left, .left, .left, .left]).render().joined(separator: "\n"))
        for why in offPath { w.out.print(why) }
        if stepping == nil { w.out.print("backward: not started (`backward step` visits \(g.backwardOrder.map { g.nodes[$0].name }.joined(separator: " → ")))") }
    }

    static func explain(_ w: Workspace, _ a: inout ArgReader) throws {
        let name: String, index: [Int]?
        let t = try w.ensureTrainer()
        try refuseNode(w, a, takes: "explain takes a parameter (\(w.parameterNames().joined(separator: ", "))) or one of its entries (W1[0,1])")
        if a.peekIsIndexed { let (n, i) = try a.indexed("parameter entry"); name = n; index = i }
        else { name = try a.word("parameter", oneOf: w.parameterNames()); index = nil }
        let at = a.lastSpan
        try a.finish(options: [])
        if let index { _ = try located(at) { try w.entry(t.model, name, index) } }
        // `explain` only reads: with no forward pass under way it looks at the batch the next step will draw,
        // without drawing it (a copy of the dropout stream), so a saved session replays the same without it.
        let g: Graph
        if let inspected = w.inspected { g = inspected } else {
            try w.checkHandPassFits(t)
            g = t.peekNextBatch()
            var scratch = t.dropoutRNG
            t.forwardAsStep(g, rng: &scratch)
            w.out.print("(no forward pass under way: explaining on the batch the next step will use)")
        }
        guard let p = g.index(of: name) else { throw ShellError("no parameter '\(name.shortened())' in the graph") }
        if g.backwardComplete { w.out.print(Explain.text(g, param: p, index: index)); return }
        // The gradients are computed for the explanation and then put back, bit for bit: `explain` is not saved in a
        // session, so it must leave the gradients (and where backward stands, even part-way) as they were.
        let state = g.savedState()
        if g.backwardDone == nil { g.backward() } else { g.finishBackward() }
        let text = Explain.text(g, param: p, index: index)
        g.restore(state)
        w.out.print(text)
        if w.inspected != nil { w.out.print("(gradients computed for this explanation only: `backward` computes and keeps them)") }
    }

    /// A node of the graph where a parameter belongs (`explain Z1`, `show grads Z1`): refused with what `takes` says the
    /// command takes, and that `show` prints a node and its gradient.
    static func refuseNode(_ w: Workspace, _ a: ArgReader, takes: String) throws {
        guard let arg = a.peek else { return }
        let word: String
        switch arg.value {
        case .word(let n), .indexed(let n, _): word = n
        default: return
        }
        guard !w.parameterNames().contains(word) else { return }
        // Node names are those of any graph of the model: the one-sample graph costs nothing to look in. Without a model
        // that could run, a name a forward pass gives a node.
        let g = w.inspected ?? w.trainer?.sampleGraph()
        let index = g?.nodes.firstIndex { $0.name == word }
        guard index != nil || (g == nil && Workspace.isNodeName(word)) else { return }
        let how = w.inspected == nil ? "`forward`, then `show \(word)`" : "`show \(word)`"
        if let g, let index, let off = Workspace.offGradientPath(g, index) {
            throw Diagnostic(takes + "; \(word) is a node of the graph (\(how) prints it); " + off, at: arg.span)
        }
        throw Diagnostic(takes + "; \(word) is a node of the graph: \(how) prints it, and its gradient once `backward` has reached it",
                         at: arg.span)
    }

    /// The most entries `sample=` asks for of each parameter (more than any model that fits holds).
    static let maxGradcheckSample = 1_000_000_000

    /// How long, in seconds, a `gradcheck` may be expected to take before it says so and suggests `sample=`.
    static let gradcheckNoteSeconds = 30.0

    /// The stream of the session's seed that `gradcheck sample=` draws from (1 to 3 are the data's, the weights'
    /// and the trainer's): each parameter draws from its own stream derived from this one by its place in the
    /// model, so that `gradcheck W1 sample=N` checks the entries of W1 that `gradcheck sample=N` does.
    static let gradcheckStream: UInt64 = 4

    static func gradcheck(_ w: Workspace, _ a: inout ArgReader) throws {
        let t = try w.ensureTrainer()
        let name = try a.optionalWord("parameter", oneOf: w.parameterNames())
        let sample = try a.optionalIntOption("sample", range: 1...maxGradcheckSample)
        try a.finish(options: ["sample"])
        if w.inspected == nil { try w.checkHandPassFits(t) }
        let g = w.inspected ?? t.peekNextBatch()
        let all = t.model.parameters
        let params = all.filter { name == nil || $0.name == name }
        // A sample is drawn from streams of its own, derived from the seed: the training streams are not touched.
        let offsets = sample.map { n in
            params.map { p in
                var rng = w.rng(gradcheckStream).derived(stream: UInt64(all.firstIndex { $0 === p } ?? 0))
                return GradientCheck.sampledOffsets(count: p.count, taking: n, rng: &rng)
            }
        }
        let drawn = sample.map { ", up to \($0 == 1 ? "1 entry" : "\(Format.grouped($0)) entries") of each parameter drawn from seed \(w.seed)" } ?? ""
        w.out.print("gradient check on \(Format.counted(g.rows, "row")), central differences h=1e-5, evaluation mode (dropout off)\(drawn):")
        let results: [GradientCheck.Result]
        do { results = try checkGradients(w, g, params, offsets: offsets, sample: sample) } catch {
            let p = error.progress
            w.out.pastEcho()   // past the terminal's echoed ^C, leaving the progress line (if any) to show how far it got
            w.showProgress?(nil)
            throw ShellError("gradcheck interrupted in \(p.parameter) after \(Format.grouped(p.done)) of \(Format.grouped(p.total)) entries; "
                             + "parameters and gradients are as they were")
        }
        w.showProgress?(nil)
        // The worst entry's own errors side by side (the largest absolute error may be another entry's).
        let rows = results.map { r in
            // A sampled check says of each parameter how many of its entries it checked.
            let checked = r.checked < r.entries ? "\(Format.grouped(r.checked)) of \(Format.grouped(r.entries))" : "all \(Format.grouped(r.entries))"
            return [r.parameter] + (sample == nil ? [] : [checked])
                + ["[" + r.worstIndex.map(String.init).joined(separator: ",") + "]", Format.sig(r.worstAbsoluteError, 3),
                   Format.sig(r.maxRelativeError, 3), r.passed ? "pass" : "FAIL"]
        }
        let headers = ["param"] + (sample == nil ? [] : ["checked"]) + ["worst at", "abs err", "rel err*", "result"]
        let alignments: [TextTable.Alignment] = [.left] + (sample == nil ? [] : [.right]) + [.left, .right, .right, .left]
        w.out.print(TextTable(headers: headers, rows: rows, alignments: alignments).render().joined(separator: "\n"))
        w.out.print("worst at: the entry with the largest relative error (or, when all count as 0, absolute error)")
        w.out.print("* an entry whose absolute error is within the difference's rounding, 8·ε·(|L(w+h)| + |L(w−h)|)/2h "
                    + "(at least 1e-9), counts as 0")
        let failed = results.filter { !$0.passed }
        if failed.contains(where: { !$0.maxRelativeError.isFinite }) {
            throw ShellError("gradient check failed for " + failed.map(\.parameter).joined(separator: ", ")
                             + ": some gradients are not finite (have the parameters or the loss overflowed? `show weights`)")
        }
        if !failed.isEmpty {
            throw ShellError("gradient check failed for " + failed.map(\.parameter).joined(separator: ", ")
                             + " (relative error ≥ 1e-5; " + kinkHint(t, failed: failed) + ")")
        }
    }

    /// The kinks of this model, loss and regularizer, where a central difference straddles a point without a
    /// derivative and so disagrees with the analytic gradient: relu at 0, L1's |w| at 0, mae's |ŷ − y| at 0, …;
    /// a failed weight entry within h of L1's kink is named.
    static func kinkHint(_ t: Trainer, failed: [GradientCheck.Result]) -> String {
        var kinks: [String] = []
        var activations: [String] = []
        for case let .dense(_, act, _, _) in t.model.spec.layers {
            let kink: String?
            switch act {
            case .relu, .leakyRelu: kink = "\(act) at 0"
            case .elu(let a) where a != 1: kink = "\(act) at 0"
            default: kink = nil
            }
            if let kink, !activations.contains(kink) { activations.append(kink) }
        }
        kinks += activations
        if t.regularizer.l1 != 0 { kinks.append("L1's |w| at w = 0") }
        switch t.loss {
        case .mae: kinks.append("mae's |ŷ − y| at ŷ = y")
        case .huber(let d): kinks.append("huber's switch at |ŷ − y| = \(Format.short(d))")
        case .hinge: kinks.append("hinge's max(0, 1 − t·ŷ) at t·ŷ = 1")
        default: break
        }
        guard !kinks.isEmpty else { return "kinks such as relu at 0 can cause this" }
        var hint = "a kink can cause this: " + kinks.joined(separator: ", ")
        // An entry near L1's kink: the difference quotient at ±h sees λ₁·|w| change slope.
        if t.regularizer.l1 != 0 {
            let near = failed.flatMap { r -> [String] in
                guard let p = t.model.parameter(r.parameter), p.isWeight else { return [] }
                return r.failedIndices.compactMap { index in
                    guard let off = p.offset(of: index), abs(p.value[off]) < GradientCheck.step else { return nil }
                    return "\(Format.entry(p.name, index)) = \(Format.sig(p.value[off], 6))"
                }
            }
            if !near.isEmpty {
                let shown = near.prefix(8).joined(separator: ", ") + (near.count > 8 ? ", … \(near.count - 8) more" : "")
                hint += " — " + shown + (near.count == 1 ? " is" : " are")
                    + " within h = 1e-5 of L1's kink, so the difference quotient straddles it"
            }
        }
        return hint
    }

    /// Runs the check with Ctrl-C stopping it between entries and, on a terminal, a progress line once it takes a while
    /// (the caller wipes it). Once the first entry is timed, a check expected to take longer than
    /// `gradcheckNoteSeconds` says how long and what a `sample=` would take instead. Its estimates count the time the
    /// check ran: not a stop by Ctrl-Z, as a training run's speed does not.
    private static func checkGradients(_ w: Workspace, _ g: Graph, _ params: [Parameter], offsets: [[Int]]?,
                                       sample: Int?) throws(GradientCheck.Stopped) -> [GradientCheck.Result] {
        let clock = ContinuousClock(), start = clock.now
        var nextShow = start + .milliseconds(300)
        var firstEntry: ContinuousClock.Instant?
        return try Suspension.during { () throws(GradientCheck.Stopped) -> [GradientCheck.Result] in
            let began = Suspension.activeNow(clock)
            return try Interrupt.during { () throws(GradientCheck.Stopped) -> [GradientCheck.Result] in
                try GradientCheck.run(g, parameters: params, offsets: offsets) { p in
                    if Interrupt.requested { return false }
                    let now = clock.now, active = Suspension.activeNow(clock)
                    // The first call comes after the check's own forward and backward pass; the second, one entry later.
                    if p.done == 0 { firstEntry = active }
                    if p.done == 1, let first = firstEntry {
                        let perEntry = (active - first).seconds, left = perEntry * Double(p.total - 1)
                        if left > w.gradcheckNoteSeconds {
                            w.showProgress?(nil)
                            w.out.print(longCheckNote(total: p.total, perEntry: perEntry, sample: sample))
                        }
                    }
                    if let show = w.showProgress, now >= nextShow {
                        let seconds = (active - began).seconds
                        let eta = p.done > 0 ? seconds / Double(p.done) * Double(p.total - p.done) : .nan
                        show("gradcheck: \(p.parameter) entry \(p.entry + 1)/\(p.entries), \(p.done + 1)/\(p.total) in all "
                             + "(\(100 * p.done / max(p.total, 1))%), eta \(LiveView.clockText(eta))")
                        nextShow = now + .milliseconds(100)
                    }
                    return true
                }
            }
        }
    }

    /// The entries of each parameter a check that takes long suggests sampling.
    static let suggestedSample = 100

    /// What a check of `total` entries at `perEntry` seconds each says before it goes on: how long it will take, that
    /// Ctrl-C stops it, and, unless it samples already, the `sample=` that checks fewer.
    static func longCheckNote(total: Int, perEntry: Double, sample: Int?) -> String {
        let head = "note: checking \(sample == nil ? "all " : "")\(Format.grouped(total)) entries (2 forward passes each, "
            + "\(Format.sig(perEntry * 1000, 3)) ms here) takes about \(duration(perEntry * Double(total))); Ctrl-C stops it, changing nothing"
        if let sample {
            return head + " — a smaller sample= than \(Format.grouped(sample)) takes less"
        }
        return head + " — `gradcheck sample=\(suggestedSample)` checks \(suggestedSample) entries of each parameter, drawn from the seed"
    }

    /// A time to wait, roughly: `40 s`, `12 min`, `3.4 h`.
    static func duration(_ seconds: Double) -> String {
        if seconds < 90 { return "\(Int(seconds.rounded())) s" }
        if seconds < 90 * 60 { return "\(Int((seconds / 60).rounded())) min" }
        let hours = seconds / 3600
        return hours < 10 ? "\(Format.sig(hours, 2)) h" : "\(Format.grouped(Int(hours.rounded()))) h"
    }

    static func watch(_ w: Workspace, _ a: inout ArgReader) throws {
        let (name, index) = try a.indexed("parameter entry"), at = a.lastSpan
        try a.finish(options: [])
        let model = try w.ensureModel()
        let (p, off) = try located(at) { try w.entry(model, name, index) }
        let wch = Workspace.Watch(name: name, index: index)
        if !w.watches.contains(wch) { w.watches.append(wch) }
        w.out.print("watching \(wch.text) = \(Format.sig(p.value[off], 6))")
    }

    static func unwatch(_ w: Workspace, _ a: inout ArgReader) throws {
        if a.peekIsIndexed {
            let (name, index) = try a.indexed("parameter entry"), at = a.lastSpan
            try a.finish(options: [])
            let wch = Workspace.Watch(name: name, index: index)
            guard w.watches.contains(wch) else { throw Diagnostic("\(wch.text) is not being watched" + (w.watches.isEmpty ? "" : " (watching \(w.watches.map(\.text).joined(separator: ", ")))"), at: at) }
            w.watches.removeAll { $0 == wch }
            w.out.print("stopped watching \(wch.text)")
        } else {
            // `unwatch all` as plain `unwatch`; another word (a parameter's name alone) is said to want an entry.
            if a.optionalWord(oneOf: ["all"]) == nil, let arg = a.peek, case .word(let word) = arg.value {
                let watching = w.watches.isEmpty ? "nothing is watched" : "watching \(w.watches.map(\.text).joined(separator: ", "))"
                throw Diagnostic("unwatch takes a watched entry like W1[0,1], or nothing (or `all`) to stop watching everything; "
                                 + "got '\(word.shortened())' (\(watching))", at: arg.span)
            }
            try a.finish(options: [])
            w.watches = []
            w.out.print("stopped watching everything")
        }
    }

    static func breakCommand(_ w: Workspace, _ a: inout ArgReader) throws {
        let what = try a.word("break condition", oneOf: ["nan", "gradnorm", "off"])
        switch what {
        case "nan":
            let on = a.optionalWord(oneOf: ["on", "off"]) ?? "on"
            try a.finish(options: [])
            w.out.print(on == "on" ? "break nan: on — training stops at the first NaN or infinity and names the node"
                                     : "break nan: off — which changes nothing: a non-finite loss or gradient always stops training, naming the node, and the parameters are never overwritten with NaN (`off` is read for older scripts)")
        case "gradnorm":
            if a.optionalWord(oneOf: ["off"]) != nil { try a.finish(options: []); w.breakGradNorm = nil; w.out.print("break gradnorm: off"); return }
            _ = try a.op("comparison", oneOf: [">"])
            let x = try a.number("bound")
            guard x > 0 else { throw a.error("the bound must be positive") }
            try a.finish(options: [])
            w.breakGradNorm = x
            w.out.print("break gradnorm > \(Format.short(x)): training stops after the step whose total gradient norm passes it "
                        + "(that step's update applied; `undo` takes the run back)")
        default:
            try a.finish(options: [])
            w.breakGradNorm = nil
            w.out.print("break gradnorm: off (a NaN or infinity still stops training)")
        }
    }

    static func undo(_ w: Workspace, _ a: inout ArgReader) throws {
        try a.finish(options: [])
        guard let t = w.trainer, let snap = w.undoStack.popLast() else {
            throw ShellError("nothing to undo (undo covers step, update, set, load, forward and train since the model was built or its layers, data, features, loss, regularizer, batch, split, normalization or optimizer last changed)")
        }
        // The learning rate is a setting, as `lr` sets it, not state: undoing a run keeps the one set since.
        let lr = t.optimizer.learningRate
        t.restore(snap)
        t.optimizer.learningRate = lr
        t.applySchedule()   // under a schedule, the rate of the step it is back at
        w.inspected = nil
        let rateNote = t.schedule == nil ? learningRateNote(snap, now: lr)
            : "; under the schedule the next step runs at lr \(Format.rate(t.optimizer.learningRate))"
        let left = w.undoStack.isEmpty ? "nothing more to undo" : "\(Format.counted(w.undoStack.count, "more undo")) available"
        w.out.print("undid \(snap.label): back to step \(t.stepCount) (\(left)"
                    + sizeNote(w, snap) + ")" + rateNote)
    }

    /// When snapshots the size of `snap` are too large for undo to hold its usual depth: how much it holds and what one
    /// takes, after a dash; "" otherwise.
    static func sizeNote(_ w: Workspace, _ snap: TrainerSnapshot) -> String {
        let each = snap.byteCount
        guard each > 0, w.undoBudget / each < Workspace.undoDepth else { return "" }
        return " — undo keeps at most \(AtomicFile.shownSize(w.undoBudget)) of snapshots (the last always), and one takes "
            + "\(shownBytes(each)) with this model and optimizer"
    }

    /// `bytes` for a message: `480 MB`, `2.5 MB`, `12 KB`, `840 bytes`.
    static func shownBytes(_ bytes: Int) -> String {
        let mb = Double(bytes) / 1e6
        if mb >= 10 { return "\(Int(mb.rounded())) MB" }
        if mb >= 1 { return String(format: "%.1f MB", mb) }
        return bytes >= 1000 ? "\(bytes / 1000) KB" : "\(bytes) bytes"
    }

    /// After undoing training (`train`, `step`, `update`), which keeps the learning rate: the rate that stays, and whether
    /// it is the one the undone command ran at (a rate that made it diverge does so again) or one set since; "" otherwise.
    static func learningRateNote(_ snap: TrainerSnapshot, now lr: Double) -> String {
        guard ["train", "step", "update"].contains(snap.label) else { return "" }
        // Every digit a person gave (0.12345, not 0.1235): rates that differ must read apart.
        let texts = Format.rates([lr, snap.learningRate])
        let ran = snap.learningRate == lr ? "the rate it ran at" : "set since it ran at \(texts[1])"
        return "; lr stays \(texts[0]), \(ran) (`lr` to change it)"
    }
}
