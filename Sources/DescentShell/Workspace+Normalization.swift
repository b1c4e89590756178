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
        if let t = trainer, let s = t.train.standardization { return Normalization(features: t.train.featureNames, standardizer: s) }
        guard let train = rawTraining() else { return nil }
        return Normalization(features: train.featureNames, standardizer: Standardizer(fitting: train.X))
    }

    /// The training part of the data as read, before standardising; nil without data or when the split cannot be made.
    private func rawTrainingPart() -> Dataset? {
        guard let data, let parts = try? split(data, fraction: splitFraction, seed: seed) else { return nil }
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
            if let j = s.features.indices.first(where: { !here.features.indices.contains($0) || here.features[$0] != s.features[$0] }) {
                let theirs = DataCommand.listed([s.features[j]]), ours = here.features.indices.contains(j) ? DataCommand.listed([here.features[j]]) : "none"
                return "warning: \(file) was saved for other features: feature \(j + 1) is \(theirs) there, \(ours) here — "
                    + "its weights and normalisation are for the data it was trained on"
            }
            let differing = s.differingColumns(from: here)
            guard let j = differing.first else { return nil }
            let (mean, std) = (Workspace.apart(s.mean[j], here.mean[j]), Workspace.apart(s.std[j], here.std[j]))
            let more = differing.count > 1 ? " (and \(Format.counted(differing.count - 1, "other feature")))" : ""
            return "warning: \(file) was trained on features standardised with other statistics than this session's training part: "
                + "\(DataCommand.listed([s.features[j]])) has mean \(mean.0) and std \(std.0) there, \(mean.1) and \(std.1) here\(more), "
                + "so the model reads its inputs scaled otherwise than it learned them — use the data, split and seed it was trained with"
        }
    }

    /// `a` and `b` with 6 significant digits, or as many more (up to 17) as it takes to tell them apart.
    static func apart(_ a: Double, _ b: Double) -> (String, String) {
        var digits = 6
        while digits < 17 && Format.sig(a, digits) == Format.sig(b, digits) && a != b { digits += 1 }
        return (Format.sig(a, digits), Format.sig(b, digits))
    }
}
