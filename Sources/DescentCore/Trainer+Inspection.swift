/// Phases driven by hand, single samples, snapshots and carried-over state.
extension Trainer {
    /// The state to restore with `restore`. A step drawn by hand and not yet applied is not kept, but where
    /// the sampler and dropout stream stood before its draw is: after `restore` the next pass draws its batch
    /// and masks again.
    public func snapshot(label: String) -> TrainerSnapshot {
        TrainerSnapshot(label: label, stepCount: stepCount, parameters: model.snapshot(), optimizer: optimizer.snapshot(),
                        history: history, sampler: stepStart.sampler, dropoutRNG: stepStart.dropoutRNG)
    }

    /// Puts back everything `snapshot` saved, bit for bit; any step under way is dropped.
    public func restore(_ s: TrainerSnapshot) {
        model.restore(s.parameters)
        optimizer = s.optimizer.snapshot()
        beforeDraw = nil   // the snapshot's sampler and stream are the ones to keep
        replaceState(history: s.history, stepCount: s.stepCount, sampler: s.sampler, dropoutRNG: s.dropoutRNG)
        discardPending()
        gradientsStale = true   // the gradients held are from a later state
        scheduleOfLastStep = schedule
        applySchedule()
    }

    /// Takes over the history and step count of a trainer this one replaces (same model and data, new
    /// settings), and where its batches stood: the same sampler when the batch size is the same, else this
    /// one's, numbering its epochs on from the old one's.
    ///
    /// Where the batches stood is the sampler the last step drew from: when the old trainer has drawn nothing since
    /// it replaced a sampler of another size (it was built in between by something that trains nothing: `predict`,
    /// `graph`, a check that failed), the sampler it replaced. So when a trainer is built never changes the batches:
    /// `batch 8` then `batch 16` before a step continues the epoch of batches of 16, whatever ran in between.
    public func adoptHistory(from old: Trainer) {
        scheduleOfLastStep = old.scheduleOfLastStep
        // A batch the old trainer drew by hand and did not apply is drawn again here.
        let (oldSampler, oldDropout) = old.stepStart
        var stood = oldSampler
        if let r = old.replacedSampler, r.fresh == oldSampler { stood = r.previous }
        var s = sampler
        if stood.count == s.count && stood.batchSize == s.batchSize {
            s = stood
            replacedSampler = nil
        } else {
            s.continueNumbering(after: stood)
            replacedSampler = (s, stood)
        }
        replaceState(history: old.history, stepCount: old.stepCount, sampler: s, dropoutRNG: oldDropout)
        gradientsStale = old.gradientsStale
    }

    /// Runs the forward pass on training sample `i` alone, in evaluation mode, without touching the step under way.
    public func forwardSample(_ i: Int) -> Graph {
        let g = sampleGraph()
        train.copyRows([i], x: g.input.pointer, y: g.target.pointer)
        var scratch = dropoutRNG
        g.forward(training: false, rng: &scratch)
        return g
    }

    /// Applies the optimizer with the gradients now held by the parameters and ends the step, recording `g`'s loss;
    /// unless a parameter would become infinite or NaN: then parameters and optimizer state are put back, the step
    /// stays under way, and the result names that parameter.
    public func applyUpdate(using g: Graph) -> String? {
        let parameters = model.snapshot(), state = optimizer.snapshot()
        optimizer.update(model.parameters)
        if let bad = model.parameters.first(where: { !$0.value.allFinite }) {
            model.restore(parameters)
            optimizer = state
            return bad.name
        }
        finishStep(g)
        return nil
    }

    /// Notes that `g`'s backward pass ran by hand, so `update` will not recompute it.
    public func markBackwarded(_ g: Graph) {
        if g === currentGraph && g.backwardComplete { setPhase(.backwarded); gradientsStale = false }
    }

    /// A graph with the next batch's shape, for display (`graph`); its values are whatever it last held. A batch of
    /// more than `blockRows` rows, which `train` never builds whole, gets the one-sample graph instead (its nodes are
    /// the same; only the rows differ): a 300,000-row graph took a gigabyte just to be shown.
    public func previewGraph() -> Graph {
        if let g = currentGraph { return g }
        return sampler.nextBatchSize > blockRows ? sampleGraph() : graphForNextBatch()
    }

