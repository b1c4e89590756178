@testable import DescentCore
@testable import DescentShell

/// A training view that shows the watched entries itself, as the live view does in its status area, so that they are
/// not printed after each step.
final class WatchingView: TrainingView {
    func begin(trainer: Trainer, total: Int, model: String) {}
    func update(trainer: Trainer, done: Int) -> StopReason? { nil }
    func end(trainer: Trainer, reason: StopReason) {}
    var showsWatches: Bool { true }
}
