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

    /// Steps the run has done, and whether the line for them was printed.
    private var done = 0, printed = true

    func update(trainer: Trainer, done: Int) -> StopReason? {
        self.done = done
        printed = done % every == 0 && done != total
        if printed { out.print(Report.progress(trainer, done: done, total: total)) }
        return nil
    }

    /// The line of the run's last step, once the trainer has evaluated the full sets there (a line printed
    /// at that step itself would show the evaluation before).
    func end(trainer: Trainer, reason: StopReason) {
        if !printed && done > 0 { out.print(Report.progress(trainer, done: done, total: total)) }
        done = 0; printed = true
    }
}
