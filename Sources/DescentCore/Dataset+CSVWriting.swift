/// The dataset as a CSV file that `data csv` reads back.
extension Dataset {
    /// A header of the feature names and the target's, then a row per sample: features with round-trip digits, and
    /// the target as a number (regression) or its class's name. Fields that need it are quoted (RFC 4180).
    public func csvText() -> String {
        var out = (featureNames + [targetName]).map(Dataset.csvField).joined(separator: ",") + "\n"
        let f = featureCount
        X.data.withUnsafeBufferPointer { x in
            for i in 0..<count {
                for j in 0..<f { out += "\(x[i * f + j])," }
                let t = y.data[i]
                if classNames.isEmpty { out += "\(t)\n" }
                else { out += Dataset.csvField(Int(t) < classNames.count ? classNames[Int(t)] : "\(Int(t))") + "\n" }
            }
        }
        return out
    }

    /// `s` as one CSV field: in double quotes (its own doubled) when it holds a comma, a quote, a line break, or
    /// spaces at either end, or is empty; else as it is.
    public static func csvField(_ s: String) -> String {
        let plain = !s.isEmpty && !s.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
            && s.first != " " && s.last != " "
        return plain ? s : "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// The `classes=` list (the class names in id order) that `data csv` needs to read `csvText()` back with these
    /// class ids: nil when its labels first appear in id order (every class with rows), and for a target it writes as
    /// numbers (read back as class ids by their values, or a regression target).
    public func csvClassesToReadBack() -> [String]? {
        guard !classNames.isEmpty else { return nil }
        var seen = Set<Int>(), order: [Int] = []
        for v in y.data { if let k = Int(exactly: v), seen.insert(k).inserted { order.append(k) } }
        let written = order.map { classNames.indices.contains($0) ? classNames[$0] : "\($0)" }
        guard written.contains(where: { Dataset.number($0) == nil }), order != Array(classNames.indices) else { return nil }
        return classNames
    }
}
