import DescentCore
import DescentLanguage
import DescentTerminal
import DescentPlot
import DescentText
import Foundation

/// Commands that run training.
extension Commands {
    static let training: [CommandSpec] = [
        CommandSpec("train", ["train STEPS [every=K] [pace=S] [patience=P [restore=best]]",
                              "train N epochs [every=K] [pace=S] [patience=P [restore=best]]",
                              "train STEPS of=M [final=false]   (how `save session` writes a run stopped early)"],
                    "train for a number of steps (or epochs); every=K evaluates the full sets every K steps; pace=S shows "
                        + "at most S steps a second in the full-screen view, to watch a short run; patience=P stops once "
                        + "val_loss (train_loss without a split) has gone P evaluations without a new lowest, and "
                        + "restore=best then goes back to that lowest step",
                    keywords: ["epochs", "steps"], handler: train),
        CommandSpec("step", ["step"], "one training step — forward, backward, update — with a short report", handler: step),
        CommandSpec("reset", ["reset"], "new initial weights from the seed (same seed → same weights); history cleared",
                    handler: reset),
    ]

    /// The most steps one `train` runs.
    static let maxSteps = 100_000_000

    /// The `key=` options `train` takes.
    static let trainOptions = ["every", "pace", "patience", "restore", "of", "final"]

    static func train(_ w: Workspace, _ a: inout ArgReader) throws {
        if let foreign = ForeignNames.trainOption(in: a) { throw foreign }
        let positionals = a.command.args.filter { $0.key == nil }
        if positionals.count >= 2, case .word(let unit) = positionals[0].value, ["epochs", "epoch", "steps", "step"].contains(unit.lowercased()),
           case .number = positionals[1].value {
            throw Diagnostic("expected the number first — write `train \(positionals[1].text.shortened()) \(unit)`", at: positionals[0].span)
        }
        let n = try a.int("number of steps or epochs", range: 1...maxSteps)
        let unit = try a.optionalWord("unit", oneOf: ["steps", "epochs", "step", "epoch"]) ?? "steps"
        let every = try a.optionalIntOption("every", range: 1...1_000_000_000)
        let pace = a.option("pace") == nil ? nil : try a.numberOption("pace", default: 0, range: .closed(0.1, 1_000_000))
        let patience = try a.optionalIntOption("patience", range: 1...1_000_000_000)
        let restore = try a.wordOption("restore", oneOf: ["best", "last"], default: "last")
        if patience == nil && a.option("restore") != nil {
            throw a.error("restore=\(restore) goes with patience=P, which stops the run early — e.g. train 2000 patience=20 restore=best",
                          options: ["restore"])
        }
        // A run's first steps, evaluated as the whole run would be (`of=`), and without its last evaluation (`final=`):
        // how `save session` writes a run that stopped early.
        let whole = try a.optionalIntOption("of", range: 1...maxSteps)
        let lastEvaluated = try a.boolOption("final", default: true)
        try a.finish(options: trainOptions)
        let t = try w.ensureTrainer()
        let perEpoch = t.sampler.batchesPerEpoch
        if unit.hasPrefix("epoch") && n > maxSteps / perEpoch {
            throw ShellError("\(n) epochs of \(perEpoch) steps are more than \(maxSteps) steps — train at most \(maxSteps / perEpoch) epochs at a time")
        }
        let steps = unit.hasPrefix("epoch") ? n * perEpoch : n
        if let whole, whole < steps {
            throw a.error("of=\(whole) is the run these \(steps) steps begin, which cannot be shorter than they are", options: ["of"])
        }
        let intervals = (w.evaluationInterval, t.evaluationInterval), undo = w.undoStack, rollback = StepRollback(w, t)
        // Without every= (here or before), the run chooses its interval from its length, and leaves it for later steps.
        let chosen = every == nil && w.evaluationInterval == nil
        if let every { w.evaluationInterval = every; t.evaluationInterval = every }
        if chosen { t.evaluationInterval = max(1, (whole ?? steps) / 200, t.evaluationFloor) }
        if let pace, !w.trainingView.setPace(pace) {
            w.out.print(LiveView.paceIgnoredNote(pace))
        }
        let early = patience.map { EarlyStopping(patience: $0, restoresBest: restore == "best") }
        let (ran, reason) = runTraining(w, t, steps: steps, lastStepEvaluated: lastEvaluated, early: early)
        if ran == 0, case .nonFinite(let why) = reason {
            // A run that stopped before its first step leaves nothing, as a failed `step` does: the batch it drew,
            // its undo entry, its settings, the gradients and a hand pass it dropped go back.
            if let start = w.undoStack.last { t.restore(start) }
            w.undoStack = undo
            (w.evaluationInterval, t.evaluationInterval) = intervals
            rollback.restore(w, t)
            throw ShellError("the run stopped before its first step, so nothing changed: \(why)")
        }
        if ran > 0 && rollback.handPass != nil { w.out.print(droppedNote) }
        w.noteDefaultOptimizer()
        w.recordedAs = recordedForm(t, steps: steps, ran: ran, reason: reason, every: every, chosenOf: chosen ? whole ?? steps : nil)
        // A pace changes nothing that is trained: a saved session leaves it out, so that a replay at the prompt does not
        // crawl through runs the person sped up.
        if pace != nil && w.recordedAs == nil {
            w.recordedAs = [(["train"] + a.command.args.filter { $0.key?.lowercased() != "pace" }.map(\.text)).joined(separator: " ")]
        }
    }

