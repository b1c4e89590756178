/// What `undo` needs to put a trainer back: parameters, optimizer state, history, sampler and dropout stream.
public struct TrainerSnapshot {
    /// The command that was undone (`step`, `train`, …).
    public var label: String
    public let stepCount: Int
    let parameters: [Tensor]
    let optimizer: Optimizer
    let history: History
    let sampler: BatchSampler
    let dropoutRNG: RNG

    /// The learning rate in force when the snapshot was taken: the rate the command it undoes ran at.
    public var learningRate: Double { optimizer.learningRate }
}
