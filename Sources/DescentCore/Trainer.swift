/// Trains a model on a dataset with explicit phases: `forward`, `backward`, `update` (and `step` = all three).
public final class Trainer {
    public let model: Model
    public let loss: Loss
    public let regularizer: Regularizer
    public var optimizer: Optimizer
    public let train: Dataset
    public let validation: Dataset?
    public private(set) var history = History()
    /// Completed updates.
    public private(set) var stepCount = 0
    /// Rows in the batch of the last step that ran (for reports); 0 before the first.
    public private(set) var lastBatchRows = 0
    /// Steps between full evaluations of training and validation loss.
    public var evaluationInterval = 10
    /// The fewest steps between full evaluations for which evaluating takes about as long as training, or
    /// less: a step runs its batch forward and, at about twice that, backward, while an evaluation runs every
    /// row of both sets forward, so ⌈all rows / (3 × batch rows)⌉ (digits' 1,797 rows in batches of 32: 19;
    /// full batch: 1).
    public var evaluationFloor: Int {
        let rows = train.count + (validation?.count ?? 0), batch = max(1, sampler.batchSize)
        return max(1, (rows + 3 * batch - 1) / (3 * batch))
    }
    /// The learning rate's schedule, if any: after every step (and when set) the optimizer's rate becomes the
    /// schedule's rate for the next step.
    public var schedule: LearningRateSchedule? { didSet { applySchedule() } }
    /// The schedule the last step ran under (nil for none), which `schedule` may have changed since.
    public internal(set) var scheduleOfLastStep: LearningRateSchedule?
    /// Seeded stream for dropout masks.
    public var dropoutRNG: RNG
    public private(set) var sampler: BatchSampler
    /// Graphs by batch rows (a last partial batch has its own).
    private var graphs: [Int: Graph] = [:]
    /// How steps on batches of a given size run: a block of rows at a time (batches of more than `blockRows`),
    /// each layer cut in bands, the batch cut in halves, or none of these (the graph alone).
    private enum Sharing { case blocks(BlockedBatch), banded(BandedStep), halves(BatchShards), none }
    /// Sharing by batch rows, worked out on first use.
    private var sharingByRows: [Int: Sharing] = [:]
    /// Whether shared steps and halved batches run on the thread team (true) or the calling thread (false);
    /// nil lets each batch size's `TeamPacer` choose from step times. False also keeps the evaluation of a set
    /// of several blocks on the calling thread (`EvaluationLanes`). For tests: the two give the same bits.
    var teamChoice: Bool?
    /// Steps that ran on the thread team (shared steps whose pacer, or `teamChoice`, chose it), since the start.
    public private(set) var stepsOnTeam = 0
    /// Rows the full sets are evaluated in at a time (see `evaluationBlocks`), and the most rows a step's batch
    /// runs through one graph: larger batches run a block at a time (`BlockedBatch`).
    var blockRows = Trainer.defaultBlockRows
    /// Rows in a block (`blockRows`) unless a test sets another.
    public static let defaultBlockRows = 4096
    /// Evaluation graphs for each set, built on first use: the whole set, loaded once, when it fits in one
    /// block; else a block's rows and (when the set does not divide into blocks) the last block's.
    private var evalGraphs: (train: [Graph], validation: [Graph])?
    /// For each set of more rows than a block, the lanes that evaluate it (`EvaluationLanes`, sharing
    /// `evalGraphs`' block graphs), built on first use.
    private var evalLanes: (train: EvaluationLanes?, validation: EvaluationLanes?)?
    /// Asked before each block of rows after a set's first while the full sets are evaluated; answering false
    /// abandons the evaluation, which then records nothing. Whoever runs the trainer sets it for a run, so that
    /// Ctrl-C or a stop key need not wait for the evaluation of a large set.
    public var shouldContinue: () -> Bool = { true }
    /// The batch of the step under way (drawn at `forward`, consumed at `update`).
    private var pending: Graph?
    /// Which phases ran on the pending batch.
    public private(set) var phase: Phase = .idle
    /// The sampler and dropout stream as they stood before the step under way drew its batch, when a person
    /// drew it (`forward`, `backward` or `update` by hand). A step dropped before its update (`discardPending`:
    /// `set`, `load`, training started) puts them back, so the batch it showed is the one the next pass uses;
    /// and a forward pass run again on it draws the same dropout masks.
    var beforeDraw: (sampler: BatchSampler, dropoutRNG: RNG)?
    /// The sampler this trainer made for a batch size other than its predecessor's (`adoptHistory`), with the
    /// predecessor's, where the batches stood; while the fresh one has drawn nothing, a trainer that replaces this
    /// one starts from the predecessor's, so that building a trainer in between draws and decides nothing.
    var replacedSampler: (fresh: BatchSampler, previous: BatchSampler)?
    /// Where the sampler and dropout stream stood when the step under way began: before a hand draw, if
    /// one is pending, else now. Snapshots and a trainer taking over from this one start from here.
    var stepStart: (sampler: BatchSampler, dropoutRNG: RNG) { beforeDraw ?? (sampler, dropoutRNG) }
    /// Whether R² is undefined (`Metrics.r2IsUndefined`: the targets all equal) on the training set and on the
    /// validation set, whose evaluations then record it as NaN; false for classification and for a set that is not there.
    public private(set) lazy var r2Undefined: (train: Bool, validation: Bool) = {
        guard train.task == .regression else { return (false, false) }
        return (Metrics.r2IsUndefined(targets: train.y.data), validation.map { Metrics.r2IsUndefined(targets: $0.y.data) } ?? false)
    }()
    /// The training rows of the batch drawn by the last pass by hand (`forward`), for display.
    public private(set) var handBatch: [Int] = []
    /// What the last evaluation of the full sets found not finite, nil when its losses were finite (or it was abandoned).
    public private(set) var evaluationOverflow: EvaluationOverflow?
    /// Whether the gradients held are not the current ones: the parameters changed since they were
    /// computed (`undo`, `set`, `load`), or the loss or regularizer did. A backward pass or a step clears it.
    public var gradientsStale = false

