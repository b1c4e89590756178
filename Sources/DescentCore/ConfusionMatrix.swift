/// Counts of a classifier's predictions by true class (rows) and predicted class (columns).
///
/// Only the cells that count something are stored, with each row's and column's sum, so that a task with
/// thousands of classes costs memory by its samples, not by the square of its classes.
public struct ConfusionMatrix: Equatable, Sendable {
    /// The number of classes.
    public let classes: Int
    /// The counts that are not zero, by `trueClass * classes + predicted`.
    private var cells: [Int: Int] = [:]
    /// The samples of each true class (each row's sum).
    public private(set) var support: [Int]
    /// The samples put in each class (each column's sum).
    public private(set) var predicted: [Int]

    /// An empty matrix over `classes` classes.
    public init(classes: Int) {
        self.classes = max(0, classes)
        support = Array(repeating: 0, count: self.classes)
        predicted = support
    }

    /// Counts the rows of `g`'s last forward pass against the class ids in `targets` ([rows, 1]), row r of the
    /// graph being row `first + r` of `targets`, each row's prediction read as `Metrics.predictedClass` reads it
    /// for accuracy. A target or prediction outside 0..<classes (which checked data cannot hold) is not counted.
    public mutating func add(_ g: Graph, targets y: [Double], first: Int = 0) {
        for r in 0..<min(g.output.rows, y.count - first) {
            guard let t = Int(exactly: y[first + r]) else { continue }
            add(trueClass: t, predicted: Metrics.predictedClass(g, row: r))
        }
    }

    /// Counts one sample; ignored when either class is outside the matrix.
    public mutating func add(trueClass t: Int, predicted p: Int) {
        guard support.indices.contains(t), support.indices.contains(p) else { return }
        cells[t * classes + p, default: 0] += 1
        support[t] += 1
        predicted[p] += 1
    }

    /// The samples of true class `t` put in class `p` (0 outside the matrix).
    public subscript(t: Int, p: Int) -> Int {
        guard support.indices.contains(t), support.indices.contains(p) else { return 0 }
        return cells[t * classes + p] ?? 0
    }

    /// The samples counted.
    public var total: Int { support.reduce(0, +) }

    /// The samples put in their own class (the diagonal).
    public var correct: Int { (0..<classes).reduce(0) { $0 + self[$1, $1] } }

    /// The share of samples put in their own class, `correct / total`: the accuracy `Metrics` reports for
    /// the same pass; NaN when nothing was counted.
    public var accuracy: Double { total == 0 ? .nan : Double(correct) / Double(total) }

    /// Of the samples of class `k`, the share put in class `k`; nil when there are none.
    public func recall(_ k: Int) -> Double? {
        guard support.indices.contains(k), support[k] > 0 else { return nil }
        return Double(self[k, k]) / Double(support[k])
    }

    /// Of the samples put in class `k`, the share that are of class `k`; nil when none were.
    public func precision(_ k: Int) -> Double? {
        guard predicted.indices.contains(k), predicted[k] > 0 else { return nil }
        return Double(self[k, k]) / Double(predicted[k])
    }
}
