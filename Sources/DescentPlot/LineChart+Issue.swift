extension LineChart {
    /// The first point of a series whose y cannot be drawn: NaN, infinite, or ≤ 0 on a log scale; or the points of a
    /// series beyond the axes' reach (a magnitude above `Ticks.limit`, 4e307, in x or y), counted, at the first one.
    public struct Issue: Sendable, Equatable {
        /// What was wrong with the value; `beyondReach` counts the points of the series it applies to.
        public enum Kind: Sendable, Equatable { case nan, infinity, negativeInfinity, nonPositive, beyondReach(count: Int) }

        /// The series' name, the (first) point's x, and the kind of value.
        public var series: String
        public var x: Double
        public var kind: Kind

        /// E.g. `NaN at step 812`, or `NaN in val at step 812` with `naming` the series; for points beyond the axes'
        /// reach, how many: `3 points beyond ±4e+307 not drawn` (`in val` after `points` with `naming`).
        public func text(xName: String, naming: Bool, unicode: Bool) -> String {
            let what: String
            switch kind {
            case .nan: what = "NaN"
            case .infinity: what = "+inf"
            case .negativeInfinity: what = "-inf"
            case .nonPositive: what = unicode ? "≤0 (log scale)" : "<=0 (log scale)"
            case .beyondReach(let n):
                let points = n == 1 ? "1 point" : "\(n) points", limit = (unicode ? "±" : "+-") + PlotFormat.number(Ticks.limit)
                return "\(points)\(naming ? " in \(series)" : "") beyond \(limit) not drawn"
            }
            let at = xName.isEmpty ? PlotFormat.count(x) : xName + " " + PlotFormat.count(x)
            return naming ? "\(what) in \(series) at \(at)" : "\(what) at \(at)"
        }

        /// The kind of an undrawable y, or nil when y can be drawn.
        static func kind(of y: Double, log: Bool) -> Kind? {
            if y.isNaN { return .nan }
            if y.isInfinite { return y > 0 ? .infinity : .negativeInfinity }
            return log && y <= 0 ? .nonPositive : nil
        }
    }
}
