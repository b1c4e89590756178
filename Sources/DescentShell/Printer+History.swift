import DescentCore
import DescentPlot
import DescentText

/// `show history`: the last steps as a table that keeps to the terminal's width.
extension Printer {
    /// The most steps `show history` prints: a table longer than this is for `export history`, not a terminal.
    static let historyRows = 10_000

    /// `steps` (of `t`'s history, in order) as a table, with the evaluation columns filled on steps that had one, and a
    /// note on what each column measures: a step's batch before its update, or the full sets after it. Columns empty on
    /// every step shown (the validation set's without one, the penalty at 0 without a regularizer) are left out, and a
    /// line says which. The table keeps to `width` columns, taking the first of these that fits: the columns' own names
    /// and losses to 6 significant digits; shorter names (`batch`, `train`, `val`, `acc`); losses to 4 digits; and then
    /// the columns in parts, each under the step. Notes are wrapped to `noteWidth` (nil: not wrapped).
    static func history(of t: Trainer, steps: [History.Step], width: Int = dataTableWidth, noteWidth: Int? = nil) -> String {
        let h = t.history, task = t.train.task, m = Metrics.name(for: task), undefined = t.r2Undefined
        // Each step's evaluation, if it had one: found by halving, as both logs go by step, not through every
        // evaluation the history holds.
        let evaluations = h.evaluations(of: steps)
        let loss = { (x: Double?, digits: Int) in x.map { Format.sig($0, digits) } ?? "" }
        // Each column: its name, a narrower one, and its cells with losses to `digits` significant digits.
        let all: [(name: String, short: String, cells: (Int) -> [String])] = [
            ("step", "step", { _ in steps.map { String($0.step) } }),
            ("epoch", "epoch", { _ in steps.map { String($0.epoch) } }),
            ("batch_loss", "batch", { d in steps.map { loss($0.batchLoss, d) } }),
            ("penalty", "penalty", { d in steps.map { loss($0.penalty, d) } }),
            ("train_loss", "train", { d in evaluations.map { loss($0?.trainLoss, d) } }),
            ("val_loss", "val", { d in evaluations.map { loss($0?.valLoss, d) } }),
            (m, task == .regression ? m : "acc",
             { _ in evaluations.map { e in e.map { Report.metric($0.trainMetric, task: task, undefined: undefined.train) } ?? "" } }),
            ("val_" + m, task == .regression ? "val_" + m : "val_acc",
             { _ in evaluations.map { e in e?.valMetric.map { Report.metric($0, task: task, undefined: undefined.validation) } ?? "" } }),
        ]
        // Left out: a penalty of 0 on every step, and evaluation columns empty on every step (no evaluation among these
        // steps, or no validation set).
        let zeroPenalty = steps.allSatisfy { $0.penalty == 0 }
        let kept = all.indices.filter { c in
            c == 3 ? !zeroPenalty : c < 4 || all[c].cells(6).contains { !$0.isEmpty }
        }
        var left: [String] = []
        if zeroPenalty { left.append("penalty (0 on every step here)") }
        if !kept.contains(4) {
            left.append((t.validation == nil ? "train_loss and \(m)" : "train_loss, val_loss, \(m) and val_\(m)") + " (no full evaluation on these steps)")
        }
        if !kept.contains(5) && (kept.contains(4) || t.validation == nil) {
            left.append("val_loss and val_\(m) (" + (t.validation == nil ? "no validation set" : "no evaluation of it on these steps") + ")")
        }
        // The first layout that fits; else the last, in parts.
        let table = { (short: Bool, digits: Int) -> TextTable in
            let columns = kept.map { all[$0].cells(digits) }
            return TextTable(headers: kept.map { short ? all[$0].short : all[$0].name }, rows: steps.indices.map { i in columns.map { $0[i] } },
                             alignments: Array(repeating: .right, count: kept.count))
        }
        let layouts = [(short: false, digits: 6), (short: true, digits: 6), (short: true, digits: 4)]
        let fits = { (t: TextTable) in (t.render().first?.columns ?? 0) <= width }
        let chosen = layouts.first { fits(table($0.short, $0.digits)) } ?? layouts[layouts.count - 1]
        let parts = table(chosen.short, chosen.digits).columnGroups(within: width, repeating: 1)
        var lines = parts.flatMap { $0.render() }
        // What each column measures, by the names the table uses (the full names beside shorter ones).
        let named = { (c: Int) in chosen.short && all[c].short != all[c].name ? "\(all[c].short) (\(all[c].name))" : all[c].name }
        let listed = { (cs: [Int]) in cs.count == 2 ? "\(named(cs[0])) and \(named(cs[1]))" : cs.map(named).joined(separator: ", ") }
        let batch = kept.filter { $0 == 2 || $0 == 3 }, full = kept.filter { $0 >= 4 }
        var notes = [listed(batch) + ": the step's batch, before its update" + (full.isEmpty ? "" : "; \(listed(full)): the full sets, after it")]
        if !left.isEmpty { notes.append("not shown: " + left.joined(separator: ", ")) }
        var narrowed: [String] = []
        if chosen.short { narrowed.append("shorter names") }
        if chosen.digits < 6 { narrowed.append("losses to \(chosen.digits) significant digits") }
        if parts.count > 1 { narrowed.append("the table in \(parts.count) parts, each beside the step") }
        if !narrowed.isEmpty {
            notes.append("(to fit \(width) columns: \(narrowed.joined(separator: ", "))"
                         + (chosen.digits < 6 ? "; `export history` writes every digit)" : ")"))
        }
        if t.r2Undefined.train || t.r2Undefined.validation, let note = Report.undefinedR2Note(t) { notes.append(note) }
        // Evaluations of steps the history dropped have no row of theirs in the table or the CSV: said apart.
        let firstKept = h.steps.first?.step ?? 0
        let orphaned = h.dropped.steps > 0 ? h.evaluations.prefix { $0.step < firstKept }.count : 0
        let ofDropped = orphaned > 0 ? " (\(orphaned) of them at dropped steps, which `export history` has no rows for)" : ""
        // When the learning rate changed (`lr` between runs, a schedule), the rates of the steps shown: the one in force at
        // the first and its changes up to the last (the first and last three of many); every step's is in the CSV.
        if h.rates.count > 1, let lo = steps.first?.step, let hi = steps.last?.step {
            // Only the changes printed are formatted: a range of `every=K` rows under a schedule spans millions.
            let changes = h.rates(from: lo, through: hi)
            let picked = changes.count > 6 ? Array(changes.prefix(3)) + Array(changes.suffix(3)) : Array(changes)
            let texts = Format.rates(picked.map(\.rate))
            var shown = picked.indices.map { "\(texts[$0]) from step \(picked[$0].step)" }
            if changes.count > 6 { shown.insert("…", at: 3) }
            notes.append("lr " + shown.joined(separator: ", ") + " (`export history` has each step's)")
        }
        notes.append("\(Format.counted(h.steps.count, "step")) recorded, \(Format.counted(h.evaluations.count, "full evaluation"))\(ofDropped) (`train … every=K` sets how often)\(h.droppedNote)")
        lines += notes.flatMap { $0.wrapped(width: noteWidth) }
        return lines.joined(separator: "\n")
    }
}
