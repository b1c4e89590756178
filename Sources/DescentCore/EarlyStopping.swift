/// Stops a run once the monitored loss has gone `patience` evaluations without a new lowest value, as Keras's
/// `EarlyStopping(patience=…, min_delta=0)`: the validation loss when there is a validation set, else the
/// full training set's loss. Only the run's own evaluations count, the first one setting the mark.
///
/// With `restoresBest`, it keeps a snapshot of the trainer at each new lowest value (an evaluation that improves,
/// not every step), so that a stopped run can be taken back to that step: weights, optimizer state, history,
/// batches and step count, as if the run had ended there.
public struct EarlyStopping {
    /// Evaluations without a new lowest value after which the run stops (at least 1).
    public let patience: Int
    /// Whether a stopped run goes back to its best step.
    public let restoresBest: Bool
    /// The run's lowest monitored loss so far and the step it was measured at.
    public private(set) var best: (step: Int, loss: Double)?
    /// Evaluations since `best` that did not go below it.
    public private(set) var sinceBest = 0
    /// Whether `check` has stopped the run.
    public private(set) var stopped = false
    /// The trainer at `best` (kept only when `restoresBest`).
    private var bestState: TrainerSnapshot?
    /// The step of the last evaluation looked at, so that each counts once.
    private var seenStep: Int?

    public init(patience: Int, restoresBest: Bool) {
        self.patience = max(1, patience)
        self.restoresBest = restoresBest
    }

    /// The name of the loss watched for `t`: `val_loss` with a validation set, else `train_loss`.
    public static func monitored(_ t: Trainer) -> String { t.validation == nil ? "train_loss" : "val_loss" }

    /// Looks at `t`'s evaluation when one was made at its current step: a stop reason once `patience` evaluations
    /// in a row have not gone below the lowest, else nil. A loss that is not a number never counts as lower.
    public mutating func check(_ t: Trainer) -> StopReason? {
        guard let e = t.history.lastEvaluation, e.step == t.stepCount, e.step != seenStep else { return nil }
        seenStep = e.step
        let loss = t.validation == nil ? e.trainLoss : e.valLoss ?? e.trainLoss
        if loss < (best?.loss ?? .infinity) {
            best = (e.step, loss)
            sinceBest = 0
            if restoresBest { bestState = t.snapshot(label: "best") }
            return nil
        }
        sinceBest += 1
        guard sinceBest >= patience, let best else { return nil }
        stopped = true
        return .requested("early stop: " + "\(Self.monitored(t)) has not gone below its lowest, \(Format.sig(best.loss, 4)) at step "
            + "\(best.step), in \(sinceBest) evaluation\(sinceBest == 1 ? "" : "s") (patience=\(patience))")
    }

    /// Takes `t` back to the best step when `restoresBest` and the run went past it: the step it went back to, else nil.
    public func restoreBest(_ t: Trainer) -> Int? {
        guard restoresBest, let state = bestState, state.stepCount < t.stepCount else { return nil }
        t.restore(state)
        return state.stepCount
    }
}
