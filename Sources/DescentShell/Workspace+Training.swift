import DescentCore

/// The model line, breaks and watches, for training runs.
extension Workspace {
    /// `2-8-8-1 tanh · bce · l2 1e-3 · adam lr 0.01 beta1 0.8`: the optimizer's settings that are not its defaults
    /// named as a kept run's (`settingsLine`) are.
    func modelLine() -> String {
        var parts: [String] = []
        if let m = model { parts.append(m.spec.summary) }
        if let l = loss { parts.append(l.description) }
        if !regularizer.isNone { parts.append(regularizer.description) }
        parts.append("\(optimizerKind.name) lr \(Format.rate(currentRate))\(Workspace.optimizerOptions(optimizerKind))")
        return parts.joined(separator: " · ")
    }

    /// After a run that stopped on a loss that is not finite: under plain sgd, when the L2 penalty's term alone
    /// multiplies each weight by 1 − 2·lr·λ with |1 − 2·lr·λ| ≥ 1 (2·lr·λ ≥ 2), a note saying so with the numbers; nil
    /// otherwise.
    static func l2DivergenceNote(_ t: Trainer) -> String? {
        let lr = t.optimizer.learningRate, l2 = t.regularizer.l2
        guard case .sgd(0, _) = t.optimizer.kind, l2 > 0, 2 * lr * l2 >= 2 else { return nil }
        return "note: under sgd the L2 penalty alone multiplies each weight by 1 − 2·lr·λ every step, and 2·lr·λ = "
            + "2·\(Format.rate(lr))·\(Format.rate(l2)) = \(Format.rate(2 * lr * l2)), so |1 − 2·lr·λ| = \(Format.rate(abs(1 - 2 * lr * l2))) "
            + "≥ 1: the weights cannot shrink, and grow without bound — lr below 1/λ = \(Format.rate(1 / l2)), or a smaller λ, "
            + "makes it less than 1"
    }

    /// Says what `n/a` means the first time a report shows an undefined R² (after a run's summary or a step's report
    /// that quoted an evaluation), and again when new data or a new split makes it undefined for another reason.
    func noteUndefinedR2(_ t: Trainer) {
        guard let note = Report.undefinedR2Note(t), note != notedUndefinedR2 else { return }
        out.print(note)
        notedUndefinedR2 = note
    }

    /// Stops on `break gradnorm` (NaN is always a stop; the trainer reports it).
    func checkBreaks(_ t: Trainer) -> StopReason? {
        guard let bound = breakGradNorm else { return nil }
        let norm = t.lastGradientNorm
        if norm > bound {
            return .requested("break: gradient norm \(Format.sig(norm, 4)) > \(Format.short(bound)) at step \(t.stepCount) (its update applied)")
        }
        return nil
    }

    /// Prints each watched entry (during a run only when the view does not show them: progress lines).
    func printWatches(_ t: Trainer, live: Bool) {
        // The live view shows watched entries in its status area instead.
        guard !watches.isEmpty, !live || !trainingView.showsWatches else { return }
        out.print("  watch step \(t.stepCount): " + watchedValues(t.model).joined(separator: "  "))
    }

    /// Each watched entry's value (nil for one the model does not have), for `watchSummary` after a run.
    func watchedNumbers(_ m: Model) -> [Double?] {
        watches.map { wch in m.parameter(wch.name).flatMap { p in p.offset(of: wch.index).map { p.value[$0] } } }
    }

    /// Each watched entry from its value `before` a run of `steps` steps to now: `watch W1[0,1]: 0.25 → 0.2612 over 3 steps`,
    /// after a run the live view showed (its status area, which closes with the run, was where they were).
    func watchSummary(_ m: Model, before: [Double?], steps: Int) -> [String] {
        guard steps > 0 else { return [] }
        let now = watchedNumbers(m)
        return watches.indices.map { k in
            guard k < before.count, let from = before[k], let to = now[k] else { return "watch \(watches[k].text): not in this model" }
            return "watch \(watches[k].text): \(Format.sig(from, 6)) → \(Format.sig(to, 6)) over \(Format.counted(steps, "step"))"
        }
    }

    /// Once a session, after the first `train` or `step` that ran under the optimizer no `optimizer` command chose: that
    /// it is plain SGD at its rate (PyTorch's defaults), and how to choose one.
    func noteDefaultOptimizer() {
        guard !optimizerChosen, !notedDefaultOptimizer, stepCount > 0 else { return }
        notedDefaultOptimizer = true
        let rate = Format.rate(currentRate)
        out.print("note: optimizer \(optimizerKind.name) lr=\(rate) (" + (learningRate == nil ? "the default" : "\(optimizerKind.name) is the default rule")
                  + "; set one with `optimizer sgd|adam|rmsprop|adagrad [lr=X]`)")
    }

    /// Each watched entry as `W1[0,1] = 0.25`; a watch outlives model changes, so an entry the model no
    /// longer has says so.
    func watchedValues(_ m: Model) -> [String] {
        watches.map { wch in
            guard let p = m.parameter(wch.name), let off = p.offset(of: wch.index) else { return "\(wch.text): not in this model" }
            return "\(wch.text) = \(Format.sig(p.value[off], 6))"
        }
    }
}
