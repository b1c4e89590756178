import DescentCore
import Foundation

/// One-line texts about training that every view shares: progress lines, step reports and the run summary.
enum Report {
    /// `step 100/1000  epoch 4  loss 0.2113  penalty 0.0012  val_loss 0.25  accuracy 91.5%`
    static func progress(_ t: Trainer, done: Int, total: Int) -> String {
        var s = position(t, done: done, total: total) + lastLoss(t)
        if let e = t.history.lastEvaluation { s += "  " + evaluation(e, of: t, done: done) }
        return s
    }

    /// Where a run stands: `step 300/1000 (total 1300)  epoch 1300` — the run's steps done of its total, the
    /// session's step count when earlier runs make it differ, and the epoch, counted from the session's start as
    /// that total is. Without a total (0), `step 1300  epoch 1300`.
    static func position(_ t: Trainer, done: Int, total: Int) -> String {
        var s = "step \(t.stepCount)"
        if total > 0 { s = "step \(done)/\(total)" + (t.stepCount == done ? "" : " (total \(t.stepCount))") }
        return s + "  epoch \(t.history.lastStep?.epoch ?? t.epoch)"
    }

    /// The last step's batch loss, and its penalty when there is a regularizer: `  loss 0.2113  penalty 0.0012`
    /// ("" before any step).
    static func lastLoss(_ t: Trainer) -> String {
        guard let last = t.history.lastStep else { return "" }
        return "  loss \(Format.sig(last.loss, 4))" + (t.regularizer.isNone ? "" : "  penalty \(Format.sig(last.penalty, 4))")
    }

    /// `evaluation(_:task:)` of `t`'s evaluation `e`, in a run that has taken `done` steps; the full sets are evaluated
    /// every K steps, so an older evaluation says which step it is from: `(evaluated at step 1200)`, or, once earlier
    /// runs make the session's count differ from the run's, `(evaluated at total step 1200)`, the session's count.
    static func evaluation(_ e: History.Evaluation, of t: Trainer, done: Int) -> String {
        evaluation(e, task: t.train.task) + (e.step == t.stepCount ? "" : "  (evaluated at \(stepName(t, done: done)) \(e.step))")
    }

    /// How an evaluation's step, which the session counts, is named beside a run's count of `done` steps: `step` while
    /// the two counts agree, else `total step`, as the run's position says `(total 1300)`.
    static func stepName(_ t: Trainer, done: Int) -> String { t.stepCount == done ? "step" : "total step" }

    /// `train_loss 0.21  val_loss 0.25  accuracy 91.5%  val_accuracy 90%`
    static func evaluation(_ e: History.Evaluation, task: Task) -> String {
        var parts = ["train_loss \(Format.sig(e.trainLoss, 4))"]
        if let v = e.valLoss { parts.append("val_loss \(Format.sig(v, 4))") }
        parts.append("\(Metrics.name(for: task)) \(metric(e.trainMetric, task: task))")
        if let v = e.valMetric { parts.append("val_\(Metrics.name(for: task)) \(metric(v, task: task))") }
        return parts.joined(separator: "  ")
    }

    /// Accuracy as a percentage, R² as a number.
    static func metric(_ x: Double, task: Task) -> String {
        task == .regression ? Format.sig(x, 4) : Format.sig(100 * x, 4) + "%"
    }

    /// A rate in steps per second: whole above 1,000 (`87619`), else 4 significant digits (`812.3`, `0.3965`).
    static func rate(_ r: Double) -> String { r >= 1000 ? String(Int(r.rounded())) : Format.sig(r, 4) }

    /// The line printed after a run: steps, losses, metric, time and why it stopped.
    static func summary(_ t: Trainer, ran: Int, seconds: Double, reason: StopReason) -> String {
        var s = "trained \(ran) step\(ran == 1 ? "" : "s") (total \(t.stepCount))"
        // The full sets' figures when this run moved the parameters (a run that took no step would quote an
        // evaluation of parameters that `set` or `load` may have changed since).
        if ran > 0, let e = t.history.lastEvaluation { s += ": " + evaluation(e, of: t, done: ran) }
        s += String(format: "  in %.2fs", seconds)
        if seconds > 0 && ran > 0 { s += " (\(rate(Double(ran) / seconds)) steps/s)" }
        s += " — \(reason)"
        return s
    }
}
