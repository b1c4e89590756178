/// What a dataset's target means: a number to predict, or one of two or more classes.
public enum Task: String, Equatable, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case regression, binary, multiclass

    /// Whether targets are class ids (0..k-1 stored as Double).
    public var isClassification: Bool { self != .regression }

    public var description: String { rawValue }
}