    /// Where the step under way stands.
    public enum Phase: Equatable, Sendable { case idle, forwarded, backwarded }

    public init(model: Model, loss: Loss, regularizer: Regularizer, optimizer: Optimizer,
                train: Dataset, validation: Dataset?, batchSize: Int?, rng: RNG) {
        self.model = model; self.loss = loss; self.regularizer = regularizer
        self.optimizer = optimizer; self.train = train; self.validation = validation
        dropoutRNG = rng.derived(stream: 4)
        sampler = BatchSampler(count: train.count, batchSize: batchSize, rng: rng.derived(stream: 3))
    }

    /// The lanes that evaluate `d` when it has more rows than a block, on `graphs` (its `evaluationGraphs`)
    /// and a second block's graph.
    private func evaluationLanes(_ d: Dataset, graphs: [Graph]) -> EvaluationLanes? {
        let block = max(1, blockRows)
        guard d.count > block else { return nil }
        let lane = Graph(spec: model.spec, parameters: model.parameters, loss: loss, regularizer: regularizer, rows: block)
        return EvaluationLanes(rows: d.count, blockRows: block, block: graphs[0], laneBlock: lane,
                               last: graphs.count > 1 ? graphs[graphs.count - 1] : nil)
    }

    /// The evaluation graphs of a set of `rows` rows (see `evalGraphs`).
    private func evaluationGraphs(_ d: Dataset) -> [Graph] {
        let block = max(1, blockRows)
        let sizes = d.count <= block ? [d.count] : [block] + (d.count % block == 0 ? [] : [d.count % block])
        let graphs = sizes.map {
            Graph(spec: model.spec, parameters: model.parameters, loss: loss, regularizer: regularizer, rows: $0)
        }
        if d.count <= block {
            graphs[0].input.load(d.X.data)
            graphs[0].target.load(d.y.data)
        }
        return graphs
    }

    /// The one-row graph for `forwardSample`.
    private var sampleGraphStorage: Graph?
    /// The graph `predict` reuses (decision maps).
    var mapGraphStorage: Graph?

    /// The one-row graph for single samples, built on first use.
    public func sampleGraph() -> Graph {
        if let g = sampleGraphStorage { return g }
        let g = Graph(spec: model.spec, parameters: model.parameters, loss: loss, regularizer: regularizer, rows: 1)
        sampleGraphStorage = g
        return g
    }

