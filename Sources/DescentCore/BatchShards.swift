/// One batch cut into two halves, each on a graph of its own with gradients of its own, so that two threads
/// run the halves' forward and backward passes at the same time; the halves' gradients are then added.
///
/// Every sample's values and gradients are those of the whole batch's graph; only the sums over the batch
/// (the loss and the weight and bias gradients) are taken in two parts and then added, which can change
/// their last bits. Whether a batch is cut depends on the model and the batch size alone, never on the
/// number of threads, so a seed gives the same weights on one core as on two.
final class BatchShards: TeamJob {
    /// Rows in the whole batch.
    let rows: Int
    /// The halves' graphs: the first ⌊rows/2⌋ rows, then the rest.
    let graphs: [Graph]
    /// `gradients[s][k]`: half `s`'s gradient of the model's `k`-th parameter (kept alive here).
    let gradients: [[Buffer]]
    /// The two halves' gradients of each parameter, as raw pointers for the team's threads (see
    /// `ParameterSlots`: reading the arrays above from two threads would retain and release them).
    private let halves: UnsafeMutableBufferPointer<(UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>)>
    /// What the team does when it runs this job: both halves' passes, or the sums and the update.
    private enum Stage { case passes, update }
    private var stage = Stage.passes
    /// The update that ends a step, and the model's parameters as raw pointers.
    private var update: SummedUpdate
    /// Whether the halves run on the team or one after the other, from measured step times.
    let pacer = TeamPacer()

    /// Rows each half needs at least: below that a half's products are too small to be worth a thread.
    static let minimumRows = 16

    /// Whether batches of `rows` rows of `model` are cut in halves: models without dropout (whose masks
    /// are drawn in the whole batch's order) and with enough work per step.
    static func cuts(_ model: Model, rows: Int) -> Bool {
        guard rows >= 2 * minimumRows, rows * model.parameterCount >= ThreadTeam.minimumStepWork else { return false }
        return !model.spec.hasDropout
    }

    /// Graphs for the two halves of a `rows`-row batch of `model`; the first carries the penalty.
    init(model: Model, loss: Loss, regularizer: Regularizer, rows: Int) {
        self.rows = rows
        let first = rows / 2
        graphs = [(first, regularizer), (rows - first, Regularizer.none)].map { part, reg in
            Graph(spec: model.spec, parameters: model.parameters, loss: loss, regularizer: reg, rows: part,
                  ownGradients: true, lossShare: Double(part) / Double(rows))
        }
        let halvesGradients = graphs.map { g in model.parameters.map { p in g.gradient(of: p) ?? Buffer(count: p.count) } }
        gradients = halvesGradients
        halves = .allocate(capacity: model.parameters.count)
        _ = halves.initialize(from: model.parameters.indices.map {
            (halvesGradients[0][$0].pointer, halvesGradients[1][$0].pointer)
        })
        update = SummedUpdate(model.parameters)
    }

    deinit { halves.deallocate() }

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
    /// (or both on the calling thread when not `onTeam`). The halves have no dropout: nothing is drawn.
    func forwardBackward(onTeam: Bool) {
        stage = .passes
        ThreadTeam.shared.run(alone: !onTeam, self)
    }

    /// Calls `run(part:parts:)` on the step the context holds unretained (`ThreadTeam.run(alone:_:)`).
    static let teamEntry: ThreadTeam.Entry = { context, part, parts in
        Unmanaged<BatchShards>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.run(part: part, parts: parts) }
    }

    /// Thread `part` of `parts`'s share of the stage under way.
    func run(part: Int, parts: Int) {
        switch stage {
        case .passes:
            var scratch = RNG(seed: 0)  // unused: no dropout
            var s = part
            while s < graphs.count {
                graphs[s].forward(training: true, rng: &scratch)
                graphs[s].backward()
                s += parts
            }
        case .update:
            sumAndApply(part: part, parts: parts)
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

    /// Writes the sum of the halves' gradients into each parameter's gradient and, when every sum is finite,
    /// applies `optimizer`'s update; returns false (nothing updated) when a sum is not finite.
    ///
    /// Each thread sums and then updates the same slices of every parameter (`Optimizer.slice`), so the sums
    /// it writes are still in its cache when it updates them; the threads wait for each other in between.
    func sumAndUpdate(_ parameters: [Parameter], optimizer: inout Optimizer, onTeam: Bool) -> Bool {
        update.begin(parameters, optimizer: &optimizer)
        stage = .update
        ThreadTeam.shared.run(alone: !onTeam, self)
        return update.end(optimizer: &optimizer)
    }

    /// Thread `part`'s slices: the halves' gradients added (and checked), a wait, then the update.
    private func sumAndApply(part: Int, parts: Int) {
        var flags: UInt64 = 0
        for k in 0..<update.slots.count {
            let (a, b) = halves[k], out = update.slots[k].grad
            for i in Optimizer.slice(update.slots[k].count, part: part, of: parts) {
                let v = a[i] + b[i]
                out[i] = v
                flags |= Buffer.nonFiniteFlag(v)
            }
        }
        update.apply(flags: flags, part: part, parts: parts)
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