    /// How `save session` writes a run that did not end as its command does when replayed, so that a replay reproduces
    /// its weights and history; nil for the command's own text. A run stopped early is written as the steps it took —
    /// those that ran (Ctrl-C, stop keys and breaks stop between steps), plus the one a non-finite loss stopped, whose
    /// batch was drawn (replayed, it stops there again) — evaluated as it was: every=K, or `of=M` when it chose its
    /// interval from its M steps (so that later runs still choose theirs); and `final=false` when it has no evaluation
    /// at its last step, which a stop key or Ctrl-C abandoned on sets of more than a block of rows.
    static func recordedForm(_ t: Trainer, steps: Int, ran: Int, reason: StopReason, every: Int?, chosenOf: Int?) -> [String]? {
        var took = ran, nonFinite = false
        if case .nonFinite = reason { took += 1; nonFinite = true }
        // After a non-finite stop the run evaluates at its end as a replay does.
        let unevaluated = !nonFinite && t.history.lastEvaluation?.step != t.stepCount
        guard took < steps || unevaluated else { return nil }
        guard took > 0 else { return [] }   // a run that took no step is not saved (`train 0` is no command)
        var form = "train \(took)"
        if let every { form += " every=\(every)" } else if let whole = chosenOf, whole != took { form += " of=\(whole)" }
        if unevaluated { form += " final=false" }
        return [form]
    }

    /// Runs `steps` steps through the current view, with undo, watches and breaks; prints the summary and
    /// returns the steps that ran and why the run ended.
    @discardableResult
    static func runTraining(_ w: Workspace, _ t: Trainer, steps: Int, lastStepEvaluated: Bool = true,
                            early: EarlyStopping? = nil) -> (ran: Int, reason: StopReason) {
        var early = early
        w.pushUndo("train")
        t.discardPending()   // a step started by hand is dropped (`train` says so once a step has run)
        let start = t.stepCount, watchedBefore = w.watchedNumbers(t.model)
        // Whether the view showed the watched entries itself (the live view), rather than printing them every step.
        var watchedLive = false
        let clock = ContinuousClock(), began = Suspension.activeNow(clock)
        // Evaluating a large set takes a while: Ctrl-C and the view's stop keys abandon it between blocks of rows.
        t.shouldContinue = { [unowned t] in !Interrupt.requested && !w.trainingView.stopRequested(trainer: t) }
        defer { t.shouldContinue = { true } }
        // Ctrl-Z stops the run; the time it stays stopped, like the time paused, is not the run's.
        let (reason, secs) = Suspension.during {
            w.trainingView.begin(trainer: t, total: steps, model: w.modelLine())
            watchedLive = w.trainingView.showsWatches
            let reason = Interrupt.during {
                t.train(steps: steps, lastStepEvaluated: lastStepEvaluated) { t in
                    if Interrupt.requested { return .interrupted }
                    // The step's watched values first, also for the step a break stops at.
                    w.printWatches(t, live: true)
                    if let stop = w.checkBreaks(t) { return stop }
                    if let stop = early?.check(t) { return stop }
                    return w.trainingView.update(trainer: t, done: t.stepCount - start)
                }
            }
            let secs = (Suspension.activeNow(clock) - began - w.trainingView.pausedTime).seconds
            w.trainingView.end(trainer: t, reason: reason)
            return (reason, secs)
        }
        // An early stop with restore=best goes back to the run's best step, as if the run had ended there.
        var said = reason
        let stoppedAt = t.stepCount
        if case .requested(let why) = reason, early?.stopped == true, let back = early?.restoreBest(t) {
            said = .requested(why + "; back at step \(back), as restore=best asks (steps \(back + 1)–\(stoppedAt) undone; "
                + "`undo` takes the whole run back)")
        }
        // A run stopped by a non-finite loss before its first step is a failed command, which says so itself.
        if case .nonFinite = reason, t.stepCount == start {} else {
            w.out.print(Report.summary(t, ran: t.stepCount - start, took: stoppedAt - start, seconds: secs, reason: said))
            // The live view closes with the run, taking the watched entries with it: what they did stays.
            if watchedLive { for line in w.watchSummary(t.model, before: watchedBefore, steps: t.stepCount - start) { w.out.print(line) } }
            switch reason {
            case .nonFinite, .nonFiniteEvaluation: if let note = Workspace.l2DivergenceNote(t) { w.out.print(note) }
            default: break
            }
        }
        if t.stepCount > start && t.history.lastEvaluation != nil { w.noteUndefinedR2(t) }
        w.inspected = nil
        if t.stepCount > start { w.gradientsUsedByStep = t.stepCount }
        return (t.stepCount - start, reason)
    }

