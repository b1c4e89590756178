/// How sure a classifier is of the class it gives a sample.
extension Metrics {
    /// How sure the model is of `predictedClass` for `row` of the graph's last forward pass, from 0 (on the
    /// boundary) to 1: with class probabilities, (p_max − 1/k) / (1 − 1/k) for k classes; for one output that is a
    /// score, its distance from the cut-off over the distance from there to a target (0.5 for the targets 0 and 1,
    /// 1 under hinge, whose targets are −1 and +1), at most 1.
    public static func confidence(_ g: Graph, row: Int) -> Double {
        if let p = classProbabilities(g, row: row), p.count > 1 {
            let k = Double(p.count), top = p.max() ?? 0
            return min(1, max(0, (top - 1 / k) / (1 - 1 / k)))
        }
        let out = g.output
        guard out.cols == 1 else { return 1 }
        let score = out.value.pointer[row]
        // From the cut-off to class 1's target, which is 1 under every loss (+1 under hinge, whose class 0 is −1).
        let cutoff = g.loss.classCutoff
        let c = abs(score - cutoff) / (1 - cutoff)
        return c.isNaN ? 0 : min(1, c)
    }
}
