/// What training recorded: every step's batch loss and penalty, and periodic full evaluations.
public struct History: Sendable {
    /// One training step's record: the data loss and the penalty of its forward pass on its batch, before its update.
    public struct Step: Sendable, Equatable {
        public var step: Int
        public var epoch: Int
        public var batchLoss: Double
        public var penalty: Double
    }

    /// Where the batch size changed: the first step taken with batches of `size` rows (0 for the full batch).
    public struct BatchChange: Sendable, Equatable {
        public var step: Int
        public var size: Int
    }

    /// Where the learning rate changed: the first step taken at `rate`.
    public struct RateChange: Sendable, Equatable {
        public var step: Int
        public var rate: Double
    }

    /// A periodic evaluation on the whole training and validation sets.
    public struct Evaluation: Sendable, Equatable {
        public var step: Int
        public var epoch: Int
        public var trainLoss: Double
        /// The regularizer's penalty at the parameters evaluated (0 without one).
        public var penalty: Double
        public var valLoss: Double?
        /// Accuracy (classification) or R² (regression) on the training set.
        public var trainMetric: Double
        public var valMetric: Double?
    }

    /// In chunks, so that copies (undo keeps up to 50) share them rather than each holding every step. Past
    /// `maxSteps` (`maxEvaluations`) the oldest chunk goes, so that a long run's history stays bounded: the logs'
    /// `startIndex` is then how many were dropped.
    public private(set) var steps = ChunkedLog<Step>()
    public private(set) var evaluations = ChunkedLog<Evaluation>()
    /// The learning rate of the first step and of each step where it changed (`lr` between runs, or a schedule, which
    /// changes it every step), appended only when a step runs at a rate other than the last entry's; entries before
    /// the first step kept are dropped with the steps (but the one that step ran at).
    public private(set) var rates: [RateChange] = []
    /// The last entry's rate (NaN before the first): compared every step without touching the array, which costs an
    /// allocation a step in unoptimised builds.
    private var lastRate = Double.nan

    /// The batch size of the first step and of each step where it changed (`batch` between runs): a few entries.
    public private(set) var batches: [BatchChange] = []
    /// The last entry's size (-1 before the first), compared every step.
    private var lastBatch = -1

    /// The most steps kept, 2²³ (8,388,608; 32 bytes each, 256 MiB): a tiny model runs 500,000 steps a second,
    /// and `train 100000000` held 3.2 GB of history before the oldest were dropped.
    public static let maxSteps = 1 << 23
    /// The most evaluations kept, 2²¹ (2,097,152; `every=1` makes one a step).
    public static let maxEvaluations = 1 << 21
    /// This history's limits: `maxSteps` and `maxEvaluations` (smaller in tests).
    let stepLimit: Int, evaluationLimit: Int

    public init() { self.init(stepLimit: History.maxSteps, evaluationLimit: History.maxEvaluations) }

    init(stepLimit: Int, evaluationLimit: Int) { self.stepLimit = stepLimit; self.evaluationLimit = evaluationLimit }

    /// Makes room for `n` more steps (up to a million ahead) so that recording them allocates nothing.
    public mutating func reserve(steps n: Int, evaluations e: Int, rates r: Int = 0) {
        steps.reserve(n)
        evaluations.reserve(e)
        if r > 0 { rates.reserveCapacity(rates.count + min(r, stepLimit + ChunkedLog<Step>.chunkSize)) }
    }

    mutating func record(_ s: Step) {
        steps.append(s)
        if steps.count > stepLimit { steps.dropFirstChunk(); pruneRates() }
    }

    /// Drops the rate changes before the first step kept, but the last of them (the rate that step ran at): a
    /// schedule changes the rate every step, and its log must stay as bounded as the steps'.
    private mutating func pruneRates() {
        guard let first = steps.first?.step else { return }
        var k = 0
        while k + 1 < rates.count && rates[k + 1].step <= first { k += 1 }
        if k > 0 { rates.removeFirst(k) }
    }

    /// Notes that step `step` ran at learning rate `rate`, when that is not the rate the last change set.
    mutating func noteRate(_ rate: Double, at step: Int) {
        guard rate != lastRate else { return }
        rates.append(RateChange(step: step, rate: rate))
        lastRate = rate
    }

