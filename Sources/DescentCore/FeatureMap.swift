/// The feature terms a model reads, bound to the columns of the data they are computed from: turns rows of the data's
/// raw columns into rows of the terms' values.
public struct FeatureMap: Equatable, Sendable {
    /// The terms, one input of the model each, in order.
    public let terms: [FeatureTerm]
    /// The data's own columns (the raw inputs), in their order.
    public let inputs: [String]
    /// For each term, the positions in `inputs` of the columns it reads.
    let columns: [[Int]]

    /// The terms bound to `inputs`; nil when a term names a column `inputs` lacks (`missing` finds which).
    public init?(terms: [FeatureTerm], inputs: [String]) {
        var columns: [[Int]] = []
        for term in terms {
            var at: [Int] = []
            for name in term.columns {
                guard let j = inputs.firstIndex(of: name) else { return nil }
                at.append(j)
            }
            columns.append(at)
        }
        self.terms = terms
        self.inputs = inputs
        self.columns = columns
    }

    /// The first column a term of `terms` names that `inputs` lacks, with that term; nil when there is none.
    public static func missing(_ terms: [FeatureTerm], in inputs: [String]) -> (term: FeatureTerm, column: String)? {
        for term in terms { if let c = term.columns.first(where: { !inputs.contains($0) }) { return (term, c) } }
        return nil
    }

    /// The terms' names, as the model's features are called.
    public var names: [String] { terms.map(\.name) }

    /// The terms' values for rows `X` [n, inputs.count] of raw column values: [n, terms.count].
    public func apply(_ X: Tensor) -> Tensor {
        let n = X.rows, f = X.cols, k = terms.count
        var out = [Double](repeating: 0, count: n * k)
        for i in 0..<n {
            for t in 0..<k {
                let at = columns[t]
                out[i * k + t] = terms[t].value { X.data[i * f + at[$0]] }
            }
        }
        return Tensor(shape: [n, k], data: out)
    }
}
