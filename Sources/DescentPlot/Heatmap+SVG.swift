import Foundation

/// The map as a standalone SVG document.
extension Heatmap {
    /// How much of its class's colour (the rest white) a class cell has at confidence level 0…4 (`confidenceLevel`):
    /// pale at the boundary, deep where the model is sure, as TensorFlow Playground shades its map. The colours are
    /// mixed rather than drawn translucent, so that cells drawn a hair over their neighbours leave no darker seams.
    static let confidenceOpacity = [0.12, 0.25, 0.4, 0.55, 0.7]

    /// The level 0…4 of a confidence 0…1 (each a fifth); 4 for NaN or beyond the range.
    static func confidenceLevel(_ c: Double) -> Int {
        guard c.isFinite else { return 4 }
        return Int(Swift.min(Swift.max(c, 0), 1) * 4.999)
    }

    /// The map as SVG, `width` × `height` pixels (at least 240 × 200): title, the cells (a class map in its classes'
    /// colours, shaded by `confidence` when given; a surface from heat0 to heat4 by level), the points as in the
    /// terminal (a shape per class, filled for training rows, outlined on white for hollow ones), axes with tick
    /// labels and names, and a legend. Cells of one row and colour are drawn as one rectangle.
    public func svg(width: Int = 640, height: Int = 560) -> String {
        let w = Swift.max(width, 240), h = Swift.max(height, 200)
        let hasTitle = title?.isEmpty == false
        let legend = svgLegend()
        let left = 64, right = 20, top = hasTitle ? 40 : 16
        let bottom = 48 + (legend.isEmpty ? 0 : 26)
        let pw = Double(Swift.max(w - left - right, 10)), ph = Double(Swift.max(h - top - bottom, 10))
        let cw = pw / Double(Swift.max(columns, 1)), ch = ph / Double(Swift.max(rows, 1))
        let xSpan = xRange.upperBound - xRange.lowerBound, ySpan = yRange.upperBound - yRange.lowerBound
        let px = { (x: Double) in Double(left) + (xSpan > 0 ? (x - xRange.lowerBound) / xSpan : 0.5) * pw }
        let py = { (y: Double) in Double(top) + (ySpan > 0 ? (yRange.upperBound - y) / ySpan : 0.5) * ph }

        var out = SVG.page(width: w, height: h, clip: "map-area", x: left, y: top, width: pw, height: ph, title: title)
        out += "<g class=\"cells\" shape-rendering=\"crispEdges\">\n"
        for r in 0..<rows {
            var c = 0, fill = columns > 0 ? svgFill(at: r * columns) : ""
            while c < columns {
                // The run of cells of this colour; the next run's colour is the one that ended it.
                var end = c + 1, next = fill
                while end < columns {
                    next = svgFill(at: r * columns + end)
                    if next != fill { break }
                    end += 1
                }
                // A hair wider and taller than the cells, so that no seam shows between neighbours.
                out += "<rect x=\"\(SVG.number(Double(left) + Double(c) * cw))\" y=\"\(SVG.number(Double(top) + Double(r) * ch))\" "
                    + "width=\"\(SVG.number(Double(end - c) * cw + 0.6))\" height=\"\(SVG.number(ch + 0.6))\" fill=\"\(fill)\"/>\n"
                c = end
                fill = next
            }
        }
        out += "</g>\n<g class=\"points\" clip-path=\"url(#map-area)\" stroke=\"#222222\" stroke-width=\"1\">\n"
        for p in points where !p.hollow { out += svgPoint(p, x: px(p.x), y: py(p.y)) }
        for p in points where p.hollow { out += svgPoint(p, x: px(p.x), y: py(p.y)) }
        out += "</g>\n"
        let xTicks = Ticks.linear(xRange.lowerBound, xRange.upperBound, maxCount: Swift.min(7, Swift.max(2, Int(pw) / 80)))
        let yTicks = Ticks.linear(yRange.lowerBound, yRange.upperBound, maxCount: Swift.min(7, Swift.max(2, Int(ph) / 60)))
        let inX = xTicks.values.indices.filter { xRange.contains(xTicks.values[$0]) }
        let inY = yTicks.values.indices.filter { yRange.contains(yTicks.values[$0]) }
        let bottomY = Double(top) + ph
        out += "<g class=\"axes\" stroke=\"\(SVG.color(.axis))\" stroke-width=\"1\" fill=\"none\">\n"
        out += "<rect x=\"\(left)\" y=\"\(top)\" width=\"\(SVG.number(pw))\" height=\"\(SVG.number(ph))\"/>\n"
        for i in inX {
            let x = SVG.number(px(xTicks.values[i]))
            out += "<line x1=\"\(x)\" y1=\"\(SVG.number(bottomY))\" x2=\"\(x)\" y2=\"\(SVG.number(bottomY + 5))\"/>\n"
        }
        for i in inY {
            let y = SVG.number(py(yTicks.values[i]))
            out += "<line x1=\"\(left - 5)\" y1=\"\(y)\" x2=\"\(left)\" y2=\"\(y)\"/>\n"
        }
        out += "</g>\n<g class=\"tick-labels\" fill=\"\(SVG.color(.label))\">\n"
        for i in inX {
            out += "<text x=\"\(SVG.number(px(xTicks.values[i])))\" y=\"\(SVG.number(bottomY + 18))\" text-anchor=\"middle\">"
                + "\(SVG.escape(xTicks.labels[i]))</text>\n"
        }
        for i in inY {
            out += "<text x=\"\(left - 8)\" y=\"\(SVG.number(py(yTicks.values[i])))\" dy=\"0.35em\" text-anchor=\"end\">"
                + "\(SVG.escape(yTicks.labels[i]))</text>\n"
        }
        if let axisNames {
            out += "<text class=\"x-name\" x=\"\(SVG.number(Double(left) + pw / 2))\" y=\"\(SVG.number(bottomY + 36))\" "
                + "text-anchor=\"middle\">\(SVG.escape(axisNames.x))</text>\n"
            let cy = SVG.number(Double(top) + ph / 2)
            out += "<text class=\"y-name\" x=\"14\" y=\"\(cy)\" text-anchor=\"middle\" transform=\"rotate(-90 14 \(cy))\">"
                + "\(SVG.escape(axisNames.y))</text>\n"
        }
        out += "</g>\n"
        if !legend.isEmpty { out += svgLegendText(legend, x: left, y: Int(bottomY) + 62) }
        return out + "</svg>\n"
    }

