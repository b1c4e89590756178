/// A reverse-mode tape of tensor ops for one model, loss and batch size; buffers are allocated once and reused.
///
/// Nodes are stored in topological order and refer to their inputs by index. `forward` runs them in order;
/// backward runs the ones on the path to the total loss in reverse, either all at once or one at a time.
public final class Graph {
    /// Batch rows this graph was built for.
    public let rows: Int
    public private(set) var nodes: [Node] = []
    public let loss: Loss
    public let regularizer: Regularizer
    /// Index of the features node `X`.
    public private(set) var inputIndex = 0
    /// Index of the targets node `y`.
    public private(set) var targetIndex = 0
    /// Index of the model's output (the last layer's activation).
    public private(set) var outputIndex = 0
    /// Index of the node the loss reads (the output, or its logits when the loss is fused with it).
    public private(set) var lossInputIndex = 0
    public private(set) var lossIndex = 0
    public private(set) var penaltyIndex = 0
    public private(set) var totalIndex = 0
    /// Nodes whose backward runs, in the order backward visits them (total first).
    public private(set) var backwardOrder: [Int] = []
    /// How many entries of `backwardOrder` have run since `beginBackward`; nil when no backward is under way.
    public private(set) var backwardDone: Int?
    /// Whether the last forward pass was in training mode (dropout on).
    public private(set) var lastForwardTraining = false
    /// True for nodes that depend on a parameter and so receive a gradient.
    private var needsGrad: [Bool] = []
    /// Whether parameter nodes hold gradients of their own rather than the parameters' (a shard of a batch).
    let ownGradients: Bool
    /// d(total)/d(loss): 1, or a shard's share of the batch's rows, so that its gradients add up to the batch's.
    let lossShare: Double

