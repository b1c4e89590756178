import DescentText

/// A histogram: counts in bins of equal width over [lo, hi], drawn as bars of block characters (eighths of a cell,
/// `▁`…`█`; in ASCII `.`, `:` and `#`) into a Canvas, or written as SVG.
///
/// Layout from top to bottom: title, plot area with the count axis and its labels on the left, x axis, x labels, and
/// the notes (what the values are, their norms), wrapped. Every bin gets the same whole number of columns, a bar one
/// column narrower when it has three or more, so that neighbouring bars read apart; a bin with any count shows at
/// least an eighth of a cell, so that a lone value in the tails is seen beside a tall bar. Areas narrower than one
/// column per bin, or with fewer than 2 rows left for the bars, get the notes only.
public struct Histogram: Sendable {
    /// The range the bins cover, from `lo` to `hi`.
    public var lo: Double, hi: Double
    /// The count in each bin, left to right.
    public var counts: [Int]
    public var title: String?
    /// Lines under the axes (each wrapped to the width): what was counted, and its statistics.
    public var notes: [String]
    /// The colour of the bars.
    public var role: ColorRole
    /// Block characters (true) or ASCII only (false).
    public var unicode: Bool

    /// A histogram of `counts` over [lo, hi]; every option has a default.
    public init(lo: Double, hi: Double, counts: [Int], title: String? = nil, notes: [String] = [], role: ColorRole = .lossTrain,
                unicode: Bool = true) {
        self.lo = lo; self.hi = hi; self.counts = counts; self.title = title; self.notes = notes; self.role = role
        self.unicode = unicode
    }

    /// The count in each of `bins` bins of equal width over [lo, hi] (`bins` at least 1) of the finite `values`: a
    /// value's bin is ⌊(v − lo) / (hi − lo) · bins⌋, `hi` itself in the last; values outside [lo, hi] or not finite are
    /// not counted.
    public static func counts(_ values: [Double], bins: Int, lo: Double, hi: Double) -> [Int] {
        let n = max(1, bins)
        var counts = Array(repeating: 0, count: n)
        for v in values where v.isFinite && v >= lo && v <= hi {
            let k = hi > lo ? Int((fraction(v, lo: lo, hi: hi) * Double(n)).rounded(.down)) : n / 2
            counts[min(max(k, 0), n - 1)] += 1
        }
        return counts
    }

    /// Where `v` lies between `lo` (0) and `hi` (1), clamped to 0…1 (0.5 for an empty range or a value not finite):
    /// from v − lo over hi − lo, or when those overflow (bounds near ±1.8e308), from each divided by the larger bound's
    /// magnitude first, so that the result can always be made an Int.
    static func fraction(_ v: Double, lo: Double, hi: Double) -> Double {
        guard v.isFinite, lo.isFinite, hi.isFinite, hi > lo else { return 0.5 }
        let m = max(lo.magnitude, hi.magnitude)
        let f = (hi - lo).isFinite ? (v - lo) / (hi - lo) : (v / m - lo / m) / (hi / m - lo / m)
        return f.isFinite ? min(max(f, 0), 1) : 0.5
    }