    /// The graph of the next batch's size, without drawing the batch: it holds the values and gradients of the
    /// last step that ran on it (by hand, on the graph alone, or banded, whose threads' buffers are copied in first);
    /// blocked and halved steps run on graphs of their own.
    func graphForNextBatch() -> Graph {
        publishSharedSteps()
        return graph(rows: sampler.nextBatchSize)
    }

    /// Copies what shared steps (`BandedStep`) left in their threads' buffers into their graphs' nodes
    /// (those of batches of `rows`, or all), before anything reads or overwrites those nodes.
    private func publishSharedSteps(rows: Int? = nil) {
        if let rows {
            if case .banded(let s)? = sharingByRows[rows] { s.publish() }
            return
        }
        for case .banded(let s) in sharingByRows.values { s.publish() }
    }

    /// Replaces the recorded state wholesale (undo, carry-over).
    func replaceState(history: History, stepCount: Int, sampler: BatchSampler, dropoutRNG: RNG) {
        self.history = history; self.stepCount = stepCount; self.sampler = sampler; self.dropoutRNG = dropoutRNG
        lastBatchRows = 0
    }

    func setPhase(_ p: Phase) { phase = p }

    /// The graph for batches of `rows`, built on first use.
    func graph(rows: Int) -> Graph {
        if let g = graphs[rows] { return g }
        let g = Graph(spec: model.spec, parameters: model.parameters, loss: loss, regularizer: regularizer, rows: rows)
        graphs[rows] = g
        return g
    }

    /// The graph of the step under way, if a forward pass has run.
    public var currentGraph: Graph? { pending }

    /// The epoch the next batch belongs to (1-based).
    public var epoch: Int { sampler.epoch }

    /// Forward phase: draws the next batch (unless one is under way) and runs the forward pass on it.
    @discardableResult
    public func forward() -> Graph { forward(byHand: true) }

    /// `forward`; `byHand` keeps where the sampler and dropout stream stood before the draw (`beforeDraw`),
    /// which the training loop has no use for.
    private func forward(byHand: Bool) -> Graph {
        let g: Graph
        if let p = pending {
            g = p
            if let saved = beforeDraw { dropoutRNG = saved.dropoutRNG }
        } else {
            if byHand { beforeDraw = (sampler, dropoutRNG) }
            let idx = sampler.next()
            if byHand { handBatch = Array(idx) }
            publishSharedSteps(rows: idx.count)
            g = graph(rows: idx.count)
            train.copyRows(idx, x: g.input.pointer, y: g.target.pointer)
            pending = g
        }
        forwardAsStep(g, rng: &dropoutRNG)
        phase = .forwarded
        return g
    }

    /// Runs `g`, a batch's graph, forward in training mode with the dropout masks a step on that batch draws from
    /// `rng`: from `rng` itself, or, for a batch of more than `blockRows` rows (which a step runs a block at a time),
    /// each block's from a stream of its own keyed by one draw of `rng`, as `BlockedBatch` draws them.
    public func forwardAsStep(_ g: Graph, rng: inout RNG) {
        let block = max(1, blockRows)
        guard BlockedBatch.cuts(rows: g.rows, blockRows: block) else { g.forward(training: true, rng: &rng); return }
        var streams = BlockedBatch.maskStreams(key: rng.next(), blocks: (g.rows + block - 1) / block)
        g.forward(blockRows: block, streams: &streams)
    }

    /// Backward phase: all gradients of the batch under way (runs forward first if needed).
    @discardableResult
    public func backward() -> Graph {
        let g = (phase != .idle ? pending : nil) ?? forward()
        g.backward()
        phase = .backwarded
        gradientsStale = false
        return g
    }

    /// Update phase: one optimizer step from the current gradients; ends the step and records it.
    public func update() {
        let g = (phase == .backwarded ? pending : nil) ?? backward()
        optimizer.update(model.parameters)
        finishStep(g)
    }

    /// Records the finished step and clears the batch under way.
    func finishStep(_ g: Graph) { finishStep(rows: g.rows, loss: g.lossValue, penalty: g.penaltyValue) }

