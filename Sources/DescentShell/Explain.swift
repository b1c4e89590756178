import DescentCore
import DescentText

/// `explain`: the chain rule for one parameter's gradient, from the loss down, with the current numbers.
enum Explain {
    static func text(_ g: Graph, param p: Int, index: [Int]?) -> String {
        let pn = g.nodes[p]
        var lines = ["dL/d\(pn.name) by the chain rule, from L = total = loss + penalty down (\(Format.counted(g.rows, "row"))):"]
        for path in BackpropText.paths(g, to: p) where !isZeroPenalty(g, path) {
            let down = path   // total, …, parameter
            lines.append("path " + down.map { g.nodes[$0].name }.joined(separator: " → "))
            if g.lossInputIndex != g.outputIndex && down.contains(g.lossInputIndex) {
                let out = g.output, logits = g.nodes[g.lossInputIndex].name
                lines.append("  (\(out.name) = \(out.op.name)(\(logits)) is not on the path: the loss reads the logits \(logits))")
            }
            for k in 0..<(down.count - 1) {
                let child = down[k + 1]
                lines.append("  " + edge(g, down[k], child))
                if child != p && !g.nodes[child].shape.isEmpty {
                    lines.append(Printer.indent(Printer.node(g.nodes[child], gradient: true), by: 4))
                }
            }
        }
        if let index, let off = Tensor.offset(of: index, in: pn.shape) {
            lines += entry(g, p, index: index, offset: off)
        } else {
            lines.append(Printer.node(pn, gradient: true))
        }
        return lines.joined(separator: "\n")
    }

    /// True for the path through a penalty node when there is no regularizer (it contributes nothing).
    static func isZeroPenalty(_ g: Graph, _ path: [Int]) -> Bool {
        path.contains { i in if case .penalty(let r) = g.nodes[i].op { return r.isNone } else { return false } }
    }

    /// How node `node` passes its gradient to its input `child`, as one formula.
    static func edge(_ g: Graph, _ node: Int, _ child: Int) -> String {
        let n = g.nodes[node], c = g.nodes[child].name, d = "dL/d\(c)"
        switch n.op {
        case .add: return "\(d) = dL/d\(n.name) (a sum passes its gradient on)"
        case .penalty(let r):
            var terms: [String] = []
            if r.l1 != 0 { terms.append("\(Format.short(r.l1))·sign(\(c))") }
            if r.l2 != 0 { terms.append("2·\(Format.short(r.l2))·\(c)") }
            return "\(d) += dL/dpenalty · (\(terms.joined(separator: " + ")))"
        case .loss(let l):
            return "\(d) = dL/dloss · \(l.gradientRule)   (\(l.formula); \(l.meanOver))"
        case .activation(let act):
            if act == .softmax {
                return BackpropText.softmaxRule(output: n.name, input: c) + " per row,  from "
                    + act.derivativeFormula(input: c, output: n.name) + " (softmax is not element-wise)"
            }
            return "\(d) = dL/d\(n.name) ⊙ f'(\(c)),  \(act.derivativeFormula(input: c, output: n.name))"
        case .biasAdd:
            return n.inputs.first == child ? "\(d) = dL/d\(n.name) (adding a bias passes the gradient on)"
                                          : "\(d) = Σ over rows of dL/d\(n.name)"
        case .matmul:
            let a = g.nodes[n.inputs[0]].name, w = g.nodes[n.inputs[1]].name
            return n.inputs.first == child ? "\(d) = dL/d\(n.name) · \(w)ᵀ" : "\(d) = \(a)ᵀ · dL/d\(n.name)"
        case .dropout(let p):
            return "\(d) = dL/d\(n.name) ⊙ mask / (1 − \(Format.short(p)))"
        case .input, .target, .parameter:
            return ""
        }
    }

    /// One entry written out as the sum over rows, plus the penalty's share, each sum's terms printed so that they add
    /// up to its printed total (`sum`).
    static func entry(_ g: Graph, _ p: Int, index: [Int], offset: Int) -> [String] {
        let pn = g.nodes[p]
        let label = Format.entry(pn.name, index)
        var lines: [String] = []
        let c = BackpropText.consumers(g)
        for k in c[p] {
            let n = g.nodes[k]
            switch n.op {
            case .matmul:
                // W[i,j]: Σ_r A[r,i] · dL/dOut[r,j]
                let a = g.nodes[n.inputs[0]], i = index[0], j = index.count > 1 ? index[1] : 0
                let shown = termsShown(a.rows, 6)
                var terms: [[Double]] = [], dataPart = 0.0
                for r in 0..<a.rows {
                    let x = a.value[r * a.cols + i], d = n.grad[r * n.cols + j]
                    dataPart += x * d
                    if r < shown { terms.append([x, d]) }
                }
                lines.append("dL/d\(label) from the data loss = Σ_r \(a.name)[r,\(i)] · dL/d\(n.name)[r,\(j)]")
                lines.append("  = " + sum(terms, total: dataPart, more: a.rows > shown ? "… (\(Format.counted(a.rows - shown, "more row")))" : nil))
            case .biasAdd:
                let j = index[0], shown = termsShown(n.rows, 8)
                var terms: [[Double]] = [], dataPart = 0.0
                for r in 0..<n.rows {
                    let d = n.grad[r * n.cols + j]
                    dataPart += d
                    if r < shown { terms.append([d]) }
                }
                lines.append("dL/d\(label) = Σ_r dL/d\(n.name)[r,\(j)] = " + sum(terms, total: dataPart, more: n.rows > shown ? "… (\(Format.counted(n.rows - shown, "more row")))" : nil))
            case .penalty(let r) where !r.isNone:
                lines.append("dL/d\(label) from the penalty = " + penaltyShare(r, weight: pn.value[offset], dPenalty: n.grad[0]))
            default: break
            }
        }
        // The whole gradient (data and penalty), in maths' notation as the sums are, with the digits it keeps beyond theirs.
        let gradient = pn.grad[offset], full = math(gradient, fullDigits)
        lines.append("dL/d\(label) = \(full)" + (full == math(gradient, totalDigits) ? ""
            : " (to \(fullDigits) significant digits; the sums above round to \(totalDigits))"))
        return lines
    }

    /// How many of `rows` terms a sum writes out: the first `limit`, or all of them when only one more would be left,
    /// which takes no more room than the `… (1 more row)` it would be.
    static func termsShown(_ rows: Int, _ limit: Int) -> Int { rows <= limit + 1 ? rows : limit }

    /// A weight's share of the penalty's gradient, `λ₁·sign(w) + 2·λ₂·w` with the numbers, and its value.
    static func penaltyShare(_ r: Regularizer, weight w: Double, dPenalty: Double) -> String {
        let sign: Double = w > 0 ? 1 : (w < 0 ? -1 : 0)
        let share = (r.l1 * sign + 2 * r.l2 * w) * dPenalty
        var digits = totalDigits
        while digits < maxFactorDigits && !addsUp([[r.l1, sign], [2, r.l2, w]], digits: digits, to: share) { digits += 1 }
        var parts: [String] = []
        if r.l1 != 0 { parts.append("\(r.l1.plainText)·sign(\(math(w, digits)))") }
        if r.l2 != 0 { parts.append("2·\(r.l2.plainText)·" + (w < 0 ? "(\(math(w, digits)))" : math(w, digits))) }
        return parts.joined(separator: " + ") + " = " + math(share, totalDigits)
    }
}
