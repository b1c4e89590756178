/// The probability of each class a classifier gives one sample.
extension Metrics {
    /// The probabilities of the classes for `row` of the graph's last forward pass: a softmax output as it
    /// is, other outputs under ce through a softmax (ce reads them as logits), a single sigmoid output `p`
    /// as [1 − p, p]; nil when the outputs are scores rather than probabilities (hinge, or mse on class ids
    /// without a sigmoid). The most probable class is the one `predictedClass` names.
    public static func classProbabilities(_ g: Graph, row: Int) -> [Double]? {
        let out = g.output, cols = out.cols
        let p = out.value.pointer + row * cols
        let activation: Activation?
        if case .activation(let a) = out.op { activation = a } else { activation = nil }
        if cols == 1 {
            guard activation == .sigmoid, g.loss != .hinge else { return nil }
            return [1 - p[0], p[0]]
        }
        if activation == .softmax { return Array(UnsafeBufferPointer(start: p, count: cols)) }
        guard g.loss == .ce else { return nil }
        var probabilities = [Double](repeating: 0, count: cols)
        probabilities.withUnsafeMutableBufferPointer { b in
            if let base = b.baseAddress { Activation.softmax.forward(p, base, rows: 1, cols: cols) }
        }
        return probabilities
    }
}
