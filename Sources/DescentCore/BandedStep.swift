import Synchronization

/// A whole batch's training step shared by two threads that each own one band of every layer's units.
///
/// Every layer's inputs (the features, then each hidden layer's units) are cut into two bands. Thread `p`
/// owns band `p` of each: its columns of the activations, the rows of the next weights that read them
/// (one block of memory), and those rows' gradients and optimizer state. A layer's product is the sum of
/// the two threads' products of their bands with their weight rows; each thread adds the two for its own
/// band of the layer's units, then applies the bias and the activation there. Backward mirrors this: each
/// thread takes the layer's gradient through the activation on its band, and, once both bands are done,
/// the gradient of its weight rows and of its band of the layer's input. The last layer, which has few
/// units, and the loss are shared by blocks of batch rows instead; the main thread adds the loss's terms
/// up in order. Only activations and their gradients move between cores (digits: ~50 KB per step), with
/// one wait per layer forward, one after the loss, one per hidden layer backward and one before the update.
///
/// What each thread writes is one block of memory per buffer, never every other run of columns: on the
/// 2-core machine this was built on, two threads writing alternate 512-byte runs of the same rows ran
/// 4.6 times slower than apart (each core's prefetcher pulls the lines the other is writing).
///
/// The bands depend on the model alone. On one thread the same bands are computed one after the other,
/// with the same bits. Against `Graph.backward` on the same batch, products through hidden layers are
/// summed in two parts (the bands) and then added, which can change their last bits.
///
/// The threads work on raw pointers laid out at the start, never on arrays or objects shared between them:
/// reading those from two threads retains and releases them, and the two cores would fight over the counts.
/// The hidden layers' values and gradients live in the threads' own buffers while training runs;
/// `publish` copies them into the graph's nodes, for a person to look at.
final class BandedStep: TeamJob {
    /// Units a hidden layer needs at least, so that each of its two bands is two 8-wide vectors or more.
    static let minimumUnits = 32
    /// Units the last layer may have at most: its weights' rows are shared, but each thread reads all of its
    /// gradient at the sums, and the loss is worked out on one thread's blocks of rows.
    static let maximumOutputs = 64
    /// Rows in a batch at least.
    static let minimumRows = 8
    /// Input features at least, so that each band of them is two 8-wide vectors or more.
    static let minimumInputs = 16

    /// One band of a hidden layer's units: its sums, activations and the gradient at its activations,
    /// rows × `count` values each, and a whole-width buffer (rows × units) for the gradient at the layer's
    /// sum, whose own columns this band writes and whose other columns it copies from the other band's.
    private struct Band {
        var range: Range<Int>
        var sum, out, dOut: UnsafeMutablePointer<Double>
        var dSum: UnsafeMutablePointer<Double>
    }

    /// Where a step's batch comes from: the data set's features and targets, and the batch's row indices.
    private struct Batch {
        var x, y: UnsafePointer<Double>
        var indices: UnsafePointer<Int>
        var features: Int
    }

    /// One dense layer.
    private struct Layer {
        var w, dw: UnsafeMutablePointer<Double>
        var bias, dBias: UnsafeMutablePointer<Double>?
        var activation: Activation
        /// Columns read and units written.
        var width, units: Int
        /// The bands of the layer's input (the features' columns or the layer before's units).
        var inputBands: (Range<Int>, Range<Int>)
        /// The bands of its units (hidden layers).
        var bands: (Band, Band)
        /// Thread p's product of its input band with its weight rows: rows × units.
        var partials: (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>)
        /// Their row stride: a hidden layer's rows are one cache line longer than its units, so that rows
        /// do not all fall in the same few cache sets (digits' 128-unit rows are 1 KB apart).
        var partialStride: Int
        /// The graph's nodes for the product, the sum and the activation.
        var productNode, sumNode, outNode: Int
        /// Where the weights and the bias are in the model's parameter list (-1: no bias).
        var weightSlot, biasSlot: Int

        func inputBand(_ b: Int) -> Range<Int> { b == 0 ? inputBands.0 : inputBands.1 }
        func band(_ b: Int) -> Band { b == 0 ? bands.0 : bands.1 }
        func partial(_ b: Int) -> UnsafeMutablePointer<Double> { b == 0 ? partials.0 : partials.1 }
    }

