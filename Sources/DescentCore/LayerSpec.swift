/// One layer of a sequential model as the user declared it.
public enum LayerSpec: Equatable, Sendable, CustomStringConvertible {
    /// Z = X·W + b (b optional), then A = activation(Z).
    case dense(units: Int, activation: Activation, bias: Bool, initializer: Initializer?)
    /// Inverted dropout with drop probability p; identity in evaluation.
    case dropout(p: Double)

    public var description: String {
        switch self {
        case let .dense(u, act, bias, ini):
            var s = "dense \(u) \(act)"
            if !bias { s += " bias=false" }
            if let ini { s += " init=\(ini)" }
            return s
        case .dropout(let p): return "dropout \(Format.short(p))"
        }
    }
}
