/// Which curve of each run `plot runs` draws: the steps' batch loss or penalty, or the evaluations' training or validation loss.
enum RunCurve: String, CaseIterable {
    case batchLoss = "batch_loss", trainLoss = "train_loss", valLoss = "val_loss", penalty = "penalty"

    /// The curves' names, as `plot runs` takes them.
    static var names: [String] { allCases.map(\.rawValue) }
}
