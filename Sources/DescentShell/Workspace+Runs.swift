import DescentCore

/// Kept runs (`keep`, `unkeep`, `show runs`, `plot runs`): their limits, and the run training now described as they are.
extension Workspace {
    /// The most runs kept: as many as `plot runs` tells apart by tag (1–8) beside the current run.
    static let maxKeptRuns = 8
    /// The longest name of a kept run, in characters, so that the legend and the table stay readable.
    static let maxRunNameLength = 24
    /// The most bytes of history the kept runs hold together (1 GiB): a run of the history's most steps takes some
    /// 400 MB, so at least two such runs fit; the short runs of a lesson take kilobytes.
    static let keptRunBytes = 1 << 30
    /// Names a run may not have: the words `unkeep all` and `show runs`/`plot runs` use themselves.
    static let reservedRunNames = ["all", "current"]

    /// The run training now as `show runs` and `plot runs` show it beside the kept ones, named `current`; nil while
    /// nothing has been trained since the history was last cleared.
    var currentRun: KeptRun? {
        guard let t = trainer ?? carryOver, !t.history.isEmpty else { return nil }
        return KeptRun(name: "current", settings: settingsLine(t), history: t.history, task: t.train.task)
    }

    /// The kept run called `name` (ignoring case), by its place in `runs`.
    func runIndex(named name: String) -> Int? {
        runs.firstIndex { $0.name.lowercased() == name.lowercased() }
    }

    /// The settings `t`'s last step ran with, on one line: `2-16-1 tanh→sigmoid · bce · l2 0.01 · sgd lr 0.1 momentum 0.9 ·
    /// batch full · seed 1` (after the model, `features x1^2 x2^2` under `features`); a rate that changed during the history (`lr`) as `lr 0.1→1.2`, its first and last.
    func settingsLine(_ t: Trainer) -> String {
        var parts = [t.model.spec.summary, t.loss.description]
        if let map = t.train.featureMap { parts.insert("features " + map.names.joined(separator: " "), at: 1) }
        if !t.regularizer.isNone { parts.append(t.regularizer.description) }
        let now = t.lastStepRate
        let lr = t.history.rates.count > 1 && t.history.rates[0].rate != now
            ? Format.rates([t.history.rates[0].rate, now]).joined(separator: "→") : Format.rate(now)
        parts.append("\(t.optimizer.kind.name) lr \(lr)\(Workspace.optimizerOptions(t.optimizer.kind))")
        if let s = t.scheduleOfLastStep { parts.append(String(s.command.dropFirst("schedule ".count))) }
        parts.append(Workspace.batchText(t))
        parts.append("seed \(seed)")
        return parts.joined(separator: " · ")
    }

    /// `batch 4` or `batch full`, and when earlier steps of the history ran with other batches, those: `batch 4 (full for
    /// steps 1–300)`, or after more than two spans of others, the sizes (`batch 4 (2 other sizes before: full, 8)`; only
    /// how many past three).
    static func batchText(_ t: Trainer) -> String {
        let name = { (size: Int) in size == 0 ? "full" : String(size) }
        let now = t.sampler.batchSize >= t.sampler.count ? 0 : t.sampler.batchSize
        let changes = t.history.batches
        // The sizes before the one in force now: every change but a last one of this size, each up to the next change.
        let earlier = changes.last?.size == now ? changes.dropLast() : changes[...]
        guard !earlier.isEmpty else { return "batch \(name(now))" }
        guard earlier.count <= 2 else {
            // Each other size once, however often the size changed (8, 4, 8, 4 is one other size).
            let others = Set(earlier.map(\.size)).subtracting([now]).sorted()
            let listed = others.count <= 3 ? ": " + others.map(name).joined(separator: ", ") : ""
            return "batch \(name(now)) (\(Format.counted(others.count, "other size")) before\(listed))"
        }
        let spans = earlier.indices.map { k -> String in
            let from = changes[k].step, to = k + 1 < changes.count ? changes[k + 1].step - 1 : t.stepCount
            return "\(name(changes[k].size)) for " + (from == to ? "step \(from)" : "steps \(from)–\(to)")
        }
        return "batch \(name(now)) (\(spans.joined(separator: ", ")))"
    }

    /// An optimizer's options that are not its rule's defaults, as `optimizer` takes them (` momentum 0.9 nesterov`).
    static func optimizerOptions(_ kind: OptimizerKind) -> String {
        let parts = kind.settings.filter { $0.value != $0.standard }.map { "\($0.name) \(Format.short($0.value))" }
            + (kind.isNesterov ? ["nesterov"] : [])
        return parts.map { " " + $0 }.joined()
    }
}
