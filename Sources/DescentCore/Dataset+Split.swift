import Foundation

/// Splitting a dataset into a training and a validation part.
extension Dataset {
    /// The rows in a seeded random order (Fisher–Yates with `rng`), cut after the first ⌊fraction·n⌋ for training;
    /// the rest is validation. Both parts keep the shuffled order. Throws unless 0 < fraction < 1 and both parts get rows.
    public func split(trainFraction fraction: Double, rng: inout RNG) throws(DataError) -> (train: Dataset, validation: Dataset) {
        guard fraction > 0 && fraction < 1 else {
            throw DataError("the training fraction must be between 0 and 1 (exclusive), got \(Format.short(fraction))")
        }
        let n = count
        if let problem = Dataset.splitProblem(fraction: fraction, count: n) { throw DataError(problem) }
        let trainCount = Dataset.trainCount(fraction: fraction, count: n)
        var order = Array(0..<n)
        rng.shuffle(&order)
        return (subset(order[..<trainCount], name: name + " (training part)"),
                subset(order[trainCount...], name: name + " (validation part)"))
    }

    /// The rows a split of `fraction` trains on, of `n`: ⌊fraction·n⌋, computed in floating point (so 0.29 of 100 is 28,
    /// as scikit-learn's).
    public static func trainCount(fraction: Double, count n: Int) -> Int { Int((fraction * Double(n)).rounded(.down)) }

    /// Why a split of `fraction` (between 0 and 1) cannot cut `count` rows into a training part of ⌊fraction·count⌋ rows
    /// and a validation part of the rest, both with rows, and what fraction would; nil when it can. `split`, `data` with a
    /// split in force, and training say it alike.
    public static func splitProblem(fraction: Double, count n: Int) -> String? {
        let train = min(max(trainCount(fraction: fraction, count: n), 0), n)
        guard train < 1 || train >= n else { return nil }
        let hint = n < 2 ? "a split needs at least 2 samples"
            : workingFraction(count: n, least: train < 1).map { "use a fraction of \(train < 1 ? "at least" : "at most") \($0)" }
        return "split \(Format.short(fraction)) of \(Format.counted(n, "sample")) leaves \(train) for training and \(n - train) "
            + "for validation; both need at least one" + (hint.map { " — " + $0 } ?? "")
    }

    /// The smallest (`least`) or largest fraction, as `Format.short` writes it (4 significant digits), that splits `n`
    /// rows into two parts with rows: 1/n rounded up (1/3 is 0.3334; 0.3333 of 3 rows trains on none), or (n − 1)/n
    /// rounded down.
    private static func workingFraction(count n: Int, least: Bool) -> String? {
        guard n >= 2 else { return nil }
        let x = least ? 1 / Double(n) : Double(n - 1) / Double(n)
        let unit = Foundation.pow(10, Foundation.floor(Foundation.log10(x)) - 3)
        var f = Double(Format.short(x)) ?? x
        for _ in 0..<4 {
            let train = trainCount(fraction: f, count: n)
            if f > 0, f < 1, train >= 1, train < n { return Format.short(f) }
            f = Double(Format.short(least ? f + unit : f - unit)) ?? f
        }
        return nil
    }
}
