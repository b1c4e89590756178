import DescentCore
import DescentLanguage
import DescentText

/// Parameter and node names, gradient readiness and entries, for the commands that inspect and edit.
extension Workspace {
    /// Names of the parameters the current configuration has (W1, b1, …).
    func parameterNames() -> [String] {
        if let m = model { return m.parameters.map(\.name) }
        var names: [String] = [], k = 0
        for case let .dense(_, _, bias, _) in layers { k += 1; names.append("W\(k)"); if bias { names.append("b\(k)") } }
        return names
    }

    /// Names of the nodes of the graph under inspection.
    func nodeNames() -> [String] { inspected?.nodes.map(\.name) ?? [] }

    /// Whether `part` is one of `letters` then a number from 1 (`Z1`, `b12`).
    static func numbered(_ part: Substring, _ letters: String) -> Bool {
        guard let first = part.first, letters.contains(first), part.count > 1 else { return false }
        return part.dropFirst().allSatisfy { "0123456789".contains($0) } && part.dropFirst().first != "0"
    }

    /// Whether `word` is a name a forward pass gives a node (`X`, `XW1`, `A1W2`, `Z1`, `A1`, `D1`, `y`, `loss`, `penalty`,
    /// `total`), whichever model makes it.
    static func isNodeName(_ word: String) -> Bool {
        if ["X", "y", "loss", "penalty", "total"].contains(word) { return true }
        if numbered(Substring(word), "ZAD") { return true }
        // A product: X, A1 or D1 times a weight matrix.
        guard let w = word.lastIndex(of: "W"), w > word.startIndex else { return false }
        let left = word[..<w]
        return numbered(word[w...], "W") && (left == "X" || numbered(left, "AD"))
    }

    /// Whether parameter `name`'s gradient is current: computed by a backward pass under way that has
    /// reached it, by a whole backward on the step under way, or by the last step — and not made stale
    /// since by `undo`, `set`, `load`, or a new loss or regularizer.
    func gradientReady(_ name: String) -> Bool {
        guard let t = trainer ?? carryOver else { return false }
        if let g = inspected, g.backwardDone != nil, let p = g.index(of: name) { return Workspace.gradientArrived(g, p) }
        return !t.gradientsStale && (t.phase == .backwarded || t.stepCount > 0)
    }

    /// When the gradients the parameters hold are those the last step's update used (computed before it moved the
    /// parameters) and no backward pass has run since: a note saying so, for `show grads`.
    func usedGradientsNote() -> String? {
        guard let t = trainer, let used = gradientsUsedByStep, used == t.stepCount, t.phase != .backwarded,
              inspected?.backwardDone == nil else { return nil }
        return "(these are the gradients step \(used)'s update used, computed before it moved the parameters; "
            + "`backward` computes them at the parameters now)"
    }

    /// Why parameter `name`'s gradient is not current, naming it `subject`: a backward pass under way that has not
    /// reached it yet or has sent only part of it (a weight's penalty share before its matmul's), else `staleGradient`.
    func staleGradient(_ name: String, subject: String) -> String {
        guard let g = inspected, let done = g.backwardDone, !g.backwardComplete, let p = g.index(of: name) else {
            return staleGradient(subject)
        }
        // A penalty without a regularizer sends nothing: having passed it is not having sent part of the gradient.
        let readers = Workspace.readers(of: p, in: g).filter { r in
            if case .penalty(let reg) = g.nodes[r].op { return !reg.isNone }
            return true
        }
        let pending = readers.filter { r in g.backwardOrder.firstIndex(of: r).map { $0 >= done } ?? false }.map { g.nodes[$0].name }
        let to = pending.joined(separator: ", ")
        return pending.count < readers.count
            ? "the backward pass under way has sent only part of \(subject); the rest comes from \(to)"
            : "the backward pass under way has not reached \(subject) yet; it comes from \(to)"
    }

    /// Why a parameter's gradient is not current (`gradientReady`) when no backward pass is under way, naming it as
    /// `subject` (its name, "it" or "them"): a forward pass by hand waits for its backward, or the parameters, loss or
    /// regularizer changed since the last backward pass, or none has run.
    func staleGradient(_ subject: String) -> String {
        if let g = inspected, g.backwardDone == nil {
            return "the forward pass under way has had no backward pass yet"
        }
        if let t = trainer ?? carryOver, t.gradientsStale {
            return "no backward pass has reached \(subject) since the parameters, loss or regularizer last changed (set, load, undo, loss, regularize)"
        }
        return "no backward pass has reached \(subject) since the model was built or the data, split or normalisation last changed"
    }

