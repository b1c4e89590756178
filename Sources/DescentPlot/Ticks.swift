import Foundation

/// "Nice" tick positions and labels for one axis, and the axis range they were made for.
///
/// Linear ticks are multiples of 1, 2, 2.5 or 5 × 10^k; logarithmic ticks are decades (thinned when there are
/// too many), or 1-2-5 / 1-3 steps within decades when the range spans too few decades, or linear ticks when
/// the range is narrower still. The ticks lie inside the range. A degenerate range (lo == hi, or narrower
/// than 1e-12 relative) is first widened by 10% of |lo| (or to ±1 around 0); non-finite bounds give [0, 1];
/// magnitudes are clamped to 4e307 so differences (up to 8e307) stay finite.
public struct Ticks: Equatable, Sendable {
    /// Tick positions, ascending, in data units (not log units).
    public let values: [Double]
    /// One label per tick, short enough to tell neighbouring ticks apart.
    public let labels: [String]
    /// The axis range: the input range, ordered, and widened when degenerate.
    public let lo: Double
    public let hi: Double

    /// Ticks at round numbers over [lo, hi]: the densest 1/2/2.5/5 × 10^k spacing with at most `maxCount`
    /// ticks, which gives at least 3 ticks when `maxCount` is 6 (the default). With `whole`, for an axis that
    /// counts (steps), only whole spacings, and a range narrower than 2 widened to 2 around its centre.
    public static func linear(_ lo: Double, _ hi: Double, maxCount: Int = 6, whole: Bool = false) -> Ticks {
        var (a, b) = sanitized(lo, hi, positive: false)
        if whole && b - a < 2 { (a, b) = ((a + b) / 2 - 1, (a + b) / 2 + 1) }
        let limit = min(max(1, maxCount), 100)
        var step = Step(mantissa: 1, power: exponentOf((b - a) / Double(limit)) - 1)
        for _ in 0..<80 {
            if whole && !(step.size >= 1 && step.size == step.size.rounded()) { step = step.next; continue }
            let (first, last) = step.indices(a, b)
            if last - first + 1 <= Double(limit) { return make(step: step, first: first, last: last, a, b) }
            step = step.next
        }
        return make(step: step, first: 0, last: -1, a, b)
    }

    /// Linear ticks for a horizontal axis `length` cells long: the most (up to 6) whose labels, centred on
    /// their ticks, keep at least one space between neighbours.
    static func linear(_ lo: Double, _ hi: Double, fitting length: Int, whole: Bool = false) -> Ticks {
        var ticks = linear(lo, hi, maxCount: 2, whole: whole)
        for n in stride(from: 6, to: 2, by: -1) {
            let t = linear(lo, hi, maxCount: n, whole: whole)
            guard t.values.count >= 2 else { return t }
            let spacing = Double(length) * (t.values[1] - t.values[0]) / (t.hi - t.lo)
            if spacing >= Double((t.labels.map(\.count).max() ?? 0) + 1) { ticks = t; break }
        }
        return ticks
    }

    /// Ticks for a log10 axis over [lo, hi], at most `maxCount` of them. A lower bound ≤ 0 becomes hi / 10;
    /// without a positive upper bound the range is [0.1, 1]; a degenerate range is widened by a factor 1.1.
    public static func logarithmic(_ lo: Double, _ hi: Double, maxCount: Int = 6) -> Ticks {
        let (a, b) = sanitized(lo, hi, positive: true)
        let limit = min(max(1, maxCount), 100)
        let lower = exponentOf(a), upper = Int(Foundation.log10(b).rounded(.up))
        let decades = LogLadder(mantissas: [1], stride: 1, lower: lower, upper: upper).values(a, b)
        if decades.count > limit {
            var stride = 2
            while true {
                let picked = LogLadder(mantissas: [1], stride: stride, lower: lower, upper: upper).values(a, b)
                if picked.count <= limit || stride > 700 { return make(picked, a, b) }
                stride += stride < 5 ? 1 : 5
            }
        }
        if decades.count >= 3 { return make(decades, a, b) }
        for mantissas in [[1.0, 2, 5], [1.0, 3]] {
            let picked = LogLadder(mantissas: mantissas, stride: 1, lower: lower, upper: upper).values(a, b)
            if picked.count > limit { continue }
            if picked.count >= 3 { return make(picked, a, b) }
            break
        }
        return linear(a, b, maxCount: limit)
    }

    /// The largest magnitude an axis reaches: values beyond it lie outside every axis (and are not drawn).
    static let limit = 4e307

