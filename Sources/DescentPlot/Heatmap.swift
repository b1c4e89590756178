/// A 2-D map over an x range × y range, one cell per grid value, with sample points drawn on top.
///
/// The grid is given precomputed, row-major with row 0 at the top (largest y); `cellCenters` tells where to
/// evaluate it. Class maps colour each cell's background with `ColorRole.forClass(k)`; surfaces quantise
/// values between `min` and `max` into heat0…heat4. Every cell also gets a glyph in the same role as its
/// background (a colour terminal shows a solid block, plain text still reads): classes `· ░ ▒ ▓ ╳ ≈`
/// (ASCII `. - = ~ ^ :`), surface levels ` ░▒▓█` (ASCII ` .:+#`), missing or NaN values `?`. Points are
/// `● ▲ ■ ◆ ★ ✚` by class (ASCII `o x * @ & %`), or `●` (`o`) for values, in the class or level role on
/// no background, bold; hollow points (validation rows) their outlines `○ △ □ ◇ ☆ ✙` (ASCII `+ # $ / ; >`), or `○`
/// (`x`) for values, drawn after the filled ones. Points outside the ranges are not drawn.
public struct Heatmap: Sendable {
    /// What the cells show.
    public enum Content: Sendable, Equatable {
        /// A class index per cell.
        case classes([Int])
        /// A value per cell, shaded from `min` (heat0) to `max` (heat4).
        case surface([Double], min: Double, max: Double)
    }

    /// Grid width and height in cells.
    public var columns: Int
    public var rows: Int
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    public var content: Content
    public var points: [Point]
    /// Class names for the legend (index = class); without them a class map has no legend.
    public var classNames: [String]
    /// What the legend calls the filled and the hollow points, when there are hollow ones.
    public var filledName = "training rows"
    public var hollowName = "validation rows"
    public var title: String?
    /// How sure the model is in each cell of a class map, 0 (at the boundary) to 1, for the SVG's shading;
    /// nil draws every cell in its class's full colour. The terminal map does not use it.
    public var confidence: [Double]?
    /// The axes' names (the features), written under the x axis and beside the y axis in the SVG.
    public var axisNames: (x: String, y: String)?
    public var showAxes: Bool
    public var showLegend: Bool
    public var unicode: Bool

    /// A map of `columns` × `rows` cells; every option has a default.
    public init(columns: Int, rows: Int, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, content: Content,
                points: [Point] = [], classNames: [String] = [], title: String? = nil,
                showAxes: Bool = true, showLegend: Bool = true, unicode: Bool = true) {
        self.columns = max(0, columns); self.rows = max(0, rows)
        self.xRange = xRange; self.yRange = yRange; self.content = content; self.points = points
        self.classNames = classNames; self.title = title
        self.showAxes = showAxes; self.showLegend = showLegend; self.unicode = unicode
    }

    /// The x of each column's centre (left to right) and the y of each row's centre (top to bottom).
    public static func cellCenters(columns: Int, rows: Int, xRange: ClosedRange<Double>,
                                   yRange: ClosedRange<Double>) -> (xs: [Double], ys: [Double]) {
        let w = (xRange.upperBound - xRange.lowerBound) / Double(max(columns, 1))
        let h = (yRange.upperBound - yRange.lowerBound) / Double(max(rows, 1))
        return ((0..<max(columns, 0)).map { xRange.lowerBound + (Double($0) + 0.5) * w },
                (0..<max(rows, 0)).map { yRange.upperBound - (Double($0) + 0.5) * h })
    }