    /// Records a finished step of `rows` rows with its batch loss and penalty, and clears the batch under way.
    private func finishStep(rows: Int, loss: Double, penalty: Double) {
        stepCount += 1
        lastBatchRows = rows
        history.record(.init(step: stepCount, epoch: sampler.epochOfLastBatch, batchLoss: loss, penalty: penalty))
        history.noteRate(optimizer.learningRate, at: stepCount)
        history.noteBatch(sampler.batchSize >= sampler.count ? 0 : sampler.batchSize, at: stepCount)
        scheduleOfLastStep = schedule
        applySchedule()
        pending = nil
        phase = .idle
        beforeDraw = nil
        gradientsStale = false
        if evaluatesOnInterval && stepCount % max(1, evaluationInterval) == 0 { evaluate() }
    }

    /// The rate the last step ran at (a schedule has set the next step's already); the optimizer's before any step.
    public var lastStepRate: Double { history.rates.last?.rate ?? optimizer.learningRate }

    /// Sets the optimizer's rate to the schedule's for the next step (nothing without a schedule).
    public func applySchedule() {
        if let schedule { optimizer.learningRate = schedule.rate(afterSteps: stepCount) }
    }

    /// Whether a step whose count falls on `evaluationInterval` evaluates the full sets; false only for the last step
    /// of a run that ends without evaluating (`train(steps:lastStepEvaluated:…)`).
    private var evaluatesOnInterval = true

    /// Forward, backward and update; stops before the update when the loss or a gradient is not finite.
    public func step() -> StopReason? {
        if pending == nil {
            switch sharing(rows: sampler.nextBatchSize) {
            case .blocks(let blocks): return step(blocks)
            case .banded(let split): return step(split)
            case .halves(let shards): return step(shards)
            case .none: break
            }
        }
        let g = forward(byHand: false)
        if !g.totalValue.isFinite { return .nonFinite(nonFiniteMessage(g, what: "loss")) }
        g.backward()
        phase = .backwarded
        for k in model.parameters.indices where !model.parameters[k].grad.allFinite { return nonFiniteGradient(g) }
        optimizer.update(model.parameters)
        finishStep(g)
        return nil
    }

    /// A step whose batch is cut in halves that run on two threads (`BatchShards`).
    private func step(_ shards: BatchShards) -> StopReason? {
        let onTeam = runsOnTeam(shards.pacer)
        shards.load(sampler.next(), from: train)
        shards.forwardBackward(onTeam: onTeam)
        let total = shards.totalValue
        if !total.isFinite { return .nonFinite(nonFiniteMessage(shards.firstNonFinite(), what: "loss", value: total)) }
        guard shards.sumAndUpdate(model.parameters, optimizer: &optimizer, onTeam: onTeam) else {
            return nonFiniteGradient(shards.firstNonFinite())
        }
        shards.pacer.end()
        finishStep(rows: shards.rows, loss: shards.lossValue, penalty: shards.penaltyValue)
        return nil
    }

    /// A step whose batch runs a block of rows at a time, in two lanes that may run on two threads (`BlockedBatch`).
    private func step(_ blocks: BlockedBatch) -> StopReason? {
        let onTeam = runsOnTeam(blocks.pacer)
        blocks.forwardBackward(sampler.next(), from: train, dropout: &dropoutRNG, onTeam: onTeam)
        let total = blocks.totalValue
        if !total.isFinite {
            if blocks.lossStop == nil && !blocks.penaltyValue.isFinite {
                // The blocks' graphs carry no penalty node to name: name it as the whole batch's graph would.
                let kind = total.isNaN ? "NaN" : "infinite"
                return .nonFinite("loss became \(kind) at step \(stepCount + 1) (first produced by node penalty (\(Op.penalty(regularizer).detail)))\(keptNote())")
            }
            return .nonFinite(nonFiniteMessage(blocks.lossStop ?? blocks.gradientStop, what: "loss", value: total))
        }
        guard blocks.sumAndUpdate(model.parameters, optimizer: &optimizer, onTeam: onTeam) else {
            return nonFiniteGradient(blocks.gradientStop)
        }
        blocks.pacer.end()
        finishStep(rows: blocks.rows, loss: blocks.lossValue, penalty: blocks.penaltyValue)
        return nil
    }