    /// The last layer's buffers in the graph.
    private struct Ends {
        var product, sum, out, dProduct, dSum, dOut: UnsafeMutablePointer<Double>
    }

    /// The batch's graph: its input and targets feed the step, its last layer and parameters hold results.
    let graph: Graph
    private let rows: Int
    /// The dense layers, first to last.
    private let layers: UnsafeMutableBufferPointer<Layer>
    private let hiddenCount: Int
    /// The last layer's buffers.
    private let ends: Ends
    /// The two blocks of batch rows over which the threads share the last layer and the loss.
    private let rowBlocks: (Range<Int>, Range<Int>)
    /// The loss's terms, one per prediction (or row), for the main thread to add in order.
    private let terms: UnsafeMutablePointer<Double>
    /// Whether the loss reads the last layer's sum (its activation is fused into the loss).
    private let fused: Bool
    private let loss: Loss, regularizer: Regularizer
    private let input: UnsafeMutablePointer<Double>, target: UnsafeMutablePointer<Double>
    /// The batch's features, band by band: rows × the band's columns each.
    private let features: (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>)
    /// The loss, penalty and total nodes' values and gradients.
    private let scalars: (loss: UnsafeMutablePointer<Double>, penalty: UnsafeMutablePointer<Double>,
                          total: UnsafeMutablePointer<Double>, dLoss: UnsafeMutablePointer<Double>,
                          dPenalty: UnsafeMutablePointer<Double>, dTotal: UnsafeMutablePointer<Double>)
    /// The weights the penalty reads, in the graph's order, with their sizes.
    private let penalized: UnsafeMutableBufferPointer<(UnsafeMutablePointer<Double>, Int)>
    /// The model's parameters, in its order.
    private let slots: ParameterSlots
    /// Buffers the pointers above point into, kept alive here.
    private let kept: [Buffer]
    /// The step under way's update rule and batch, set before the team runs it.
    private var rule = Optimizer.Rule(kind: .sgd(momentum: 0, nesterov: false), learningRate: 0, step: 1)
    private var batch = Batch(x: UnsafePointer(bitPattern: 8)!, y: UnsafePointer(bitPattern: 8)!,
                              indices: UnsafePointer(bitPattern: 8)!, features: 0)
    /// Set by a thread that found a non-finite loss or gradient among what it computed.
    private let nonFinite = Atomic<Bool>(false)
    /// Whether the hidden layers' values in the graph's nodes are older than the last step's.
    private(set) var graphBehind = false
    /// Whether the step runs on the team or on the calling thread alone, from measured step times.
    let pacer = TeamPacer()

    /// Whether `model`'s steps on batches of `rows` are shared: two or more dense layers and no dropout,
    /// `minimumInputs` features or more, hidden layers of `minimumUnits` or more with an activation that
    /// works value by value, a last layer of at most `maximumOutputs` units, and enough work per step.
    static func applies(_ model: Model, rows: Int) -> Bool {
        guard rows >= minimumRows, rows * model.parameterCount >= ThreadTeam.minimumStepWork,
              model.spec.inputSize >= minimumInputs else { return false }
        let layers = model.spec.layers
        guard layers.count >= 2 else { return false }
        for (i, layer) in layers.enumerated() {
            guard case let .dense(units, activation, _, _) = layer else { return false }
            if i == layers.count - 1 {
                if units > maximumOutputs { return false }
            } else if units < minimumUnits || activation == .softmax {
                return false
            }
        }
        return true
    }

    /// The two bands of `count` columns: half of the whole 8-wide vectors (rounded down), then the rest.
    private static func bands(_ count: Int) -> (Range<Int>, Range<Int>) {
        (ThreadTeam.slice(count, part: 0, of: 2, align: 8), ThreadTeam.slice(count, part: 1, of: 2, align: 8))
    }

