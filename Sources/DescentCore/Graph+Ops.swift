/// Each op's forward and backward, side by side.
///
/// Both work on the node list through one unsafe buffer pointer and read each field where it is used, so a
/// visit neither copies a `Node` (with its strings, arrays and buffers to retain and release) nor starts a
/// new exclusivity access per field. Loops over arrays go by index: iterating an array allocates in
/// unoptimised builds.
extension Graph {
    /// Computes node `i` from its inputs.
    func forwardNode(_ i: Int, training: Bool, rng: inout RNG) {
        nodes.withUnsafeBufferPointer { Graph.forward($0, i, training: training, rng: &rng) }
    }

    /// Sends node `i`'s gradient to its inputs (adding to what they hold).
    func backwardNode(_ i: Int) {
        let training = lastForwardTraining, share = lossShare
        nodes.withUnsafeBufferPointer { Graph.backward($0, i, training: training, lossShare: share) }
    }

    /// The forward of node `i` of `nodes`.
    private static func forward(_ nodes: UnsafeBufferPointer<Node>, _ i: Int, training: Bool, rng: inout RNG) {
        let out = nodes[i].value.pointer
        let rows = nodes[i].rows, cols = nodes[i].cols
        switch nodes[i].op {
        case .input, .target, .parameter:
            return
        case .matmul:
            let a = nodes[i].inputs[0], w = nodes[i].inputs[1]
            GEMM.gemm(transA: false, transB: false, m: rows, n: cols, k: nodes[a].cols, alpha: 1,
                      a: nodes[a].value.pointer, lda: nodes[a].cols, b: nodes[w].value.pointer, ldb: cols,
                      beta: 0, c: out, ldc: cols)
        case .biasAdd:
            let y = nodes[nodes[i].inputs[0]].value.pointer, b = nodes[nodes[i].inputs[1]].value.pointer
            addRowVector(b, to: y, rows: rows, cols: cols, stride: cols, into: out)
        case .activation(let act):
            act.forward(nodes[nodes[i].inputs[0]].value.pointer, out, rows: rows, cols: cols)
        case .dropout(let p):
            let a = nodes[nodes[i].inputs[0]].value.pointer, count = rows * cols
            guard training && p > 0, let mask = nodes[i].mask?.pointer else { out.update(from: a, count: count); return }
            let keep = 1 - p, scale = keep > 0 ? 1 / keep : 0
            for k in 0..<count {
                mask[k] = rng.uniform() < keep ? scale : 0
                out[k] = a[k] * mask[k]
            }
        case .loss(let loss):
            let p = nodes[i].inputs[0], y = nodes[i].inputs[1]
            out[0] = loss.value(nodes[p].value.pointer, nodes[y].value.pointer, rows: nodes[p].rows, cols: nodes[p].cols)
        case .penalty(let reg):
            var s = 0.0
            if !reg.isNone {
                for k in nodes[i].inputs.indices {
                    let j = nodes[i].inputs[k]
                    s += reg.value(nodes[j].value.pointer, count: nodes[j].count)
                }
            }
            out[0] = s
        case .add:
            out[0] = nodes[nodes[i].inputs[0]].value[0] + nodes[nodes[i].inputs[1]].value[0]
        }
    }

