import DescentCore
import DescentPlot

/// The loss chart's curves, read from a history: the per-step batch loss (thin), the full training loss (bold)
/// and the validation loss (bold, dotted, so that it reads apart from the training
/// loss without colour). `plot` and `export plot` read a whole history at once; the live view keeps its
/// curves between frames and appends what each frame adds.
struct LossCurves {
    var step = LineChart.Series(name: "batch loss", role: .lossStep, bold: false, xs: [], ys: [])
    var train = LineChart.Series(name: "train loss", role: .lossTrain, bold: true, xs: [], ys: [])
    var validation = LineChart.Series(name: "val loss", role: .lossVal, bold: true, style: .dotted, xs: [], ys: [])
    /// How many of the history's steps and evaluations the curves hold.
    private var seenSteps = 0, seenEvaluations = 0

    /// Appends the steps and evaluations `h` recorded since the last call; starts over when `h` holds fewer
    /// than were read (a history that was replaced).
    mutating func absorb(_ h: History) {
        let steps = h.steps, evals = h.evaluations
        if steps.count < seenSteps || evals.count < seenEvaluations { removeAll() }
        // The data loss, as the evaluations' curves are: under a regularizer the penalty is `show history`'s.
        for s in steps[seenSteps...] { step.append(x: Double(s.step), y: s.batchLoss) }
        for e in evals[seenEvaluations...] where e.step > 0 {
            train.append(x: Double(e.step), y: e.trainLoss)
            if let v = e.valLoss { validation.append(x: Double(e.step), y: v) }
        }
        seenSteps = steps.count; seenEvaluations = evals.count
    }

    /// Drops every point, keeping the storage.
    mutating func removeAll() {
        step.removeAll(); train.removeAll(); validation.removeAll()
        seenSteps = 0; seenEvaluations = 0
    }

    /// The chart of the curves; the validation curve when `showValidation` and it has points.
    func chart(unicode: Bool, logScale: Bool, showValidation: Bool, xRange: ClosedRange<Double>? = nil,
               title: String? = nil) -> LineChart {
        var series = [step, train]
        if showValidation && validation.count > 0 { series.append(validation) }
        return LineChart(series: series, yScale: logScale ? .log : .linear, xRange: xRange, title: title,
                         xName: "step", xIsWhole: true, unicode: unicode)
    }
}
