import DescentCore
import DescentText

/// Shows a training run as it goes; the plain printer in scripts and pipes, the live view on a terminal.
public protocol TrainingView: AnyObject {
    /// Called before the first step of a run of `total` steps.
    func begin(trainer: Trainer, total: Int, model: String)
    /// Called after each step; returning a reason stops the run at this step boundary.
    func update(trainer: Trainer, done: Int) -> StopReason?
    /// Called while the trainer evaluates a large set inside a step (between blocks of rows): true when the
    /// person has asked the run to stop (a key in the live view); the next `update` then returns the stop.
    func stopRequested(trainer: Trainer) -> Bool
    /// Called once after the run, before the summary line is printed.
    func end(trainer: Trainer, reason: StopReason)
    /// How long the person held the run paused, left out of its speed.
    var pausedTime: Duration { get }
    /// Whether the view shows watched entries itself; otherwise they are printed after each step.
    var showsWatches: Bool { get }
    /// Asks the next run to go at most `stepsPerSecond` steps a second (nil: as fast as it can), so that a short run
    /// can be watched; false when this view does not pace runs.
    func setPace(_ stepsPerSecond: Double?) -> Bool
}

extension TrainingView {
    /// Said when a run asked for `pace` but no full-screen view shows it (progress lines), so it goes at full speed.
    static func paceIgnoredNote(_ pace: Double) -> String {
        "note: pace=\(pace.plainText) slows the full-screen view only; this run goes at full speed"
    }

    /// A view that reads no keys: only Ctrl-C, a signal, stops its runs.
    public func stopRequested(trainer: Trainer) -> Bool { false }
    /// A view that cannot pause.
    public var pausedTime: Duration { .zero }
    /// A view that leaves watched entries to be printed.
    public var showsWatches: Bool { false }
    /// A view that runs every step as fast as it can.
    public func setPace(_ stepsPerSecond: Double?) -> Bool { false }
}
