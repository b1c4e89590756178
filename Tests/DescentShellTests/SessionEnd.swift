@testable import DescentShell

/// What a session ends with, for comparing two: its trainer's state (see `TrainerState`), the interval later steps
/// evaluate at, and the commands `save session` keeps.
struct SessionEnd: Equatable {
    var state: TrainerState?
    var interval: Int?
    var recorded: [String]

    init(_ w: Workspace) {
        state = TrainerState(w)
        interval = w.trainer?.evaluationInterval
        recorded = w.recorded
    }
}
