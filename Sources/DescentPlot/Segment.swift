/// A straight segment between two points in continuous coordinates, which can be clipped to a rectangle.
struct Segment: Equatable {
    var x0: Double, y0: Double, x1: Double, y1: Double

    /// The part of the segment inside [minX, maxX] × [minY, maxY] (Liang–Barsky), or nil when none is, or
    /// when an endpoint is not finite.
    func clipped(minX: Double, maxX: Double, minY: Double, maxY: Double) -> Segment? {
        guard x0.isFinite, y0.isFinite, x1.isFinite, y1.isFinite else { return nil }
        let dx = x1 - x0, dy = y1 - y0
        var t0 = 0.0, t1 = 1.0
        let edges = [(-dx, x0 - minX), (dx, maxX - x0), (-dy, y0 - minY), (dy, maxY - y0)]
        for (p, q) in edges {
            if p == 0 {
                if q < 0 { return nil }
                continue
            }
            let r = q / p
            if p < 0 { t0 = max(t0, r) } else { t1 = min(t1, r) }
            if t0 > t1 { return nil }
        }
        return Segment(x0: x0 + t0 * dx, y0: y0 + t0 * dy, x1: x0 + t1 * dx, y1: y0 + t1 * dy)
    }
}
