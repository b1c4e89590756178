/// Why a training run ended.
public enum StopReason: Equatable, Sendable, CustomStringConvertible {
    case completed
    case interrupted
    /// The callback asked to stop (a key in the live view, a watch bound).
    case requested(String)
    /// A loss or gradient stopped being finite; the parameters are those from before the update.
    case nonFinite(String)
    /// The evaluation of the full sets gave a training or validation loss that is not finite; the step before it was
    /// applied, and the parameters are those it left.
    case nonFiniteEvaluation(String)

    public var description: String {
        switch self {
        case .completed: return "completed"
        case .interrupted: return "interrupted"
        case .requested(let why): return why
        case .nonFinite(let why): return why
        case .nonFiniteEvaluation(let why): return why
        }
    }
}
