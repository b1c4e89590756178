import DescentCore
import DescentPlot

/// Charts of a training run and of a model's map, drawn into canvases (and SVG) from the plot module's widgets.
enum Charts {
    /// The loss chart of a history (`LossCurves`): per-step batch loss (thin), full training loss (bold) and
    /// validation loss (bold, dotted, so that it reads apart from the training loss without colour). In ASCII
    /// the title's signs are spelled in ASCII, as in the live view (`tanh->sigmoid | bce`).
    static func lossChart(_ h: History, unicode: Bool, logScale: Bool, showValidation: Bool = true,
                          xRange: ClosedRange<Double>? = nil, title: String? = nil) -> LineChart {
        var curves = LossCurves()
        curves.step.reserveCapacity(min(h.steps.count, LossCurves.maxPoints))
        curves.absorb(h)
        return curves.chart(unicode: unicode, logScale: logScale, showValidation: showValidation, xRange: xRange,
                            title: unicode ? title : title?.asciiFallback)
    }

    /// The loss chart drawn on a canvas.
    static func loss(_ h: History, width: Int, height: Int, unicode: Bool, logScale: Bool,
                     showValidation: Bool, title: String?) -> Canvas {
        lossChart(h, unicode: unicode, logScale: logScale, showValidation: showValidation, title: title)
            .render(width: width, height: height)
    }

    /// A log scale reads better once the loss has fallen by more than a factor of 100 (and stays positive).
    static func prefersLog(_ h: History) -> Bool {
        let ys = h.steps.map(\.batchLoss).filter(\.isFinite)
        guard let lo = ys.min(), let hi = ys.max(), lo > 0 else { return false }
        return hi / lo > 100
    }

    /// The loss chart as an SVG document.
    static func svg(_ h: History, title: String) -> String {
        lossChart(h, unicode: true, logScale: prefersLog(h), title: title).svg(width: 800, height: 480)
    }
}

extension Charts {
    /// What the map of a model on `task` is called: a decision map (classification) or an output surface (regression).
    static func mapName(_ task: Task) -> String { task == .regression ? "output surface" : "decision map" }
    /// What `plot boundary` draws for `t`: the fitted curve for data of one feature, else the map `mapName(task)` names.
    static func mapName(_ t: Trainer) -> String { drawsFit(t) ? "fitted curve" : mapName(t.train.task) }
    /// Whether `boundary` draws anything for `t`: a map of two features, or the fitted curve of one.
    /// Under `features`, the data's own columns count, which the map is drawn over: `x1^2 x2^2` of x1 and x2 is a map.
    static func drawsMap(_ t: Trainer) -> Bool { t.train.inputCount == 2 || drawsFit(t) }

    /// The model's decision map (classification) or output surface (regression) over the data's two features,
    /// with the training points (filled markers) and the validation points (hollow ones) on it, drawn into `width` × `height` cells; for data of one feature,
    /// the fitted curve (`fit`).
    /// With `projection`, the map over its two features, the others held at their training means.
    /// With `unit`, that unit's value over the plane instead of the model's output, without the points.
    static func boundary(_ t: Trainer, width: Int, height: Int, unicode: Bool, maxPoints: Int = 400,
                         projection: BoundaryProjection? = nil, unit: MapUnit? = nil) -> Canvas {
        if projection == nil && unit == nil && drawsFit(t) { return fit(t, width: width, height: height, unicode: unicode) }
        var canvas = Canvas(width: width, height: height)
        boundaryMap(t, width: width, height: height, unicode: unicode, maxPoints: maxPoints, projection: projection, unit: unit)?
            .draw(into: &canvas, x: 0, y: 0)
        return canvas
    }

