/// A fresh evaluation that is not recorded in the history (for `expect`).
public struct EvaluationNow: Sendable {
    public var trainLoss: Double
    public var penalty: Double
    public var valLoss: Double?
    public var trainMetric: Double
    public var valMetric: Double?
}
