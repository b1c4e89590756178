/// Each op's forward and backward, side by side.
extension Graph {
    /// Computes node `i` from its inputs.
    func forwardNode(_ i: Int, training: Bool, rng: inout RNG) {
        let n = nodes[i]
        let out = n.value.pointer
        switch n.op {
        case .input, .target, .parameter:
            return
        case .matmul:
            let a = nodes[n.inputs[0]], w = nodes[n.inputs[1]]
            GEMM.gemm(transA: false, transB: false, m: a.rows, n: w.cols, k: a.cols, alpha: 1,
                      a: a.value.pointer, lda: a.cols, b: w.value.pointer, ldb: w.cols,
                      beta: 0, c: out, ldc: n.cols)
        case .biasAdd:
            let y = nodes[n.inputs[0]].value.pointer, b = nodes[n.inputs[1]].value.pointer
            let cols = n.cols
            for r in 0..<n.rows {
                let o = out + r * cols, yr = y + r * cols
                for j in 0..<cols { o[j] = yr[j] + b[j] }
            }
        case .activation(let act):
            act.forward(nodes[n.inputs[0]].value.pointer, out, rows: n.rows, cols: n.cols)
        case .dropout(let p):
            let a = nodes[n.inputs[0]].value.pointer
            guard training && p > 0, let mask = n.mask?.pointer else { out.update(from: a, count: n.count); return }
            let keep = 1 - p, scale = keep > 0 ? 1 / keep : 0
            for k in 0..<n.count {
                mask[k] = rng.uniform() < keep ? scale : 0
                out[k] = a[k] * mask[k]
            }
        case .loss(let loss):
            let p = nodes[n.inputs[0]], y = nodes[n.inputs[1]]
            out[0] = loss.value(p.value.pointer, y.value.pointer, rows: p.rows, cols: p.cols)
        case .penalty(let reg):
            var s = 0.0
            if !reg.isNone { for j in n.inputs { s += reg.value(nodes[j].value.pointer, count: nodes[j].count) } }
            out[0] = s
        case .add:
            out[0] = nodes[n.inputs[0]].value[0] + nodes[n.inputs[1]].value[0]
        }
    }

    /// Sends node `i`'s gradient to its inputs (adding to what they hold).
    func backwardNode(_ i: Int) {
        let n = nodes[i]
        let g = n.grad.pointer
        switch n.op {
        case .input, .target, .parameter:
            return
        case .matmul:
            let a = nodes[n.inputs[0]], w = nodes[n.inputs[1]]
            // dW += Aᵀ · dC
            GEMM.gemm(transA: true, transB: false, m: a.cols, n: w.cols, k: a.rows, alpha: 1,
                      a: a.value.pointer, lda: a.cols, b: g, ldb: n.cols,
                      beta: 1, c: w.grad.pointer, ldc: w.cols)
            // dA += dC · Wᵀ (not for the features, which need no gradient)
            if case .input = a.op { return }
            GEMM.gemm(transA: false, transB: true, m: a.rows, n: a.cols, k: w.cols, alpha: 1,
                      a: g, lda: n.cols, b: w.value.pointer, ldb: w.cols,
                      beta: 1, c: a.grad.pointer, ldc: a.cols)
        case .biasAdd:
            let dy = nodes[n.inputs[0]].grad.pointer, db = nodes[n.inputs[1]].grad.pointer
            let cols = n.cols
            for r in 0..<n.rows {
                let gr = g + r * cols, dyr = dy + r * cols
                for j in 0..<cols { dyr[j] += gr[j]; db[j] += gr[j] }
            }
        case .activation(let act):
            let z = nodes[n.inputs[0]]
            act.backward(z: z.value.pointer, a: n.value.pointer, da: g, dz: z.grad.pointer, rows: n.rows, cols: n.cols)
        case .dropout(let p):
            let da = nodes[n.inputs[0]].grad.pointer
            if lastForwardTraining && p > 0, let mask = n.mask?.pointer {
                for k in 0..<n.count { da[k] += g[k] * mask[k] }
            } else {
                for k in 0..<n.count { da[k] += g[k] }
            }
        case .loss(let loss):
            let p = nodes[n.inputs[0]], y = nodes[n.inputs[1]]
            loss.gradient(p.value.pointer, y.value.pointer, rows: p.rows, cols: p.cols, scale: g[0], into: p.grad.pointer)
        case .penalty(let reg):
            guard !reg.isNone else { return }
            for j in n.inputs {
                reg.gradient(nodes[j].value.pointer, count: nodes[j].count, scale: g[0], into: nodes[j].grad.pointer)
            }
        case .add:
            nodes[n.inputs[0]].grad[0] += g[0]
            nodes[n.inputs[1]].grad[0] += g[0]
        }
    }
}
