import DescentCore

/// `new`: the session as descent starts it.
extension Workspace {
    /// Forgets the data, the model, every setting, the history, undo, the kept runs, watches, breaks and what `save session` would
    /// write, as a fresh start of descent has them; keeps what belongs to the process (output, directory, views,
    /// the prompt's hooks, the replays under way).
    func startOver() {
        seed = 0
        data = nil
        dataSource = ""
        droppedColumns = []
        targetsMayBeClassIDs = false
        splitFraction = nil
        normalize = false
        featureTerms = nil
        batch = .automatic
        layers = []
        loss = nil
        regularizer = .none
        optimizerKind = .sgd(momentum: 0, nesterov: false)
        learningRate = nil
        schedule = nil
        weightsTrainedUnder = nil
        scheduleStart = 0
        evaluationInterval = nil
        optimizerChosen = false
        notedDefaultOptimizer = false
        model = nil
        trainer = nil
        carryOver = nil
        carryOptimizerState = true
        inspected = nil
        log = []
        recordedAs = nil
        undoStack = []
        watches = []
        runs = []
        breakGradNorm = nil
        notedUndefinedR2 = nil
    }
}
