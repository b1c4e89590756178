/// Accuracy for classification and R² for regression, read from an evaluated graph.
public enum Metrics {
    /// The metric's name for a task.
    public static func name(for task: Task) -> String { task == .regression ? "r2" : "accuracy" }

    /// Adds what the metric counts over the rows of `g`'s last forward pass to `sum`: squared residuals
    /// (regression) or hits (classification), row r of the graph being row `first + r` of `targets`
    /// ([rows, 1]), in row order, so that a set evaluated in blocks sums as in one pass.
    static func accumulate(_ g: Graph, task: Task, targets y: [Double], first: Int, into sum: inout Double) {
        let out = g.output, cols = out.cols
        let p = out.value.pointer
        switch task {
        case .regression:
            for r in 0..<out.rows { let e = y[first + r] - p[r * cols]; sum += e * e }
        case .binary, .multiclass:
            for r in 0..<out.rows where predictedClass(g, row: r) == Int(y[first + r]) { sum += 1 }
        }
    }

    /// Accuracy or R² over all of `targets` from the `sum` that `accumulate` gathered over every row. R² is NaN where
    /// it is undefined (`r2IsUndefined`), as scikit-learn's `r2_score` gives for one row (and, with
    /// `force_finite=False`, for more; by default it puts 0 or 1 there, which reads as a measurement).
    static func metric(sum: Double, task: Task, targets y: [Double]) -> Double {
        let rows = y.count
        guard rows > 0 else { return .nan }
        switch task {
        case .regression:
            guard !r2IsUndefined(targets: y) else { return .nan }
            var mean = 0.0
            for i in 0..<rows { mean += y[i] }
            mean /= Double(rows)
            var tot = 0.0
            for i in 0..<rows { tot += (y[i] - mean) * (y[i] - mean) }
            return 1 - sum / tot
        case .binary, .multiclass:
            return sum / Double(rows)
        }
    }

    /// Whether R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)² is undefined on `targets`: they are all equal (one row, or a constant
    /// target), so the denominator is 0 — checked value by value, since their mean can miss the value they all have
    /// by a rounding (0.1 three times averages to 0.10000000000000002), leaving a denominator of ~1e-34.
    static func r2IsUndefined(targets y: [Double]) -> Bool {
        guard let first = y.first else { return true }
        return y.allSatisfy { $0 == first }
    }

    /// The class the model predicts for `row` of the graph's last forward pass: for one output, class 1 where it is
    /// above the loss's `classCutoff`; otherwise the output that is largest.
    public static func predictedClass(_ g: Graph, row: Int) -> Int {
        let out = g.output, cols = out.cols
        let p = out.value.pointer + row * cols
        if cols == 1 { return p[0] > g.loss.classCutoff ? 1 : 0 }
        var best = 0
        for j in 1..<cols where p[j] > p[best] { best = j }
        return best
    }
}
