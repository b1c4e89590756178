import DescentCore

/// The standardisation `normalize` applies, for `show data`, `save weights` and `load weights`.
extension Workspace {
    /// The features' names with the mean and std the training part's standardisation uses (the trainer's, or
    /// fitted now as the trainer would); nil when `normalize` is off, there is no data, or its split cannot be made.
    func normalization() -> Normalization? { normalization(fittedOn: rawTrainingPart) }

    /// `normalization()` and the features whose values are all the same on the training part, which standardising
    /// maps to 0 (their std taken as 1; none when `normalize` is off), from one split of the data.
    func normalizationAndConstantFeatures() -> (normalization: Normalization?, constant: [Int]) {
        guard normalize, let train = rawTrainingPart() else { return (normalization(), []) }
        return (normalization(fittedOn: { train }), (0..<train.featureCount).filter { train.X.columnIsConstant($0) })
    }

    /// `normalization()`, fitting it on the training part `rawTraining` gives when there is no trainer to ask.
    private func normalization(fittedOn rawTraining: () -> Dataset?) -> Normalization? {
        guard normalize, data != nil else { return nil }
        if let t = trainer, let n = Normalization(of: t.train) { return n }
        guard let train = rawTraining() else { return nil }
        return Normalization(features: train.featureNames, standardizer: Standardizer(fitting: train.X))
    }

    /// The training part of the data as read (its feature terms computed, under `features`), before standardising; nil without data or when the split cannot be made.
    private func rawTrainingPart() -> Dataset? {
        guard let data, let featured = try? featured(data), let parts = try? split(featured, fraction: splitFraction, seed: seed) else { return nil }
        return parts.0
    }
}

extension Workspace {
    /// The warning for `load weights` when the normalisation `saved` in the file (nil: none) is not this session's:
    /// normalize off here or on here alone, other features, or other statistics beyond `Normalization.tolerance`;
    /// nil when they agree (or the session's cannot be worked out yet). `file` names the file.
    func normalizationMismatch(saved: Normalization?, file: String) -> String? {
        switch (saved, normalize) {
        case (nil, false):
            return nil
        case (nil, true):
            return "warning: \(file) records no normalisation: it was saved with normalize off (or by a Descent that did not record it), "
                + "but normalize is on here, so the model reads standardised features — if it was trained on raw ones, `normalize off`"
        case (let s?, false):
            return "warning: \(file) was saved under normalize (it records the mean and std of its \(Format.counted(s.features.count, "feature"))), "
                + "but normalize is off here, so the model reads raw features it never saw — `normalize`, with the data and split it was trained on"
        case (let s?, true):
            guard let here = normalization() else { return nil }
            if let feature = Workspace.otherFeature(s, here, then: "there", now: "here") {
                return "warning: \(file) was saved for other features: \(feature) — its weights and normalisation are for the data it was trained on"
            }
            guard let statistics = Workspace.otherStatistics(s, here, then: "there", now: "here") else { return nil }
            return "warning: \(file) was trained on features standardised with other statistics than this session's training part: "
                + "\(statistics), so the model reads its inputs scaled otherwise than it learned them — use the data, split and seed it was trained with"
        }
    }

    /// The warning for `data` when it keeps trained weights but the standardisation fitted on the new data's training part
    /// is not `before`, the one they were trained under: other features, or other statistics beyond
    /// `Normalization.tolerance`; nil when they agree, when normalize is off, or when the new one cannot be worked out yet.
    func standardisationChanged(from before: Normalization) -> String? {
        guard let now = normalization() else { return nil }
        if let feature = Workspace.otherFeature(before, now, then: "before", now: "now") {
            return "warning: the weights kept were trained on other features: \(feature), so the model reads inputs it never saw — `reset` draws new weights"
        }
        guard let statistics = Workspace.otherStatistics(before, now, then: "before", now: "now") else { return nil }
        return "warning: the weights kept were trained on features standardised with other statistics than the new data's training part: "
            + "\(statistics), so the model reads its inputs scaled otherwise than it learned them — training on adapts them; `reset` draws new weights"
    }

    /// `feature 1 is 'a' there, 'p' here` (`then`, `now`) for the first feature whose name differs between `s` and `here`
    /// (`none` past the end of `here`'s); nil when `here` has each of `s`'s features in its place.
    static func otherFeature(_ s: Normalization, _ here: Normalization, then: String, now: String) -> String? {
        guard let j = s.features.indices.first(where: { !here.features.indices.contains($0) || here.features[$0] != s.features[$0] }) else { return nil }
        let theirs = DataCommand.listed([s.features[j]]), ours = here.features.indices.contains(j) ? DataCommand.listed([here.features[j]]) : "none"
        return "feature \(j + 1) is \(theirs) \(then), \(ours) \(now)"
    }

    /// `'a' has mean 2.5 and std 1.118 there, 25 and 11.18 here (and 1 other feature)` (`then`, `now`) for the first
    /// feature whose mean or std differ between `s` and `here` beyond `Normalization.tolerance`; nil when none does.
    static func otherStatistics(_ s: Normalization, _ here: Normalization, then: String, now: String) -> String? {
        let differing = s.differingColumns(from: here)
        guard let j = differing.first else { return nil }
        let (mean, std) = (apart(s.mean[j], here.mean[j]), apart(s.std[j], here.std[j]))
        let more = differing.count > 1 ? " (and \(Format.counted(differing.count - 1, "other feature")))" : ""
        return "\(DataCommand.listed([s.features[j]])) has mean \(mean.0) and std \(std.0) \(then), \(mean.1) and \(std.1) \(now)\(more)"
    }

    /// `a` and `b` with 6 significant digits, or as many more (up to 17) as it takes to tell them apart.
    static func apart(_ a: Double, _ b: Double) -> (String, String) {
        var digits = 6
        while digits < 17 && Format.sig(a, digits) == Format.sig(b, digits) && a != b { digits += 1 }
        return (Format.sig(a, digits), Format.sig(b, digits))
    }
}
