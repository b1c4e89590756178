import DescentCore
import DescentPlot
import Foundation

/// What `plot weights` tells of some parameters' entries: how many, their L1 and L2 norms, the largest magnitude, how
/// many are exactly 0 and how many under `Sparsity.threshold` — and their histogram over a range symmetric about 0.
struct WeightStats {
    /// The parameters' names, in order.
    var names: [String]
    /// Every entry of the parameters, in order.
    var values: [Double]
    /// Σ|w| and √Σw² over all entries (NaN when one is NaN, else infinite when one is, or when Σ|w| of finite entries
    /// passes the largest Double, as ±1e308 twice does: then `l1Scaled` still holds it).
    var l1 = 0.0, l2 = 0.0
    /// Σ(|w|/`maxAbs`) over the finite entries: Σ|w| is `maxAbs` times it.
    var l1Scaled = 0.0
    /// The largest |w| among the finite entries (0 when there is none).
    var maxAbs = 0.0
    /// Entries exactly 0, entries with |w| < `Sparsity.threshold` (those at 0 among them), and entries not finite.
    var zeros = 0, small = 0, nonFinite = 0
    /// The entries not finite by kind: NaN, +inf and −inf.
    var nans = 0, positiveInfinities = 0, negativeInfinities = 0

    /// The histogram's bins: an odd number, so that one is centred on 0 (where L1 piles weights up).
    static let bins = 21

    /// The statistics of `parameters`' entries.
    init(_ parameters: [Parameter]) {
        names = parameters.map(\.name)
        values = parameters.flatMap(\.value.array)
        for v in values {
            if v == 0 { zeros += 1 }
            if abs(v) < Sparsity.threshold { small += 1 }
            if v.isFinite { maxAbs = max(maxAbs, abs(v)) } else { nonFinite += 1 }
            if v.isNaN { nans += 1 } else if v == .infinity { positiveInfinities += 1 } else if v == -.infinity { negativeInfinities += 1 }
        }
        // max · √Σ(w/max)² over the finite entries, so that neither w² overflows (|w| > 1.3e154) nor underflows
        // (|w| < 1.5e-154); NaN with a NaN entry, else inf with an infinite one.
        var squares = 0.0
        if maxAbs > 0 { for v in values where v.isFinite { squares += (v / maxAbs) * (v / maxAbs); l1Scaled += abs(v) / maxAbs } }
        l2 = nans > 0 ? .nan : nonFinite > 0 ? .infinity : maxAbs * squares.squareRoot()
        l1 = nans > 0 ? .nan : nonFinite > 0 ? .infinity : maxAbs * l1Scaled
    }

    /// The entries not finite by kind, e.g. `2 NaN, 1 +inf` (`-inf` for −∞).
    var nonFiniteKinds: String {
        [(nans, "NaN"), (positiveInfinities, "+inf"), (negativeInfinities, "-inf")].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
            .joined(separator: ", ")
    }

    /// The histogram's half-width: the bins span −`range`…`range`, `maxAbs` (1 when every entry is 0).
    var range: Double { maxAbs > 0 ? maxAbs : 1 }

    /// The count in each of `bins` bins over −`range`…`range`.
    var counts: [Int] { Histogram.counts(values, bins: Self.bins, lo: -range, hi: range) }

    /// The lines under the histogram: what was counted and in which bins, the norms and largest |w|, then the zeros, with the norms spelled
    /// `‖W‖₁` and `‖W‖₂` (in ASCII `|W|_1`, `|W|_2`).
    func notes(unicode: Bool) -> [String] {
        let n = values.count
        let share = n > 0 ? " (\(Format.sig(100 * Double(small) / Double(n), 3))%)" : ""
        // range / bins first: 2 · range overflows when range is near the largest Double.
        let width = range / Double(Self.bins) * 2
        let counted = nonFinite > 0 ? "\(n - nonFinite) of \(Format.counted(n, "entry", plural: "entries"))" : Format.counted(n, "entry", plural: "entries")
        // A width below the least Double (a range of ±5e-324) is not written as 0.
        var first = "\(names.joined(separator: ", ")): \(counted) in \(Self.bins) bins "
            + (width > 0 ? "of \(Format.short(width)) " : "") + "over \(unicode ? "±" : "+-")\(Format.short(range))"
        if nonFinite > 0 { first += "; \(nonFinite) not finite (\(nonFiniteKinds)) left out" }
        let norms = unicode ? ("‖W‖₁", "‖W‖₂") : ("|W|_1", "|W|_2")
        let second = "\(norms.0) = \(l1Text)   \(norms.1) = \(Format.short(l2))   max |w| = \(Format.short(maxAbs))"
        let third = "exact zeros \(zeros)   |w| < \(Format.short(Sparsity.threshold)): \(small)\(share)"
        return [first, second, third]
    }

    /// ‖W‖₁ as `Format.short` writes it, and when the finite entries' Σ|w| passes the largest Double, as its digits and
    /// power of ten (`2e+308`) from `maxAbs` · `l1Scaled`.
    var l1Text: String {
        guard l1 == .infinity, nonFinite == 0, maxAbs > 0 else { return Format.short(l1) }
        var e = Int(log10(maxAbs).rounded(.down))
        var m = maxAbs / pow(10, Double(e)) * l1Scaled
        while m >= 10 { m /= 10; e += 1 }
        return String(format: "%.4ge+%d", m, e)
    }

    /// The histogram of the entries, titled `title`.
    func histogram(title: String?, unicode: Bool) -> Histogram {
        Histogram(lo: -range, hi: range, counts: counts, title: title, notes: notes(unicode: unicode), unicode: unicode)
    }
}
