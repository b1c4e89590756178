import DescentCore
import DescentLanguage

/// All session state in one place: the configuration the commands set, and the model and trainer built from it.
///
/// Setup commands only change the configuration and drop what depended on it; the model and trainer are built
/// again on demand, so a half-finished setup (a loss typed before the last layer) is never an error by itself.
public final class Workspace {
    let out: Output
    /// Where file paths are resolved from (the directory descent started in).
    let directory: String

    // Configuration, as the commands set it.
    var seed: UInt64 = 0
    var data: Dataset?
    /// The command text that made the data, for `show config`.
    var dataSource = ""
    /// The columns of the data's CSV file that `data csv … drop=` left out, which `evaluate` leaves out of its file too.
    var droppedColumns: [String] = []
    /// Whether numeric targets are read as class ids when the loss is a classification loss: inline
    /// data's y, and a CSV file's target column when it holds numbers.
    var targetsMayBeClassIDs = false
    var splitFraction: Double?
    var normalize = false
    /// The feature terms the model reads, computed from the data's columns (`features x1^2 x2^2`); nil: the columns themselves.
    var featureTerms: [FeatureTerm]?
    var batch = BatchSetting.automatic
    var layers: [LayerSpec] = []
    var loss: Loss?
    var regularizer = Regularizer.none
    var optimizerKind = OptimizerKind.sgd(momentum: 0, nesterov: false)
    var learningRate: Double?
    /// The learning rate's schedule, and the step count it began at (its steps are counted from there).
    var schedule: LearningRateSchedule.Kind?
    /// What the weights were trained under when a change dropped the history but kept them (`trainedUnderNow`).
    var weightsTrainedUnder: TrainedUnder?
    var scheduleStart = 0
    var evaluationInterval: Int?
    /// Whether an `optimizer` command chose the rule (else it is the default, sgd, which training says once).
    var optimizerChosen = false

    // Built from the configuration on demand.
    var model: Model?
    var trainer: Trainer?
    /// A trainer dropped by a change that keeps its history (and, unless the optimizer changed, its state).
    var carryOver: Trainer?
    var carryOptimizerState = true
    /// The graph the backprop commands look at (the batch under way, or one sample).
    var inspected: Graph?
    /// The step whose update used the gradients the parameters hold (`update`, `step`, `train`), so that `show grads`
    /// can say so; nil once `backward` or `explain` has computed others.
    var gradientsUsedByStep: Int?
    /// What the command under way found before it first built the model or trainer (nil while it has built neither),
    /// which `Session` puts back when the command fails.
    var beforeBuilding: BuiltState?

    // Session.
    /// The commands that succeeded and change or check state, the `save weights` between them and the files read, in
    /// order, for `save session`.
    var log: [RecordedCommand] = []
    /// The text of the commands `save session` writes: those of `log` it keeps.
    var recorded: [String] { log.filter(\.kept).map(\.text) }
    /// What the command under way asks to be recorded instead of its own text (a `train` stopped early records the
    /// steps it took, evaluated as they were: `Commands.recordedForm`); nil records the text.
    var recordedAs: [String]?
    /// The most bytes `data csv`, `load weights` and `replay` read from one file, and so the most `save weights`
    /// writes: `AtomicFile.readLimit`, smaller in tests.
    var readLimit = AtomicFile.readLimit
    var undoStack: [TrainerSnapshot] = []
    /// The most undo entries kept.
    static let undoDepth = 50
    /// The most bytes of snapshots undo keeps (1 GiB), the newest always (see `pushUndo`).
    static let undoBytes = 1 << 30
    /// `undoBytes`, smaller in tests.
    var undoBudget = Workspace.undoBytes
    var watches: [Watch] = []
    /// The runs `keep` kept, in the order kept (`show runs`, `plot runs`); not undoable, and `new` forgets them.
    var runs: [KeptRun] = []
    /// The most bytes of history the kept runs may hold (`Workspace.keptRunBytes`, smaller in tests).
    var keptRunBudget = Workspace.keptRunBytes
    var breakGradNorm: Double?
    /// The note on an undefined R² a report last printed (`Report.undefinedR2Note`), so that it is said once.
    var notedUndefinedR2: String?
    /// Whether training has said it runs under the default optimizer (`noteDefaultOptimizer`), which it says once.
    var notedDefaultOptimizer = false
    /// Set by `quit`; cleared again by the `replay` whose script it ended (quit ends a replay, not the session).
    public internal(set) var quitRequested = false
    /// Runs long training; the shell swaps in the live view on a terminal.
    var trainingView: TrainingView
    /// Shows `plot`; text by default, full-screen on a terminal.
    var plotViewer: PlotViewer = TextPlotViewer(unicode: true)
    /// The terminal's width in columns, asked each time (it follows resizes); nil when output is not a terminal.
    var outputWidth: () -> Int? = { nil }
    /// The path of the running descent executable (set by `Launcher`), whose package's `Sessions/` `help sessions` lists
    /// when the working directory has none; nil in tests.
    var executablePath: String?
    /// The scripts of the replays under way (canonical paths), outermost first: their count is the nesting depth.
    var replayStack: [String] = []
    /// The script `descent FILE` is running (canonical path), nil otherwise: no replay may replay it or write over it,
    /// but it is not a replay, so it does not count towards `maxReplayDepth`.
    var programScript: String?
    /// The deepest replays may nest (each level takes stack; some 5,000 overflowed it), from the prompt, `-c` or a
    /// script alike.
    static let maxReplayDepth = 100
    /// The scripts being run, which a replay may not run again nor a command write over: `programScript` and the replays'.
    var runningScripts: [String] { (programScript.map { [$0] } ?? []) + replayStack }
    /// Left by a replay that stopped inside another, for the outermost to report (`ReplayStop`).
    var stoppedReplay: ReplayStop?
    /// Reads a line before each command of `replay … step`; nil when there is no one to ask.
    /// Shows words for the person at the prompt on the terminal, where the prompt is, also when standard output goes
    /// to a file (the lines `replay … step` is about to run); nil outside the interactive prompt (then `out`).
    var say: ((String) -> Void)?
    var stepPrompt: (() -> Bool)?
    /// Shows a line of progress in place while long work runs (nil wipes it); nil when standard output is not a terminal.
    var showProgress: ((String?) -> Void)?
    /// How long, in seconds, a `gradcheck` is expected to take before it says so and suggests `sample=`
    /// (`Commands.gradcheckNoteSeconds`; smaller in tests).
    var gradcheckNoteSeconds = Commands.gradcheckNoteSeconds

