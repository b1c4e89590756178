extension LineChart {
    /// One named curve: its points in drawing order, colour role, weight, line style, and the tag that names it along
    /// its line, if any.
    public struct Series: Sendable {
        public var name: String
        public var role: ColorRole
        public var bold: Bool
        public var style: LineStyle
        /// A character shown on the line every few columns and beside the line in the legend, so that curves that
        /// cross and share a style read apart without colour (`plot runs`: `1`, `2`, … for kept runs); the points'
        /// x must then increase.
        public var tag: Character?
        /// The x and y coordinates, always of equal length.
        public private(set) var xs: [Double]
        public private(set) var ys: [Double]

        /// A series from coordinate arrays (the longer one is cut to the shorter). `bold` defaults to true
        /// for `.lossTrain` and `.lossVal` and false otherwise; `style` to dotted for `.lossVal` (so that the
        /// validation curve reads apart from the training one without colour) and solid otherwise.
        public init(name: String, role: ColorRole, bold: Bool? = nil, style: LineStyle? = nil, tag: Character? = nil,
                    xs: [Double], ys: [Double]) {
            let n = min(xs.count, ys.count)
            self.name = name; self.role = role; self.tag = tag
            self.bold = bold ?? (role == .lossTrain || role == .lossVal)
            self.style = style ?? (role == .lossVal ? .dotted : .solid)
            self.xs = xs.count == n ? xs : Array(xs.prefix(n))
            self.ys = ys.count == n ? ys : Array(ys.prefix(n))
        }

        /// A series from (x, y) pairs.
        public init(name: String, role: ColorRole, bold: Bool? = nil, style: LineStyle? = nil, tag: Character? = nil,
                    points: [(x: Double, y: Double)]) {
            self.init(name: name, role: role, bold: bold, style: style, tag: tag, xs: points.map(\.x), ys: points.map(\.y))
        }

        /// Number of points.
        public var count: Int { xs.count }

        /// Adds a point at the end (a live view can keep one series and append each step).
        public mutating func append(x: Double, y: Double) {
            xs.append(x); ys.append(y)
        }

        /// Makes room for `n` more points.
        public mutating func reserveCapacity(_ n: Int) {
            xs.reserveCapacity(xs.count + n); ys.reserveCapacity(ys.count + n)
        }

        /// Keeps the points at even positions (the first, third, …), halving the series in place.
        public mutating func keepEveryOther() {
            let n = (xs.count + 1) / 2
            for i in 0..<n { xs[i] = xs[2 * i]; ys[i] = ys[2 * i] }
            xs.removeLast(xs.count - n); ys.removeLast(ys.count - n)
        }

        /// Drops all points, keeping the storage.
        public mutating func removeAll() {
            xs.removeAll(keepingCapacity: true); ys.removeAll(keepingCapacity: true)
        }
    }
}
