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
        start = trainer.stepCount; printed = 0
    }

    /// The trainer's step count when the run began, and the run's step whose line was printed last.
    private var start = 0, printed = 0

    func update(trainer: Trainer, done: Int) -> StopReason? {
        if done % every == 0 && done != total {
            out.print(Report.progress(trainer, done: done, total: total))
            printed = done
        }
        return nil
    }

    /// The line of the run's last step, once the trainer has evaluated the full sets there (a line printed
    /// at that step itself would show the evaluation before), whether the run completed or stopped early;
    /// after Ctrl-C, on a line of its own below the terminal's `^C`.
    func end(trainer: Trainer, reason: StopReason) {
        if reason == .interrupted { out.pastEcho() }
        let done = trainer.stepCount - start
        if done > 0 && done != printed { out.print(Report.progress(trainer, done: done, total: total)) }
    }
}