    public init(output: Output, directory: String, trainingView: TrainingView? = nil) {
        out = output
        self.directory = directory
        self.trainingView = trainingView ?? ProgressPrinter(output: output)
    }

    /// A parameter entry a person asked to follow.
    struct Watch: Equatable {
        var name: String
        var index: [Int]
        var text: String { Format.entry(name, index) }
    }

    // MARK: Derived state

    /// The random stream for one purpose, derived from the seed: 1 draws the data and its split, 2 the
    /// weights, and 3 goes to the trainer, which derives its shuffles and dropout masks from it.
    func rng(_ stream: UInt64, seed s: UInt64? = nil) -> RNG {
        RNG(seed: s ?? seed).derived(stream: stream)
    }

    /// The model spec the layers describe for the current data.
    func modelSpec() throws -> ModelSpec {
        guard let data else { throw ShellError("no data yet — start with `data …` (e.g. `data xor n=200`)") }
        guard Commands.denseCount(layers) > 0 else {
            throw ShellError("\(noDenseLayers) — add one with `layer dense UNITS [ACTIVATION]`")
        }
        return ModelSpec(inputSize: modelWidth(data), layers: layers)
    }

    /// What there is without a dense layer: `no layers yet`, or with dropout layers alone, that they hold no weights.
    var noDenseLayers: String { layers.isEmpty ? "no layers yet" : "no dense layers yet (dropout has no weights)" }

    /// The model, built (weights drawn from the seed) when missing.
    func ensureModel() throws -> Model {
        let spec = try modelSpec()
        if let model, model.spec == spec { return model }
        try Fit.checkSize(spec: spec, samples: data?.count ?? 0)
        var r = rng(2)
        let m = Model(spec: spec, rng: &r)
        noteBuilding()
        model = m
        trainer = nil; carryOver = nil; undoStack = []; inspected = nil
        return m
    }

    /// The trainer, built when missing; checks that model, data and loss fit together.
    @discardableResult
    func ensureTrainer() throws -> Trainer {
        if let trainer { return trainer }
        guard let raw = data else { throw ShellError("no data yet — start with `data …` (e.g. `data xor n=200`)") }
        guard let loss else { throw ShellError("no loss yet — choose one with `loss mse|mae|huber|bce|ce|hinge`") }
        let data = try asRead(raw)
        let spec = try modelSpec()
        try Fit.check(spec: spec, loss: loss, data: data)
        let model = try ensureModel()
        let (train, validation) = try prepareData(data)
        var opt = Optimizer(kind: optimizerKind, learningRate: learningRate)
        if let old = carryOver, carryOptimizerState, old.model === model, old.optimizer.kind == optimizerKind {
            opt = old.optimizer
            opt.learningRate = baseRate
        }
        let t = Trainer(model: model, loss: loss, regularizer: regularizer, optimizer: opt, train: train,
                        validation: validation, batchSize: batch.rows(training: train.count), rng: rng(3))
        if let old = carryOver, old.model === model { t.adoptHistory(from: old) }
        // A schedule goes on counting from where it began; with the history gone, from the first step.
        if t.stepCount == 0 { scheduleStart = 0 }
        t.schedule = scheduleInForce
        t.evaluationInterval = evaluationInterval ?? 10
        noteBuilding()
        carryOver = nil
        trainer = t
        inspected = nil
        return t
    }