    /// A step shared by two threads that each own a band of every layer (`BandedStep`).
    private func step(_ split: BandedStep) -> StopReason? {
        let onTeam = runsOnTeam(split.pacer)
        let g = split.graph
        guard split.step(batch: sampler.next(), from: train, optimizer: &optimizer, parameters: model.parameters,
                         onTeam: onTeam) else {
            split.publish()  // the messages name the first node whose value or gradient is not finite
            if !g.totalValue.isFinite { return .nonFinite(nonFiniteMessage(g, what: "loss")) }
            return nonFiniteGradient(g)
        }
        split.pacer.end()
        finishStep(g)
        return nil
    }

    /// Whether the shared step about to run goes on the team: `teamChoice` when a test set it, else `pacer`'s.
    private func runsOnTeam(_ pacer: TeamPacer) -> Bool {
        let size = ThreadTeam.shared.size
        let onTeam = teamChoice.map { $0 && size > 1 } ?? pacer.begin(teamSize: size)
        if onTeam { stepsOnTeam += 1 }
        return onTeam
    }

    /// How steps on batches of `rows` run: in blocks when larger than one (`BlockedBatch.cuts`), else in bands
    /// where they apply (`BandedStep.applies`), else in halves where the batch is cut (`BatchShards.cuts`),
    /// else on the graph alone; built on first use.
    private func sharing(rows: Int) -> Sharing {
        if let s = sharingByRows[rows] { return s }
        let s: Sharing
        if BlockedBatch.cuts(rows: rows, blockRows: blockRows) {
            s = .blocks(BlockedBatch(model: model, loss: loss, regularizer: regularizer, rows: rows, blockRows: max(1, blockRows)))
        } else if BandedStep.applies(model, rows: rows) {
            s = .banded(BandedStep(graph: graph(rows: rows), model: model))
        } else if BatchShards.cuts(model, rows: rows) {
            s = .halves(BatchShards(model: model, loss: loss, regularizer: regularizer, rows: rows))
        } else {
            s = .none
        }
        sharingByRows[rows] = s
        return s
    }

    /// The stop for a gradient found not finite, naming the first parameter whose gradient is not (the
    /// first parameter if none is any more) and the node of `g` that sent it: "gradient of W1 is not finite
    /// at step 7 (first non-finite: …); parameters kept from before that update".
    private func nonFiniteGradient(_ g: Graph) -> StopReason {
        let p = model.parameters.first { !$0.grad.allFinite } ?? model.parameters[0]
        return .nonFinite("gradient of \(p.name) is not finite at step \(stepCount + 1)\(Trainer.firstNonFiniteGradient(g))\(keptNote())")
    }

    /// How the parameters kept at a non-finite stop stand: "; parameters kept from before that update"
    /// with the largest magnitude among them (a diverging run shows there), or, when an earlier update
    /// already made one of them not finite, which.
    private func keptNote(_ kept: String = "kept from before that update", madeSo: String = "an earlier update made them so") -> String {
        var largest = 0.0, name = ""
        for p in model.parameters {
            for i in 0..<p.count {
                let m = abs(p.value.pointer[i])
                if !(m <= largest) { largest = m; name = p.name }  // NaN too
            }
        }
        if !largest.isFinite {
            return "; \(name) holds \(largest.isNaN ? "NaN" : "infinite") values already: \(madeSo) (a learning rate too large?)"
        }
        let at = name.isEmpty ? "" : " (largest |value| \(Format.short(largest)), in \(name))"
        return "; parameters \(kept)\(at)"
    }

    /// Runs `steps` steps, calling `onStep` after each; `onStep` returning a reason stops the run.
    /// Unless `evaluateAtEnd` is false, the full sets are evaluated once more at the last step. Unless
    /// `lastStepEvaluated` is false, that is: then the `steps`-th step is not evaluated at all, neither at the end nor
    /// when its count falls on the interval (as a run ends whose evaluation there a stop abandoned).
    public func train(steps: Int, evaluateAtEnd: Bool = true, lastStepEvaluated: Bool = true,
                      onStep: (Trainer) -> StopReason?) -> StopReason {
        history.reserve(steps: steps, evaluations: steps / max(1, evaluationInterval) + 2, rates: schedule == nil ? 0 : steps)
        var reason = StopReason.completed
        defer { evaluatesOnInterval = true }
        var ran = 0
        for k in 0..<steps {
            evaluatesOnInterval = lastStepEvaluated || k < steps - 1
            if let stop = step() { discardPending(); reason = stop; break }
            ran += 1
            let asked = onStep(self)
            // An evaluation that overflowed ends the run at its step (reported over a break or a stop key, not Ctrl-C).
            if asked != .interrupted, let overflow = overflowStop() { reason = overflow; break }
            if let asked { reason = asked; break }
        }
        if !lastStepEvaluated && ran == steps { return reason }
        if evaluateAtEnd && stepCount > 0 && history.lastEvaluation?.step != stepCount {
            evaluate()
            if reason == .completed, let overflow = overflowStop() { reason = overflow }
        }
        return reason
    }