    /// The shared step for `graph`, a batch graph of `model` (for which `applies` holds).
    init(graph: Graph, model: Model) {
        self.graph = graph
        let rows = graph.rows
        self.rows = rows
        loss = graph.loss; regularizer = graph.regularizer
        let nodes = graph.nodes
        input = nodes[graph.inputIndex].value.pointer
        target = nodes[graph.targetIndex].value.pointer
        var kept: [Buffer] = []
        func buffer(_ count: Int) -> UnsafeMutablePointer<Double> {
            let b = Buffer(count: count)
            kept.append(b)
            return b.pointer
        }
        func slot(_ node: Int) -> Int {
            guard case .parameter(let p) = nodes[node].op else { return -1 }
            return model.parameters.firstIndex { $0 === p } ?? -1
        }
        // A layer's nodes: its product, the sum that reads it (when there is a bias), the activation after.
        func reader(of node: Int) -> Int? { nodes.indices.first { nodes[$0].inputs.first == node } }
        func band(_ range: Range<Int>, units: Int) -> Band {
            let n = rows * range.count
            return Band(range: range, sum: buffer(n), out: buffer(n), dOut: buffer(n), dSum: buffer(rows * units))
        }
        var found: [Layer] = []
        for i in nodes.indices {
            guard case .matmul = nodes[i].op else { continue }
            var sum = i, bias: Int? = nil
            if let j = reader(of: i), case .biasAdd = nodes[j].op { sum = j; bias = nodes[j].inputs[1] }
            guard let out = reader(of: sum), case .activation(let act) = nodes[out].op else { continue }
            let weight = nodes[i].inputs[1], units = nodes[i].cols, width = nodes[nodes[i].inputs[0]].cols
            let unitBands = BandedStep.bands(units)
            found.append(Layer(w: nodes[weight].value.pointer, dw: nodes[weight].grad.pointer,
                               bias: bias.map { nodes[$0].value.pointer }, dBias: bias.map { nodes[$0].grad.pointer },
                               activation: act, width: width, units: units, inputBands: BandedStep.bands(width),
                               bands: (band(unitBands.0, units: units), band(unitBands.1, units: units)),
                               partials: (buffer(rows * (units + 8)), buffer(rows * (units + 8))), partialStride: units + 8,
                               productNode: i, sumNode: sum, outNode: out,
                               weightSlot: slot(weight), biasSlot: bias.map(slot) ?? -1))
        }
        hiddenCount = found.count - 1
        found[hiddenCount].partialStride = found[hiddenCount].units  // the last layer's rows stay packed
        let inputBands = found[0].inputBands
        features = (buffer(rows * inputBands.0.count), buffer(rows * inputBands.1.count))
        let last = found[found.count - 1]
        ends = Ends(product: nodes[last.productNode].value.pointer, sum: nodes[last.sumNode].value.pointer,
                    out: nodes[last.outNode].value.pointer, dProduct: nodes[last.productNode].grad.pointer,
                    dSum: nodes[last.sumNode].grad.pointer, dOut: nodes[last.outNode].grad.pointer)
        rowBlocks = (ThreadTeam.slice(rows, part: 0, of: 2, align: 1), ThreadTeam.slice(rows, part: 1, of: 2, align: 1))
        terms = buffer(rows * last.units)
        layers = .allocate(capacity: found.count)
        _ = layers.initialize(from: found)
        fused = graph.lossInputIndex != graph.outputIndex
        scalars = (nodes[graph.lossIndex].value.pointer, nodes[graph.penaltyIndex].value.pointer,
                   nodes[graph.totalIndex].value.pointer, nodes[graph.lossIndex].grad.pointer,
                   nodes[graph.penaltyIndex].grad.pointer, nodes[graph.totalIndex].grad.pointer)
        let weights = nodes[graph.penaltyIndex].inputs
        penalized = .allocate(capacity: weights.count)
        _ = penalized.initialize(from: weights.map { (nodes[$0].value.pointer, nodes[$0].count) })
        slots = ParameterSlots(model.parameters)
        self.kept = kept
    }

    deinit {
        layers.deallocate(); penalized.deallocate(); slots.deallocate()
    }

