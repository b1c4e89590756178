import DescentCore

/// Kept runs as one CSV file (`export runs`).
extension KeptRun {
    /// `runs` in long format, as pandas groups them (`groupby("run")`): `export history`'s columns after a leading `run`
    /// holding each row's run name, the runs one after another in order. Runs of both kinds of task share the file with
    /// both metrics' pairs of columns (`accuracy,val_accuracy,r2,val_r2`), each row filling its own task's.
    static func csv(_ runs: [KeptRun]) -> String {
        var metrics: [String] = []
        for run in runs where !metrics.contains(Metrics.name(for: run.task)) { metrics.append(Metrics.name(for: run.task)) }
        var out = "run,step,epoch,batch_loss,penalty,train_loss,val_loss," + metrics.map { "\($0),val_\($0)" }.joined(separator: ",") + ",lr\n"
        for run in runs {
            let k = metrics.firstIndex(of: Metrics.name(for: run.task)) ?? 0
            out += run.history.csvRows(prefix: Dataset.csvField(run.name) + ",", emptyPairsBefore: k, emptyPairsAfter: metrics.count - 1 - k)
        }
        return out
    }
}