    /// Builds the tape for `spec` over `parameters` (named `Wk`, `bk` as the model made them) with `rows` per batch.
    ///
    /// A graph for part of a batch (`BatchShards`) passes `ownGradients`, so that its parameter gradients
    /// land in buffers of its own, and `lossShare`, its rows over the batch's.
    public init(spec: ModelSpec, parameters: [Parameter], loss: Loss, regularizer: Regularizer, rows: Int,
                ownGradients: Bool = false, lossShare: Double = 1) {
        self.rows = rows; self.loss = loss; self.regularizer = regularizer
        self.ownGradients = ownGradients; self.lossShare = lossShare
        let byName = Dictionary(parameters.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        inputIndex = addNode("X", .input, [], [rows, spec.inputSize])
        var current = inputIndex, currentName = "X", width = spec.inputSize
        var dense = 0, drop = 0
        var weights: [Int] = []
        var lastPreActivation = inputIndex
        var lastActivation: Activation? = nil
        for layer in spec.layers {
            switch layer {
            case let .dense(units, act, bias, _):
                dense += 1
                guard let w = byName["W\(dense)"] else { continue }
                let wi = addNode(w.name, .parameter(w), [], w.shape)
                weights.append(wi)
                let mmName = bias ? (currentName == "X" ? "XW\(dense)" : "\(currentName)W\(dense)") : "Z\(dense)"
                var z = addNode(mmName, .matmul, [current, wi], [rows, units])
                if bias, let b = byName["b\(dense)"] {
                    let bi = addNode(b.name, .parameter(b), [], b.shape)
                    z = addNode("Z\(dense)", .biasAdd, [z, bi], [rows, units])
                }
                lastPreActivation = z
                lastActivation = act
                current = addNode("A\(dense)", .activation(act), [z], [rows, units])
                currentName = "A\(dense)"; width = units
            case .dropout(let p):
                drop += 1
                current = addNode("D\(drop)", .dropout(p: p), [current], [rows, width], mask: true)
                currentName = "D\(drop)"
            }
        }
        outputIndex = current
        targetIndex = addNode("y", .target, [], [rows, loss == .ce ? 1 : width])
        let fused = loss.fusedActivation != nil && loss.fusedActivation == lastActivation && current == lastPreActivation + 1
        lossInputIndex = fused ? lastPreActivation : current
        lossIndex = addNode("loss", .loss(loss), [lossInputIndex, targetIndex], [])
        penaltyIndex = addNode("penalty", .penalty(regularizer), weights, [])
        totalIndex = addNode("total", .add, [lossIndex, penaltyIndex], [])
        computeBackwardOrder()
    }

    /// Appends a node with fresh buffers (parameters reuse their own) and returns its index.
    private func addNode(_ name: String, _ op: Op, _ inputs: [Int], _ shape: [Int], mask: Bool = false) -> Int {
        let count = shape.reduce(1, *)
        let value: Buffer, grad: Buffer
        if case .parameter(let p) = op { value = p.value; grad = ownGradients ? Buffer(count: count) : p.grad } else {
            value = Buffer(count: count); grad = Buffer(count: count)
        }
        let isParam: Bool
        if case .parameter = op { isParam = true } else { isParam = false }
        needsGrad.append(isParam || inputs.contains { needsGrad[$0] })
        nodes.append(Node(name: name, op: op, inputs: inputs, shape: shape, value: value, grad: grad,
                          mask: mask ? Buffer(count: count) : nil))
        return nodes.count - 1
    }

    /// The non-leaf nodes the total depends on, latest first.
    private func computeBackwardOrder() {
        var onPath = [Bool](repeating: false, count: nodes.count)
        onPath[totalIndex] = true
        for i in stride(from: nodes.count - 1, through: 0, by: -1) where onPath[i] {
            for j in nodes[i].inputs { onPath[j] = true }
        }
        backwardOrder = (0..<nodes.count).reversed().filter { onPath[$0] && !nodes[$0].op.isLeaf && needsGrad[$0] }
    }

    /// The gradient buffer of parameter `p`'s node, if the graph uses `p`.
    func gradient(of p: Parameter) -> Buffer? {
        for i in nodes.indices { if case .parameter(let q) = nodes[i].op, q === p { return nodes[i].grad } }
        return nil
    }

    /// The node called `name` (case-sensitive), if any.
    public func index(of name: String) -> Int? { nodes.firstIndex { $0.name == name } }

    public var lossValue: Double { nodes[lossIndex].value[0] }
    public var penaltyValue: Double { nodes[penaltyIndex].value[0] }
    public var totalValue: Double { nodes[totalIndex].value[0] }
    /// The features buffer to fill before `forward` (rows × input width).
    public var input: Buffer { nodes[inputIndex].value }
    /// The targets buffer to fill before `forward`.
    public var target: Buffer { nodes[targetIndex].value }
    /// The model's predictions after `forward`.
    public var output: Node { nodes[outputIndex] }

    /// Runs every node in order; dropout draws its masks from `rng` when `training`.
    public func forward(training: Bool, rng: inout RNG) {
        lastForwardTraining = training
        backwardDone = nil
        for i in nodes.indices { forwardNode(i, training: training, rng: &rng) }
    }

    /// Runs every node in order in training mode, each dropout node drawing the masks of its rows a block of
    /// `blockRows` at a time, block k's from `streams[k]` (in order, a stream carrying on from one dropout node to
    /// the next): the masks the blocks' own graphs draw when a batch runs a block at a time (`BlockedBatch`).
    public func forward(blockRows: Int, streams: inout [RNG]) {
        lastForwardTraining = true
        backwardDone = nil
        var unused = RNG(seed: 0)
        for i in nodes.indices {
            guard case .dropout(let p) = nodes[i].op, p > 0, let mask = nodes[i].mask?.pointer else {
                forwardNode(i, training: true, rng: &unused)
                continue
            }
            let a = nodes[nodes[i].inputs[0]].value.pointer, out = nodes[i].value.pointer
            let cols = nodes[i].cols, keep = 1 - p, scale = keep > 0 ? 1 / keep : 0
            for k in 0..<nodes[i].rows * cols {
                let block = k / cols / max(1, blockRows)
                mask[k] = streams[block].uniform() < keep ? scale : 0
                out[k] = a[k] * mask[k]
            }
        }
    }

    /// Computes all gradients afresh (they replace, never accumulate across calls).
    public func backward() {
        beginBackward()
        finishBackward()
    }

    /// Runs the nodes a stepped backward pass has not reached yet (all of them when none has started).
    public func finishBackward() {
        if backwardDone == nil { beginBackward() }
        while backwardStep() != nil {}
    }

    /// Zeroes every gradient and seeds d(total)/d(total) = 1; the next `backwardStep` visits the total.
    public func beginBackward() {
        for i in nodes.indices { nodes[i].grad.fill(0) }   // by index: a for-in over the array allocates in debug builds
        nodes[totalIndex].grad[0] = 1
        backwardDone = 0
    }

    /// Runs the backward of the next node in `backwardOrder` and returns its index, or nil when all are done.
    @discardableResult
    public func backwardStep() -> Int? {
        guard let done = backwardDone, done < backwardOrder.count else { return nil }
        let i = backwardOrder[done]
        backwardNode(i)
        backwardDone = done + 1
        return i
    }

    /// Records that a training forward pass and a whole backward pass ran on this graph's buffers by other
    /// means (`BandedStep`), so that inspection treats them as it treats `forward` and `backward`.
    func markPassesRun() {
        lastForwardTraining = true
        backwardDone = backwardOrder.count
    }

    /// True when a backward pass has run to the end.
    public var backwardComplete: Bool { backwardDone == backwardOrder.count }

    /// What `restore(_:)` puts back: the values of computed nodes, every gradient, and where backward stands.
    public struct SavedState {
        /// By node; empty for leaves, which no pass writes (the batch and the parameters' values).
        fileprivate let values: [[Double]]
        fileprivate let grads: [[Double]]
        fileprivate let backwardDone: Int?
        fileprivate let lastForwardTraining: Bool
    }

    /// Copies what forward and backward passes overwrite (dropout masks are left out: only training passes write them).
    public func savedState() -> SavedState {
        SavedState(values: nodes.map { $0.op.isLeaf ? [] : $0.value.array }, grads: nodes.map { $0.grad.array },
                   backwardDone: backwardDone, lastForwardTraining: lastForwardTraining)
    }

    /// Puts back, bit for bit, what `savedState()` copied.
    public func restore(_ state: SavedState) {
        for i in nodes.indices {
            if !nodes[i].op.isLeaf { nodes[i].value.load(state.values[i]) }
            nodes[i].grad.load(state.grads[i])
        }
        backwardDone = state.backwardDone
        lastForwardTraining = state.lastForwardTraining
    }
}