    /// Runs the step on the rows `indices` of `data`: forward, backward, and the update when the loss and
    /// every gradient are finite. Returns false, with the parameters and the optimizer as they were, when
    /// something is not finite.
    func step(batch indices: ArraySlice<Int>, from data: Dataset, optimizer: inout Optimizer, parameters: [Parameter],
              onTeam: Bool) -> Bool {
        // Fields the other thread reads are written only when they change: a write takes the line away
        // from the other core, which must then fetch it back.
        let update = optimizer.pendingUpdate(parameters)
        slots.refresh(state1: update.state1, state2: update.state2)
        rule = update.rule
        if nonFinite.load(ordering: .relaxed) { nonFinite.store(false, ordering: .relaxed) }
        data.X.data.withUnsafeBufferPointer { xs in
            data.y.data.withUnsafeBufferPointer { ys in
                indices.withUnsafeBufferPointer { rowsOfData in
                    guard let x = xs.baseAddress, let y = ys.baseAddress, let i = rowsOfData.baseAddress else { return }
                    batch = Batch(x: x, y: y, indices: i, features: data.featureCount)
                    ThreadTeam.shared.run(alone: !onTeam, self)
                }
            }
        }
        if !graphBehind { graphBehind = true }
        graph.markPassesRun()
        if nonFinite.load(ordering: .relaxed) { return false }
        optimizer.countUpdate()
        return true
    }