    /// The stop for an evaluation at the current step whose training or validation loss is not finite; nil otherwise.
    public func overflowStop() -> StopReason? {
        guard let o = evaluationOverflow, o.step == stepCount, history.lastEvaluation?.step == stepCount else { return nil }
        return .nonFiniteEvaluation(o.text + keptNote("kept as the update of step \(stepCount) left them",
                                                      madeSo: "the update of step \(stepCount) or an earlier one made them so"))
    }

    /// Forgets a batch whose step was not applied; one drawn by hand goes back to the sampler (`beforeDraw`).
    public func discardPending() {
        if let saved = beforeDraw { sampler = saved.sampler; dropoutRNG = saved.dropoutRNG }
        beforeDraw = nil; pending = nil; phase = .idle
    }

    /// Names the node whose backward first produced a non-finite gradient, "" when every gradient is finite:
    /// ` (first non-finite: dL/dZ1, sent by node A1 (gelu))`.
    static func firstNonFiniteGradient(_ g: Graph) -> String {
        for i in g.backwardOrder where !g.nodes[i].grad.allFinite {
            let sender = g.backwardOrder.first { j in g.nodes[j].inputs.contains(i) }
            let by = sender.map { ", sent by node \(g.nodes[$0].name) (\(g.nodes[$0].op.detail))" } ?? ""
            return " (first non-finite: dL/d\(g.nodes[i].name)\(by))"
        }
        return ""
    }

    /// Says which node first produced a non-finite value in the last forward pass.
    public func nonFiniteMessage(_ g: Graph, what: String, value: Double? = nil) -> String {
        let first = g.nodes.first { n in !n.op.isLeaf && !n.value.allFinite }
        let node = first.map { " (first produced by node \($0.name) (\($0.op.detail)))" } ?? ""
        return "\(what) became \((value ?? g.totalValue).isNaN ? "NaN" : "infinite") at step \(stepCount + 1)\(node)\(keptNote())"
    }

    /// Evaluates the full training (and validation) set now and records it; nil when `shouldContinue` stopped it.
    @discardableResult
    public func evaluate() -> History.Evaluation? {
        evaluationOverflow = nil
        guard let (e, sources) = evaluationValuesAndSources(stoppable: true) else { return nil }
        history.record(e)
        evaluationOverflow = EvaluationOverflow.found(e, sources: sources)
        return e
    }

    /// Runs the forward pass in evaluation mode over the training set (`validation` false) or the validation
    /// set at the current parameters, a block of at most `blockRows` rows at a time, calling `body`
    /// with each block's graph and the set's row its first row is. Between blocks, when `stoppable`, it asks
    /// `shouldContinue` and returns false if told to stop. The dropout stream is left as it is.
    func evaluationBlocks(validation: Bool, stoppable: Bool, _ body: (Graph, Int) -> Void) -> Bool {
        guard let d = validation ? self.validation : train else { return true }
        let graphs = evaluationGraphs(validation: validation)
        var scratch = dropoutRNG
        var first = 0
        while first < d.count {
            if first > 0 && stoppable && !shouldContinue() { return false }
            // Whole blocks, then the shorter last one; a set of one block was loaded once, when its graph was made.
            let g = d.count - first >= graphs[0].rows ? graphs[0] : graphs[graphs.count - 1]
            if g.rows < d.count { d.copyRows(first..<first + g.rows, x: g.input.pointer, y: g.target.pointer) }
            g.forward(training: false, rng: &scratch)
            body(g, first)
            first += g.rows
        }
        return true
    }