    /// The map `boundary` draws, in the data's raw units as `predict`, `show data` and the data file give them:
    /// the grid spans the raw range of the training and validation points (plus 5%), each grid point goes through
    /// the training part's standardisation (under `normalize`) before the model sees it, and the points sit at their
    /// raw coordinates, the validation rows' hollow. Every k-th row of the parts in turn (k = ⌈rows / `maxPoints`⌉) is
    /// drawn when there are more than `maxPoints` in all. Nil when the data has not two features or no rows, or the area holds no grid.
    /// With `projection`, data of any width: the map over its two features, each grid point holding every other feature at
    /// its training mean (raw units, standardised as the rest of the point), titled with the two; the points are the rows
    /// at their values of those two.
    /// `grid` sets the cells' columns and rows instead of fitting them to `width` × `height`; `shaded` gives each cell
    /// of a class map its confidence (`Metrics.confidence`), which the SVG shades by.
    static func boundaryMap(_ t: Trainer, width: Int, height: Int, unicode: Bool, maxPoints: Int = 400,
                            projection: BoundaryProjection? = nil, grid: (columns: Int, rows: Int)? = nil,
                            shaded: Bool = false, unit: MapUnit? = nil) -> Heatmap? {
        let x = rawFeatures(t.train), f = x.cols
        guard projection != nil || f == 2, x.rows > 0 else { return nil }
        let (a, b) = projection.map { ($0.x, $0.y) } ?? (0, 1)
        guard a < f, b < f else { return nil }
        let parts = [(x, t.train.y.data, false)] + (t.validation.map { [(rawFeatures($0), $0.y.data, true)] } ?? [])
        var lo = (Double.infinity, Double.infinity), hi = (-Double.infinity, -Double.infinity)
        for (x, _, _) in parts where x.cols == f {
            for i in 0..<x.rows { lo = (min(lo.0, x[i, a]), min(lo.1, x[i, b])); hi = (max(hi.0, x[i, a]), max(hi.1, x[i, b])) }
        }
        let xr = padded(lo.0, hi.0), yr = padded(lo.1, hi.1)
        let task = t.train.task
        let size = grid ?? Heatmap.gridSize(width: width, height: height, yRange: yr, title: projection != nil || unit != nil)
        guard size.columns > 0 && size.rows > 0 else { return nil }
        let cells = size.columns * size.rows
        let centers = Heatmap.cellCenters(columns: size.columns, rows: size.rows, xRange: xr, yRange: yr)
        var inputs: [Double] = []
        inputs.reserveCapacity(cells * f)
        for yv in centers.ys {
            for xv in centers.xs {
                if let projection { inputs += projection.input(xv, yv) } else { inputs.append(xv); inputs.append(yv) }
            }
        }
        let g = t.predict(raw: Tensor(shape: [cells, f], data: inputs))
        let stride = thinning(parts.reduce(0) { $0 + $1.0.rows }, maxPoints: maxPoints)
        // A unit's map has no points: they would read as the unit's.
        var points: [Heatmap.Point] = []
        var offset = 0
        for (x, y, hollow) in parts where x.cols == f && unit == nil {
            defer { offset += x.rows }
            for i in thinned(x.rows, offset: offset, stride: stride) {
                points.append(task == .regression ? .init(x: x[i, a], y: x[i, b], value: y[i], hollow: hollow)
                                                  : .init(x: x[i, a], y: x[i, b], category: Int(y[i]), hollow: hollow))
            }
        }
        let content: Heatmap.Content
        if let unit, let node = g.nodes.first(where: { $0.name == unit.node }), node.shape.count == 2, unit.column < node.cols {
            // One unit's value over the plane, shaded from its lowest to its highest there.
            let v = node.value, cols = node.cols
            let values = (0..<cells).map { v[$0 * cols + unit.column] }
            let finite = values.filter { $0.isFinite }
            content = .surface(values, min: finite.min() ?? 0, max: finite.max() ?? 1)
        } else if task == .regression {
            let out = g.output.value
            let values = (0..<cells).map { out[$0 * g.output.cols] }
            let all = values + parts.flatMap(\.1)
            content = .surface(values, min: all.min() ?? 0, max: all.max() ?? 1)
        } else {
            content = .classes((0..<cells).map { Metrics.predictedClass(g, row: $0) })
        }
        let title = unit.map { "\($0.name)" + (projection.map { "   \($0.title)" } ?? "") } ?? projection?.title
        var map = Heatmap(columns: size.columns, rows: size.rows, xRange: xr, yRange: yr, content: content, points: points,
                          classNames: t.train.classNames, title: title, unicode: unicode)
        map.showLegend = true
        if shaded && task != .regression && unit == nil { map.confidence = (0..<cells).map { Metrics.confidence(g, row: $0) } }
        return map
    }

    /// The map `boundaryMap` draws as an SVG page: 120 × 90 cells, a class map shaded by the model's confidence, up to
    /// 2,000 points, the axes named by their features, titled with `title` (and the projection's two features).
    static func boundarySVG(_ t: Trainer, title: String, projection: BoundaryProjection?, unit: MapUnit? = nil) -> String? {
        guard var map = boundaryMap(t, width: 0, height: 0, unicode: true, maxPoints: 2_000, projection: projection,
                                    grid: (120, 90), shaded: true, unit: unit) else { return nil }
        let names = t.train.inputNames
        let (a, b) = projection.map { ($0.x, $0.y) } ?? (0, 1)
        if a < names.count && b < names.count { map.axisNames = (names[a], names[b]) }
        map.title = title + (unit.map { " — \($0.name)" } ?? "")
            + (projection == nil || t.train.inputCount <= 2 ? "" : " — the other features at their training means")
        return map.svg(width: 720, height: 620)
    }

    /// `lo…hi` widened by 5% of its span on each side; a single value by 5% of its size (or 1e-6 at 0); and
    /// always by more than the spacing of Doubles there, so that a feature spread over ±1e-8 keeps its own scale.
    static func padded(_ lo: Double, _ hi: Double) -> ClosedRange<Double> {
        let span = hi - lo
        let pad = max(span > 0 ? span * 0.05 : max(abs(lo) * 0.05, 1e-6), 64 * max(abs(lo), abs(hi)).ulp)
        return (lo - pad)...(hi + pad)
    }

    /// The features of `d` in the data's raw units: standardised features are mapped back (z · std + mean, the
    /// raw values up to rounding in the last bits); raw features are returned as they are. Under `features`, the
    /// data's own columns the terms are computed from, as they were read.
    static func rawFeatures(_ d: Dataset) -> Tensor {
        if let raw = d.rawInputs { return raw }
        guard let s = d.standardization else { return d.X }
        var x = d.X
        let f = x.cols, fitted = min(f, s.mean.count, s.std.count)
        for i in 0..<x.rows { for j in 0..<fitted { x.data[i * f + j] = x.data[i * f + j] * s.std[j] + s.mean[j] } }
        return x
    }
}