    /// The colour of grid cell `i`: its class's colour (mixed with white by confidence), its surface level's, or
    /// white for a missing value.
    func svgFill(at i: Int) -> String {
        switch content {
        case .classes(let classes):
            guard i < classes.count, classes[i] >= 0 else { return "#ffffff" }
            let color = SVG.color(ColorRole.forClass(classes[i]))
            guard let confidence, i < confidence.count else { return SVG.tint(color, Self.confidenceOpacity[2]) }
            return SVG.tint(color, Self.confidenceOpacity[Self.confidenceLevel(confidence[i])])
        case .surface(let values, let lo, let hi):
            guard i < values.count, let level = Self.level(values[i], min: lo, max: hi) else { return "#ffffff" }
            return SVG.color(Self.levels[level])
        }
    }

    /// One point: a circle, triangle, square, diamond, star or cross by class (a circle for a surface's values, in
    /// its level's colour), filled in its colour, or outlined in it on white when hollow.
    func svgPoint(_ p: Point, x: Double, y: Double) -> String {
        let color: String, shape: Int
        switch p.mark {
        case .category(let k): color = SVG.color(ColorRole.forClass(k)); shape = Self.cycled(k, 6)
        case .value(let v):
            guard case .surface(_, let lo, let hi) = content, let level = Self.level(v, min: lo, max: hi) else { return "" }
            color = SVG.color(Self.levels[level]); shape = 0
        }
        let paint = p.hollow ? "fill=\"white\" stroke=\"\(color)\" stroke-width=\"1.5\"" : "fill=\"\(color)\""
        let r = 4.0
        let points: [(Double, Double)]
        switch shape {
        case 0: return "<circle cx=\"\(SVG.number(x))\" cy=\"\(SVG.number(y))\" r=\"\(SVG.number(r))\" \(paint)/>"
        case 1: points = [(0, -r * 1.15), (r, r * 0.75), (-r, r * 0.75)]
        case 2: points = [(-r * 0.85, -r * 0.85), (r * 0.85, -r * 0.85), (r * 0.85, r * 0.85), (-r * 0.85, r * 0.85)]
        case 3: points = [(0, -r * 1.2), (r * 1.2, 0), (0, r * 1.2), (-r * 1.2, 0)]
        case 4:
            points = (0..<10).map { j in
                let radius = j % 2 == 0 ? r * 1.25 : r * 0.55
                let a = Double(j) * Double.pi / 5 - Double.pi / 2
                return (radius * cos(a), radius * sin(a))
            }
        default:
            let a = r * 0.4, b = r * 1.1
            points = [(-a, -b), (a, -b), (a, -a), (b, -a), (b, a), (a, a), (a, b), (-a, b), (-a, a), (-b, a), (-b, -a), (-a, -a)]
        }
        let list = points.map { "\(SVG.number(x + $0.0)),\(SVG.number(y + $0.1))" }.joined(separator: " ")
        return "<polygon points=\"\(list)\" \(paint)/>"
    }

    /// The legend's entries: each class with its point and colour, the hollow points when there are any, and the
    /// shading's meaning; for a surface, its range low to high.
    func svgLegend() -> [(text: String, point: Point?)] {
        guard showLegend else { return [] }
        var entries: [(text: String, point: Point?)] = []
        switch content {
        case .classes:
            for (k, name) in classNames.enumerated() { entries.append((name, Point(x: 0, y: 0, category: k))) }
            if confidence != nil { entries.append(("paler where the model is less sure", nil)) }
        case .surface(_, let lo, let hi):
            entries.append(("\(PlotFormat.number(lo)) (blue) to \(PlotFormat.number(hi)) (red)", nil))
        }
        if let first = points.first(where: \.hollow) {
            // A surface's hollow points are rings in their value's colour: the legend's ring takes the middle level's.
            var ring = first
            if case .value = first.mark, case .surface(_, let lo, let hi) = content { ring.mark = .value((lo + hi) / 2) }
            entries.append((hollowName, ring))
        }
        return entries
    }

    /// The legend on one line from (x, y): a point drawn before each entry that has one.
    func svgLegendText(_ entries: [(text: String, point: Point?)], x: Int, y: Int) -> String {
        var out = "<g class=\"legend\" fill=\"\(SVG.color(.label))\" stroke=\"#222222\" stroke-width=\"1\">\n", at = Double(x)
        for (text, point) in entries {
            if let point {
                out += svgPoint(point, x: at + 5, y: Double(y) - 4) + "\n"
                at += 14
            }
            out += "<text x=\"\(SVG.number(at))\" y=\"\(y)\" stroke=\"none\">\(SVG.escape(text))</text>\n"
            at += Double(text.count) * 7 + 18
        }
        return out + "</g>\n"
    }
}