    /// Calls `run(part:parts:)` on the step the context holds unretained (`ThreadTeam.run(alone:_:)`).
    static let teamEntry: ThreadTeam.Entry = { context, part, parts in
        Unmanaged<BandedStep>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.run(part: part, parts: parts) }
    }

    /// Thread `part` of `parts`'s share of the step under way (`rule` and `batch`): band `part` of every
    /// layer, or both bands on one thread.
    func run(part: Int, parts: Int) {
        let team = ThreadTeam.shared, rule = self.rule, batch = self.batch
        let active = min(parts, 2)  // threads beyond the two bands only keep the count of waits
        let waits = layers.count + 1 + hiddenCount + 1
        guard part < active else {
            for _ in 0..<waits { team.sync(parts: parts) }
            return
        }
        var b = part
        // Each band's columns of the batch's features, and the targets of each block of rows.
        while b < 2 { gather(batch, band: b); b += active }
        // Forward: each band's share of a layer's product, then its own band of the sums and activations.
        for k in 0..<layers.count {
            b = part
            while b < 2 { multiplyForward(k, band: b); b += active }
            team.sync(parts: parts)
            if k < hiddenCount {
                b = part
                while b < 2 { activate(k, band: b); b += active }
            }
        }
        // The last layer and the loss by blocks of rows; then its weight rows and the gradient sent back.
        b = part
        while b < 2 { lastLayer(rows: b == 0 ? rowBlocks.0 : rowBlocks.1); b += active }
        team.sync(parts: parts)
        var flags: UInt64 = part == 0 ? lossAndBias() : 0
        b = part
        while b < 2 { flags |= lastWeights(band: b); b += active }
        // Backward: through each band's activation, then (both bands done) the weight rows and the input.
        var k = hiddenCount - 1
        while k >= 0 {
            b = part
            while b < 2 { flags |= deactivate(k, band: b); b += active }
            team.sync(parts: parts)
            b = part
            while b < 2 { flags |= multiplyBackward(k, band: b); b += active }
            k -= 1
        }
        if !Buffer.finite(flags) { nonFinite.store(true, ordering: .relaxed) }
        team.sync(parts: parts)
        guard !nonFinite.load(ordering: .relaxed) else { return }
        apply(rule, part: part, parts: active)
    }

    /// Copies band `b`'s columns of the batch's features into the band's buffer, and the targets of block
    /// `b` of the rows into the graph's targets.
    private func gather(_ batch: Batch, band b: Int) {
        let columns = layers[0].inputBand(b), n = columns.count, x = b == 0 ? features.0 : features.1
        for r in 0..<rows {
            (x + r * n).update(from: batch.x + batch.indices[r] * batch.features + columns.lowerBound, count: n)
        }
        let block = b == 0 ? rowBlocks.0 : rowBlocks.1
        for r in block { target[r] = batch.y[batch.indices[r]] }
    }

    /// Layer `k`'s input for band `b`: its columns of the features, or the layer before's band `b`, with its row stride.
    private func input(of k: Int, band b: Int) -> (UnsafeMutablePointer<Double>, Int) {
        if k == 0 { return (b == 0 ? features.0 : features.1, layers[0].inputBand(b).count) }
        let before = layers[k - 1].band(b)
        return (before.out, before.range.count)
    }

    /// Band `b`'s share of layer `k`'s product: its input columns times its rows of the weights.
    private func multiplyForward(_ k: Int, band b: Int) {
        let l = layers[k], rowsOfW = l.inputBand(b)
        let (x, ldx) = input(of: k, band: b)
        GEMM.gemm(transA: false, transB: false, m: rows, n: l.units, k: rowsOfW.count, alpha: 1, a: x, lda: ldx,
                  b: l.w + rowsOfW.lowerBound * l.units, ldb: l.units, beta: 0, c: l.partial(b), ldc: l.partialStride)
    }

    /// Hidden layer `k`'s band `b` of units: product (the two shares added), sum with the bias, activation.
    private func activate(_ k: Int, band b: Int) {
        let l = layers[k], band = l.band(b), lo = band.range.lowerBound, n = band.range.count
        let p0 = l.partials.0 + lo, p1 = l.partials.1 + lo
        // The product itself is left in the two shares until `publish` (only a person looks at it).
        if case .relu = l.activation, let bias = l.bias, n % 8 == 0 {
            // The common case in one pass, row by row and eight columns at a time, reading and writing each
            // buffer in the order its lines lie (column by column, every load was a new line 2–4 KB from the
            // last, which the prefetchers do not follow): the same sums and max(sum, 0) as below.
            let b = bias + lo
            for r in 0..<rows {
                let a0 = p0 + r * l.partialStride, a1 = p1 + r * l.partialStride
                let sum = band.sum + r * n, out = band.out + r * n
                var j = 0
                while j < n {
                    let s = (BandedStep.load(a0 + j) + BandedStep.load(a1 + j)) + BandedStep.load(b + j)
                    BandedStep.store(s, sum + j)
                    BandedStep.store(s.replacing(with: 0, where: .!(s .> 0)), out + j)
                    j += 8
                }
            }
            return
        }
        if let bias = l.bias {
            let b = bias + lo
            for r in 0..<rows {
                let from = r * l.partialStride, to = r * n
                for j in 0..<n { band.sum[to + j] = (p0[from + j] + p1[from + j]) + b[j] }
            }
        } else {
            for r in 0..<rows {
                let from = r * l.partialStride, to = r * n
                for j in 0..<n { band.sum[to + j] = p0[from + j] + p1[from + j] }
            }
        }
        l.activation.forward(band.sum, band.out, rows: rows, cols: n)
    }

    /// The last layer for the batch rows `block`: product, bias, activation, the loss's terms, and the
    /// gradient back through the loss, the activation and the bias.
    private func lastLayer(rows block: Range<Int>) {
        let l = layers[hiddenCount], e = ends, units = l.units
        let at = block.lowerBound * units, count = block.count * units
        for i in at..<(at + count) { e.product[i] = l.partials.0[i] + l.partials.1[i] }
        if let bias = l.bias {
            Graph.addRowVector(bias, to: e.product + at, rows: block.count, cols: units, stride: units, into: e.sum + at)
        }
        l.activation.forward(e.sum + at, e.out + at, rows: block.count, cols: units)
        let lossInput = (fused ? e.sum : e.out) + at, dLossInput = (fused ? e.dSum : e.dOut) + at
        let y = target + block.lowerBound * (loss == .ce ? 1 : units)
        loss.termsAndGradient(lossInput, y, rows: block.count, cols: units,
                              terms: terms + loss.termCount(rows: block.lowerBound, cols: units), scale: 1,
                              into: dLossInput, batchRows: rows)
        if !fused {
            l.activation.backward(z: e.sum + at, a: e.out + at, da: e.dOut + at, dz: e.dSum + at,
                                  rows: block.count, cols: units, replacing: true)
        }
        if l.bias != nil { (e.dProduct + at).update(from: e.dSum + at, count: count) }
    }

    /// The main thread's part once both blocks of rows are done: the loss (its terms added in order), the
    /// penalty, the total, and the last bias's gradient. Returns their non-finite flags.
    private func lossAndBias() -> UInt64 {
        let l = layers[hiddenCount]
        var flags = Buffer.nonFiniteFlag(lossAndPenalty())
        if let db = l.dBias {
            db.update(repeating: 0, count: l.units)
            Graph.addColumnSums(of: ends.dSum, rows: rows, cols: l.units, stride: l.units, into: db)
            flags |= Buffer.nonFiniteFlags(db, count: l.units)
        }
        return flags
    }

    /// The last weights' rows that read band `b` of the layer before: their gradient, and the gradient
    /// sent back to that band. Returns the weight gradient's non-finite flags.
    private func lastWeights(band b: Int) -> UInt64 {
        let l = layers[hiddenCount], before = layers[hiddenCount - 1].band(b), n = before.range.count
        let w = l.w + before.range.lowerBound * l.units, dw = l.dw + before.range.lowerBound * l.units
        GEMM.gemm(transA: true, transB: false, m: n, n: l.units, k: rows, alpha: 1, a: before.out, lda: n,
                  b: ends.dProduct, ldb: l.units, beta: 0, c: dw, ldc: l.units)
        let flags = penaltyGradient(w, into: dw, count: n * l.units)
        GEMM.gemm(transA: false, transB: true, m: rows, n: n, k: l.units, alpha: 1, a: ends.dProduct, lda: l.units,
                  b: w, ldb: l.units, beta: 0, c: before.dOut, ldc: n)
        return flags
    }

    /// Computes the loss, the penalty (over all weights, in the graph's order) and their sum into the graph's
    /// nodes, seeds their gradients as `Graph.backward` does, and returns the sum.
    private func lossAndPenalty() -> Double {
        let value = Loss.mean(ofTerms: terms, count: loss.termCount(rows: rows, cols: layers[hiddenCount].units))
        var penalty = 0.0
        if !regularizer.isNone {
            for k in 0..<penalized.count { penalty += regularizer.value(penalized[k].0, count: penalized[k].1) }
        }
        let total = value + penalty
        scalars.loss[0] = value; scalars.penalty[0] = penalty; scalars.total[0] = total
        scalars.dLoss[0] = 1; scalars.dPenalty[0] = 1; scalars.dTotal[0] = 1
        return total
    }

    /// Adds the penalty's gradient at `count` weights `w` into `dw` and returns their non-finite flags.
    private func penaltyGradient(_ w: UnsafePointer<Double>, into dw: UnsafeMutablePointer<Double>, count: Int) -> UInt64 {
        if !regularizer.isNone { regularizer.gradient(w, count: count, scale: 1, into: dw) }
        return Buffer.nonFiniteFlags(dw, count: count)
    }

    /// Hidden layer `k`'s band `b` back through the activation and the bias: its columns of the gradient at
    /// the sum (in the band's whole-width buffer), and the bias gradient there.
    private func deactivate(_ k: Int, band b: Int) -> UInt64 {
        let l = layers[k], band = l.band(b), lo = band.range.lowerBound, n = band.range.count
        if case .relu = l.activation, let db = l.dBias, n % 8 == 0 {
            // The common case in one pass, row by row and eight columns at a time (as `activate`): dSum = dOut
            // where the sum is positive, else 0, and the bias gradient its column sums, rows added in order (as below).
            let dbBand = db + lo
            dbBand.update(repeating: 0, count: n)
            for r in 0..<rows {
                let sum = band.sum + r * n, dOut = band.dOut + r * n, dSum = band.dSum + r * l.units + lo
                var j = 0
                while j < n {
                    let z = BandedStep.load(sum + j), da = BandedStep.load(dOut + j)
                    let dz = da.replacing(with: 0, where: .!(z .> 0))
                    BandedStep.store(dz, dSum + j)
                    BandedStep.store(BandedStep.load(dbBand + j) + dz, dbBand + j)
                    j += 8
                }
            }
            return Buffer.nonFiniteFlags(dbBand, count: n)
        }
        for r in 0..<rows {
            let at = r * n
            l.activation.backward(z: band.sum + at, a: band.out + at, da: band.dOut + at, dz: band.dSum + r * l.units + lo,
                                  rows: 1, cols: n, replacing: true)
        }
        var flags: UInt64 = 0
        if let db = l.dBias {
            (db + lo).update(repeating: 0, count: n)
            Graph.addColumnSums(of: band.dSum + lo, rows: rows, cols: n, stride: l.units, into: db + lo)
            flags |= Buffer.nonFiniteFlags(db + lo, count: n)
        }
        return flags
    }

    /// Eight values at `p`.
    @inline(__always)
    private static func load(_ p: UnsafePointer<Double>) -> SIMD8<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Double>.self)
    }

    /// Stores eight values at `p`.
    @inline(__always)
    private static func store(_ v: SIMD8<Double>, _ p: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Double>.self)
    }

    /// Hidden layer `k`'s weight rows that read input band `b`, once both bands are through the activation:
    /// the other band's columns of the gradient at the sum copied into this band's buffer, then the rows'
    /// gradient, and the gradient at band `b` of the layer before. Returns the weight gradient's non-finite flags.
    private func multiplyBackward(_ k: Int, band b: Int) -> UInt64 {
        let l = layers[k], rowsOfW = l.inputBand(b), m = rowsOfW.count
        let dz = l.band(b).dSum, other = l.band(1 - b), lo = other.range.lowerBound, n = other.range.count
        for r in 0..<rows { (dz + r * l.units + lo).update(from: other.dSum + r * l.units + lo, count: n) }
        let (x, ldx) = input(of: k, band: b)
        let w = l.w + rowsOfW.lowerBound * l.units, dw = l.dw + rowsOfW.lowerBound * l.units
        GEMM.gemm(transA: true, transB: false, m: m, n: l.units, k: rows, alpha: 1, a: x, lda: ldx,
                  b: dz, ldb: l.units, beta: 0, c: dw, ldc: l.units)
        let flags = penaltyGradient(w, into: dw, count: m * l.units)
        if k > 0 {
            GEMM.gemm(transA: false, transB: true, m: rows, n: m, k: l.units, alpha: 1, a: dz, lda: l.units,
                      b: w, ldb: l.units, beta: 0, c: layers[k - 1].band(b).dOut, ldc: m)
        }
        return flags
    }

    /// Applies the update to the values thread `part` owns: its rows of every layer's weights, its band of
    /// the hidden layers' biases, and (thread 0) the last bias.
    private func apply(_ rule: Optimizer.Rule, part: Int, parts: Int) {
        for k in 0..<layers.count {
            let l = layers[k]
            var b = part
            while b < 2 {
                let rowsOfW = l.inputBand(b)
                slots.apply(rule, to: l.weightSlot, range: (rowsOfW.lowerBound * l.units)..<(rowsOfW.upperBound * l.units))
                if k < hiddenCount && l.biasSlot >= 0 { slots.apply(rule, to: l.biasSlot, range: l.band(b).range) }
                b += parts
            }
        }
        let last = layers[hiddenCount]
        if part == 0 && last.biasSlot >= 0 { slots.apply(rule, to: last.biasSlot, range: 0..<last.units) }
    }

    /// Copies the hidden layers' values and gradients from the last step into the graph's nodes.
    func publish() {
        guard graphBehind else { return }
        let nodes = graph.nodes, columns = layers[0].inputBands, width = layers[0].width
        for r in 0..<rows {
            (input + r * width + columns.0.lowerBound).update(from: features.0 + r * columns.0.count, count: columns.0.count)
            (input + r * width + columns.1.lowerBound).update(from: features.1 + r * columns.1.count, count: columns.1.count)
        }
        for k in 0..<hiddenCount {
            let l = layers[k]
            /// Copies band `b`'s columns, `rows` rows `stride` apart at `from`, into a rows × units node buffer.
            func copy(_ from: UnsafeMutablePointer<Double>, stride: Int, band b: Int, to node: Buffer) {
                let lo = l.band(b).range.lowerBound, n = l.band(b).range.count
                for r in 0..<rows { (node.pointer + r * l.units + lo).update(from: from + r * stride, count: n) }
            }
            let product = nodes[l.productNode].value.pointer
            for r in 0..<rows {
                for j in 0..<l.units { product[r * l.units + j] = l.partials.0[r * l.partialStride + j] + l.partials.1[r * l.partialStride + j] }
            }
            for b in 0..<2 {
                let band = l.band(b), n = band.range.count, lo = band.range.lowerBound
                if l.bias != nil { copy(band.sum, stride: n, band: b, to: nodes[l.sumNode].value) }
                copy(band.out, stride: n, band: b, to: nodes[l.outNode].value)
                copy(band.dOut, stride: n, band: b, to: nodes[l.outNode].grad)
                copy(band.dSum + lo, stride: l.units, band: b, to: nodes[l.sumNode].grad)
                copy(band.dSum + lo, stride: l.units, band: b, to: nodes[l.productNode].grad)
            }
        }
        graphBehind = false
    }
}
