extension Heatmap {
    /// A sample drawn on top of the map, marked by its class or by its value.
    public struct Point: Sendable, Equatable {
        /// What the point shows: a class index, or a value placed on the surface's colour scale.
        public enum Mark: Sendable, Equatable {
            case category(Int)
            case value(Double)
        }

        public var x: Double
        public var y: Double
        public var mark: Mark

        /// A point of class `category`.
        public init(x: Double, y: Double, category: Int) { self.x = x; self.y = y; mark = .category(category) }

        /// A point with target `value`.
        public init(x: Double, y: Double, value: Double) { self.x = x; self.y = y; mark = .value(value) }
    }
}
