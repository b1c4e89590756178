import DescentCore

/// How many weights are (near) zero — what L1 regularization is for.
enum Sparsity {
    /// Entries with |w| below this count as zero.
    static let threshold = 1e-3

    /// The fraction of weight-matrix entries (biases excluded) with |w| < `threshold`.
    static func fraction(_ m: Model) -> Double {
        let (zero, total) = counts(m)
        return total == 0 ? 0 : Double(zero) / Double(total)
    }

    /// (near-zero entries, all entries) over the weight matrices.
    static func counts(_ m: Model) -> (Int, Int) {
        var zero = 0, total = 0
        for p in m.parameters where p.isWeight {
            total += p.count
            for i in 0..<p.count where abs(p.value[i]) < threshold { zero += 1 }
        }
        return (zero, total)
    }

    /// `weights near zero (|w| < 0.001): 37 of 48 (77.1%)`
    static func report(_ m: Model) -> String {
        let (z, t) = counts(m)
        return "weights near zero (|w| < \(Format.short(threshold))): \(z) of \(t)" + (t > 0 ? " (\(Format.sig(100 * Double(z) / Double(t), 3))%)" : "")
    }
}
