import DescentCore

/// What building the model or trainer on demand replaces, noted before a command first builds either, so that the
/// command, if it fails, can put it all back and leave no trace of having built anything.
///
/// Building reads the old trainer (`carryOver`, whose history, sampler and optimizer state the new one takes) without
/// changing it, and the model it keeps is the same object, unchanged, so putting back these references is complete.
struct BuiltState {
    private let model: Model?
    private let trainer: Trainer?
    private let carryOver: Trainer?
    private let carryOptimizerState: Bool
    private let undoStack: [TrainerSnapshot]
    private let inspected: Graph?
    private let gradientsUsedByStep: Int?

    /// Notes what `w` holds now.
    init(of w: Workspace) {
        model = w.model; trainer = w.trainer; carryOver = w.carryOver; carryOptimizerState = w.carryOptimizerState
        undoStack = w.undoStack; inspected = w.inspected; gradientsUsedByStep = w.gradientsUsedByStep
    }

    /// Puts it back into `w`.
    func restore(into w: Workspace) {
        w.model = model; w.trainer = trainer; w.carryOver = carryOver; w.carryOptimizerState = carryOptimizerState
        w.undoStack = undoStack; w.inspected = inspected; w.gradientsUsedByStep = gradientsUsedByStep
    }
}
