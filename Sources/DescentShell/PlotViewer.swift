import DescentCore

/// Shows `plot` and `plot boundary`: as a full-screen view on a terminal, as text otherwise.
protocol PlotViewer: AnyObject {
    func showLoss(_ w: Workspace, _ t: Trainer) throws
    func showBoundary(_ w: Workspace, _ t: Trainer) throws
}
