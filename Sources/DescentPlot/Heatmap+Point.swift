extension Heatmap {
    /// A sample drawn on top of the map, marked by its class or by its value, with a filled marker or (a validation
    /// row beside training rows) a hollow one.
    public struct Point: Sendable, Equatable {
        /// What the point shows: a class index, or a value placed on the surface's colour scale.
        public enum Mark: Sendable, Equatable {
            case category(Int)
            case value(Double)
        }

        public var x: Double
        public var y: Double
        public var mark: Mark
        /// Drawn with the hollow marker (`○ △ □ …`) instead of the filled one, so that it reads apart without colour.
        public var hollow: Bool

        /// A point of class `category`.
        public init(x: Double, y: Double, category: Int, hollow: Bool = false) {
            self.x = x; self.y = y; mark = .category(category); self.hollow = hollow
        }

        /// A point with target `value`.
        public init(x: Double, y: Double, value: Double, hollow: Bool = false) {
            self.x = x; self.y = y; mark = .value(value); self.hollow = hollow
        }
    }
}
