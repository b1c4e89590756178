import DescentText
/// The numbers an argument accepts, with the words that describe them in error messages.
public enum NumberRange: Equatable, Sendable {
    /// Any finite number.
    case any
    /// `x >= bound`.
    case atLeast(Double)
    /// `x > bound`.
    case greaterThan(Double)
    /// `lower <= x <= upper`.
    case closed(Double, Double)
    /// `lower <= x < upper`.
    case halfOpen(Double, Double)
    /// `lower < x < upper`.
    case open(Double, Double)

    /// Whether `x` lies in the range.
    public func contains(_ x: Double) -> Bool {
        switch self {
        case .any: return x.isFinite
        case .atLeast(let bound): return x >= bound
        case .greaterThan(let bound): return x > bound
        case .closed(let lower, let upper): return lower <= x && x <= upper
        case .halfOpen(let lower, let upper): return lower <= x && x < upper
        case .open(let lower, let upper): return lower < x && x < upper
        }
    }

    /// The range in words, e.g. `greater than 0` or `from 0 to 1`; empty for `.any`.
    public var phrase: String {
        switch self {
        case .any: return ""
        case .atLeast(let bound): return "at least \(bound.plainText)"
        case .greaterThan(let bound): return "greater than \(bound.plainText)"
        case .closed(let lower, let upper): return "from \(lower.plainText) to \(upper.plainText)"
        case .halfOpen(let lower, let upper): return "from \(lower.plainText) up to but not including \(upper.plainText)"
        case .open(let lower, let upper): return "strictly between \(lower.plainText) and \(upper.plainText)"
        }
    }
}
