import Synchronization

/// One batch cut into two halves, each on a graph of its own with gradients of its own, so that two threads
/// run the halves' forward and backward passes at the same time; the halves' gradients are then added.
///
/// Every sample's values and gradients are those of the whole batch's graph; only the sums over the batch
/// (the loss and the weight and bias gradients) are taken in two parts and then added, which can change
/// their last bits. Whether a batch is cut depends on the model and the batch size alone, never on the
/// number of threads, so a seed gives the same weights on one core as on two.
final class BatchShards {
    /// Rows in the whole batch.
    let rows: Int
    /// The halves' graphs: the first ⌊rows/2⌋ rows, then the rest.
    let graphs: [Graph]
    /// `gradients[s][k]`: half `s`'s gradient of the model's `k`-th parameter.
    let gradients: [[Buffer]]
    /// Set by a thread whose slice of the summed gradients is not finite.
    private let nonFinite = Atomic<Bool>(false)
    /// Whether the halves run on the team or one after the other, from measured step times.
    var pacer = TeamPacer()

    /// Rows each half needs at least: below that a half's products are too small to be worth a thread.
    static let minimumRows = 16
    /// Batch rows × parameter values from which a batch is cut: digits (32 × 17,226) is, tiny (200 × 97)
    /// is not — its whole step takes ~12 µs, in which handing work to a second core gains nothing.
    static let minimumWork = 1 << 18

    /// Whether batches of `rows` rows of `model` are cut in halves: models without dropout (whose masks
    /// are drawn in the whole batch's order) and with enough work per step.
    static func cuts(_ model: Model, rows: Int) -> Bool {
        guard rows >= 2 * minimumRows, rows * model.parameterCount >= minimumWork else { return false }
        return !model.spec.layers.contains { if case .dropout = $0 { return true } else { return false } }
    }

    /// Graphs for the two halves of a `rows`-row batch of `model`; the first carries the penalty.
    init(model: Model, loss: Loss, regularizer: Regularizer, rows: Int) {
        self.rows = rows
        let first = rows / 2
        graphs = [(first, regularizer), (rows - first, Regularizer.none)].map { part, reg in
            Graph(spec: model.spec, parameters: model.parameters, loss: loss, regularizer: reg, rows: part,
                  ownGradients: true, lossShare: Double(part) / Double(rows))
        }
        gradients = graphs.map { g in model.parameters.map { p in g.gradient(of: p) ?? Buffer(count: p.count) } }
    }

    /// Copies the batch's rows `indices` of `data` into the halves' inputs and targets.
    func load(_ indices: ArraySlice<Int>, from data: Dataset) {
        var start = indices.startIndex
        for s in graphs.indices {
            let end = start + graphs[s].rows
            data.copyRows(indices[start..<end], x: graphs[s].input.pointer, y: graphs[s].target.pointer)
            start = end
        }
    }

    /// Runs both halves' forward and backward passes in training mode, one half per thread of the team
    /// (or both on the calling thread when not `onTeam`).
    func forwardBackward(rng: RNG, onTeam: Bool) {
        let graphs = self.graphs
        ThreadTeam.shared.run(alone: !onTeam) { part, parts in
            var scratch = rng  // the halves have no dropout, so nothing is drawn
            var s = part
            while s < graphs.count {
                graphs[s].forward(training: true, rng: &scratch)
                graphs[s].backward()
                s += parts
            }
        }
    }

    /// The batch's mean data loss: the halves' means weighted by their rows.
    var lossValue: Double {
        var sum = 0.0
        for s in graphs.indices { sum += graphs[s].lossValue * Double(graphs[s].rows) }
        return sum / Double(rows)
    }

    /// The penalty (computed by the first half only).
    var penaltyValue: Double { graphs[0].penaltyValue }

    /// Loss plus penalty.
    var totalValue: Double { lossValue + penaltyValue }

    /// Writes the sum of the halves' gradients into each parameter's gradient; false when a sum is not finite.
    ///
    /// Each thread sums the slices of every parameter that the optimizer's shared update gives it
    /// (`Optimizer.slice`), so the sums it writes are still in its cache when it updates them.
    func sumGradients(into parameters: [Parameter], onTeam: Bool) -> Bool {
        nonFinite.store(false, ordering: .relaxed)
        let gradients = self.gradients
        ThreadTeam.shared.run(alone: !onTeam) { part, parts in
            var flags: UInt64 = 0
            for k in parameters.indices {
                let a = gradients[0][k].pointer, b = gradients[1][k].pointer, out = parameters[k].grad.pointer
                for i in Optimizer.slice(parameters[k], part: part, of: parts) {
                    let v = a[i] + b[i]
                    out[i] = v
                    flags |= Buffer.nonFiniteFlag(v)
                }
            }
            if !Buffer.finite(flags) { nonFinite.store(true, ordering: .relaxed) }
        }
        return !nonFinite.load(ordering: .relaxed)
    }

    /// The half whose passes produced a non-finite loss or gradient first (the first half when neither did).
    func firstNonFinite() -> Graph {
        for s in graphs.indices where !graphs[s].totalValue.isFinite { return graphs[s] }
        for s in graphs.indices {
            for i in graphs[s].nodes.indices where !graphs[s].nodes[i].grad.allFinite { return graphs[s] }
        }
        return graphs[0]
    }
}
