/// The line chart as a standalone SVG document.
extension LineChart {
    /// The chart as SVG, `width` × `height` pixels (at least 200 × 150): title, grid and axes with tick
    /// labels, one path per series (broken at undrawable values, aggregated per pixel column; for points a circle
    /// each, filled, or a ring for hollow points), red `!`
    /// marks under the x axis at each series' first undrawable value, the axes' names (`axisNames`) when given, and a
    /// legend with the matching notes.
    public func svg(width: Int = 800, height: Int = 450) -> String {
        let w = max(width, 200), h = max(height, 150)
        let m = measure()
        let hasTitle = title?.isEmpty == false
        let legend = legendItems(m.issues, width: w - 20)
        let left = 70, right = 24, top = hasTitle ? 40 : 16
        let named = axisNames == nil ? 0 : 18
        let bottom = 44 + named + (showLegend ? 20 * (legend.map(\.row).max().map { $0 + 1 } ?? 0) : 0)
        let pw = max(w - left - right, 10), ph = max(h - top - bottom, 10)
        let yTicks = self.yTicks(m, maxCount: min(6, max(2, ph / 40)))
        let xTicks = Ticks.linear(m.window.lo, m.window.hi, maxCount: min(6, max(2, pw / 90)), whole: xIsWhole)
        let plane = Plane(xLo: xTicks.lo, xHi: xTicks.hi, yLo: yTicks.lo, yHi: yTicks.hi, log: yScale == .log,
                          columns: pw + 1, rows: ph + 1)
        let px = { (x: Double) in Double(left) + plane.column(x) }, py = { (y: Double) in Double(top) + plane.row(y) }

        var out = SVG.page(width: w, height: h, clip: "plot-area", x: left, y: top, width: Double(pw), height: Double(ph), title: title)
        out += "<g class=\"grid\" stroke=\"#e6e6e6\" stroke-width=\"1\">\n"
        for v in yTicks.values { out += "<line x1=\"\(left)\" y1=\"\(SVG.number(py(v)))\" x2=\"\(left + pw)\" y2=\"\(SVG.number(py(v)))\"/>\n" }
        for v in xTicks.values { out += "<line x1=\"\(SVG.number(px(v)))\" y1=\"\(top)\" x2=\"\(SVG.number(px(v)))\" y2=\"\(top + ph)\"/>\n" }
        out += "</g>\n<g class=\"series\" clip-path=\"url(#plot-area)\" fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\">\n"
        for s in series {
            if s.style.isPoints {
                // Points alone: a small circle at each drawable one inside the plot, filled or a ring.
                var dots = ""
                let rows = 0...Double(plane.rows - 1)
                for (x, y) in zip(s.xs, s.ys) where x.isFinite && y.isFinite && (!plane.log || y > 0) && x >= plane.xLo && x <= plane.xHi
                    && rows.contains(plane.row(y)) {
                    dots += "<circle cx=\"\(SVG.number(px(x)))\" cy=\"\(SVG.number(py(y)))\" r=\"\(markerRadius(s))\"/>"
                }
                if !dots.isEmpty { out += "<g class=\"points\" data-name=\"\(SVG.escape(s.name))\" \(markerAttributes(s))>\(dots)</g>\n" }
                continue
            }
            let d = pathData(s, plane: plane, left: Double(left), top: Double(top))
            guard !d.isEmpty else { continue }
            out += "<path class=\"line\" data-name=\"\(SVG.escape(s.name))\" \(strokeAttributes(s)) d=\"\(d)\"/>\n"
        }
        out += tagsSVG(plane: plane, left: left, top: top)
        out += "</g>\n<g class=\"axes\" stroke=\"\(SVG.color(.axis))\" stroke-width=\"1\">\n"
        out += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(top + ph)\"/>\n"
        out += "<line x1=\"\(left)\" y1=\"\(top + ph)\" x2=\"\(left + pw)\" y2=\"\(top + ph)\"/>\n"
        for v in yTicks.values { out += "<line x1=\"\(left - 5)\" y1=\"\(SVG.number(py(v)))\" x2=\"\(left)\" y2=\"\(SVG.number(py(v)))\"/>\n" }
        for v in xTicks.values { out += "<line x1=\"\(SVG.number(px(v)))\" y1=\"\(top + ph)\" x2=\"\(SVG.number(px(v)))\" y2=\"\(top + ph + 5)\"/>\n" }
        out += "</g>\n<g class=\"tick-labels\" fill=\"\(SVG.color(.label))\">\n"
        for (v, label) in zip(yTicks.values, yTicks.labels) {
            out += "<text x=\"\(left - 8)\" y=\"\(SVG.number(py(v)))\" dy=\"0.35em\" text-anchor=\"end\">\(SVG.escape(label))</text>\n"
        }
        for (v, label) in zip(xTicks.values, xTicks.labels) {
            out += "<text x=\"\(SVG.number(px(v)))\" y=\"\(top + ph + 19)\" text-anchor=\"middle\">\(SVG.escape(label))</text>\n"
        }
        if let axisNames {
            out += "<text class=\"x-name\" x=\"\(left + pw / 2)\" y=\"\(top + ph + 36)\" text-anchor=\"middle\">\(SVG.escape(axisNames.x))</text>\n"
            let cy = top + ph / 2
            out += "<text class=\"y-name\" x=\"14\" y=\"\(cy)\" text-anchor=\"middle\" transform=\"rotate(-90 14 \(cy))\">"
                + "\(SVG.escape(axisNames.y))</text>\n"
        }
        out += "</g>\n"
        for issue in m.issues where issue.x >= xTicks.lo && issue.x <= xTicks.hi {
            out += "<text class=\"issue-mark\" x=\"\(SVG.number(px(issue.x)))\" y=\"\(top + ph + 32)\" text-anchor=\"middle\" "
                + "fill=\"\(SVG.color(.warning))\" font-weight=\"bold\">!</text>\n"
        }
        if showLegend { out += legendSVG(legend, x: 10, y: top + ph + 56 + named) }
        return out + "</svg>\n"
    }

