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

    /// The most memory the snapshot holds on its own, in bytes: its copies of the parameters and of the optimizer's
    /// state, the sampler's row order (shared with the trainer until an epoch reshuffles it), and of the history the
    /// chunk of each log being written (a later append copies it; the other chunks are shared with the trainer's).
    public var byteCount: Int {
        let values = parameters.reduce(0) { $0 + $1.count }
            + optimizer.state1.reduce(0) { $0 + $1.count } + optimizer.state2.reduce(0) { $0 + $1.count }
        let chunk = ChunkedLog<History.Step>.chunkSize
        return 8 * values + MemoryLayout<Int>.stride * sampler.count
            + MemoryLayout<History.Step>.stride * min(history.steps.count, chunk)
            + MemoryLayout<History.Evaluation>.stride * min(history.evaluations.count, chunk)
    }
}
