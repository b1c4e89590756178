/// An update rule with its hyperparameters, as `torch.optim` defines it (same defaults).
public enum OptimizerKind: Equatable, Sendable {
    /// `torch.optim.SGD` (dampening 0).
    case sgd(momentum: Double, nesterov: Bool)
    /// `torch.optim.Adam`.
    case adam(beta1: Double, beta2: Double, eps: Double)
    /// `torch.optim.RMSprop` (not centered).
    case rmsprop(alpha: Double, eps: Double, momentum: Double)
    /// `torch.optim.Adagrad` (lr_decay 0, initial accumulator 0).
    case adagrad(eps: Double)

    public static let names = ["sgd", "adam", "rmsprop", "adagrad"]

    /// PyTorch's default learning rate for this rule.
    public var defaultLearningRate: Double {
        switch self { case .sgd: return 1e-3; case .adam: return 1e-3; case .rmsprop: return 1e-2; case .adagrad: return 1e-2 }
    }

    public var name: String {
        switch self { case .sgd: return "sgd"; case .adam: return "adam"; case .rmsprop: return "rmsprop"; case .adagrad: return "adagrad" }
    }

    /// The rule as a person writes it, the learning rate as `lr` (α is rmsprop's smoothing constant, as PyTorch's `alpha=`).
    public var rule: String {
        switch self {
        case let .sgd(m, nesterov):
            if m == 0 { return "θ ← θ − lr·g" }
            return nesterov ? "v ← μv + g;  θ ← θ − lr·(g + μv)" : "v ← μv + g;  θ ← θ − lr·v"
        case .adam:
            return "m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  θ ← θ − lr·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε)"
        case let .rmsprop(_, _, m):
            return m == 0 ? "v ← αv + (1−α)g²;  θ ← θ − lr·g/(√v + ε)"
                          : "v ← αv + (1−α)g²;  b ← μb + g/(√v + ε);  θ ← θ − lr·b"
        case .adagrad:
            return "s ← s + g²;  θ ← θ − lr·g/(√s + ε)"
        }
    }

    /// The constants `rule` uses besides lr, each by its option's name and its symbol in the rule, with its value:
    /// `momentum μ=0.9 nesterov`, `beta1 β₁=0.9 beta2 β₂=0.999 eps ε=1e-08`; "" for plain SGD.
    public var constants: String {
        switch self {
        case let .sgd(m, nesterov): return m == 0 ? "" : "momentum μ=\(Format.rate(m))" + (nesterov ? " nesterov" : "")
        case let .adam(b1, b2, e): return "beta1 β₁=\(Format.rate(b1)) beta2 β₂=\(Format.rate(b2)) eps ε=\(Format.rate(e))"
        case let .rmsprop(a, e, m): return "alpha α=\(Format.rate(a)) eps ε=\(Format.rate(e))" + (m == 0 ? "" : " momentum μ=\(Format.rate(m))")
        case let .adagrad(e): return "eps ε=\(Format.rate(e))"
        }
    }
}