    /// The chart drawn on a new canvas of `width` × `height` cells.
    public func render(width: Int, height: Int) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        draw(into: &canvas, x: 0, y: 0, width: width, height: height)
        return canvas
    }

    /// The smallest area `draw` draws the bars in: a column per bin right of the count axis's labels (at most as wide as
    /// the top count), and 4 rows (2 for the bars, the x axis and its labels).
    public var minimumSize: (width: Int, height: Int) { (String(top).count + 1 + counts.count, 4) }

    /// The count axis's top: the largest count (at least 1).
    var top: Int { max(1, counts.max() ?? 0) }

    /// Draws the histogram into the rectangle of `canvas` with top-left (x, y).
    public func draw(into canvas: inout Canvas, x: Int, y: Int, width: Int, height: Int) {
        guard width > 0, height > 0 else { return }
        let noteLines = Array(notes.flatMap { $0.wrapped(width: width) }.prefix(max(0, height - 5)))
        let titleRows = (title?.isEmpty == false && height >= 6) ? 1 : 0
        let plotHeight = height - titleRows - noteLines.count - 2
        let yTicks = Ticks.linear(0, Double(top), maxCount: min(6, max(2, plotHeight / 2 + 1)), whole: true)
        // No 0: the x axis is the bars' foot, and the bottom row holds bars of a count above it.
        var yLabels = zip(yTicks.values, yTicks.labels).filter { $0.0 > 0 }.map { (row: row(of: $0, plotHeight: plotHeight), label: $1) }
        // The tallest bar's count on the top row when no round tick is near it, so that a spike can be read off.
        if plotHeight >= 4, (yLabels.map(\.row).min() ?? plotHeight) >= 2 { yLabels.append((row: 0, label: "\(top)")) }
        let gutter = yLabels.map(\.label.count).max() ?? 0
        let per = counts.isEmpty ? 0 : (width - gutter - 1) / counts.count
        if titleRows == 1, let title { canvas.put(Legend.prefix(title, columns: width), x: x, y: y, fg: .title, bold: true) }
        guard plotHeight >= 2, per >= 1 else {
            for (k, line) in noteLines.enumerated() { canvas.put(line, x: x, y: y + titleRows + k, fg: .label) }
            return
        }
        let plotWidth = per * counts.count, areaTop = y + titleRows
        let frame = AxisFrame(plotX: x + gutter + 1, plotY: areaTop, plotWidth: plotWidth, plotHeight: plotHeight,
                              left: x, right: x + width, unicode: unicode)
        for (b, count) in counts.enumerated() where count > 0 {
            // The bar's height in eighths of a cell, at least one.
            let eighths = max(1, Int((Double(count) / Double(top) * Double(plotHeight * 8)).rounded()))
            let barWidth = per >= 3 ? per - 1 : per
            for r in 0..<plotHeight {
                let filled = min(8, eighths - 8 * r)
                guard filled > 0 else { break }
                let glyph = Histogram.block(filled, unicode: unicode)
                for c in 0..<barWidth { canvas[frame.plotX + b * per + c, areaTop + plotHeight - 1 - r] = Cell(glyph, fg: role) }
            }
        }
        // Round ticks need hi − lo to be a normal number: past the largest Double (±1e308) or subnormal (±5e-324) the
        // ticks would cover part of the axis or round to nonsense, so only the ends are labelled.
        let xTicks = (hi - lo).isNormal ? Ticks.linear(lo, hi, fitting: plotWidth)
            : Ticks(values: [lo, hi], labels: [PlotFormat.number(lo), PlotFormat.number(hi)], lo: lo, hi: hi)
        let columns = xTicks.values.map { v in hi > lo ? min(plotWidth - 1, Int((Histogram.fraction(v, lo: lo, hi: hi) * Double(plotWidth)).rounded(.down))) : plotWidth / 2 }
        frame.draw(into: &canvas, yTicks: yLabels, xTicks: zip(columns, xTicks.labels).map { ($0, $1) })
        for (k, line) in noteLines.enumerated() { canvas.put(line, x: x, y: frame.axisRow + 2 + k, fg: .label) }
    }

    /// The row (from the plot area's top) where a bar of `count` ends, in a plot `plotHeight` rows high.
    func row(of count: Double, plotHeight: Int) -> Int {
        let cells = Int((count / Double(top) * Double(plotHeight)).rounded(.up))
        return min(max(plotHeight - cells, 0), plotHeight - 1)
    }

    /// The cell of a bar filled `eighths` (1–8) from the bottom: `▁`…`█`, or in ASCII `.` (up to half), `:` or `#` (full).
    static func block(_ eighths: Int, unicode: Bool) -> Character {
        if unicode { return Array("▁▂▃▄▅▆▇█")[min(max(eighths, 1), 8) - 1] }
        return eighths >= 8 ? "#" : eighths > 4 ? ":" : "."
    }
}
