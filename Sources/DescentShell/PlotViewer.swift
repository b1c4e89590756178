import DescentCore

import DescentPlot

/// Shows `plot`, `plot runs`, `plot boundary` and `plot weights`: as a full-screen view on a terminal, as text otherwise.
protocol PlotViewer: AnyObject {
    func showLoss(_ w: Workspace, _ t: Trainer) throws
    /// Shows a chart of runs (`plot runs`), whose x is the step, drawn by `chart` in Unicode (true) or ASCII.
    func showRuns(_ w: Workspace, _ chart: (Bool) -> LineChart) throws
    /// The map (or fitted curve) of `t`; with `projection`, the map over its two features; with `unit`, that unit's value.
    func showBoundary(_ w: Workspace, _ t: Trainer, projection: BoundaryProjection?, unit: MapUnit?) throws
    /// Shows a histogram (`plot weights`), drawn by `chart` in Unicode (true) or ASCII.
    func showHistogram(_ w: Workspace, _ chart: (Bool) -> Histogram) throws
}