    /// The largest grid that fits in `width` × `height` cells with the given decorations (0 × 0 if none);
    /// a legend wider than `width` is cut when drawn into that area.
    public static func gridSize(width: Int, height: Int, yRange: ClosedRange<Double>, title: Bool = false,
                                showAxes: Bool = true, showLegend: Bool = true) -> (columns: Int, rows: Int) {
        let rows = height - (title ? 1 : 0) - (showAxes ? 2 : 0) - (showLegend ? 1 : 0)
        guard rows > 0 else { return (0, 0) }
        let gutter = showAxes ? yAxisTicks(yRange, rows: rows).labels.map(\.count).max().map { $0 + 1 } ?? 1 : 0
        let columns = width - gutter
        return columns > 0 ? (columns, rows) : (0, 0)
    }

    /// The canvas size `render()` produces: the map and its axes, widened when the legend needs more room.
    public var size: (width: Int, height: Int) {
        let legendWidth = legendRows == 1 ? Legend(entries: legendEntries()).width : 0
        return (max(gutter + columns, legendWidth), titleRows + rows + (showAxes ? 2 : 0) + legendRows)
    }

    /// The map with its axes and legend on a canvas of exactly `size`.
    public func render() -> Canvas {
        var canvas = Canvas(width: size.width, height: size.height)
        draw(into: &canvas, x: 0, y: 0)
        return canvas
    }

    /// Draws the map with its top-left corner at (x, y) of `canvas`, clipped to the canvas.
    public func draw(into canvas: inout Canvas, x: Int, y: Int) {
        if titleRows == 1, let title { canvas.put(title, x: x, y: y, fg: .title, bold: true) }
        let mapX = x + gutter, mapY = y + titleRows
        for r in 0..<rows {
            for c in 0..<columns { canvas[mapX + c, mapY + r] = cell(at: r * columns + c) }
        }
        for p in points where !p.hollow { drawPoint(p, into: &canvas, mapX: mapX, mapY: mapY) }
        for p in points where p.hollow { drawPoint(p, into: &canvas, mapX: mapX, mapY: mapY) }
        if showAxes { drawAxes(into: &canvas, x: x, mapX: mapX, mapY: mapY) }
        if legendRows == 1 {
            Legend.draw(Legend(entries: legendEntries()).lines(width: size.width, maxLines: 1),
                        into: &canvas, x: x, y: mapY + rows + (showAxes ? 2 : 0), width: size.width)
        }
    }
}

extension Heatmap {
    /// Region glyphs by class (cycled), so a class map reads without colour.
    static let classGlyphs: [Character] = ["·", "░", "▒", "▓", "╳", "≈"]
    static let classGlyphsASCII: [Character] = [".", "-", "=", "~", "^", ":"]
    /// Surface glyphs by level, low to high.
    static let levelGlyphs: [Character] = [" ", "░", "▒", "▓", "█"]
    static let levelGlyphsASCII: [Character] = [" ", ".", ":", "+", "#"]
    /// Point glyphs by class (cycled).
    static let markers: [Character] = ["●", "▲", "■", "◆", "★", "✚"]
    static let markersASCII: [Character] = ["o", "x", "*", "@", "&", "%"]
    /// Hollow point glyphs by class (cycled): the filled ones' outlines; in ASCII, signs no filled marker or region uses.
    static let hollowMarkers: [Character] = ["○", "△", "□", "◇", "☆", "✙"]
    static let hollowMarkersASCII: [Character] = ["+", "#", "$", "/", ";", ">"]
    /// Surface colour roles by level.
    static let levels: [ColorRole] = [.heat0, .heat1, .heat2, .heat3, .heat4]

    /// Rows above the map (the title).
    var titleRows: Int { title?.isEmpty == false ? 1 : 0 }
    /// Rows below the axes (the legend, when there is anything to explain).
    var legendRows: Int { showLegend && (!classNames.isEmpty || isSurface) ? 1 : 0 }
    /// True for a value surface, false for a class map.
    var isSurface: Bool { if case .surface = content { return true } else { return false } }
    /// Columns left of the map: y labels and the axis line.
    var gutter: Int { showAxes ? (Self.yAxisTicks(yRange, rows: rows).labels.map(\.count).max() ?? 0) + 1 : 0 }

