/// The histogram as a standalone SVG document.
extension Histogram {
    /// The histogram as SVG, `width` × `height` pixels (at least 240 × 200): title, grid, one rectangle per bin with
    /// any count (`class="bar"`, its count in `data-count`), axes with tick labels, `xName` under the x axis, and
    /// the notes below it, a line each.
    public func svg(width: Int = 800, height: Int = 480, xName: String? = nil) -> String {
        let w = max(width, 240), h = max(height, 200)
        let hasTitle = title?.isEmpty == false
        let left = 64, right = 24, top = hasTitle ? 40 : 16
        let bottom = 44 + (xName == nil ? 0 : 18) + 18 * notes.count
        let pw = Double(max(w - left - right, 10)), ph = Double(max(h - top - bottom, 10))
        let n = max(1, counts.count), binWidth = pw / Double(n)
        let px = { (x: Double) in Double(left) + Histogram.fraction(x, lo: self.lo, hi: self.hi) * pw }
        let py = { (c: Double) in Double(top) + ph - c / Double(self.top) * ph }
        let yTicks = Ticks.linear(0, Double(self.top), maxCount: min(6, max(2, Int(ph) / 40)), whole: true)
        let xTicks = Ticks.linear(lo, hi, maxCount: min(7, max(2, Int(pw) / 80)))
        let inY = yTicks.values.filter { $0 >= 0 && $0 <= Double(self.top) }
        let inX = xTicks.values.indices.filter { xTicks.values[$0] >= lo && xTicks.values[$0] <= hi }

        var out = SVG.page(width: w, height: h, clip: "plot-area", x: left, y: top, width: pw, height: ph, title: title)
        out += "<g class=\"grid\" stroke=\"#e6e6e6\" stroke-width=\"1\">\n"
        for v in inY { out += "<line x1=\"\(left)\" y1=\"\(SVG.number(py(v)))\" x2=\"\(SVG.number(Double(left) + pw))\" y2=\"\(SVG.number(py(v)))\"/>\n" }
        out += "</g>\n<g class=\"bars\" fill=\"\(SVG.color(role))\" stroke=\"white\" stroke-width=\"1\" shape-rendering=\"crispEdges\">\n"
        for (b, count) in counts.enumerated() where count > 0 {
            let y = py(Double(count))
            out += "<rect class=\"bar\" data-count=\"\(count)\" x=\"\(SVG.number(Double(left) + Double(b) * binWidth))\" "
                + "y=\"\(SVG.number(y))\" width=\"\(SVG.number(binWidth))\" height=\"\(SVG.number(Double(top) + ph - y))\"/>\n"
        }
        let bottomY = Double(top) + ph
        out += "</g>\n<g class=\"axes\" stroke=\"\(SVG.color(.axis))\" stroke-width=\"1\">\n"
        out += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(SVG.number(bottomY))\"/>\n"
        out += "<line x1=\"\(left)\" y1=\"\(SVG.number(bottomY))\" x2=\"\(SVG.number(Double(left) + pw))\" y2=\"\(SVG.number(bottomY))\"/>\n"
        for v in inY { out += "<line x1=\"\(left - 5)\" y1=\"\(SVG.number(py(v)))\" x2=\"\(left)\" y2=\"\(SVG.number(py(v)))\"/>\n" }
        for i in inX {
            let x = SVG.number(px(xTicks.values[i]))
            out += "<line x1=\"\(x)\" y1=\"\(SVG.number(bottomY))\" x2=\"\(x)\" y2=\"\(SVG.number(bottomY + 5))\"/>\n"
        }
        out += "</g>\n<g class=\"tick-labels\" fill=\"\(SVG.color(.label))\">\n"
        for (v, label) in zip(yTicks.values, yTicks.labels) where v >= 0 && v <= Double(self.top) {
            out += "<text x=\"\(left - 8)\" y=\"\(SVG.number(py(v)))\" dy=\"0.35em\" text-anchor=\"end\">\(SVG.escape(label))</text>\n"
        }
        for i in inX {
            out += "<text x=\"\(SVG.number(px(xTicks.values[i])))\" y=\"\(SVG.number(bottomY + 19))\" text-anchor=\"middle\">"
                + "\(SVG.escape(xTicks.labels[i]))</text>\n"
        }
        if let xName {
            out += "<text class=\"x-name\" x=\"\(SVG.number(Double(left) + pw / 2))\" y=\"\(SVG.number(bottomY + 36))\" "
                + "text-anchor=\"middle\">\(SVG.escape(xName))</text>\n"
        }
        out += "</g>\n<g class=\"notes\" fill=\"\(SVG.color(.label))\" xml:space=\"preserve\">\n"
        let notesY = bottomY + (xName == nil ? 38 : 56)
        for (k, note) in notes.enumerated() {
            out += "<text x=\"10\" y=\"\(SVG.number(notesY + 18 * Double(k)))\">\(SVG.escape(note))</text>\n"
        }
        return out + "</g>\n</svg>\n"
    }
}
