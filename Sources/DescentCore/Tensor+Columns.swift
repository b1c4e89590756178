extension Tensor {
    /// Whether every row of column `j` holds the same value, compared value by value (a column's mean can miss
    /// the value all its rows hold by a rounding: 0.1 six times averages to 0.09999999999999999); true without rows.
    public func columnIsConstant(_ j: Int) -> Bool {
        let n = rows, f = cols
        guard n > 1 else { return true }
        let first = data[j]
        for i in 1..<n where data[i * f + j] != first { return false }
        return true
    }
}
