/// Tags along the lines: each tagged series' character every few columns, the series staggered so that their tags fall
/// in different columns, so that curves sharing a style (or a colour, or none) can be told apart where they run.
extension LineChart {
    /// The places (columns of a plot `width` units wide) where tagged series `k` of `count` shows its tag: `spacing`
    /// apart from `start`, series k starting k·spacing/count later.
    static func tagPlaces(series k: Int, of count: Int, width: Int, spacing: Int, start: Int) -> [Int] {
        guard count > 0, spacing > 0 else { return [] }
        return Array(Swift.stride(from: start + k * spacing / count, to: width - 1, by: spacing))
    }

    /// The cells between tags of one series: about a quarter of the plot's width, at most 16, and at least two a series.
    static func tagSpacing(count: Int, columns: Int) -> Int { max(2 * count, min(16, columns / 4)) }

    /// The fractional row (of `plane`) of series `s` at fractional column `column`, interpolated between the points on
    /// either side (rows of a log axis interpolate in its log units); nil outside the series' x span or where a
    /// neighbour cannot be drawn.
    func tagRow(_ s: Series, column: Double, plane: Plane) -> Double? {
        let x = plane.xLo + column / plane.xScale
        guard let first = s.xs.first, let last = s.xs.last, x.isFinite, x >= first, x <= last else { return nil }
        // The first point at or beyond x (the xs increase).
        var lo = 0, hi = s.xs.count - 1
        while lo < hi { let mid = (lo + hi) / 2; if s.xs[mid] < x { lo = mid + 1 } else { hi = mid } }
        let b = lo, a = max(0, lo - 1)
        let drawable = { (y: Double) in y.isFinite && (!plane.log || y > 0) }
        guard drawable(s.ys[a]), drawable(s.ys[b]) else { return nil }
        let ra = plane.row(s.ys[a]), rb = plane.row(s.ys[b])
        let span = s.xs[b] - s.xs[a]
        let row = span > 0 ? ra + (rb - ra) * (x - s.xs[a]) / span : rb
        return row.isFinite ? row : nil
    }

    /// Marks each tagged series' tag on its line in `grid` (whose top-left cell is at (x, y) of `canvas`), over lines
    /// and points; a tag whose place lies outside the plot is left out.
    func drawTags(into canvas: inout Canvas, grid: DotGrid, plane: Plane, x: Int, y: Int) {
        let tagged = series.filter { $0.tag != nil }
        let spacing = Self.tagSpacing(count: tagged.count, columns: grid.columns)
        for (k, s) in tagged.enumerated() {
            guard let tag = s.tag else { continue }
            for c in Self.tagPlaces(series: k, of: tagged.count, width: grid.columns, spacing: spacing, start: 1) {
                let dot = Double(c * grid.dotsPerColumn) + Double(grid.dotsPerColumn - 1) / 2
                guard let row = tagRow(s, column: dot, plane: plane), let r = LineChart.cell(row, per: grid.dotsPerRow),
                      r >= 0, r < grid.rows else { continue }
                canvas[x + c, y + r] = Cell(tag, fg: s.role, bold: true)
            }
        }
    }
}
