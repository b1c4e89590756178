import DescentCore
import DescentPlot
import DescentText

/// Prints charts to standard output (scripts, pipes, `--no-tui`).
final class TextPlotViewer: PlotViewer {
    let unicode: Bool
    init(unicode: Bool) { self.unicode = unicode }

    func showLoss(_ w: Workspace, _ t: Trainer) throws {
        let canvas = Charts.loss(t.history, width: 78, height: 20, unicode: unicode, logScale: Charts.prefersLog(t.history),
                                 showValidation: true, title: w.modelLine())
        w.out.print(canvas.text())
    }

    func showRuns(_ w: Workspace, _ chart: (Bool) -> LineChart) throws {
        w.out.print(chart(unicode).render(width: 78, height: 24).text())
    }

    func showHistogram(_ w: Workspace, _ chart: (Bool) -> Histogram) throws {
        w.out.print(chart(unicode).render(width: 78, height: 22).text())
    }

    func showBoundary(_ w: Workspace, _ t: Trainer, projection: BoundaryProjection?, unit: MapUnit?) throws {
        w.out.print(Charts.boundary(t, width: 60, height: 24, unicode: unicode, projection: projection, unit: unit).text())
        if let note = projection?.note { w.out.print(note.wrapped(width: w.outputWidth()).joined(separator: "\n")) }
    }
}
