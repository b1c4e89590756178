/// Splitting a dataset into a training and a validation part.
extension Dataset {
    /// The rows in a seeded random order (Fisher–Yates with `rng`), cut after the first ⌊fraction·n⌋ for training;
    /// the rest is validation. Both parts keep the shuffled order. Throws unless 0 < fraction < 1 and both parts get rows.
    public func split(trainFraction fraction: Double, rng: inout RNG) throws(DataError) -> (train: Dataset, validation: Dataset) {
        guard fraction > 0 && fraction < 1 else {
            throw DataError("the training fraction must be between 0 and 1 (exclusive), got \(Format.short(fraction))")
        }
        let n = count
        let trainCount = Int((fraction * Double(n)).rounded(.down))
        guard trainCount >= 1 && trainCount < n else {
            let part = trainCount < 1 ? "training" : "validation"
            let hint = n < 2 ? "a split needs at least 2 samples"
                : trainCount < 1 ? "use a fraction of at least \(Format.short(1 / Double(n)))"
                : "use a smaller fraction"
            throw DataError("a \(Format.short(fraction)) split of \(n) sample\(n == 1 ? "" : "s") leaves no \(part) samples — \(hint)")
        }
        var order = Array(0..<n)
        rng.shuffle(&order)
        return (subset(order[..<trainCount], name: name + " (training part)"),
                subset(order[trainCount...], name: name + " (validation part)"))
    }
}
