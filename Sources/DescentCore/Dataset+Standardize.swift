/// Standardising a dataset's features.
extension Dataset {
    /// The same samples with features standardised by `standardizer` (targets unchanged).
    public func standardized(by standardizer: Standardizer) -> Dataset {
        var d = self
        d.X = standardizer.apply(X)
        return d
    }
}
