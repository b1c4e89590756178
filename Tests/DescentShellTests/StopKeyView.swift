@testable import DescentCore
@testable import DescentShell

/// A training view that asks the run to stop once `at` of its steps have run, as a stop key pressed then does: an
/// evaluation of several blocks under way is abandoned, and the run stops at that step.
final class StopKeyView: TrainingView {
    let at: Int
    /// The trainer's step count when the run began.
    private var start = 0

    init(at: Int) { self.at = at }

    func begin(trainer: Trainer, total: Int, model: String) { start = trainer.stepCount }
    func update(trainer: Trainer, done: Int) -> StopReason? { done >= at ? .requested("stopped by the user") : nil }
    func stopRequested(trainer: Trainer) -> Bool { trainer.stepCount - start >= at }
    func end(trainer: Trainer, reason: StopReason) {}
}