    /// The backward of node `i` of `nodes`; `training` says whether the forward pass applied dropout masks,
    /// `lossShare` scales what the loss sends back.
    private static func backward(_ nodes: UnsafeBufferPointer<Node>, _ i: Int, training: Bool, lossShare: Double) {
        let g = nodes[i].grad.pointer
        let rows = nodes[i].rows, cols = nodes[i].cols
        switch nodes[i].op {
        case .input, .target, .parameter:
            return
        case .matmul:
            let a = nodes[i].inputs[0], w = nodes[i].inputs[1]
            let width = nodes[a].cols
            // dW += Aᵀ · dC
            GEMM.gemm(transA: true, transB: false, m: width, n: cols, k: rows, alpha: 1,
                      a: nodes[a].value.pointer, lda: width, b: g, ldb: cols,
                      beta: 1, c: nodes[w].grad.pointer, ldc: cols)
            // dA += dC · Wᵀ (not for the features, which need no gradient)
            if case .input = nodes[a].op { return }
            GEMM.gemm(transA: false, transB: true, m: rows, n: width, k: cols, alpha: 1,
                      a: g, lda: cols, b: nodes[w].value.pointer, ldb: cols,
                      beta: 1, c: nodes[a].grad.pointer, ldc: width)
        case .biasAdd:
            let dy = nodes[nodes[i].inputs[0]].grad.pointer, db = nodes[nodes[i].inputs[1]].grad.pointer
            for k in 0..<(rows * cols) { dy[k] += g[k] }
            addColumnSums(of: g, rows: rows, cols: cols, stride: cols, into: db)
        case .activation(let act):
            let z = nodes[i].inputs[0]
            act.backward(z: nodes[z].value.pointer, a: nodes[i].value.pointer, da: g, dz: nodes[z].grad.pointer,
                         rows: rows, cols: cols)
        case .dropout(let p):
            let da = nodes[nodes[i].inputs[0]].grad.pointer, count = rows * cols
            if training && p > 0, let mask = nodes[i].mask?.pointer {
                for k in 0..<count { da[k] += g[k] * mask[k] }
            } else {
                for k in 0..<count { da[k] += g[k] }
            }
        case .loss(let loss):
            let p = nodes[i].inputs[0], y = nodes[i].inputs[1]
            loss.gradient(nodes[p].value.pointer, nodes[y].value.pointer, rows: nodes[p].rows, cols: nodes[p].cols,
                          scale: g[0] * lossShare, into: nodes[p].grad.pointer)
        case .penalty(let reg):
            guard !reg.isNone else { return }
            for k in nodes[i].inputs.indices {
                let j = nodes[i].inputs[k]
                reg.gradient(nodes[j].value.pointer, count: nodes[j].count, scale: g[0], into: nodes[j].grad.pointer)
            }
        case .add:
            nodes[nodes[i].inputs[0]].grad[0] += g[0]
            nodes[nodes[i].inputs[1]].grad[0] += g[0]
        }
    }

    /// db[j] += Σᵣ g[r·stride + j] for j < cols, adding the rows in order (each sum is bit for bit a row-by-row
    /// loop's) with the running sums held in registers, eight columns at a time, rather than stored and reloaded
    /// for every row.
    static func addColumnSums(of g: UnsafePointer<Double>, rows: Int, cols: Int, stride: Int,
                              into db: UnsafeMutablePointer<Double>) {
        var j = 0
        while j + 8 <= cols {
            var sum = UnsafeRawPointer(db + j).loadUnaligned(as: SIMD8<Double>.self)
            for r in 0..<rows { sum += UnsafeRawPointer(g + r * stride + j).loadUnaligned(as: SIMD8<Double>.self) }
            UnsafeMutableRawPointer(db + j).storeBytes(of: sum, as: SIMD8<Double>.self)
            j += 8
        }
        while j < cols {
            var sum = db[j]
            for r in 0..<rows { sum += g[r * stride + j] }
            db[j] = sum
            j += 1
        }
    }

    /// out[r·stride + j] = y[r·stride + j] + b[j] for j < cols: eight columns of b held in a register while the
    /// rows stream by, then any last columns one at a time.
    static func addRowVector(_ b: UnsafePointer<Double>, to y: UnsafePointer<Double>, rows: Int, cols: Int,
                             stride: Int, into out: UnsafeMutablePointer<Double>) {
        var j = 0
        while j + 8 <= cols {
            let bj = UnsafeRawPointer(b + j).loadUnaligned(as: SIMD8<Double>.self)
            for r in 0..<rows {
                let yr = UnsafeRawPointer(y + r * stride + j).loadUnaligned(as: SIMD8<Double>.self)
                UnsafeMutableRawPointer(out + r * stride + j).storeBytes(of: yr + bj, as: SIMD8<Double>.self)
            }
            j += 8
        }
        while j < cols {
            let bj = b[j]
            for r in 0..<rows { out[r * stride + j] = y[r * stride + j] + bj }
            j += 1
        }
    }
}
