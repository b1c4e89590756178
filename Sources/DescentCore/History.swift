/// What training recorded: every step's batch loss and penalty, and periodic full evaluations.
public struct History: Sendable {
    /// One training step's record: the data loss and the penalty of its forward pass on its batch, before its update.
    public struct Step: Sendable, Equatable {
        public var step: Int
        public var epoch: Int
        public var batchLoss: Double
        public var penalty: Double
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

    /// In chunks, so that copies (undo keeps up to 50) share them rather than each holding every step.
    public private(set) var steps = ChunkedLog<Step>()
    public private(set) var evaluations = ChunkedLog<Evaluation>()

    public init() {}

    /// Makes room for `n` more steps (up to a million ahead) so that recording them allocates nothing.
    public mutating func reserve(steps n: Int, evaluations e: Int) {
        steps.reserve(n)
        evaluations.reserve(e)
    }

    mutating func record(_ s: Step) { steps.append(s) }
    mutating func record(_ e: Evaluation) { evaluations.append(e) }

    public var isEmpty: Bool { steps.isEmpty && evaluations.isEmpty }
    public var lastStep: Step? { steps.last }
    public var lastEvaluation: Evaluation? { evaluations.last }

    /// The history as CSV: `step,epoch,batch_loss,penalty,train_loss,val_loss,metric`, one row per step; the
    /// evaluation columns are filled on steps that had one (metric is validation's when there is a split).
    public func csv() -> String {
        var out = "step,epoch,batch_loss,penalty,train_loss,val_loss,metric\n"
        var e = 0
        for s in steps {
            while e < evaluations.count && evaluations[e].step < s.step { e += 1 }
            let f = History.csvField
            var row = "\(s.step),\(s.epoch),\(f(s.batchLoss)),\(f(s.penalty))"
            if e < evaluations.count && evaluations[e].step == s.step {
                let ev = evaluations[e]
                row += ",\(f(ev.trainLoss)),\(ev.valLoss.map(f) ?? ""),\(f(ev.valMetric ?? ev.trainMetric))"
            } else {
                row += ",,,"
            }
            out += row + "\n"
        }
        return out
    }

    /// A value as CSV readers take it: round-trip digits, and `nan` for every NaN (Swift prints a
    /// negative one as `-nan`, which some readers reject).
    static func csvField(_ x: Double) -> String { x.isNaN ? "nan" : "\(x)" }
}
