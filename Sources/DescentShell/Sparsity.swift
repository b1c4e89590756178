import DescentCore
import DescentText

/// How many weights are (near) zero — what L1 regularization is for.
enum Sparsity {
    /// Entries with |w| below this count as zero.
    static let threshold = 1e-3

    /// The fraction of weight-matrix entries (biases excluded) with |w| < `threshold`.
    static func fraction(_ m: Model) -> Double {
        let (zero, total) = counts(m.parameters)
        return total == 0 ? 0 : Double(zero) / Double(total)
    }

    /// (entries with |w| < `bound`, all entries) over the weight matrices among `parameters`.
    static func counts(_ parameters: [Parameter], below bound: Double = threshold) -> (Int, Int) {
        var zero = 0, total = 0
        for p in parameters where p.isWeight {
            total += p.count
            for i in 0..<p.count where abs(p.value[i]) < bound { zero += 1 }
        }
        return (zero, total)
    }

    /// `weights near zero (|w| < 0.001): 37 of 48 (77.1%)` over all of `m`'s weight matrices; with `named`, over
    /// the weight matrices among those parameters (each once), which it names (`… in W1, W3: 20 of 24 …`); nil
    /// when they hold no weight matrix. With `l1Step` (lr·λ₁ of L1 under plain SGD) above the threshold, a second
    /// line counts the weights within one such step of zero: the subgradient moves a weight that L1 holds at zero
    /// across it and back by that much each step, so they never come under the threshold (wrapped to `width`).
    static func report(_ m: Model, named: [String]? = nil, l1Step: Double? = nil, width: Int? = nil) -> String? {
        var parameters = m.parameters, place = ""
        if let named {
            var seen = Set<String>()
            let names = named.filter { seen.insert($0).inserted }
            parameters = names.compactMap { n in m.parameters.first { $0.name == n && $0.isWeight } }
            guard !parameters.isEmpty else { return nil }
            place = " in " + parameters.map(\.name).joined(separator: ", ")
        }
        let (z, t) = counts(parameters)
        var text = "weights near zero (|w| < \(Format.short(threshold)))\(place): \(z) of \(t)"
            + (t > 0 ? " (\(Format.sig(100 * Double(z) / Double(t), 3))%)" : "")
        if let step = l1Step, step > threshold, t > 0 {
            let (near, _) = counts(parameters, below: step)
            let note = "  (with L1 under plain SGD a weight at zero jumps across it by lr·λ₁ = \(Format.short(step)) every step,"
                + " more than \(Format.short(threshold)): \(near) of \(t) are within \(Format.short(step)) of zero)"
            text += "\n" + note.wrapped(width: width, indent: 3).joined(separator: "\n")
        }
        return text
    }
}