    /// Rows in the batch the next step draws.
    public var nextBatchRows: Int { sampler.nextBatchSize }

    /// The batch under way, or else a graph loaded with the batch the next step will draw, without drawing it:
    /// the sampler and the dropout stream are left as they are.
    public func peekNextBatch() -> Graph {
        if let g = currentGraph { return g }
        var copy = sampler
        let idx = copy.next()
        let g = graph(rows: idx.count)
        train.copyRows(idx, x: g.input.pointer, y: g.target.pointer)
        return g
    }

    /// The total gradient norm held by the parameters now.
    public var lastGradientNorm: Double { Parameter.gradientNorm(of: model.parameters) }

    /// Loss, penalty and metric on the full sets at the current parameters, not recorded; nil when `stop`, asked between
    /// blocks of rows, says to stop (Ctrl-C on a large set).
    public func evaluateNow(until stop: @escaping () -> Bool = { false }) -> EvaluationNow? {
        guard let e = stopping(when: stop, { evaluationValues(stoppable: true) }) else { return nil }
        return EvaluationNow(trainLoss: e.trainLoss, penalty: e.penalty, valLoss: e.valLoss, trainMetric: e.trainMetric, valMetric: e.valMetric)
    }

    /// `body`'s result with `shouldContinue` asking `stop` meanwhile (and put back after): an evaluation outside a run
    /// that Ctrl-C can stop between blocks of rows.
    private func stopping<T>(when stop: @escaping () -> Bool, _ body: () -> T) -> T {
        let kept = shouldContinue
        shouldContinue = { !stop() }
        defer { shouldContinue = kept }
        return body()
    }
}

extension Trainer {
    /// Runs the model in evaluation mode on `rows` inputs (row-major, `featureCount` each) and returns the graph,
    /// whose `output` holds the predictions. The graph is kept for the next call with the same row count.
    public func predict(_ inputs: [Double], rows: Int) -> Graph {
        let g: Graph
        if let m = mapGraphStorage, m.rows == rows { g = m } else {
            g = Graph(spec: model.spec, parameters: model.parameters, loss: loss, regularizer: regularizer, rows: rows)
            mapGraphStorage = g
        }
        g.input.load(inputs)
        var scratch = dropoutRNG
        g.forward(training: false, rng: &scratch)
        return g
    }

    /// Runs the model in evaluation mode on inputs `X` [rows, columns] given in the data's raw units: the feature terms
    /// are computed from them (under `features`), then go through the training data's standardisation, when it has one.
    /// See `predict(_:rows:)`. `X` must have the data's input width, `train.inputCount` (the caller checks what a person typed).
    public func predict(raw X: Tensor) -> Graph {
        let features = train.features(fromInputs: X)
        let inputs = train.standardization?.apply(features) ?? features
        return predict(inputs.data, rows: inputs.rows)
    }

    /// The confusion matrices of the full training set and (when there is one) the validation set, from a
    /// forward pass in evaluation mode at the current parameters: the passes `evaluateNow` counts its
    /// accuracy from. Nothing is recorded; the dropout stream, the sampler and a step under way are left as
    /// they are. For classification tasks (a regression task gives empty matrices).
    /// Nil when `stop`, asked between blocks of rows, says to stop.
    public func confusionMatrices(until stop: @escaping () -> Bool = { false }) -> (train: ConfusionMatrix, validation: ConfusionMatrix?)? {
        let classes = train.classNames.count
        func matrix(validation: Bool) -> ConfusionMatrix? {
            var m = ConfusionMatrix(classes: classes)
            let targets = (validation ? self.validation : train)?.y.data ?? []
            let done = evaluationBlocks(validation: validation, stoppable: true) { g, first in m.add(g, targets: targets, first: first) }
            return done ? m : nil
        }
        return stopping(when: stop) {
            guard let t = matrix(validation: false) else { return nil }
            guard validation != nil else { return (t, nil) }
            guard let v = matrix(validation: true) else { return nil }
            return (t, v)
        }
    }
}
