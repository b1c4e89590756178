import DescentText
import Foundation

/// One input the model reads, as a function of the data's columns by name (`features x1 x1^2 x1*x2 sin(x1)`):
/// TensorFlow Playground's feature inputs.
public enum FeatureTerm: Equatable, Sendable {
    /// A column as it is.
    case column(String)
    /// A column to a power (2 or 3).
    case power(String, Int)
    /// The product of two columns.
    case product(String, String)
    /// The sine of a column.
    case sine(String)
    /// The cosine of a column.
    case cosine(String)

    /// The columns the term reads, in the order written.
    public var columns: [String] {
        switch self {
        case .column(let a), .power(let a, _), .sine(let a), .cosine(let a): return [a]
        case .product(let a, let b): return [a, b]
        }
    }

    /// The term as it is typed (`x1^2`, `x1*x2`, `sin(x1)`), a column name that is not a plain word in double quotes.
    public var name: String {
        let q = { (name: String) in name.typed() }
        switch self {
        case .column(let a): return q(a)
        case .power(let a, let k): return "\(q(a))^\(k)"
        case .product(let a, let b): return "\(q(a))*\(q(b))"
        case .sine(let a): return "sin(\(q(a)))"
        case .cosine(let a): return "cos(\(q(a)))"
        }
    }

    /// The term's value for the column values `value(k)` of `columns[k]`. `sin` and `cos` are the generators' portable
    /// ones (`RNG.sinCos`, of x/2π turns), not the C library's, so that a replay gives the same bits on every machine.
    public func value(_ value: (Int) -> Double) -> Double {
        switch self {
        case .column: return value(0)
        case .power(_, let k):
            let x = value(0)
            return k == 3 ? x * x * x : x * x
        case .product: return value(0) * value(1)
        case .sine: return RNG.sinCos(turns: value(0) / (2 * Double.pi)).sin
        case .cosine: return RNG.sinCos(turns: value(0) / (2 * Double.pi)).cos
        }
    }
}