    /// One legend item placed on a row at an x offset: a series line sample, or a warning note.
    struct SVGLegendItem { var row: Int; var x: Int; var text: String; var series: Series? }

    /// Legend items flowed into rows `width` pixels wide (about 7 px per character).
    func legendItems(_ issues: [Issue], width: Int) -> [SVGLegendItem] {
        let entries = series.map { (text: $0.name, series: Optional($0)) }
            + issues.map { (text: "! " + $0.text(xName: xName, naming: series.count > 1, unicode: true), series: nil as Series?) }
        var items: [SVGLegendItem] = [], row = 0, x = 0
        for e in entries {
            let w = (e.series == nil ? 0 : 26) + 7 * e.text.count
            if x > 0 && x + w > width { row += 1; x = 0 }
            items.append(SVGLegendItem(row: row, x: x, text: e.text, series: e.series))
            x += w + 20
        }
        return items
    }

    /// The legend as SVG, its first row's baseline at `y`.
    func legendSVG(_ items: [SVGLegendItem], x: Int, y: Int) -> String {
        var out = "<g class=\"legend\">\n"
        for item in items {
            let ix = x + item.x, iy = y + 20 * item.row
            if let s = item.series {
                out += s.style.isPoints
                    ? "<circle cx=\"\(ix + 10)\" cy=\"\(iy - 4)\" r=\"\(markerRadius(s))\" \(markerAttributes(s))/>\n"
                    : "<line x1=\"\(ix)\" y1=\"\(iy - 4)\" x2=\"\(ix + 20)\" y2=\"\(iy - 4)\" \(strokeAttributes(s))/>\n"
                if let tag = s.tag { out += tagText(tag, x: Double(ix + 10), y: Double(iy - 4), role: s.role) + "\n" }
                out += "<text x=\"\(ix + 26)\" y=\"\(iy)\" fill=\"\(SVG.color(.label))\">\(SVG.escape(item.text))</text>\n"
            } else {
                out += "<text class=\"issue\" x=\"\(ix)\" y=\"\(iy)\" fill=\"\(SVG.color(.warning))\">\(SVG.escape(item.text))</text>\n"
            }
        }
        return out + "</g>\n"
    }

