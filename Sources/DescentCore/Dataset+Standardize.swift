/// Standardising a dataset's features.
extension Dataset {
    /// The same samples with features standardised by `standardizer` (targets unchanged), which they keep
    /// as their `standardization`.
    public func standardized(by standardizer: Standardizer) -> Dataset {
        var d = self
        d.X = standardizer.apply(X)
        d.standardization = standardizer
        return d
    }
}
