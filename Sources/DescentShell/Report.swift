import DescentCore
import Foundation

/// One-line texts about training that every view shares: progress lines, step reports and the run summary.
enum Report {
    /// `step 100/1000  epoch 4  batch_loss 0.2113  train_loss 0.21  penalty 0.0012  val_loss 0.25  accuracy 91.5%`: the
    /// penalty beside the full sets' losses once there is an evaluation, else beside the batch loss.
    static func progress(_ t: Trainer, done: Int, total: Int) -> String {
        var s = position(t, done: done, total: total)
        guard let e = t.history.lastEvaluation else { return s + lastLoss(t) }
        s += lastLoss(t, penalty: false) + "  " + evaluation(e, of: t, done: done)
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

    /// The last step's batch loss, and its penalty when there is a regularizer: `  batch_loss 0.2113  penalty 0.0012`
    /// ("" before any step), both from the step's forward pass on its batch, before its update.
    static func lastLoss(_ t: Trainer, penalty: Bool = true) -> String {
        guard let last = t.history.lastStep else { return "" }
        return "  batch_loss \(Format.sig(last.batchLoss, 4))" + (t.regularizer.isNone || !penalty ? "" : "  penalty \(Format.sig(last.penalty, 4))")
    }

    /// `t`'s evaluation `e`: `train_loss 0.21  penalty 0.0012  val_loss 0.25  accuracy 91.5%  val_accuracy 90%`, the
    /// penalty (the objective being train_loss + penalty) when there is a regularizer, an undefined R² as `n/a`. The
    /// full sets are evaluated every K steps, so an older evaluation says which step it is from: `(evaluated at step
    /// 1200)`, or, in a run that has taken `done` steps once earlier runs make the session's count differ from the
    /// run's, `(evaluated at total step 1200)`, the session's count.
    static func evaluation(_ e: History.Evaluation, of t: Trainer, done: Int? = nil) -> String {
        let task = t.train.task, name = Metrics.name(for: task), undefined = t.r2Undefined
        var parts = ["train_loss \(Format.sig(e.trainLoss, 4))"]
        if !t.regularizer.isNone { parts.append("penalty \(Format.sig(e.penalty, 4))") }
        if let v = e.valLoss { parts.append("val_loss \(Format.sig(v, 4))") }
        parts.append("\(name) \(metric(e.trainMetric, task: task, undefined: undefined.train))")
        if let v = e.valMetric { parts.append("val_\(name) \(metric(v, task: task, undefined: undefined.validation))") }
        let at = done.map { stepName(t, done: $0) } ?? "step"
        return parts.joined(separator: "  ") + (e.step == t.stepCount ? "" : "  (evaluated at \(at) \(e.step))")
    }

    /// How an evaluation's step, which the session counts, is named beside a run's count of `done` steps: `step` while
    /// the two counts agree, else `total step`, as the run's position says `(total 1300)`.
    static func stepName(_ t: Trainer, done: Int) -> String { t.stepCount == done ? "step" : "total step" }

    /// Accuracy as a percentage, R² as a number; `n/a` for an R² that is undefined on its set (`undefined`: see
    /// `Trainer.r2Undefined`), which the evaluation holds as NaN.
    static func metric(_ x: Double, task: Task, undefined: Bool = false) -> String {
        if undefined && x.isNaN { return "n/a" }
        return task == .regression ? Format.sig(x, 4) : Format.sig(100 * x, 4) + "%"
    }

    /// The note that says what `n/a` means when R² is undefined on `t`'s training or validation set, and why; nil
    /// when it is defined on both.
    static func undefinedR2Note(_ t: Trainer) -> String? {
        let undefined = t.r2Undefined
        var sets: [String] = []
        if undefined.train { sets.append("r2: " + constantTargets(t.train, set: "training set")) }
        if undefined.validation, let v = t.validation {
            sets.append("val_r2: " + constantTargets(v, set: "validation set") + (v.count == 1 ? "; a smaller `split` fraction leaves more rows for validation" : ""))
        }
        guard !sets.isEmpty else { return nil }
        return "note: n/a is an undefined R²: 1 − Σ(y − ŷ)²/Σ(y − ȳ)² divides by 0 when the targets have no variance ("
            + sets.joined(separator: "; ") + ")"
    }

    /// Why `d`'s targets have no variance: `the validation set has 1 row`, `the training set's 5 targets are all 3`.
    static func constantTargets(_ d: Dataset, set: String) -> String {
        d.count == 1 ? "the \(set) has 1 row" : "the \(set)'s \(d.count) targets are all \(Format.sig(d.y.data.first ?? .nan, 6))"
    }

    /// A rate in steps per second: whole above 1,000 (`87619`), else 4 significant digits (`812.3`, `0.3965`).
    static func rate(_ r: Double) -> String { r >= 1000 ? String(Int(r.rounded())) : Format.sig(r, 4) }

    /// The line printed after a run: steps, losses, metric, time and why it stopped. The speed is of the `took` steps
    /// the run took (more than the `ran` it kept when restore=best went back).
    static func summary(_ t: Trainer, ran: Int, took: Int? = nil, seconds: Double, reason: StopReason) -> String {
        var s = "trained \(ran) step\(ran == 1 ? "" : "s") (total \(t.stepCount))"
        // The full sets' figures when this run moved the parameters (a run that took no step would quote an
        // evaluation of parameters that `set` or `load` may have changed since).
        if ran > 0, let e = t.history.lastEvaluation { s += ": " + evaluation(e, of: t, done: ran) }
        s += String(format: "  in %.2fs", seconds)
        if seconds > 0 && ran > 0 { s += " (\(rate(Double(took ?? ran) / seconds)) steps/s)" }
        s += " — \(reason)"
        if ran > 0, let note = validationRise(t.history) { s += "\n" + note }
        return s
    }

    /// How far validation loss must have risen above its lowest for `validationRise` to say so: 10%.
    static let riseWorthSaying = 1.1

    /// When the last evaluation's val_loss is more than 10% above the lowest one the history holds, earlier: a note
    /// naming that step as the lowest of the evaluations, how far apart they were there (the loss between them was not
    /// measured), and, when the training loss has fallen since, that this looks like overfitting.
    static func validationRise(_ h: History) -> String? {
        guard let last = h.lastEvaluation, let now = last.valLoss, now.isFinite else { return nil }
        var best: Int?
        for i in h.evaluations.indices {
            if let v = h.evaluations[i].valLoss, v.isFinite, v < (best.flatMap { h.evaluations[$0].valLoss } ?? .infinity) { best = i }
        }
        guard let i = best else { return nil }
        let lowest = h.evaluations[i]
        guard let low = lowest.valLoss, lowest.step < last.step, now > riseWorthSaying * low else { return nil }
        let why = last.trainLoss < lowest.trainLoss
            ? ", while train_loss fell from \(Format.sig(lowest.trainLoss, 4)) to \(Format.sig(last.trainLoss, 4)): overfitting"
            : ""
        // The steps from the evaluation before it (or the start) and to the one after it.
        let before = lowest.step - (i > h.evaluations.startIndex ? h.evaluations[i - 1].step : 0)
        let after = h.evaluations[i + 1].step - lowest.step
        let apart = max(before, after) == 1 ? "" : before == after ? " (every \(after) steps)" : " (up to \(max(before, after)) steps apart there)"
        return "note: val_loss was lowest of the evaluations\(apart) at step \(lowest.step) (\(Format.sig(low, 4))) and is \(Format.sig(now, 4)) now\(why)"
            + " (`show history` lists the evaluations)"
    }
}
