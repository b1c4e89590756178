/// The full-screen views, swapped in on a terminal.
extension Workspace {
    /// Uses the full-screen views: the live training view and the interactive plot viewer.
    public func useTerminalViews() {
        trainingView = LiveView(workspace: self)
        plotViewer = CursesPlotViewer()
    }
}
