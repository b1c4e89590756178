extension LineChart {
    /// The first point of a series whose y cannot be drawn: NaN, infinite, or ≤ 0 on a log scale.
    public struct Issue: Sendable, Equatable {
        /// What was wrong with the value.
        public enum Kind: Sendable, Equatable { case nan, infinity, negativeInfinity, nonPositive }

        /// The series' name, the point's x, and the kind of value.
        public var series: String
        public var x: Double
        public var kind: Kind

        /// E.g. `NaN at step 812`, or `NaN in val at step 812` with `naming` the series.
        public func text(xName: String, naming: Bool, unicode: Bool) -> String {
            let what: String
            switch kind {
            case .nan: what = "NaN"
            case .infinity: what = "+inf"
            case .negativeInfinity: what = "-inf"
            case .nonPositive: what = unicode ? "≤0 (log scale)" : "<=0 (log scale)"
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
