@testable import DescentCore
@testable import DescentShell

/// Everything `undo` promises to put back, captured for bit-for-bit comparison.
struct TrainerState: Equatable {
    var parameters: [[Double]]
    var optimizerState: [[Double]]
    var optimizerSteps: Int
    var learningRate: Double
    var steps: [History.Step]
    var evaluations: [History.Evaluation]
    var stepCount: Int
    var sampler: BatchSampler
    var dropoutRNG: RNG

    /// The state of the workspace's trainer now (nil when there is none).
    init?(_ w: Workspace) {
        guard let t = w.trainer else { return nil }
        parameters = t.model.parameters.map { $0.value.array }
        optimizerState = (t.optimizer.state1 + t.optimizer.state2).map { $0.array }
        optimizerSteps = t.optimizer.steps
        learningRate = t.optimizer.learningRate
        steps = Array(t.history.steps)
        evaluations = Array(t.history.evaluations)
        stepCount = t.stepCount
        sampler = t.sampler
        dropoutRNG = t.dropoutRNG
    }
}