    /// Notes that step `step` ran with batches of `size` rows (0: the full batch), when that is not the last change's.
    mutating func noteBatch(_ size: Int, at step: Int) {
        guard size != lastBatch else { return }
        batches.append(BatchChange(step: step, size: size))
        lastBatch = size
    }

    mutating func record(_ e: Evaluation) {
        evaluations.append(e)
        if evaluations.count > evaluationLimit { evaluations.dropFirstChunk() }
    }

    /// Steps and evaluations dropped from the front to keep within `maxSteps` and `maxEvaluations`.
    public var dropped: (steps: Int, evaluations: Int) { (steps.startIndex, evaluations.startIndex) }

    /// What was dropped, for `show history` and `export history`: "" when nothing was, else
    /// `; the first 4096 steps were dropped (the history keeps at most 8388608)`.
    public var droppedNote: String {
        let (s, e) = dropped
        guard s > 0 || e > 0 else { return "" }
        var parts: [String] = []
        if s > 0 { parts.append("the first \(s) steps were dropped (the history keeps at most \(stepLimit))") }
        if e > 0 { parts.append("the first \(e) evaluations were dropped (it keeps at most \(evaluationLimit))") }
        return "; " + parts.joined(separator: "; ")
    }

    public var isEmpty: Bool { steps.isEmpty && evaluations.isEmpty }

    /// A copy to keep while this history goes on (`keep`): its full chunks shared, without the room reserved ahead
    /// (`ChunkedLog.trimmed`).
    public func trimmed() -> History {
        var copy = self
        copy.steps = steps.trimmed()
        copy.evaluations = evaluations.trimmed()
        return copy
    }

    /// The bytes the steps and evaluations take (shared chunks counted in full).
    public var byteCount: Int {
        MemoryLayout<Step>.stride * steps.count + MemoryLayout<Evaluation>.stride * evaluations.count
    }
    public var lastStep: Step? { steps.last }
    public var lastEvaluation: Evaluation? { evaluations.last }

    /// Whether some step had a penalty: false for a run trained without one (or with λ = 0), which has no penalty curve.
    public var hasPenalty: Bool { steps.contains { $0.penalty != 0 } }

    /// The history as CSV: `step,epoch,batch_loss,penalty,train_loss,val_loss,M,val_M,lr` with `metric` as M (`accuracy` for
    /// classification, `r2` for regression), one row per step; the evaluation columns are filled on steps that had one
    /// (the validation set's left empty without one), and `lr` is the learning rate the step ran at.
    public func csv(metric: String) -> String {
        "step,epoch,batch_loss,penalty,train_loss,val_loss,\(metric),val_\(metric),lr\n" + csvRows()
    }

    /// The rows of `csv(metric:)` without its header, each after `prefix` (a run's field and a comma, for `export runs`),
    /// its metric pair after `emptyPairsBefore` and before `emptyPairsAfter` pairs of empty fields (the other metrics'
    /// columns of a file holding runs of both kinds of task).
    public func csvRows(prefix: String = "", emptyPairsBefore: Int = 0, emptyPairsAfter: Int = 0) -> String {
        var out = ""
        let before = String(repeating: ",,", count: emptyPairsBefore), after = String(repeating: ",,", count: emptyPairsAfter)
        let none = ",," + before + ",," + after
        var e = evaluations.startIndex, r = 0
        for s in steps {
            while e < evaluations.endIndex && evaluations[e].step < s.step { e += 1 }
            while r + 1 < rates.count && rates[r + 1].step <= s.step { r += 1 }
            let lr = r < rates.count && rates[r].step <= s.step ? History.csvField(rates[r].rate) : ""
            let f = History.csvField
            var row = prefix + "\(s.step),\(s.epoch),\(f(s.batchLoss)),\(f(s.penalty))"
            if e < evaluations.endIndex && evaluations[e].step == s.step {
                let ev = evaluations[e]
                row += ",\(f(ev.trainLoss)),\(ev.valLoss.map(f) ?? "")" + before + ",\(f(ev.trainMetric)),\(ev.valMetric.map(f) ?? "")" + after
            } else {
                row += none
            }
            out += row + "," + lr + "\n"
        }
        return out
    }

    /// A value as CSV readers take it: round-trip digits, and `nan` for every NaN (Swift prints a
    /// negative one as `-nan`, which some readers reject).
    static func csvField(_ x: Double) -> String { x.isNaN ? "nan" : "\(x)" }
}