    /// Whether the backward pass under way on `g` has given node `i` its whole gradient: it has passed the
    /// node itself, or (a parameter, a leaf) every node that reads it. The data, the target and the nodes
    /// off the gradient path (`offGradientPath`) get none.
    static func gradientArrived(_ g: Graph, _ i: Int) -> Bool {
        guard let done = g.backwardDone else { return false }
        if let k = g.backwardOrder.firstIndex(of: i) { return k <= done }
        guard case .parameter = g.nodes[i].op else { return false }
        return readers(of: i, in: g).allSatisfy { r in g.backwardOrder.firstIndex(of: r).map { $0 < done } ?? true }
    }

    /// Refuses a pass by hand whose whole-batch graph would not fit (`Fit.checkHandPass`); a pass under way is built.
    func checkHandPassFits(_ t: Trainer) throws {
        guard t.currentGraph == nil else { return }
        try Fit.checkHandPass(spec: t.model.spec, samples: data?.count ?? 0, rows: t.nextBatchRows)
    }

    /// Why backward never computes a gradient for node `i`, which computes a value (not the data, the target or a
    /// parameter) off the path from the parameters to the total: the output when the loss reads its logits, or a
    /// node that depends on no parameter (dropout on the data); nil for a node on the path.
    static func offGradientPath(_ g: Graph, _ i: Int) -> String? {
        let n = g.nodes[i]
        guard !n.op.isLeaf, !g.backwardOrder.contains(i) else { return nil }
        if i == g.outputIndex && g.lossInputIndex != g.outputIndex {
            let logits = g.nodes[g.lossInputIndex].name
            return "\(n.name) is not on the gradient path: the loss (\(g.loss)) reads the logits \(logits), not \(n.name) = "
                + "\(n.op.name)(\(logits)) (\(n.op.name) and \(g.loss) computed as one, the stable form), so backward computes "
                + "no dL/d\(n.name); the gradient there is dL/d\(logits) (`show \(logits)`)"
        }
        return "\(n.name) is not on the gradient path: it depends on no parameter, so backward computes no dL/d\(n.name)"
    }

    /// The nodes of `g` that read node `i`.
    static func readers(of i: Int, in g: Graph) -> [Int] { g.nodes.indices.filter { g.nodes[$0].inputs.contains(i) } }

    /// After `set` or `load` changed parameters: the graph under inspection and a step under way are dropped
    /// (a batch drawn by hand goes back to the sampler), and the gradients held are no longer current.
    func parametersChangedByHand() {
        inspected = nil
        trainer?.discardPending()
        trainer?.gradientsStale = true
    }

    /// A parameter entry, checked against the shape.
    func entry(_ model: Model, _ name: String, _ index: [Int]) throws -> (Parameter, Int) {
        guard let p = model.parameter(name) else {
            let names = model.parameters.map(\.name)
            let hint = Suggest.hint(name, in: names) ?? " (the model has \(names.joined(separator: ", ")))"
            throw ShellError("no parameter '\(name.shortened())'" + hint)
        }
        guard index.count == p.shape.count else {
            let example = "\(name)[" + p.shape.map { _ in "0" }.joined(separator: ",") + "]"
            throw ShellError("\(name) has shape \(Tensor.describe(p.shape)), so an entry takes \(Format.counted(p.shape.count, "index", plural: "indices")), like \(example); got \(index.count)")
        }
        guard let off = p.offset(of: index) else {
            throw ShellError("\(name) has shape \(Tensor.describe(p.shape)); index [\(index.map(String.init).joined(separator: ","))] is outside it (indices start at 0)")
        }
        return (p, off)
    }
}

extension Workspace {
    /// lr·λ₁ when L1 is on and the optimizer is plain SGD (no momentum): how far its subgradient steps a weight at
    /// zero, for `show weights`' sparsity line; nil otherwise.
    var l1Step: Double? {
        guard regularizer.l1 > 0, case .sgd(let momentum, _) = optimizerKind, momentum == 0 else { return nil }
        return currentRate * regularizer.l1
    }
}
