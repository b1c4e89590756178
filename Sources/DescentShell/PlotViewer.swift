import DescentCore

/// Shows `plot` and `plot boundary`: as a full-screen view on a terminal, as text otherwise.
protocol PlotViewer: AnyObject {
    func showLoss(_ w: Workspace, _ t: Trainer) throws
    /// The map (or fitted curve) of `t`; with `projection`, the map over its two features.
    func showBoundary(_ w: Workspace, _ t: Trainer, projection: BoundaryProjection?) throws
}
