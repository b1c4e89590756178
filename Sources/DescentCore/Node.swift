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
    /// The dropout mask as a tensor of the node's shape (0 where dropped, 1/(1 − p) where kept); nil for other nodes.
    public var maskTensor: Tensor? { mask.map { Tensor(shape: shape, data: $0.array) } }
}
