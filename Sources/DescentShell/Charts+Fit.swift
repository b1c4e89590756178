import DescentCore
import DescentPlot

/// The fitted curve: a model of one feature drawn over its data, for `plot boundary` and the live view's map panel.
extension Charts {
    /// Whether `fit` draws `t`'s model: data of one feature, with a regression target or two classes.
    static func drawsFit(_ t: Trainer) -> Bool {
        t.train.inputCount == 1 && t.train.count > 0 && (t.train.task == .regression || t.train.task == .binary)
    }

    /// The model's output (regression), or the probability of the second class (two classes; the output itself when
    /// the model gives scores, not probabilities), as a curve over the one feature, with the training points (filled
    /// markers) and the validation points (hollow ones, so that the two read apart without colour) on it, at most
    /// `maxPoints` of them in all (`thinning`); x in the data's raw units, as `predict` takes it. `width` × `height` cells.
    static func fit(_ t: Trainer, width: Int, height: Int, unicode: Bool, samples: Int = 400, maxPoints: Int = 2000) -> Canvas {
        fitChart(t, unicode: unicode, samples: samples, maxPoints: maxPoints).render(width: width, height: height)
    }

    /// The chart `fit` draws: the points series, then the model's curve at `samples` evenly spaced x.
    static func fitChart(_ t: Trainer, unicode: Bool, samples: Int = 400, maxPoints: Int = 2000) -> LineChart {
        let train = rawFeatures(t.train), validation = t.validation.map(rawFeatures)
        var lo = Double.infinity, hi = -Double.infinity
        for x in [train.data, validation?.data ?? []] { for v in x { lo = min(lo, v); hi = max(hi, v) } }
        let range = padded(lo, hi), n = max(2, samples)
        let xs = (0..<n).map { range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / Double(n - 1) }
        let g = t.predict(raw: Tensor(shape: [n, 1], data: xs))
        let binary = t.train.task == .binary
        let probabilities = binary && Metrics.classProbabilities(g, row: 0) != nil
        let ys = (0..<n).map { i in probabilities ? Metrics.classProbabilities(g, row: i)?[1] ?? .nan : g.output.value[i * g.output.cols] }
        let curveName = probabilities ? "model: P(\(t.train.classNames.count > 1 ? t.train.classNames[1] : "1"))"
            : binary ? "model output" : "model"
        let stride = thinning(train.rows + (validation?.rows ?? 0), maxPoints: maxPoints)
        var series = [points("training rows", train, t.train.y.data, role: .class0, style: .points, offset: 0, stride: stride)]
        if let v = t.validation, let x = validation {
            series.append(points("validation rows", x, v.y.data, role: .class1, style: .hollowPoints, offset: train.rows, stride: stride))
        }
        series.append(LineChart.Series(name: curveName, role: .lossTrain, bold: true, style: .solid, xs: xs, ys: ys))
        return LineChart(series: series, title: nil, xName: t.train.inputNames.first ?? "x", showLegend: true, unicode: unicode)
    }

    /// The fitted curve `fitChart` draws as an SVG page, titled `title`: the model's curve over the feature's range,
    /// the training and validation rows as filled and hollow markers in two colours (up to 2,000), a legend, and the
    /// axes named by the feature and the target.
    static func fitSVG(_ t: Trainer, title: String) -> String {
        var chart = fitChart(t, unicode: true)
        chart.title = title
        chart.axisNames = (t.train.inputNames.first ?? "x", t.train.targetName)
        return chart.svg(width: 800, height: 480)
    }

    /// The rows of a one-feature set as a points series (filled or hollow markers), those `thinned` keeps of rows
    /// numbered from `offset` on.
    private static func points(_ name: String, _ x: Tensor, _ y: [Double], role: ColorRole, style: LineStyle,
                               offset: Int, stride: Int) -> LineChart.Series {
        let rows = Array(thinned(x.rows, offset: offset, stride: stride))
        return LineChart.Series(name: name, role: role, bold: false, style: style, xs: rows.map { x.data[$0] }, ys: rows.map { y[$0] })
    }

    /// The stride that keeps at most `maxPoints` of `count` rows: ⌈count / maxPoints⌉ (at least 1).
    static func thinning(_ count: Int, maxPoints: Int) -> Int {
        max(1, (count + max(1, maxPoints) - 1) / max(1, maxPoints))
    }

    /// The rows of a part numbered from `offset` on (after the parts before it) kept by taking every `stride`-th row of
    /// all the parts in turn: those whose number is a multiple of `stride`, so that the parts together keep
    /// ⌈rows / stride⌉.
    static func thinned(_ rows: Int, offset: Int, stride: Int) -> StrideTo<Int> {
        Swift.stride(from: (stride - offset % stride) % stride, to: rows, by: stride)
    }
}
