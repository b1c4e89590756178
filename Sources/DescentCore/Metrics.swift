/// Accuracy for classification and R² for regression, read from an evaluated graph.
public enum Metrics {
    /// The metric's name for a task.
    public static func name(for task: Task) -> String { task == .regression ? "r2" : "accuracy" }

    /// Accuracy or R² of the graph's last forward pass against `targets` ([rows, 1]).
    static func metric(_ g: Graph, task: Task, targets: Tensor) -> Double {
        let out = g.output, rows = out.rows, cols = out.cols
        let p = out.value.pointer
        let y = targets.data
        guard rows > 0 else { return .nan }
        switch task {
        case .regression:
            var mean = 0.0
            for i in 0..<rows { mean += y[i] }
            mean /= Double(rows)
            var res = 0.0, tot = 0.0
            for i in 0..<rows { res += (y[i] - p[i * cols]) * (y[i] - p[i * cols]); tot += (y[i] - mean) * (y[i] - mean) }
            return tot == 0 ? (res == 0 ? 1 : 0) : 1 - res / tot
        case .binary, .multiclass:
            var hits = 0
            for i in 0..<rows where predictedClass(g, row: i) == Int(y[i]) { hits += 1 }
            return Double(hits) / Double(rows)
        }
    }

    /// The class the model predicts for `row` of the graph's last forward pass.
    public static func predictedClass(_ g: Graph, row: Int) -> Int {
        let out = g.output, cols = out.cols
        let p = out.value.pointer + row * cols
        if cols == 1 {
            switch g.loss {
            case .hinge: return p[0] > 0 ? 1 : 0
            default:
                if case .activation(.sigmoid) = out.op { return p[0] > 0.5 ? 1 : 0 }
                if case .activation(.tanh) = out.op { return p[0] > 0 ? 1 : 0 }
                return p[0] > 0.5 ? 1 : 0
            }
        }
        var best = 0
        for j in 1..<cols where p[j] > p[best] { best = j }
        return best
    }
}
