/// Per-feature standardisation `(x - mean) / std`, fitted on training features and applied to any features.
public struct Standardizer: Equatable, Sendable {
    /// Mean of each feature column in the fitted data.
    public let mean: [Double]
    /// Population standard deviation (divided by n) of each column; 1 where the column was constant.
    public let std: [Double]

    /// Fitted values given directly (e.g. read back from a file); `std` entries of 0 are taken as 1.
    public init(mean: [Double], std: [Double]) {
        self.mean = mean
        self.std = std.map { $0 == 0 || !$0.isFinite ? 1 : $0 }
    }

    /// Fits the column means and population standard deviations of `X` [n, f] (two passes); an empty X gives mean 0, std 1,
    /// and a constant column its value and std 1, so that it becomes exactly 0.
    /// A column whose sum overflows, or whose squared deviations overflow or underflow (values beyond ~1e150
    /// or deviations under ~1e-150), is summed again scaled by its largest magnitude, so its mean and std stay
    /// right; other columns are summed plainly.
    public init(fitting X: Tensor) {
        let n = X.rows, f = X.cols
        var mean = [Double](repeating: 0, count: f), variance = [Double](repeating: 0, count: f)
        for i in 0..<n { for j in 0..<f { mean[j] += X.data[i * f + j] } }
        if n > 0 { for j in 0..<f { mean[j] /= Double(n) } }
        for j in 0..<f where !mean[j].isFinite { mean[j] = Standardizer.scaledMean(X, column: j) }
        var largest = [Double](repeating: 0, count: f)
        for i in 0..<n {
            for j in 0..<f {
                let d = X.data[i * f + j] - mean[j]
                variance[j] += d * d
                largest[j] = max(largest[j], abs(d))
            }
        }
        var std = variance.map { n > 0 ? ($0 / Double(n)).squareRoot() : 1 }
        for j in 0..<f where largest[j] > 0 && largest[j].isFinite && (largest[j] > 1e150 || largest[j] < 1e-150) {
            var sum = 0.0
            for i in 0..<n { let d = (X.data[i * f + j] - mean[j]) / largest[j]; sum += d * d }
            std[j] = largest[j] * (sum / Double(n)).squareRoot()
        }
        // A constant column becomes exactly 0: its mean is the value it holds, not that value moved by the
        // rounding of a sum, and its std (0) is taken as 1.
        for j in 0..<f where n > 0 && X.columnIsConstant(j) { mean[j] = X.data[j]; std[j] = 0 }
        self.init(mean: mean, std: std)
    }

    /// Column `j`'s mean summed with every value divided by the largest magnitude (for sums that overflow).
    private static func scaledMean(_ X: Tensor, column j: Int) -> Double {
        let n = X.rows, f = X.cols
        var largest = 0.0
        for i in 0..<n { largest = max(largest, abs(X.data[i * f + j])) }
        guard largest > 0, largest.isFinite else { return 0 }
        var sum = 0.0
        for i in 0..<n { sum += X.data[i * f + j] / largest }
        return largest * (sum / Double(n))
    }

    /// `X` [n, f] with each column standardised; columns beyond the fitted ones are left as they are.
    public func apply(_ X: Tensor) -> Tensor {
        var out = X
        let f = X.cols, fitted = min(f, mean.count)
        for i in 0..<X.rows { for j in 0..<fitted { out.data[i * f + j] = (X.data[i * f + j] - mean[j]) / std[j] } }
        return out
    }
}
