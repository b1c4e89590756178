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

/// One node of the computation graph: what it computes, from which nodes, and its value and gradient.
public struct Node {
    /// A name a person can ask for: `X`, `W1`, `Z1`, `A1`, `loss`, …
    public let name: String
    public let op: Op
    /// Indices of the input nodes in the graph's node list.
    public let inputs: [Int]
    /// [rows, cols] for matrices, [n] for biases, [] for scalars.
    public let shape: [Int]
    public let value: Buffer
    public let grad: Buffer
    /// The dropout mask (scaled keep flags) of the last training forward pass.
    let mask: Buffer?

    /// Rows when viewed as a matrix.
    public var rows: Int { shape.count == 2 ? shape[0] : 1 }
    /// Columns when viewed as a matrix.
    public var cols: Int { shape.count == 2 ? shape[1] : (shape.count == 1 ? shape[0] : 1) }
    /// Number of values.
    public var count: Int { value.count }

    public var valueTensor: Tensor { Tensor(shape: shape, data: value.array) }
    public var gradTensor: Tensor { Tensor(shape: shape, data: grad.array) }
}