    /// Each tagged series' tag along its line, as `drawTags` places them in cells, here in pixels (about 7 a cell).
    func tagsSVG(plane: Plane, left: Int, top: Int) -> String {
        let tagged = series.filter { $0.tag != nil }
        guard !tagged.isEmpty else { return "" }
        let cells = plane.columns / 7, spacing = Self.tagSpacing(count: tagged.count, columns: cells)
        var out = "<g class=\"tags\">\n"
        for (k, s) in tagged.enumerated() {
            guard let tag = s.tag else { continue }
            for c in Self.tagPlaces(series: k, of: tagged.count, width: cells, spacing: spacing, start: 1) {
                let column = Double(c * 7 + 3)
                guard let row = tagRow(s, column: column, plane: plane), row >= 0, row <= Double(plane.rows - 1) else { continue }
                out += tagText(tag, x: Double(left) + column, y: Double(top) + row, role: s.role) + "\n"
            }
        }
        return out + "</g>\n"
    }

    /// A tag centred on (x, y), bold in its series' colour over a white halo that clears the lines under it.
    func tagText(_ tag: Character, x: Double, y: Double, role: ColorRole) -> String {
        "<text class=\"tag\" x=\"\(SVG.number(x))\" y=\"\(SVG.number(y))\" dy=\"0.35em\" text-anchor=\"middle\" font-size=\"11\" "
            + "font-weight=\"bold\" fill=\"\(SVG.color(role))\" stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\">"
            + "\(SVG.escape(String(tag)))</text>"
    }

    /// A series' stroke: its colour, 2 px wide when bold (else 1), for a dotted series round-capped dashes (2 px, each
    /// cap adding half the width, then 5 px apart) and for a dashed one dashes of 9 px, in its path and its legend sample
    /// alike.
    func strokeAttributes(_ s: Series) -> String {
        let dashes = s.style == .dotted ? " stroke-dasharray=\"2 5\" stroke-linecap=\"round\""
            : s.style == .dashed ? " stroke-dasharray=\"9 5\"" : ""
        return "stroke=\"\(SVG.color(s.role))\" stroke-width=\"\(s.bold ? 2 : 1)\"" + dashes
    }

    /// A points series' circles: filled in its colour, or for hollow points a white ring stroked in it.
    func markerAttributes(_ s: Series) -> String {
        s.style == .hollowPoints
            ? "fill=\"white\" stroke=\"\(SVG.color(s.role))\" stroke-width=\"1.5\""
            : "fill=\"\(SVG.color(s.role))\" stroke=\"none\""
    }

    /// A points series' circle radius in pixels: 2, or 3 for a ring so that its hole shows.
    func markerRadius(_ s: Series) -> Int { s.style == .hollowPoints ? 3 : 2 }

    /// The series as path data in pixels, one run per unbroken stretch, at most four points per pixel column.
    func pathData(_ s: Series, plane: Plane, left: Double, top: Double) -> String {
        var path = SVG.Path(), joined = false
        let minX = left - 1, maxX = left + Double(plane.columns), minY = top - 1, maxY = top + Double(plane.rows)
        let aggregator = ColumnAggregator(origin: plane.xLo, scale: plane.xScale, columns: plane.columns, log: plane.log)
        aggregator.run(xs: s.xs, ys: s.ys) { event in
            switch event {
            case .join(let a, let b):
                joined = true
                let raw = Segment(x0: left + a.x, y0: top + plane.row(a.y), x1: left + b.x, y1: top + plane.row(b.y))
                guard let seg = raw.clipped(minX: minX, maxX: maxX, minY: minY, maxY: maxY) else { return path.lift() }
                if !path.isAt(seg.x0, seg.y0) { path.lift() }
                path.add(seg.x0, seg.y0); path.add(seg.x1, seg.y1)
            case .column(let c):
                if !joined { path.lift() }
                joined = false
                let x = left + Double(c.column)
                for y in [c.first, c.lowFirst ? c.low : c.high, c.lowFirst ? c.high : c.low, c.last] {
                    path.add(x, top + plane.row(y))
                }
            }
        }
        return path.data
    }
}
