/// A batch of more rows than one block (`Trainer.blockRows`), run a block at a time through graphs of one
/// block each, so that a full-batch step on a large set holds one block's values and gradients rather than
/// the whole batch's (300,000 rows of a 64-unit model took 2.2 GB in one graph).
///
/// Two lanes take every other block (lane 0 the even blocks, lane 1 the odd ones) and add their blocks'
/// gradients into sums of their own; the lanes run on the team's two threads, or one after the other on the
/// calling thread, and their sums are then added, with the penalty's gradient, in the same order either way:
/// a seed gives the same bits on one core as on two. Dropout masks come from a stream per block, derived
/// from one draw of the trainer's dropout stream, so they do not depend on the threads either. The sums
/// over the batch are taken block by block, so a step can differ in the last bits from the whole batch's
/// graph (`forward`, `backward`, `update` by hand).
final class BlockedBatch: TeamJob {
    /// Rows in the whole batch.
    let rows: Int
    /// Rows in each block but the last, which may have fewer.
    let blockRows: Int
    /// Blocks in the batch (at least 2).
    let blockCount: Int
    /// The two lanes.
    private let lanes: [Lane]
    /// The update that ends a step, and the model's parameters as raw pointers.
    private var update: SummedUpdate
    /// The two lanes' gradient sums of each parameter, as raw pointers for the update stage's threads. (The passes'
    /// threads read the lanes' arrays and graphs themselves: their retains cost nothing beside a 4,096-row block.)
    private let sums: UnsafeMutableBufferPointer<(UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>)>
    /// Whether each parameter is a weight matrix (the penalty's).
    private let isWeight: [Bool]
    private let regularizer: Regularizer
    /// What the team does when it runs this job: the lanes' passes, or the sums and the update.
    private enum Stage { case passes, update }
    private var stage = Stage.passes
    /// The step under way's batch (row indices of `data`) and the seed of its blocks' dropout streams.
    private var batch: ArraySlice<Int> = []
    private var data: Dataset?
    private var dropoutKey: UInt64 = 0
    /// The penalty at the step's parameters (computed before the passes).
    private(set) var penaltyValue = 0.0
    /// Whether the lanes run on the team or one after the other, from measured step times.
    let pacer = TeamPacer()

    /// One lane: graphs for its blocks and the sums of its blocks' gradients.
    private final class Lane {
        /// A block of `blockRows` rows, and its gradient of each parameter.
        let block: Graph, blockGradients: [Buffer]
        /// The last block, when it is shorter and falls to this lane, and its gradients.
        let last: (graph: Graph, gradients: [Buffer])?
        /// The sum of the lane's blocks' gradients of each parameter.
        let sums: [Buffer]
        /// The sum of the lane's blocks' mean losses, each times its rows.
        var lossSum = 0.0
        /// The lane's block whose loss (`gradient` false) or gradient was not finite, which stopped the lane.
        var stop: (graph: Graph, gradient: Bool)?

        init(block: Graph, last: Graph?, parameters: [Parameter]) {
            func gradients(_ g: Graph) -> [Buffer] { parameters.map { g.gradient(of: $0) ?? Buffer(count: $0.count) } }
            self.block = block; blockGradients = gradients(block)
            self.last = last.map { ($0, gradients($0)) }
            sums = parameters.map { Buffer(count: $0.count) }
        }
    }

    /// Graphs for the blocks of a `rows`-row batch of `model`, `blockRows` rows at a time (rows > blockRows ≥ 1).
    init(model: Model, loss: Loss, regularizer: Regularizer, rows: Int, blockRows: Int) {
        self.rows = rows; self.blockRows = blockRows; self.regularizer = regularizer
        blockCount = (rows + blockRows - 1) / blockRows
        let lastRows = rows - (blockCount - 1) * blockRows
        func graph(_ part: Int) -> Graph {
            Graph(spec: model.spec, parameters: model.parameters, loss: loss, regularizer: .none, rows: part,
                  ownGradients: true, lossShare: Double(part) / Double(rows))
        }
        let lastLane = (blockCount - 1) % 2
        lanes = (0..<2).map { l in
            Lane(block: graph(blockRows), last: lastRows < blockRows && l == lastLane ? graph(lastRows) : nil,
                 parameters: model.parameters)
        }
        sums = .allocate(capacity: model.parameters.count)
        let lanes = self.lanes
        _ = sums.initialize(from: model.parameters.indices.map { (lanes[0].sums[$0].pointer, lanes[1].sums[$0].pointer) })
        isWeight = model.parameters.map(\.isWeight)
        update = SummedUpdate(model.parameters)
    }

    deinit { sums.deallocate() }

    /// The stream block `block`'s dropout masks come from, in a step whose key (one draw of the dropout stream) is `key`.
    static func maskStream(key: UInt64, block: Int) -> RNG { RNG(seed: key).derived(stream: UInt64(block)) }

    /// The streams of `blocks` blocks' masks (`maskStream`).
    static func maskStreams(key: UInt64, blocks: Int) -> [RNG] { (0..<blocks).map { maskStream(key: key, block: $0) } }

    /// Whether batches of `rows` rows are run in blocks of `blockRows`.
    static func cuts(rows: Int, blockRows: Int) -> Bool { rows > max(1, blockRows) }

