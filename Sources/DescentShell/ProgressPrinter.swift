import DescentCore

/// The plain training view: a progress line every tenth of the run, for scripts, pipes and dumb terminals.
final class ProgressPrinter: TrainingView {
    private let out: Output
    private var total = 0
    private var every = 1

    init(output: Output) { out = output }

    func begin(trainer: Trainer, total: Int, model: String) {
        self.total = total
        every = max(1, total / 10)
    }

    func update(trainer: Trainer, done: Int) -> StopReason? {
        if done % every == 0 || done == total { out.print(Report.progress(trainer, done: done, total: total)) }
        return nil
    }

    func end(trainer: Trainer, reason: StopReason) {}
}
