/// Features computed from the data's columns (`features x1^2 x2^2`).
extension Dataset {
    /// The same samples with the terms of `map` as features (computed from the raw values of these features, which
    /// `map.inputs` names), keeping those raw values as `rawInputs`.
    public func derived(by map: FeatureMap) -> Dataset {
        var d = self
        d.X = map.apply(X)
        d.featureNames = map.names
        d.featureMap = map
        d.rawInputs = X
        return d
    }

    /// The names of the columns inputs are given in (the raw columns the features are computed from, or the features).
    public var inputNames: [String] { featureMap?.inputs ?? featureNames }
    /// The number of columns inputs are given in.
    public var inputCount: Int { featureMap?.inputs.count ?? featureCount }

    /// Rows `X` [n, inputCount] of raw inputs as the model's features, before any standardisation: the terms' values
    /// for data with a feature map, else `X` itself.
    public func features(fromInputs X: Tensor) -> Tensor {
        featureMap?.apply(X) ?? X
    }
}
