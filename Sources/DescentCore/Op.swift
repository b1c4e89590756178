/// What a graph node computes from its inputs.
public enum Op {
    /// The batch's features.
    case input
    /// The batch's targets.
    case target
    /// A trainable parameter (its buffers are the parameter's own).
    case parameter(Parameter)
    /// inputs [A, W]: A·W.
    case matmul
    /// inputs [Y, b]: Y + b, b added to every row.
    case biasAdd
    /// inputs [Z]: f(Z).
    case activation(Activation)
    /// inputs [A]: A ⊙ mask / (1 − p) in training, A in evaluation.
    case dropout(p: Double)
    /// inputs [P, y]: the mean data loss.
    case loss(Loss)
    /// inputs [W1, W2, …]: the regularization penalty.
    case penalty(Regularizer)
    /// inputs [a, b]: a + b, for scalars.
    case add

    /// The op's short name as the graph listing shows it.
    public var name: String {
        switch self {
        case .input: return "input"
        case .target: return "target"
        case .parameter: return "param"
        case .matmul: return "matmul"
        case .biasAdd: return "bias_add"
        case .activation(let a): return a.description
        case .dropout: return "dropout"
        case .loss(let l): return "loss " + l.description
        case .penalty(let r): return "penalty " + r.description
        case .add: return "add"
        }
    }

    /// True for leaves (input, target, parameter), which compute nothing.
    public var isLeaf: Bool {
        switch self { case .input, .target, .parameter: return true; default: return false }
    }
}