    /// Round y ticks for a map `rows` tall.
    static func yAxisTicks(_ range: ClosedRange<Double>, rows: Int) -> Ticks {
        Ticks.linear(range.lowerBound, range.upperBound, maxCount: min(6, max(2, rows / 3 + 1)))
    }

    /// `k` cycled into 0..<count, also for negative k.
    static func cycled(_ k: Int, _ count: Int) -> Int { ((k % count) + count) % count }

    /// The level 0…4 of `v` between the surface's min and max, each a fifth of the span (nil for NaN).
    static func level(_ v: Double, min lo: Double, max hi: Double) -> Int? {
        guard !v.isNaN else { return nil }
        let q = (hi > lo ? (v - lo) / (hi - lo) : 0.5) * 5
        guard !q.isNaN else { return nil }
        return Int(Swift.min(Swift.max(q, 0), 4))
    }

    /// The map cell for grid index `i`.
    func cell(at i: Int) -> Cell {
        let missing = Cell("?", fg: .warning)
        switch content {
        case .classes(let ks):
            guard i < ks.count else { return missing }
            let role = ColorRole.forClass(ks[i]), glyphs = unicode ? Self.classGlyphs : Self.classGlyphsASCII
            return Cell(glyphs[Self.cycled(ks[i], glyphs.count)], fg: role, bg: role)
        case .surface(let vs, let lo, let hi):
            guard i < vs.count, let l = Self.level(vs[i], min: lo, max: hi) else { return missing }
            return Cell((unicode ? Self.levelGlyphs : Self.levelGlyphsASCII)[l], fg: Self.levels[l], bg: Self.levels[l])
        }
    }

    /// Draws one sample point over its cell, if it lies inside the ranges.
    func drawPoint(_ p: Point, into canvas: inout Canvas, mapX: Int, mapY: Int) {
        guard let c = column(of: p.x), let r = row(of: p.y) else { return }
        let glyph: Character, role: ColorRole
        switch p.mark {
        case .category(let k):
            glyph = marker(class: k, hollow: p.hollow)
            role = ColorRole.forClass(k)
        case .value(let v):
            glyph = valueMarker(hollow: p.hollow)
            role = isSurface ? surfaceLevel(v).map { Self.levels[$0] } ?? .warning : .normal
        }
        canvas[mapX + c, mapY + r] = Cell(glyph, fg: role, bold: true)
    }

    /// The marker of a point of class `k`, filled or hollow.
    func marker(class k: Int, hollow: Bool) -> Character {
        let glyphs = hollow ? (unicode ? Self.hollowMarkers : Self.hollowMarkersASCII) : (unicode ? Self.markers : Self.markersASCII)
        return glyphs[Self.cycled(k, glyphs.count)]
    }

    /// The marker of a point with a value, filled or hollow (in ASCII `x`, as a surface's levels use `+`).
    func valueMarker(hollow: Bool) -> Character {
        hollow ? (unicode ? "○" : "x") : (unicode ? "●" : "o")
    }

    /// True when some point is hollow, so the legend says which points are which.
    var hasHollowPoints: Bool { points.contains { $0.hollow } }

    /// The level of `v` on this map's surface scale.
    func surfaceLevel(_ v: Double) -> Int? {
        guard case .surface(_, let lo, let hi) = content else { return nil }
        return Self.level(v, min: lo, max: hi)
    }

    /// The grid column holding `x`, or nil outside the x range.
    func column(of x: Double) -> Int? {
        let lo = xRange.lowerBound, hi = xRange.upperBound
        guard x >= lo, x <= hi, hi > lo, lo.isFinite, hi.isFinite, columns > 0 else { return nil }
        return Self.cell(Self.fraction(x - lo, of: hi - lo, halves: (x / 2 - lo / 2, hi / 2 - lo / 2)), count: columns)
    }

