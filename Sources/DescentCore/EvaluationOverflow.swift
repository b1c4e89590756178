/// A full-set evaluation whose training or validation loss was not finite: at which step, and what the message says of it.
public struct EvaluationOverflow: Equatable, Sendable {
    /// The step whose evaluation it was.
    public var step: Int
    /// Which loss became what, and where first: "val_loss became infinite at the evaluation of step 15 (first
    /// produced by node loss (mse), in row 2 of the validation set: data row 7)".
    public var text: String
}

extension EvaluationOverflow {
    /// The overflow of evaluation `e`, nil when its losses are finite; `sources` say where each set's loss first
    /// stopped being finite (`Trainer.overflowSource`).
    static func found(_ e: History.Evaluation, sources: (train: String?, validation: String?)) -> EvaluationOverflow? {
        func became(_ x: Double) -> String { x.isNaN ? "NaN" : "infinite" }
        var parts: [(String, String)] = []
        if !e.trainLoss.isFinite { parts.append(("train_loss became \(became(e.trainLoss))", sources.train ?? "")) }
        if let v = e.valLoss, !v.isFinite { parts.append(("val_loss became \(became(v))", sources.validation ?? "")) }
        let at = " at the evaluation of step \(e.step)"
        switch parts.count {
        case 0: return nil
        case 1: return EvaluationOverflow(step: e.step, text: parts[0].0 + at + parts[0].1)
        default: return EvaluationOverflow(step: e.step, text: parts.map { $0.0 + $0.1 }.joined(separator: " and ") + at)
        }
    }
}
