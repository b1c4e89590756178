/// The op as a message names it beside its node, where the node's name already says what kind it is.
extension Op {
    /// What the op computes, without the word the loss and penalty nodes are named by: `mse` (not `loss mse`),
    /// `l2 0.001`, else its name (`matmul`, `tanh`); messages write a node as `node loss (mse)`, `node XW1 (matmul)`.
    public var detail: String {
        switch self {
        case .loss(let l): return l.description
        case .penalty(let r): return r.description
        default: return name
        }
    }
}
