import DescentCore
import DescentPlot
import DescentText

/// `show runs`: the kept runs and the current one side by side.
extension Printer {
    /// A table of the kept runs and then the current one: each run's tag on `plot runs`, name, steps, its last
    /// evaluation's train_loss, val_loss and metrics, and its lowest val_loss (train_loss when no run has a split) with
    /// the step; under it each run's settings, a line each, and notes. Columns empty for every run are left out; a
    /// table wider than `width` comes in parts, each beside the tag and name. Notes wrap to `noteWidth`.
    static func runs(kept: [KeptRun], current: KeptRun?, width: Int, noteWidth: Int?) -> String {
        let runs = kept.enumerated().map { (tag: String(Charts.runTag($0)), run: $1) } + (current.map { [(tag: String(Charts.currentTag(unicode: true)), run: $0)] } ?? [])
        guard !runs.isEmpty else {
            return "runs: none kept, and nothing trained since the history was last cleared — train, then `keep NAME` keeps the run to compare with later ones"
        }
        let tasks = Set(runs.map(\.run.task))
        let metric = tasks.count == 1 ? Metrics.name(for: tasks.first ?? .binary) : "metric"
        let validated = runs.contains { $0.run.validated }
        let lowestName = validated ? "lowest val_loss" : "lowest train_loss"
        let sig = { (x: Double) in Format.sig(x, 4) }
        let columns: [(name: String, cells: [String])] = [
            ("", runs.map(\.tag)),
            ("run", runs.map(\.run.name)),
            ("steps", runs.map { String($0.run.steps) }),
            ("train_loss", runs.map { $0.run.history.lastEvaluation.map { sig($0.trainLoss) } ?? "" }),
            ("val_loss", runs.map { $0.run.history.lastEvaluation?.valLoss.map(sig) ?? "" }),
            (metric, runs.map { r in r.run.history.lastEvaluation.map { Report.metric($0.trainMetric, task: r.run.task) } ?? "" }),
            ("val_" + metric, runs.map { r in r.run.history.lastEvaluation?.valMetric.map { Report.metric($0, task: r.run.task) } ?? "" }),
            (lowestName, runs.map { r in r.run.lowest(validation: validated).map { "\(sig($0.loss)) (step \($0.step))" } ?? "" }),
        ]
        let shown = columns.enumerated().filter { $0.offset < 3 || $0.element.cells.contains { !$0.isEmpty } }.map(\.element)
        let table = TextTable(headers: shown.map(\.name), rows: runs.indices.map { i in shown.map { $0.cells[i] } },
                              alignments: [.left, .left] + Array(repeating: .right, count: shown.count - 2))
        var lines = table.columnGroups(within: width, repeating: 2).flatMap { $0.render() }
        var notes = ["train_loss, val_loss, \(metric): each run's last evaluation, on the full sets; the tags mark the runs on `plot runs`"]
        notes += runs.map { "\($0.tag) \($0.run.name): \($0.run.settings)" }
        for r in runs {
            if let e = r.run.history.lastEvaluation, e.step != r.run.steps {
                notes.append("\(r.run.name) was last evaluated at step \(e.step), before its last step")
            }
        }
        if validated && runs.contains(where: { !$0.run.validated }) {
            notes.append("runs without a val_loss were trained without a split")
        }
        lines += notes.flatMap { $0.wrapped(width: noteWidth, indent: 2) }
        return lines.joined(separator: "\n")
    }
}