    /// Orders the bounds and replaces degenerate or unusable ones (see the type's documentation).
    static func sanitized(_ lo: Double, _ hi: Double, positive: Bool) -> (Double, Double) {
        var a = min(lo, hi), b = max(lo, hi)
        if positive {
            let smallest = 1e-300
            if !(b > 0) || !b.isFinite && !a.isFinite { return (0.1, 1) }
            a = a > 0 && a.isFinite ? max(a, smallest) : b / 10
            b = min(b, limit)
            if b / a < 1 + 1e-12 { return (a / 1.1, a * 1.1) }
            return (a, b)
        }
        guard a.isFinite || b.isFinite else { return (0, 1) }
        if !a.isFinite { a = b }
        if !b.isFinite { b = a }
        a = min(max(a, -limit), limit); b = min(max(b, -limit), limit)
        let scale = max(a.magnitude, b.magnitude)
        if b - a <= scale * 1e-12 || b - a < 1e-300 {
            let centre = (a + b) / 2
            let pad = centre.magnitude > 1e-300 ? centre.magnitude * 0.1 : 1
            return (centre - pad, centre + pad)
        }
        return (a, b)
    }

    /// floor(log10(v)) for a positive finite v, 0 otherwise.
    private static func exponentOf(_ v: Double) -> Int {
        v > 0 && v.isFinite ? PlotFormat.exponent(of: v) : 0
    }

    /// Linear ticks `first...last` × `step`, labelled consistently.
    private static func make(step: Step, first: Double, last: Double, _ a: Double, _ b: Double) -> Ticks {
        let values = first <= last ? (Int(first)...Int(last)).map { step.value($0) } : []
        let largest = values.map(\.magnitude).max() ?? 0
        let exponentForm = largest >= 1e6 || (largest > 0 && largest < 1e-3)
        let labels = values.map { PlotFormat.tick($0, decimals: step.decimals, scientific: exponentForm) }
        return Ticks(values: values, labels: labels, lo: a, hi: b)
    }

    /// Log ticks at `values` over [a, b], each labelled by `PlotFormat.number`.
    private static func make(_ values: [Double], _ a: Double, _ b: Double) -> Ticks {
        Ticks(values: values, labels: values.map(PlotFormat.number), lo: a, hi: b)
    }
}

extension Ticks {
    /// A linear tick spacing m × 10^k with m in {1, 2, 2.5, 5}.
    struct Step {
        var mantissa: Double
        var power: Int

        /// The next larger spacing in the 1, 2, 2.5, 5, 10 sequence.
        var next: Step {
            switch mantissa {
            case 1: return Step(mantissa: 2, power: power)
            case 2: return Step(mantissa: 2.5, power: power)
            case 2.5: return Step(mantissa: 5, power: power)
            default: return Step(mantissa: 1, power: power + 1)
            }
        }

        /// Decimal places needed to write multiples of this spacing in fixed notation.
        var decimals: Int { max(0, -power + (mantissa == 2.5 ? 1 : 0)) }

        /// The spacing as a number.
        var size: Double { value(1) }

        /// The i-th multiple, computed so that e.g. 3 × 0.1 gives exactly 0.3 and never -0.
        func value(_ i: Int) -> Double {
            let m = Double(i) * mantissa
            let v = power < 0 && power >= -300 ? m / Foundation.pow(10, Double(-power)) : m * Foundation.pow(10, Double(power))
            return v + 0
        }

        /// The first and last multiple index inside [a, b], as Doubles so huge counts cannot overflow.
        func indices(_ a: Double, _ b: Double) -> (Double, Double) {
            let s = size, eps = 1e-9
            guard s > 0, s.isFinite else { return (0, 0) }
            return ((a / s - eps).rounded(.up), (b / s + eps).rounded(.down))
        }
    }

    /// Values m × 10^n for mantissas m and decade exponents n that are multiples of `stride`.
    struct LogLadder {
        var mantissas: [Double]
        var stride: Int
        var lower: Int
        var upper: Int

        /// All ladder values from one rung below `lower` to one rung above `upper`, ascending.
        private func rungs() -> [Double] {
            var out: [Double] = []
            var n = Int((Double(lower) / Double(stride)).rounded(.down)) * stride - stride
            while n <= upper + stride {
                for m in mantissas {
                    let v = n < 0 ? m / Foundation.pow(10, Double(-n)) : m * Foundation.pow(10, Double(n))
                    if v > 0 && v.isFinite { out.append(v) }
                }
                n += stride
            }
            return out
        }

        /// The rungs inside [a, b].
        func values(_ a: Double, _ b: Double) -> [Double] {
            let tol = 1e-9
            return rungs().filter { $0 >= a * (1 - tol) && $0 <= b * (1 + tol) }
        }
    }
}