    /// The grid row holding `y` (row 0 at the top), or nil outside the y range.
    func row(of y: Double) -> Int? {
        let lo = yRange.lowerBound, hi = yRange.upperBound
        guard y >= lo, y <= hi, hi > lo, lo.isFinite, hi.isFinite, rows > 0 else { return nil }
        return Self.cell(Self.fraction(hi - y, of: hi - lo, halves: (hi / 2 - y / 2, hi / 2 - lo / 2)), count: rows)
    }

    /// `part / whole`, from the halves when the differences overflowed (ends near ±1.8e308, whose differences are
    /// infinite though both ends are finite).
    static func fraction(_ part: Double, of whole: Double, halves: (part: Double, whole: Double)) -> Double {
        whole.isFinite ? part / whole : halves.part / halves.whole
    }

    /// The cell of `count` that a fraction 0…1 of the way across falls in (the last for 1); the first for a fraction
    /// that is not a number.
    static func cell(_ fraction: Double, count: Int) -> Int {
        guard fraction.isFinite else { return 0 }
        return Swift.min(Swift.max(Int(Swift.min(Swift.max(fraction, 0), 1) * Double(count)), 0), count - 1)
    }

    /// The left and bottom axes with round ticks.
    func drawAxes(into canvas: inout Canvas, x: Int, mapX: Int, mapY: Int) {
        guard rows > 0, columns > 0 else { return }
        let yTicks = Self.yAxisTicks(yRange, rows: rows)
        let xTicks = Ticks.linear(xRange.lowerBound, xRange.upperBound, fitting: columns)
        let frame = AxisFrame(plotX: mapX, plotY: mapY, plotWidth: columns, plotHeight: rows,
                              left: x, right: x + size.width, unicode: unicode)
        frame.draw(into: &canvas,
                   yTicks: zip(yTicks.values, yTicks.labels).compactMap { v, l in row(of: v).map { ($0, l) } },
                   xTicks: zip(xTicks.values, xTicks.labels).compactMap { v, l in column(of: v).map { ($0, l) } })
    }

    /// Legend entries: each named class's marker, region glyph and name, and with hollow points the classes' hollow
    /// markers and `hollowName`; or the surface's scale, and with hollow points the filled and the hollow marker named.
    func legendEntries() -> [[Legend.Part]] {
        let hollow = hasHollowPoints
        switch content {
        case .classes:
            let classes = classNames.enumerated().map { k, name in
                let role = ColorRole.forClass(k)
                let region = (unicode ? Self.classGlyphs : Self.classGlyphsASCII)[k % Self.classGlyphs.count]
                return [Legend.Part(text: String(marker(class: k, hollow: false)), role: role, bold: true),
                        Legend.Part(text: String(region), role: role, bold: false, background: role),
                        Legend.Part(text: " " + name, role: .label, bold: false)]
            }
            guard hollow, !classNames.isEmpty else { return classes }
            return classes + [classNames.indices.map { Legend.Part(text: String(marker(class: $0, hollow: true)), role: .forClass($0), bold: true) }
                + [Legend.Part(text: " " + hollowName, role: .label, bold: false)]]
        case .surface(_, let lo, let hi):
            let glyphs = unicode ? Self.levelGlyphs : Self.levelGlyphsASCII
            let scale = [Legend.Part(text: PlotFormat.number(lo) + " ", role: .label, bold: false)]
                + zip(glyphs, Self.levels).map { Legend.Part(text: String($0), role: $1, bold: false, background: $1) }
                + [Legend.Part(text: " " + PlotFormat.number(hi), role: .label, bold: false)]
            guard hollow else { return [scale] }
            return [scale] + [false, true].map { h in
                [Legend.Part(text: String(valueMarker(hollow: h)), role: .normal, bold: true),
                 Legend.Part(text: " " + (h ? hollowName : filledName), role: .label, bold: false)]
            }
        }
    }
}
