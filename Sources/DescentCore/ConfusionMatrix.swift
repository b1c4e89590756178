/// Counts of a classifier's predictions by true class (rows) and predicted class (columns).
public struct ConfusionMatrix: Equatable, Sendable {
    /// `counts[t][p]`: the samples of true class `t` the model put in class `p`.
    public private(set) var counts: [[Int]]

    /// An empty matrix over `classes` classes.
    public init(classes: Int) {
        counts = Array(repeating: Array(repeating: 0, count: max(0, classes)), count: max(0, classes))
    }

    /// The matrix of `g`'s last forward pass against the class ids in `targets` ([rows, 1]), each row's
    /// prediction read as `Metrics.predictedClass` reads it for accuracy. A target or prediction outside
    /// 0..<classes (which checked data cannot hold) is not counted.
    public init(_ g: Graph, targets: Tensor, classes: Int) {
        self.init(classes: classes)
        let y = targets.data
        for i in 0..<min(g.output.rows, y.count) {
            guard let t = Int(exactly: y[i]) else { continue }
            add(trueClass: t, predicted: Metrics.predictedClass(g, row: i))
        }
    }

    /// Counts one sample; ignored when either class is outside the matrix.
    public mutating func add(trueClass t: Int, predicted p: Int) {
        guard counts.indices.contains(t), counts.indices.contains(p) else { return }
        counts[t][p] += 1
    }

    /// The number of classes.
    public var classes: Int { counts.count }

    /// The samples counted.
    public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }

    /// The samples put in their own class (the diagonal).
    public var correct: Int { counts.indices.reduce(0) { $0 + counts[$1][$1] } }

    /// The share of samples put in their own class, `correct / total`: the accuracy `Metrics` reports for
    /// the same pass; NaN when nothing was counted.
    public var accuracy: Double { total == 0 ? .nan : Double(correct) / Double(total) }

    /// The samples whose true class is `k` (row `k`'s sum).
    public func support(_ k: Int) -> Int { counts[k].reduce(0, +) }

    /// The samples put in class `k` (column `k`'s sum).
    public func predictedCount(_ k: Int) -> Int { counts.reduce(0) { $0 + $1[k] } }

    /// Of the samples of class `k`, the share put in class `k`; nil when there are none.
    public func recall(_ k: Int) -> Double? {
        let n = support(k)
        return n == 0 ? nil : Double(counts[k][k]) / Double(n)
    }

    /// Of the samples put in class `k`, the share that are of class `k`; nil when none were.
    public func precision(_ k: Int) -> Double? {
        let n = predictedCount(k)
        return n == 0 ? nil : Double(counts[k][k]) / Double(n)
    }
}
