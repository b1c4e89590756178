import DescentCore

/// Words and formulas for one node's backward rule, with the numbers of the current pass.
enum BackpropText {
    /// The rule by which node `i` sends its gradient to its inputs, as formulas.
    static func rule(_ g: Graph, _ i: Int) -> [String] {
        let n = g.nodes[i]
        let inputs = n.inputs.map { g.nodes[$0].name }
        switch n.op {
        case .add:
            return ["\(n.name) = \(inputs.joined(separator: " + "))", "local derivative 1 to each input",
                    inputs.map { "dL/d\($0) += dL/d\(n.name)" }.joined(separator: ";  ")]
        case .penalty(let r):
            if r.isNone { return ["penalty = 0 (no regularizer): sends nothing"] }
            var d: [String] = []
            if r.l1 != 0 { d.append("\(Format.short(r.l1))·sign(W)") }
            if r.l2 != 0 { d.append("2·\(Format.short(r.l2))·W") }
            return ["penalty = \(r.formula) over \(inputs.joined(separator: ", "))",
                    "local derivative d(penalty)/dW = \(d.joined(separator: " + "))",
                    inputs.map { "dL/d\($0) += dL/dpenalty · (\(d.joined(separator: " + ").replacingOccurrences(of: "W", with: $0)))" }.joined(separator: ";  ")]
        case .loss(let l):
            let p = inputs[0]
            var lines = ["\(l.formula)   (\(l.inputSymbol) = \(p))", "local derivative \(l.gradientFormula)", "dL/d\(p) = dL/dloss · \(l.gradientRule)"]
            if g.lossInputIndex != g.outputIndex, let fused = l.fusedActivation {
                lines.append("(the loss reads the logits \(p) directly, so \(g.output.name) = \(fused)(\(p)) is not on the gradient path — it is the stable form)")
            }
            return lines
        case .activation(let act):
            return ["\(n.name) = \(act)(\(inputs[0]))" + (act == .softmax ? "  (each row on its own)" : ""),
                    "local derivative \(act.derivativeFormula(input: inputs[0], output: n.name))"
                        + (act == .softmax ? " (δᵢⱼ = 1 if i = j, else 0): softmax mixes a row's entries, so it is not element-wise" : ""),
                    act == .softmax ? softmaxRule(output: n.name, input: inputs[0]) + "  (per row)"
                                    : "dL/d\(inputs[0]) = dL/d\(n.name) ⊙ f'(\(inputs[0]))"]
        case .biasAdd:
            return ["\(n.name) = \(inputs[0]) + \(inputs[1])  (\(inputs[1]) added to every row)", "local derivative 1",
                    "dL/d\(inputs[0]) = dL/d\(n.name);  dL/d\(inputs[1]) = Σ over rows of dL/d\(n.name)"]
        case .matmul:
            let a = inputs[0], w = inputs[1]
            var lines = ["\(n.name) = \(a)·\(w)", "dL/d\(w) = \(a)ᵀ · dL/d\(n.name)"]
            if case .input = g.nodes[n.inputs[0]].op { lines.append("(\(a) is the data: no gradient needed)") }
            else { lines.append("dL/d\(a) = dL/d\(n.name) · \(w)ᵀ") }
            return lines
        case .dropout(let p):
            guard g.lastForwardTraining && p > 0 else {
                let why = p > 0 ? "evaluation mode: no dropout" : "p = 0: nothing dropped"
                return ["\(n.name) = \(inputs[0])  (\(why))", "local derivative 1", "dL/d\(inputs[0]) = dL/d\(n.name)"]
            }
            return ["\(n.name) = \(inputs[0]) ⊙ mask / (1 − \(Format.short(p)))  (mask: 1 kept, 0 dropped; `show \(n.name)` prints it)",
                    "local derivative mask / (1 − \(Format.short(p))): \(Format.sig(1 / (1 - p), 4)) where kept, 0 where dropped",
                    "dL/d\(inputs[0]) = dL/d\(n.name) ⊙ mask / (1 − \(Format.short(p)))"]
        case .input, .target, .parameter:
            return []
        }
    }

    /// The gradients node `i` contributes to, as printed after a backward step.
    static func sent(_ g: Graph, _ i: Int) -> [Int] {
        let n = g.nodes[i]
        if case .penalty(let r) = n.op, r.isNone { return [] }   // no regularizer: nothing goes to the weights
        return n.inputs.filter { j in
            if case .input = g.nodes[j].op { return false }
            if case .target = g.nodes[j].op { return false }
            return true
        }
    }

    /// For each node, the nodes that read it.
    static func consumers(_ g: Graph) -> [[Int]] {
        var c = [[Int]](repeating: [], count: g.nodes.count)
        for (i, n) in g.nodes.enumerated() { for j in n.inputs { c[j].append(i) } }
        return c
    }

    /// The chain from the total down to parameter node `p`: each path is a list of node indices, total first.
    static func paths(_ g: Graph, to p: Int) -> [[Int]] {
        let c = consumers(g)
        var result: [[Int]] = []
        func walk(_ i: Int, _ path: [Int]) {
            let here = [i] + path
            if i == g.totalIndex { result.append(here); return }
            for k in c[i] where g.backwardOrder.contains(k) { walk(k, here) }
        }
        walk(p, [])
        return result
    }

    /// Softmax's backward rule with the graph's names: `dL/dZ1 = A1 ⊙ (dL/dA1 − Σⱼ dL/dA1ⱼ·A1ⱼ)`.
    static func softmaxRule(output a: String, input z: String) -> String {
        "dL/d\(z) = \(a) ⊙ (dL/d\(a) − Σⱼ dL/d\(a)ⱼ·\(a)ⱼ)"
    }
}
