import DescentCore

/// A run's history kept under a name (`keep NAME`) with the settings it was trained with, to compare with other runs
/// (`show runs`, `plot runs`); the run training now is one too, named `current`, while it has a history.
struct KeptRun {
    /// The name `keep` gave it, as typed (`current` for the run training now).
    var name: String
    /// The settings its last step ran with, on one line: model, loss, regularizer, optimizer and rate, batch, seed.
    var settings: String
    /// Its steps and evaluations: a copy that shares the full chunks with the history it was kept from.
    var history: History
    /// Classification or regression: which metric its evaluations hold.
    var task: Task

    /// The steps trained: the last step's number (the session's count, as `show history` numbers them).
    var steps: Int { history.lastStep?.step ?? history.lastEvaluation?.step ?? 0 }

    /// Whether its evaluations hold a validation loss (it was trained with a split).
    var validated: Bool { history.evaluations.contains { $0.valLoss != nil } }

    /// The lowest finite val_loss (train_loss when `validation` is false) of its evaluations, the first of equals, with
    /// its step; nil when there is none.
    func lowest(validation: Bool) -> (loss: Double, step: Int)? {
        var best: (loss: Double, step: Int)?
        for e in history.evaluations where e.step > 0 {
            guard let v = validation ? e.valLoss : e.trainLoss, v.isFinite else { continue }
            if best.map({ v < $0.loss }) ?? true { best = (v, e.step) }
        }
        return best
    }
}
