/// A line chart of named series, drawn with braille (or ASCII) dots into a Canvas, or written as SVG.
///
/// Layout from top to bottom: title, plot area with the y axis and its labels on the left, x axis, x labels,
/// legend (series and, in the warning role, the first undrawable value of each series, e.g.
/// `! NaN at step 812`), and of each series with points beyond the axes' reach (±4e307, where the ticks stop) how many
/// are left out: `! 3 points beyond ±4e+307 not drawn`, with a `!` at the first one's x. Series of points get a
/// marker in each point's cell (`●` filled, `○` hollow), drawn over the lines. Undrawable values (NaN, ±infinity, ≤ 0 on a log scale) leave a gap in their line,
/// do not count towards the y range, and get a `!` on the x axis at their x. Drawing costs one pass over the
/// points to measure and one to rasterise, aggregated per dot column, so a million points per series stay
/// quick. Areas narrower than 10 cells or with fewer than 2 rows left for the plot get the bare curves only.
public struct LineChart: Sendable {
    /// How the y axis maps values.
    public enum Scale: Sendable, Equatable { case linear, log }

    /// Series in drawing order: a cell shared by several shows the last one (point markers go over all lines).
    public var series: [Series]
    public var yScale: Scale
    /// The x window to show (zoom and scroll); nil shows all points.
    public var xRange: ClosedRange<Double>?
    /// A fixed y range; nil fits the drawable points inside the x window (or all of them when none is inside).
    public var yRange: ClosedRange<Double>?
    public var title: String?
    /// What x counts, for notes like `NaN at step 812`.
    public var xName: String
    /// Whether x counts something (steps): x ticks fall on whole numbers only.
    public var xIsWhole: Bool
    public var showLegend: Bool
    /// The most lines the legend takes on a chart at least 10 rows high (a lower one gives it one): entries that do not
    /// fit are left out.
    public var legendRows = 2
    /// Braille dots and box-drawing axes (true) or ASCII only (false).
    public var unicode: Bool
    /// The axes' names, written beside them in SVG (under the x axis, up the y axis); nil for none.
    public var axisNames: (x: String, y: String)?

    /// A chart; every option has a default.
    public init(series: [Series] = [], yScale: Scale = .linear, xRange: ClosedRange<Double>? = nil,
                yRange: ClosedRange<Double>? = nil, title: String? = nil, xName: String = "x", xIsWhole: Bool = false,
                showLegend: Bool = true, unicode: Bool = true) {
        self.series = series; self.yScale = yScale; self.xRange = xRange; self.yRange = yRange
        self.title = title; self.xName = xName; self.xIsWhole = xIsWhole; self.showLegend = showLegend; self.unicode = unicode
    }

