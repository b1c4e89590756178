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
}
