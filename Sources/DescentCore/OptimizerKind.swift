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

    /// One number of a rule besides lr: its option's name, its symbol in `rule`, its value here and PyTorch's default.
    public struct Setting: Equatable, Sendable {
        public let name: String, symbol: String, value: Double, standard: Double

        /// Whether a description of the rule names it: always when PyTorch's default is not 0 (Adam's betas and eps),
        /// else when it is not 0 (a momentum).
        public var isStated: Bool { standard != 0 || value != 0 }
    }

    /// PyTorch's defaults of each rule's numbers besides lr, by name, in the order of `settings`: the one table
    /// `standard(_:)` and `settings` read them from.
    static let defaults: [String: [Double]] = ["sgd": [0], "adam": [0.9, 0.999, 1e-8], "rmsprop": [0.99, 1e-8, 0], "adagrad": [1e-10]]

    /// The rule with PyTorch's defaults, by name (`names`); nil for another name.
    public static func standard(_ name: String) -> OptimizerKind? {
        guard let d = defaults[name.lowercased()] else { return nil }
        switch name.lowercased() {
        case "sgd": return .sgd(momentum: d[0], nesterov: false)
        case "adam": return .adam(beta1: d[0], beta2: d[1], eps: d[2])
        case "rmsprop": return .rmsprop(alpha: d[0], eps: d[1], momentum: d[2])
        default: return .adagrad(eps: d[0])
        }
    }

    /// The rule's numbers besides lr, in the order its command writes them (SGD's `nesterov` is a flag, apart); the one
    /// table the command's options, its defaults and every description of the rule read.
    public var settings: [Setting] {
        func s(_ name: String, _ symbol: String, _ value: Double, _ standard: Double) -> Setting {
            Setting(name: name, symbol: symbol, value: value, standard: standard)
        }
        let d = Self.defaults[name] ?? []
        switch self {
        case let .sgd(m, _): return [s("momentum", "μ", m, d[0])]
        case let .adam(b1, b2, e): return [s("beta1", "β₁", b1, d[0]), s("beta2", "β₂", b2, d[1]), s("eps", "ε", e, d[2])]
        case let .rmsprop(a, e, m): return [s("alpha", "α", a, d[0]), s("eps", "ε", e, d[1]), s("momentum", "μ", m, d[2])]
        case let .adagrad(e): return [s("eps", "ε", e, d[0])]
        }
    }

    /// Whether the rule is SGD with Nesterov momentum.
    public var isNesterov: Bool { if case .sgd(_, true) = self { return true } else { return false } }

    /// The constants `rule` uses besides lr, each by its option's name and its symbol in the rule, with its value:
    /// `momentum μ=0.9 nesterov`, `beta1 β₁=0.9 beta2 β₂=0.999 eps ε=1e-08`; "" for plain SGD.
    public var constants: String {
        let stated = settings.filter(\.isStated).map { "\($0.name) \($0.symbol)=\(Format.rate($0.value))" }
        return (stated + (isNesterov ? ["nesterov"] : [])).joined(separator: " ")
    }
}
