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

    /// Fits the column means and population standard deviations of `X` [n, f] (two passes); an empty X gives mean 0, std 1.
    public init(fitting X: Tensor) {
        let n = X.rows, f = X.cols
        var mean = [Double](repeating: 0, count: f), variance = [Double](repeating: 0, count: f)
        for i in 0..<n { for j in 0..<f { mean[j] += X.data[i * f + j] } }
        if n > 0 { for j in 0..<f { mean[j] /= Double(n) } }
        for i in 0..<n { for j in 0..<f { let d = X.data[i * f + j] - mean[j]; variance[j] += d * d } }
        self.init(mean: mean, std: variance.map { n > 0 ? ($0 / Double(n)).squareRoot() : 1 })
    }

    /// `X` [n, f] with each column standardised; columns beyond the fitted ones are left as they are.
    public func apply(_ X: Tensor) -> Tensor {
        var out = X
        let f = X.cols, fitted = min(f, mean.count)
        for i in 0..<X.rows { for j in 0..<fitted { out.data[i * f + j] = (X.data[i * f + j] - mean[j]) / std[j] } }
        return out
    }
}
