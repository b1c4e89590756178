import DescentCore
import DescentPlot

/// `plot runs`: one curve of each kept run and of the current one on one chart.
extension Charts {
    /// The tag of kept run `k` (from 0) on the chart and in `show runs`: `1`…`8`.
    static func runTag(_ k: Int) -> Character { Character(String(k + 1)) }
    /// The current run's tag: `●` (ASCII `o`, as the ASCII spelling of what descent prints writes `●`).
    static func currentTag(unicode: Bool) -> Character { unicode ? "●" : "o" }

    /// The curve `plot runs` draws when none is named: val_loss when every run has one, else train_loss.
    static func defaultCurve(_ runs: [KeptRun]) -> RunCurve {
        runs.allSatisfy(\.validated) ? .valLoss : .trainLoss
    }

    /// Each kept run's `curve` (dotted and dashed in turn, thin, in the run colours, tagged `1`, `2`, …) and then the
    /// current run's (solid, bold, tagged `●`), x the step, on a log scale when the values drawn span more than a factor
    /// of 100; a run without that curve (val_loss, trained without a split) keeps its legend entry, saying so.
    static func runsChart(kept: [KeptRun], current: KeptRun?, curve: RunCurve, unicode: Bool) -> LineChart {
        var series = kept.enumerated().map { k, run in
            runSeries(run, curve: curve, role: .forRun(k), style: k % 2 == 0 ? .dotted : .dashed, bold: false, tag: runTag(k))
        }
        if let current { series.append(runSeries(current, curve: curve, role: .runCurrent, style: .solid, bold: true, tag: currentTag(unicode: unicode))) }
        let ys = series.flatMap(\.ys).filter { $0.isFinite }
        let log = (ys.min().map { $0 > 0 } ?? false) && (ys.max() ?? 0) / (ys.min() ?? 1) > 100
        let runs = kept.count + (current == nil ? 0 : 1)
        let who = kept.isEmpty ? "the current run" : Format.counted(kept.count, "kept run") + (current == nil ? "" : " and the current one")
        let title = "\(curve.rawValue) of \(who), by step"
        var chart = LineChart(series: series, yScale: log ? .log : .linear, title: unicode ? title : title.asciiFallback,
                              xName: "step", xIsWhole: true, unicode: unicode)
        // Every run named, whatever the width: up to 9 entries of names up to 24 characters.
        chart.legendRows = max(2, min(5, (runs + 2) / 3))
        return chart
    }

    /// One run's `curve` as a series named after the run; at most `LossCurves.maxPoints` points (every k-th).
    static func runSeries(_ run: KeptRun, curve: RunCurve, role: ColorRole, style: LineStyle, bold: Bool, tag: Character) -> LineChart.Series {
        var xs: [Double] = [], ys: [Double] = []
        let h = run.history
        switch curve {
        case .batchLoss, .penalty:
            // A run whose every step's penalty is 0 was trained without one (or with λ = 0): it has no penalty curve.
            guard curve == .batchLoss || h.hasPenalty else { break }
            let stride = max(1, (h.steps.count + LossCurves.maxPoints - 1) / LossCurves.maxPoints)
            for i in Swift.stride(from: h.steps.startIndex, to: h.steps.endIndex, by: stride) {
                xs.append(Double(h.steps[i].step)); ys.append(curve == .penalty ? h.steps[i].penalty : h.steps[i].batchLoss)
            }
        case .trainLoss, .valLoss:
            let evaluations = h.evaluations.filter { $0.step > 0 && (curve == .trainLoss || $0.valLoss != nil) }
            let stride = max(1, (evaluations.count + LossCurves.maxPoints - 1) / LossCurves.maxPoints)
            for e in Swift.stride(from: 0, to: evaluations.count, by: stride).map({ evaluations[$0] }) {
                xs.append(Double(e.step)); ys.append(curve == .trainLoss ? e.trainLoss : e.valLoss ?? .nan)
            }
        }
        let name = xs.isEmpty ? "\(run.name) (no \(curve.rawValue))" : run.name
        return LineChart.Series(name: name, role: role, bold: bold, style: style, tag: tag, xs: xs, ys: ys)
    }

    /// The runs chart as an SVG document.
    static func runsSVG(kept: [KeptRun], current: KeptRun?, curve: RunCurve) -> String {
        runsChart(kept: kept, current: current, curve: curve, unicode: true).svg(width: 800, height: 480)
    }
}