    /// What `train` and `step` say when they drop a step started by hand.
    static let droppedNote = "note: the step under way (forward/backward by hand) was dropped, and its batch trained instead"

    static func step(_ w: Workspace, _ a: inout ArgReader) throws {
        try a.finish(options: [])
        let t = try w.ensureTrainer()
        let snap = t.snapshot(label: "step")
        // A hand pass under way is dropped for the step, and run again as it stood if the step fails.
        let rollback = StepRollback(w, t)
        t.discardPending()
        if let stop = t.step() {
            // Nothing of the failed step stays: batch, sampler and dropout stream go back with the snapshot, the
            // gradients and the pass by hand with the rollback.
            t.restore(snap)
            rollback.restore(w, t)
            throw ShellError("the step was not applied: \(stop)")
        }
        if rollback.handPass != nil { w.out.print(droppedNote) }
        w.pushUndo(snap)
        // The hand pass it dropped is no longer the one under way, as after `train`.
        w.inspected = nil
        w.gradientsUsedByStep = t.stepCount
        var line = "step \(t.stepCount)  epoch \(t.history.lastStep?.epoch ?? 1)  \(Format.counted(t.lastBatchRows, "row"))  batch_loss \(Format.sig(t.history.lastStep?.batchLoss ?? .nan, 6))"
        if !t.regularizer.isNone { line += "  penalty \(Format.sig(t.history.lastStep?.penalty ?? .nan, 6))" }
        line += "  |grad| \(Format.sig(t.lastGradientNorm, 4))  lr \(Format.rate(t.lastStepRate))"
        w.out.print(line)
        if let e = t.history.lastEvaluation, e.step == t.stepCount {
            w.out.print("  " + Report.evaluation(e, of: t))
            w.noteUndefinedR2(t)
            // As a run stops there; a lone step has nothing after it to stop, and its update is kept as a run's is.
            if let stop = t.overflowStop() { w.out.print("warning: \(stop) — `undo` takes the step back") }
        }
        w.printWatches(t, live: false)
        if let stop = w.checkBreaks(t) { w.out.print("\(stop)") }
        w.noteDefaultOptimizer()
    }

    /// Runs again the hand pass a failed `step` dropped: the forward pass (the same batch and dropout masks, the
    /// sampler and dropout stream being back where they stood before its draw) and as many backward nodes as had run.
    static func redoHandPass(_ w: Workspace, _ t: Trainer, backwardDone: Int?) {
        let g = t.forward()
        if let done = backwardDone {
            g.beginBackward()
            for _ in 0..<done { g.backwardStep() }
            t.markBackwarded(g)
        }
        w.inspected = g
    }

    static func reset(_ w: Workspace, _ a: inout ArgReader) throws {
        try a.finish(options: [])
        let reset = w.invalidateModel()
        _ = try? w.ensureModel()
        w.out.print(w.model == nil ? "reset: nothing to reset yet (no model)"
                                   : "reset: weights drawn again from seed \(w.seed)" + (reset.map { "; dropped the old \($0)" } ?? ""))
    }
}