    /// The evaluation graphs of the training set (`validation` false) or the validation set (see `evalGraphs`),
    /// built on first use.
    private func evaluationGraphs(validation: Bool) -> [Graph] {
        if evalGraphs == nil { evalGraphs = (evaluationGraphs(train), self.validation.map(evaluationGraphs) ?? []) }
        return (validation ? evalGraphs?.validation : evalGraphs?.train) ?? []
    }

    /// Evaluates the full sets in evaluation mode: the record (with the penalty); nil when stopped (`evaluationBlocks`).
    func evaluationValues(stoppable: Bool) -> History.Evaluation? { evaluationValuesAndSources(stoppable: stoppable)?.0 }

    /// `evaluationValues`, with where each set's loss first stopped being finite (`overflowSource`; nil where it is finite).
    private func evaluationValuesAndSources(stoppable: Bool) -> (History.Evaluation, (train: String?, validation: String?))? {
        guard let t = lossAndMetric(validation: false, stoppable: stoppable) else { return nil }
        var v: (loss: Double, metric: Double, penalty: Double, source: String?)? = nil
        if validation != nil {
            guard let measured = lossAndMetric(validation: true, stoppable: stoppable) else { return nil }
            v = measured
        }
        let e = History.Evaluation(step: stepCount, epoch: sampler.epochOfLastBatch, trainLoss: t.loss, penalty: t.penalty,
                                   valLoss: v?.loss, trainMetric: t.metric, valMetric: v?.metric)
        return (e, (t.source, v?.source))
    }

    /// A set's data loss, metric and the penalty at the current parameters; nil when stopped. A set of one
    /// block gives its graph's loss as it is; a larger one is shared by `EvaluationLanes`, which weights its
    /// blocks' losses (means over their rows) by their rows. `source` says where the loss first stopped being
    /// finite (nil while it is).
    private func lossAndMetric(validation: Bool, stoppable: Bool) -> (loss: Double, metric: Double, penalty: Double, source: String?)? {
        guard let d = validation ? self.validation : train else { return nil }
        if d.count > max(1, blockRows) {
            if evalLanes == nil {
                evalLanes = (evaluationLanes(train, graphs: evaluationGraphs(validation: false)),
                             self.validation.flatMap { evaluationLanes($0, graphs: evaluationGraphs(validation: true)) })
            }
            guard let lanes = validation ? evalLanes?.validation : evalLanes?.train,
                  let r = lanes.evaluate(d, alone: teamChoice == false, shouldContinue: stoppable ? shouldContinue : nil) else { return nil }
            var source: String?
            if !r.loss.isFinite {
                source = lanes.firstNonFiniteBlock.map { overflowSource(ofBlock: $0, lanes: lanes, in: d, validation: validation) }
                    ?? " (the sum of its blocks' losses overflows, each block's being finite)"
            }
            return (r.loss, Metrics.metric(sum: r.metricSum, task: d.task, targets: d.y.data), r.penalty, source)
        }
        var loss = Double.nan, penalty = 0.0, sum = 0.0, source: String? = nil
        _ = evaluationBlocks(validation: validation, stoppable: stoppable) { g, first in
            if !g.lossValue.isFinite { source = Trainer.overflowSource(g, first: first, in: d, validation: validation) }
            loss = g.lossValue
            penalty = g.penaltyValue
            Metrics.accumulate(g, task: d.task, targets: d.y.data, first: first, into: &sum)
        }
        return (loss, Metrics.metric(sum: sum, task: d.task, targets: d.y.data), penalty, source)
    }

    /// `overflowSource` for block `b` of `d` (evaluated by `lanes`, whose graphs have moved on): the block run again.
    private func overflowSource(ofBlock b: Int, lanes: EvaluationLanes, in d: Dataset, validation: Bool) -> String {
        let graphs = evaluationGraphs(validation: validation), first = b * lanes.blockRows
        let g = b == lanes.blockCount - 1 ? graphs[graphs.count - 1] : graphs[0]
        d.copyRows(first..<first + g.rows, x: g.input.pointer, y: g.target.pointer)
        var scratch = dropoutRNG
        g.forward(training: false, rng: &scratch)
        return Trainer.overflowSource(g, first: first, in: d, validation: validation)
    }
}
