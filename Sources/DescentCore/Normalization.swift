/// The standardisation a model's inputs went through, as a weights file records it: each feature's name, mean and std.
public struct Normalization: Equatable, Sendable {
    /// The features' names, in column order.
    public let features: [String]
    /// Each feature's mean on the training part.
    public let mean: [Double]
    /// Each feature's population standard deviation on the training part, as divided by (1 for a constant feature).
    public let std: [Double]

    /// The standardisation `d` went through, under its features' names; nil for raw features.
    public init?(of d: Dataset) {
        guard let s = d.standardization else { return nil }
        self.init(features: d.featureNames, standardizer: s)
    }

    /// The statistics of `standardizer` under the names `features` (one per column).
    public init(features: [String], standardizer: Standardizer) {
        self.init(features: features, mean: standardizer.mean, std: standardizer.std)
    }

    /// The parts as given (as read back from a file, already checked to agree in length).
    init(features: [String], mean: [Double], std: [Double]) {
        self.features = features; self.mean = mean; self.std = std
    }

    /// The relative difference allowed between two statistics that are the same (as written to a file and read
    /// back they are equal bit for bit; computed again over the same rows in another order they differ in the last bits).
    static let tolerance = 1e-12

    /// The columns whose mean or std differ between `self` and `other` beyond `tolerance`: a std relative to the
    /// larger, a mean relative to the larger of the two means and stds (a mean near 0, as of centred data, is
    /// compared on the scale the feature is divided by). Features beyond the shorter of the two are not compared.
    public func differingColumns(from other: Normalization) -> [Int] {
        let t = Normalization.tolerance
        return (0..<min(mean.count, other.mean.count)).filter { j in
            let stdScale = max(abs(std[j]), abs(other.std[j]))
            let meanScale = max(abs(mean[j]), abs(other.mean[j]), stdScale)
            return !(abs(std[j] - other.std[j]) <= t * stdScale) || !(abs(mean[j] - other.mean[j]) <= t * meanScale)
        }
    }
}
