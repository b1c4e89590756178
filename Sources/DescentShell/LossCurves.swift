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
    /// The history's index of the next step and evaluation the curves have not read.
    private var seenSteps = 0, seenEvaluations = 0
    /// Points a curve holds at most: past it, every other point goes and the curve takes every other one after
    /// (a chart is a few hundred columns wide; a run of millions of steps made a frame scan them all).
    static let maxPoints = 1 << 18
    /// Take every `stride`-th step (evaluation) offered; `offered` counts those offered so far.
    private var stepStride = 1, stepsOffered = 0, evaluationStride = 1, evaluationsOffered = 0

    /// Appends the steps and evaluations `h` recorded since the last call; starts over when `h` holds fewer
    /// than were read (a history that was replaced).
    mutating func absorb(_ h: History) {
        let steps = h.steps, evals = h.evaluations
        if steps.endIndex < seenSteps || evals.endIndex < seenEvaluations { removeAll() }
        // The data loss, as the evaluations' curves are: under a regularizer the penalty is `show history`'s.
        for s in steps[max(seenSteps, steps.startIndex)...] {
            if stepsOffered % stepStride == 0 { step.append(x: Double(s.step), y: s.batchLoss) }
            stepsOffered += 1
            if step.count >= Self.maxPoints { step.keepEveryOther(); stepStride *= 2 }
        }
        for e in evals[max(seenEvaluations, evals.startIndex)...] where e.step > 0 {
            if evaluationsOffered % evaluationStride == 0 {
                train.append(x: Double(e.step), y: e.trainLoss)
                if let v = e.valLoss { validation.append(x: Double(e.step), y: v) }
            }
            evaluationsOffered += 1
            if train.count >= Self.maxPoints {
                train.keepEveryOther(); validation.keepEveryOther(); evaluationStride *= 2
            }
        }
        seenSteps = steps.endIndex; seenEvaluations = evals.endIndex
    }

    /// Drops every point, keeping the storage.
    mutating func removeAll() {
        step.removeAll(); train.removeAll(); validation.removeAll()
        seenSteps = 0; seenEvaluations = 0
        stepStride = 1; stepsOffered = 0; evaluationStride = 1; evaluationsOffered = 0
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
