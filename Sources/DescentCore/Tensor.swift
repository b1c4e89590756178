/// A dense row-major array of `Double` with a shape.
public struct Tensor: Equatable, Sendable {
    public private(set) var shape: [Int]
    public var data: [Double]

    /// A tensor of `shape` holding `data` (row-major); the counts must agree.
    public init(shape: [Int], data: [Double]) {
        precondition(shape.allSatisfy { $0 >= 0 } && shape.reduce(1, *) == data.count,
                     "Tensor: shape \(shape) does not hold \(data.count) values")
        self.shape = shape; self.data = data
    }

    public var count: Int { data.count }
    /// Rows of a matrix (the first dimension; 1 for a scalar).
    public var rows: Int { shape.isEmpty ? 1 : shape[0] }
    /// Columns of a matrix (product of the remaining dimensions); an index loop, which allocates nothing.
    public var cols: Int {
        var c = 1
        for i in shape.indices.dropFirst() { c *= shape[i] }
        return c
    }

    /// Entry (i, j) of a matrix.
    public subscript(i: Int, j: Int) -> Double {
        get { data[i * cols + j] }
        set { data[i * cols + j] = newValue }
    }

    /// Row-major flat offset of `index` in an array of `shape`, or nil when out of range or the wrong rank.
    public static func offset(of index: [Int], in shape: [Int]) -> Int? {
        guard index.count == shape.count else { return nil }
        var off = 0
        for (k, i) in index.enumerated() {
            guard i >= 0 && i < shape[k] else { return nil }
            off = off * shape[k] + i
        }
        return off
    }

    /// The row-major index of flat `offset` in an array of `shape` (the inverse of `offset(of:in:)`).
    public static func index(ofOffset offset: Int, in shape: [Int]) -> [Int] {
        var rest = offset, index = [Int](repeating: 0, count: shape.count)
        for d in shape.indices.reversed() {
            index[d] = rest % max(shape[d], 1)
            rest /= max(shape[d], 1)
        }
        return index
    }

    /// The rows at `indices`, in that order.
    public func gatherRows(_ indices: [Int]) -> Tensor {
        let c = cols
        var out = [Double](); out.reserveCapacity(indices.count * c)
        for i in indices { out.append(contentsOf: data[(i * c)..<((i + 1) * c)]) }
        var s = shape; if s.isEmpty { s = [1] }; s[0] = indices.count
        return Tensor(shape: s, data: out)
    }

    /// Shape written as `[a, b]`.
    public var shapeDescription: String { Tensor.describe(shape) }

    /// A shape written as `[a, b]`.
    public static func describe(_ shape: [Int]) -> String { "[" + shape.map(String.init).joined(separator: ", ") + "]" }
}