    /// Notes the built state before the command under way first replaces it (`beforeBuilding`).
    private func noteBuilding() {
        if beforeBuilding == nil { beforeBuilding = BuiltState(of: self) }
    }

    /// The rows of `data` that train: all of them, or the training part of the split.
    func trainingRows(of data: Dataset) -> Int {
        splitFraction.map { Dataset.trainCount(fraction: $0, count: data.count) } ?? data.count
    }

    /// `data` as training reads it: numbers that may be class ids (inline `y`, a numeric CSV target) are the
    /// classes 0…k−1, named by their numbers, under ce, bce or hinge; otherwise `data` as it is. A number that is
    /// not a class id is an error at its place (file line and column, or `y[i]`) that says what would fit.
    func asRead(_ data: Dataset) throws -> Dataset {
        guard targetsMayBeClassIDs, let loss, loss.isClassification, data.task == .regression else { return data }
        var d = data
        let k: Int
        do { k = try d.classIDCount() } catch {
            let name = d.origin == nil ? d.targetName : "'\(d.targetName)'"
            if d.targetsArePlusMinusOne { throw ShellError(Workspace.plusMinusOne(name, loss)) }
            throw ShellError("\(error) (under \(loss) the numbers in \(name) are class ids; for a regression target use mse, mae or huber)")
        }
        d.task = k == 2 ? .binary : .multiclass
        d.classNames = (0..<k).map(String.init)
        return d
    }

    /// Why −1/+1 targets do not fit a class loss, and what does: class ids are 0 and 1 (hinge maps them to −1/+1).
    static func plusMinusOne(_ name: String, _ loss: Loss) -> String {
        let how = loss == .hinge ? " (hinge maps them to −1 and +1 itself)" : ""
        return "\(name) holds −1 and 1, but under \(loss) two classes are the ids 0 and 1\(how) — recode −1 as 0"
    }

    /// Derives the feature terms (under `features`), then splits and standardises the data as configured.
    func prepareData(_ d: Dataset) throws -> (Dataset, Dataset?) {
        let parts = try split(try featured(d), fraction: splitFraction, seed: seed)
        return normalize ? try standardize(parts) : parts
    }

    /// `d`'s training and validation parts as a split of `fraction` under `seed` cuts them (all of it trains
    /// without a split).
    func split(_ d: Dataset, fraction: Double?, seed: UInt64) throws -> (Dataset, Dataset?) {
        guard let f = fraction else { return (d, nil) }
        var r = rng(1, seed: seed)
        return try d.split(trainFraction: f, rng: &r)
    }

    /// The parts standardised with the training part's mean and std; an error naming the feature when a value
    /// is so far from the mean that x − mean overflows.
    func standardize(_ parts: (Dataset, Dataset?)) throws -> (Dataset, Dataset?) {
        let (train, validation) = parts
        let std = Standardizer(fitting: train.X)
        let standardized = (train.standardized(by: std), validation?.standardized(by: std))
        try Workspace.checkFinite(standardized.0, raw: train)
        if let v = validation, let s = standardized.1 { try Workspace.checkFinite(s, raw: v) }
        return standardized
    }

    /// An error naming the feature of the first value of `set` (standardised from `raw`) that is not finite.
    private static func checkFinite(_ set: Dataset, raw: Dataset) throws {
        guard let k = set.X.data.firstIndex(where: { !$0.isFinite }) else { return }
        throw ShellError("feature '\(set.featureNames[k % set.featureCount])' cannot be standardised: a value of \(Format.sig(raw.X.data[k], 4)) is so far from the mean that x − mean overflows — rescale that column, or `normalize off`")
    }

    /// Throws `standardize`'s error when `d`, split with `fraction` under `seed`, could not be standardised:
    /// `normalize`, and `data`, `split` and `seed` while it is on, check the data, split and seed they would
    /// leave before they change anything (a split that fails is left for training to report).
    func checkStandardizable(_ d: Dataset, fraction: Double?, seed: UInt64) throws {
        guard let featured = try? featured(d), let parts = try? split(featured, fraction: fraction, seed: seed) else { return }
        _ = try standardize(parts)
    }

