/// Measuring series: the ranges they cover and their first undrawable value.
extension LineChart {
    /// One series' extent: finite x over all points, drawable y over all points and over the x window, its first
    /// issue, and its points in the window beyond the axes' reach (`Ticks.limit`). Bounds are nil when no point qualified.
    struct Extent {
        var x: Bounds?
        var yAll: Bounds?
        var yInWindow: Bounds?
        var issue: Issue?
        var beyond: Issue?
    }

    /// A closed interval that grows to include values.
    struct Bounds {
        var lo: Double
        var hi: Double

        /// The smallest interval holding both.
        func union(_ other: Bounds?) -> Bounds {
            guard let other else { return self }
            return Bounds(lo: min(lo, other.lo), hi: max(hi, other.hi))
        }
    }

    /// Measures one series in a single pass (the window limits only `yInWindow`).
    static func extent(of s: Series, window: ClosedRange<Double>?, log: Bool) -> Extent {
        var xLo = Double.infinity, xHi = -Double.infinity
        var yLo = Double.infinity, yHi = -Double.infinity
        var wLo = Double.infinity, wHi = -Double.infinity
        var issue: Issue?
        var beyond = 0, firstBeyond = 0.0
        let wl = window?.lowerBound ?? -.infinity, wh = window?.upperBound ?? .infinity, limit = Ticks.limit
        s.xs.withUnsafeBufferPointer { xs in
            s.ys.withUnsafeBufferPointer { ys in
                for i in 0..<min(xs.count, ys.count) {
                    let x = xs[i], y = ys[i]
                    guard x.isFinite else { continue }
                    if x < xLo { xLo = x }
                    if x > xHi { xHi = x }
                    guard y.isFinite, !log || y > 0 else {
                        if issue == nil, let k = Issue.kind(of: y, log: log) { issue = Issue(series: s.name, x: x, kind: k) }
                        continue
                    }
                    if y < yLo { yLo = y }
                    if y > yHi { yHi = y }
                    if x >= wl && x <= wh {
                        if y < wLo { wLo = y }
                        if y > wHi { wHi = y }
                        if x.magnitude > limit || y.magnitude > limit {
                            if beyond == 0 { firstBeyond = x }
                            beyond += 1
                        }
                    }
                }
            }
        }
        func bounds(_ lo: Double, _ hi: Double) -> Bounds? { lo <= hi ? Bounds(lo: lo, hi: hi) : nil }
        return Extent(x: bounds(xLo, xHi), yAll: bounds(yLo, yHi), yInWindow: bounds(wLo, wHi), issue: issue,
                      beyond: beyond > 0 ? Issue(series: s.name, x: firstBeyond, kind: .beyondReach(count: beyond)) : nil)
    }
}