    /// The chart drawn on a new canvas of `width` × `height` cells.
    public func render(width: Int, height: Int) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        draw(into: &canvas, x: 0, y: 0, width: width, height: height)
        return canvas
    }

    /// Draws the chart into the rectangle of `canvas` with top-left (x, y); cells the chart leaves empty
    /// keep what they held.
    public func draw(into canvas: inout Canvas, x: Int, y: Int, width: Int, height: Int) {
        guard width > 0, height > 0 else { return }
        let m = measure()
        let titleRows = (title?.isEmpty == false && height >= 6) ? 1 : 0
        let legendLines = showLegend && height >= 5
            ? legend(m.issues).lines(width: width, maxLines: height >= 10 ? legendRows : 1) : []
        let plotHeight = height - titleRows - legendLines.count - 2
        guard width >= 10, plotHeight >= 2 else { return drawBare(m, into: &canvas, x: x, y: y, width: width, height: height) }

        let yTicks = self.yTicks(m, maxCount: min(6, max(2, plotHeight / 2 + 1)))
        let yLabels = labelledEnds(yTicks, plotHeight: plotHeight)
        let gutter = yLabels.map(\.label.count).max() ?? 0
        let plotWidth = width - gutter - 1
        guard plotWidth >= 4 else { return drawBare(m, into: &canvas, x: x, y: y, width: width, height: height) }
        let xTicks = Ticks.linear(m.window.lo, m.window.hi, fitting: plotWidth, whole: xIsWhole)

        var grid = DotGrid(columns: plotWidth, rows: plotHeight, unicode: unicode)
        let plane = Plane(xLo: xTicks.lo, xHi: xTicks.hi, yLo: yTicks.lo, yHi: yTicks.hi, log: yScale == .log,
                          columns: grid.dotsWide, rows: grid.dotsHigh)
        rasterize(into: &grid, plane: plane)

        let top = y + titleRows
        let frame = AxisFrame(plotX: x + gutter + 1, plotY: top, plotWidth: plotWidth, plotHeight: plotHeight,
                              left: x, right: x + width, unicode: unicode)
        grid.draw(into: &canvas, x: frame.plotX, y: top)
        drawMarkers(into: &canvas, grid: grid, plane: plane, x: frame.plotX, y: top)
        drawTags(into: &canvas, grid: grid, plane: plane, x: frame.plotX, y: top)
        let cellColumn = { (v: Double) in LineChart.cell(plane.column(v), per: grid.dotsPerColumn) ?? -1 }
        frame.draw(into: &canvas,
                   yTicks: yLabels,
                   xTicks: zip(xTicks.values, xTicks.labels).map { (cellColumn($0), $1) })
        for issue in m.issues where issue.x >= xTicks.lo && issue.x <= xTicks.hi {
            frame.mark(into: &canvas, column: cellColumn(issue.x))
        }
        if titleRows == 1, let title { canvas.put(String(title.prefix(width)), x: x, y: y, fg: .title, bold: true) }
        Legend.draw(legendLines, into: &canvas, x: x, y: frame.axisRow + 2, width: width)
    }

    /// The first undrawable value of each series that has one, in series order; then, for each series with points
    /// beyond the axes' reach, their count.
    public func issues() -> [Issue] { measure().issues }

    /// The smallest and largest finite x over all series, or nil when there is none (for zoom and scroll).
    public var xExtent: ClosedRange<Double>? {
        let all = series.compactMap { Self.extent(of: $0, window: nil, log: false).x }
        guard let first = all.first else { return nil }
        let b = all.dropFirst().reduce(first) { $0.union($1) }
        return b.lo...b.hi
    }
}

extension LineChart {
    /// What the data asks of the axes: the x window, the y bounds before rounding, and the issues.
    struct Measured {
        var window: Bounds
        var y: Bounds
        var issues: [Issue]
    }

    /// Measures all series once: x window, y bounds of drawable points inside it, and issues.
    func measure() -> Measured {
        let log = yScale == .log
        let extents = series.map { Self.extent(of: $0, window: xRange, log: log) }
        func union(_ b: [Bounds?]) -> Bounds? {
            b.reduce(nil as Bounds?) { acc, next in acc.map { $0.union(next) } ?? next }
        }
        let window = xRange.map { Bounds(lo: $0.lowerBound, hi: $0.upperBound) }
            ?? union(extents.map(\.x)) ?? Bounds(lo: 0, hi: 1)
        let y = yRange.map { Bounds(lo: $0.lowerBound, hi: $0.upperBound) }
            ?? union(extents.map(\.yInWindow)) ?? union(extents.map(\.yAll))
            ?? (log ? Bounds(lo: 0.1, hi: 1) : Bounds(lo: 0, hi: 1))
        return Measured(window: window, y: y, issues: extents.compactMap(\.issue) + extents.compactMap(\.beyond))
    }

    /// The y ticks' rows and labels in a plot `plotHeight` cells high; and the top and bottom rows labelled with the
    /// axis's ends (the highest and lowest values drawn) when no tick is within a row of them, so that a curve's
    /// first and last values can be read.
    func labelledEnds(_ ticks: Ticks, plotHeight: Int) -> [(row: Int, label: String)] {
        let grid = DotGrid(columns: 1, rows: plotHeight, unicode: unicode)
        let plane = Plane(xLo: 0, xHi: 1, yLo: ticks.lo, yHi: ticks.hi, log: yScale == .log, columns: 1, rows: grid.dotsHigh)
        var labels = zip(ticks.values, ticks.labels).compactMap { v, label in
            LineChart.cell(plane.row(v), per: grid.dotsPerRow).map { (row: $0, label: label) }
        }
        let rows = labels.map(\.row)
        guard plotHeight >= 4, ticks.lo.isFinite, ticks.hi.isFinite else { return labels }
        if (rows.min() ?? plotHeight) >= 2 { labels.append((row: 0, label: PlotFormat.number(ticks.hi))) }
        if (rows.max() ?? -1) <= plotHeight - 3 { labels.append((row: plotHeight - 1, label: PlotFormat.number(ticks.lo))) }
        return labels
    }