    /// Drops the trainer after a change to what it was built from; `keep` says whether history (and
    /// optimizer state) carry over to the next one. Undo entries belong to the trainer and go with it.
    /// Returns the note for the command's message that says what went ("" when nothing did): history and
    /// optimizer state when they do not carry over, then `kept` (what stays, e.g. the weights), then undo.
    @discardableResult
    func invalidateTrainer(keepHistory: Bool, keepOptimizerState: Bool = true, kept: String? = nil) -> String {
        let old = trainer ?? carryOver, dropped = undoStack.count, trained = stepCount > 0
        // The weights stay: what they were trained under outlives the history that says they were trained.
        if !keepHistory, let under = trainedUnderNow() { weightsTrainedUnder = under }
        trainer = nil; inspected = nil; undoStack = []
        var parts: [String] = []
        if !keepHistory && trained { parts.append("reset history and optimizer state") }
        if let kept, trained { parts.append(kept) }
        if dropped > 0 { parts.append("undo history cleared (\(Format.counted(dropped, "entry", plural: "entries")))") }
        let note = parts.isEmpty ? "" : " — " + parts.joined(separator: "; ")
        guard keepHistory, let old else { carryOver = nil; return note }
        if carryOver == nil { carryOptimizerState = true }
        carryOver = old
        carryOptimizerState = carryOptimizerState && keepOptimizerState
        return note
    }

    /// Forgets the model (its weights are drawn again when next needed) and everything built on it.
    /// Returns what was reset, for the message.
    func invalidateModel() -> String? {
        let had = model != nil, dropped = undoStack.count, trained = stepCount > 0
        model = nil; trainer = nil; carryOver = nil; inspected = nil; undoStack = []; weightsTrainedUnder = nil
        guard had else { return nil }
        let reset = trained ? ["weights", "optimizer state", "history"] : ["weights"]
        let undo = dropped == 0 ? [] : ["undo history (\(Format.counted(dropped, "entry", plural: "entries")))"]
        let all = reset + undo
        return all.count == 1 ? all[0] : all.dropLast().joined(separator: ", ") + " and " + all[all.count - 1]
    }

    /// The standardisation and classes the weights were last trained under: the trainer's while it has trained them,
    /// else what a change that dropped that history (new data, a split) kept; nil for weights drawn or loaded since.
    func trainedUnderNow() -> TrainedUnder? {
        guard model != nil else { return nil }
        guard let t = trainer ?? carryOver, t.stepCount > 0 else { return weightsTrainedUnder }
        return TrainedUnder(normalization: Normalization(of: t.train),
                            classes: t.train.classNames)
    }

    /// The class names `model`'s outputs stand for, for `save weights`: those it was trained (or loaded) under, else the
    /// data's as read under the loss; empty for regression, or when they do not fit its outputs (one each, or two for one).
    func weightsClasses(_ model: Model) -> [String] {
        let data = self.data.map { (try? asRead($0)) ?? $0 }
        let classes = trainedUnderNow().map(\.classes).flatMap { $0.isEmpty ? nil : $0 } ?? data?.classNames ?? []
        return classes.count == max(model.spec.outputSize, 2) ? classes : []
    }

    /// The steps trained so far.
    var stepCount: Int { trainer?.stepCount ?? carryOver?.stepCount ?? 0 }

    /// The rate set (`lr`, `optimizer … lr=`), else the rule's default: a schedule's base.
    var baseRate: Double { learningRate ?? optimizerKind.defaultLearningRate }

    /// The schedule set (`schedule`), on the base rate, counting from where it began; nil without one.
    var scheduleInForce: LearningRateSchedule? { schedule.map { LearningRateSchedule(kind: $0, base: baseRate, start: scheduleStart) } }

    /// The learning rate the next step runs at: the trainer's (a schedule's, under one), else the one set or the default.
    var currentRate: Double { trainer?.optimizer.learningRate ?? baseRate }

    /// The rate `lr`, `show config` and `optimizer`'s reply quote: under a schedule its base (what `lr` sets), else the
    /// rate the next step runs at.
    var statedRate: Double { schedule == nil ? currentRate : baseRate }

    // MARK: Undo

    /// Saves the trainer's state before a command that changes parameters.
    func pushUndo(_ what: String) {
        guard let t = trainer else { return }
        pushUndo(t.snapshot(label: what))
    }

    /// Keeps a snapshot taken earlier, dropping the oldest beyond the undo depth or while the snapshots take more than
    /// `undoBudget` bytes. The newest is kept whatever its size, so that the last command can always be undone: it is a
    /// copy of what the session holds, which its value budget (`Fit.maxValues`) bounds.
    func pushUndo(_ snapshot: TrainerSnapshot) {
        undoStack.append(snapshot)
        if undoStack.count > Workspace.undoDepth { undoStack.removeFirst() }
        var bytes = undoStackBytes
        while undoStack.count > 1 && bytes > undoBudget { bytes -= undoStack.removeFirst().byteCount }
    }

    /// The bytes of snapshots undo holds.
    var undoStackBytes: Int { undoStack.reduce(0) { $0 + $1.byteCount } }
}