    /// Runs the forward and backward passes of every block of the batch `indices` of `data`, the lanes on
    /// the team's threads (or one after the other on the calling thread when not `onTeam`); `dropout` gives
    /// the seed of the blocks' dropout streams. The penalty is taken first, at the parameters the passes see.
    func forwardBackward(_ indices: ArraySlice<Int>, from data: Dataset, dropout: inout RNG, onTeam: Bool) {
        batch = indices; self.data = data
        dropoutKey = dropout.next()
        var penalty = 0.0
        if !regularizer.isNone {
            for k in 0..<update.slots.count where isWeight[k] {
                penalty += regularizer.value(update.slots[k].value, count: update.slots[k].count)
            }
        }
        penaltyValue = penalty
        for lane in lanes { lane.lossSum = 0; lane.stop = nil }
        stage = .passes
        ThreadTeam.shared.run(alone: !onTeam, self)
        // Not held past the step: a second reference to the sampler's indices would make its next shuffle copy them.
        self.data = nil
        batch = []
    }

    /// Calls `run(part:parts:)` on the job the context holds unretained (`ThreadTeam.run(alone:_:)`).
    static let teamEntry: ThreadTeam.Entry = { context, part, parts in
        Unmanaged<BlockedBatch>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.run(part: part, parts: parts) }
    }

    /// Thread `part` of `parts`'s share of the stage under way.
    func run(part: Int, parts: Int) {
        switch stage {
        case .passes:
            var l = part
            while l < lanes.count { runLane(l); l += parts }
        case .update:
            sumAndApply(part: part, parts: parts)
        }
    }

    /// Lane `l`'s blocks in order: each block's rows copied in, its passes, its gradients added to the lane's
    /// sums. A block whose loss is not finite stops the lane before its backward pass; one whose gradient is
    /// not finite stops it after adding that gradient, so that the sums show it.
    private func runLane(_ l: Int) {
        guard let data else { return }
        let lane = lanes[l]
        var s = l
        while s < blockCount {
            let isLast = s == blockCount - 1 && lane.last != nil
            let g = isLast ? lane.last?.graph ?? lane.block : lane.block
            let gradients = isLast ? lane.last?.gradients ?? lane.blockGradients : lane.blockGradients
            let first = batch.startIndex + s * blockRows
            data.copyRows(batch[first..<first + g.rows], x: g.input.pointer, y: g.target.pointer)
            var masks = BlockedBatch.maskStream(key: dropoutKey, block: s)
            g.forward(training: true, rng: &masks)
            guard g.lossValue.isFinite else { lane.stop = (g, false); return }
            g.backward()
            lane.lossSum += g.lossValue * Double(g.rows)
            var flags: UInt64 = 0
            for k in 0..<update.slots.count {
                let from = gradients[k].pointer, into = lane.sums[k].pointer, n = update.slots[k].count
                if s == l {
                    into.update(from: from, count: n)
                } else {
                    for i in 0..<n { into[i] += from[i] }
                }
                flags |= Buffer.nonFiniteFlags(from, count: n)
            }
            guard Buffer.finite(flags) else { lane.stop = (g, true); return }
            s += 2
        }
    }

    /// The batch's mean data loss: the blocks' means weighted by their rows; when a block's loss was not
    /// finite, that loss.
    var lossValue: Double {
        if let g = lossStop { return g.lossValue }
        return (lanes[0].lossSum + lanes[1].lossSum) / Double(rows)
    }

    /// Loss plus penalty.
    var totalValue: Double { lossValue + penaltyValue }

    /// The graph of a block whose loss was not finite (lane 0's before lane 1's; not always the batch's first).
    var lossStop: Graph? {
        for lane in lanes { if let stop = lane.stop, !stop.gradient { return stop.graph } }
        return nil
    }

    /// The graph of the block whose gradient was not finite, else any block's graph (for messages).
    var gradientStop: Graph { lanes.lazy.compactMap { $0.stop?.graph }.first ?? lanes[0].block }

    /// Writes the sum of the lanes' gradients and the penalty's gradient into each parameter's gradient and,
    /// when every sum is finite, applies `optimizer`'s update; returns false (nothing updated) otherwise.
    func sumAndUpdate(_ parameters: [Parameter], optimizer: inout Optimizer, onTeam: Bool) -> Bool {
        update.begin(parameters, optimizer: &optimizer)
        stage = .update
        ThreadTeam.shared.run(alone: !onTeam, self)
        return update.end(optimizer: &optimizer)
    }

    /// Thread `part`'s slices: the lanes' sums added with the penalty's gradient (and checked), a wait, then
    /// the update.
    private func sumAndApply(part: Int, parts: Int) {
        var flags: UInt64 = 0
        for k in 0..<update.slots.count {
            let (a, b) = sums[k], slot = update.slots[k], range = Optimizer.slice(slot.count, part: part, of: parts)
            for i in range { slot.grad[i] = a[i] + b[i] }
            if isWeight[k] && !regularizer.isNone && !range.isEmpty {
                regularizer.gradient(slot.value + range.lowerBound, count: range.count, scale: 1,
                                     into: slot.grad + range.lowerBound)
            }
            flags |= Buffer.nonFiniteFlags(slot.grad + range.lowerBound, count: range.count)
        }
        update.apply(flags: flags, part: part, parts: parts)
    }
}