    /// The cell holding dot `dot` (fractional) of cells `per` dots wide; nil for a dot that is not a finite number.
    static func cell(_ dot: Double, per: Int) -> Int? {
        guard dot.isFinite else { return nil }
        return Int(min(max(dot.rounded(), -1e9), 1e9)) / per
    }

    /// Round y ticks inside the measured bounds.
    func yTicks(_ m: Measured, maxCount: Int) -> Ticks {
        yScale == .log
            ? Ticks.logarithmic(m.y.lo, m.y.hi, maxCount: maxCount)
            : Ticks.linear(m.y.lo, m.y.hi, maxCount: maxCount)
    }

    /// Draws every line series into `grid` in its line style, one aggregated pass each (points are `drawMarkers`'s).
    func rasterize(into grid: inout DotGrid, plane: Plane) {
        for s in series where !s.style.isPoints {
            let aggregator = ColumnAggregator(origin: plane.xLo, scale: plane.xScale, columns: grid.dotsWide, log: plane.log)
            var stroke = grid.stroke(s.style)
            aggregator.run(xs: s.xs, ys: s.ys) { event in
                switch event {
                case .join(let a, let b):
                    grid.line(from: (a.x, plane.row(a.y)), to: (b.x, plane.row(b.y)), role: s.role, bold: s.bold, stroke: &stroke)
                case .column(let c):
                    grid.vertical(x: c.column, from: plane.row(c.low), to: plane.row(c.high), role: s.role, bold: s.bold,
                                  stroke: &stroke)
                }
            }
        }
    }

    /// Marks each drawable point of the points series in its cell of `grid` (whose top-left cell is at (x, y) of
    /// `canvas`), over the lines, series in order; points outside the plot are left out.
    func drawMarkers(into canvas: inout Canvas, grid: DotGrid, plane: Plane, x: Int, y: Int) {
        for s in series {
            guard let marker = s.style.marker(unicode: unicode) else { continue }
            for (px, py) in zip(s.xs, s.ys) where px.isFinite && py.isFinite && (!plane.log || py > 0) {
                let c = plane.column(px).rounded(), r = plane.row(py).rounded()
                guard c >= 0, r >= 0, c < Double(grid.dotsWide), r < Double(grid.dotsHigh) else { continue }
                canvas[x + Int(c) / grid.dotsPerColumn, y + Int(r) / grid.dotsPerRow] = Cell(marker, fg: s.role, bold: s.bold)
            }
        }
    }

    /// Only the curves and points, filling the whole rectangle, for areas too small for axes.
    func drawBare(_ m: Measured, into canvas: inout Canvas, x: Int, y: Int, width: Int, height: Int) {
        var grid = DotGrid(columns: width, rows: height, unicode: unicode)
        let xTicks = Ticks.linear(m.window.lo, m.window.hi, whole: xIsWhole), yTicks = self.yTicks(m, maxCount: 2)
        let plane = Plane(xLo: xTicks.lo, xHi: xTicks.hi, yLo: yTicks.lo, yHi: yTicks.hi,
                          log: yScale == .log, columns: grid.dotsWide, rows: grid.dotsHigh)
        rasterize(into: &grid, plane: plane)
        grid.draw(into: &canvas, x: x, y: y)
        drawMarkers(into: &canvas, grid: grid, plane: plane, x: x, y: y)
        drawTags(into: &canvas, grid: grid, plane: plane, x: x, y: y)
    }

    /// Legend entries: each series' line glyph and name, then a warning note per issue.
    func legend(_ issues: [Issue]) -> Legend {
        var entries = series.map { s -> [Legend.Part] in
            var glyph = s.style.legendGlyph(bold: s.bold, unicode: unicode)
            if let tag = s.tag { glyph += String(tag) + glyph }
            return [Legend.Part(text: glyph + " ", role: s.role, bold: s.bold), Legend.Part(text: s.name, role: .label, bold: false)]
        }
        for issue in issues {
            let note = "! " + issue.text(xName: xName, naming: series.count > 1, unicode: unicode)
            entries.append([Legend.Part(text: note, role: .warning, bold: true)])
        }
        return Legend(entries: entries)
    }
}
