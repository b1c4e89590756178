import Foundation

/// How a parameter's first values are drawn; fans follow PyTorch (fan_in = rows of W, fan_out = columns).
public enum Initializer: Equatable, Sendable, CustomStringConvertible {
    case glorotUniform, glorotNormal, heUniform, heNormal
    case uniform(Double, Double)
    case normal(mean: Double, std: Double)
    case zeros
    case constant(Double)

    /// Names accepted by the language (`xavier` is a synonym of `glorot`, `kaiming` of `he`).
    public static let names = ["glorot", "glorot_uniform", "glorot_normal", "xavier", "xavier_uniform", "xavier_normal",
                               "he", "he_uniform", "he_normal", "kaiming", "kaiming_uniform", "kaiming_normal",
                               "uniform", "normal", "zeros", "constant"]

    /// The initializer called `name`; `a`, `b` are its numeric arguments where it takes them.
    public static func named(_ name: String, _ a: Double? = nil, _ b: Double? = nil) -> Initializer? {
        switch name.lowercased() {
        case "glorot", "glorot_uniform", "xavier", "xavier_uniform": return .glorotUniform
        case "glorot_normal", "xavier_normal": return .glorotNormal
        case "he", "he_uniform", "kaiming", "kaiming_uniform": return .heUniform
        case "he_normal", "kaiming_normal": return .heNormal
        case "uniform": return .uniform(a ?? -0.05, b ?? 0.05)
        case "normal": return .normal(mean: a ?? 0, std: b ?? 0.05)
        case "zeros": return .zeros
        case "constant": return .constant(a ?? 0)
        default: return nil
        }
    }

    /// The default for a layer with `activation`: He for the ReLU family, Glorot otherwise.
    public static func defaultFor(_ activation: Activation) -> Initializer {
        switch activation {
        case .relu, .leakyRelu, .elu, .gelu: return .heUniform
        default: return .glorotUniform
        }
    }

    public var description: String {
        switch self {
        case .glorotUniform: return "glorot_uniform"
        case .glorotNormal: return "glorot_normal"
        case .heUniform: return "he_uniform"
        case .heNormal: return "he_normal"
        case let .uniform(a, b): return "uniform(\(Format.short(a)), \(Format.short(b)))"
        case let .normal(m, s): return "normal(\(Format.short(m)), \(Format.short(s)))"
        case .zeros: return "zeros"
        case .constant(let c): return "constant(\(Format.short(c)))"
        }
    }

    /// Fills `count` values at `p` for a parameter with the given fans, drawing from `rng`.
    func fill(_ p: UnsafeMutablePointer<Double>, count: Int, fanIn: Int, fanOut: Int, rng: inout RNG) {
        let fi = Double(max(fanIn, 1)), fo = Double(max(fanOut, 1))
        switch self {
        case .glorotUniform:
            let a = (6 / (fi + fo)).squareRoot()
            for i in 0..<count { p[i] = rng.uniform(-a, a) }
        case .glorotNormal:
            let s = (2 / (fi + fo)).squareRoot()
            for i in 0..<count { p[i] = s * rng.normal() }
        case .heUniform:
            let a = (6 / fi).squareRoot()
            for i in 0..<count { p[i] = rng.uniform(-a, a) }
        case .heNormal:
            let s = (2 / fi).squareRoot()
            for i in 0..<count { p[i] = s * rng.normal() }
        case let .uniform(a, b):
            for i in 0..<count { p[i] = rng.uniform(a, b) }
        case let .normal(m, s):
            for i in 0..<count { p[i] = m + s * rng.normal() }
        case .zeros:
            p.update(repeating: 0, count: count)
        case .constant(let c):
            p.update(repeating: c, count: count)
        }
    }
}
