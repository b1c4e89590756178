/// A trainable tensor (`W1`, `b1`, …) with its gradient, both in buffers the graph reads and writes in place.
public final class Parameter {
    /// `Wk` or `bk`.
    public let name: String
    /// [in, out] for weights, [out] for biases.
    public let shape: [Int]
    /// True for weight matrices (regularised), false for biases.
    public let isWeight: Bool
    public let value: Buffer
    public let grad: Buffer

    public init(name: String, shape: [Int], isWeight: Bool) {
        self.name = name; self.shape = shape; self.isWeight = isWeight
        let n = shape.reduce(1, *)
        value = Buffer(count: n); grad = Buffer(count: n)
    }

    public var count: Int { value.count }

    /// The value as a tensor (a copy).
    public var tensor: Tensor { Tensor(shape: shape, data: value.array) }
    /// The gradient as a tensor (a copy).
    public var gradTensor: Tensor { Tensor(shape: shape, data: grad.array) }

    /// Row-major offset of `index`, or nil when it does not fit the shape.
    public func offset(of index: [Int]) -> Int? {
        Tensor.offset(of: index, in: shape)
    }
}
