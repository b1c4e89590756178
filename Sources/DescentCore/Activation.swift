import Foundation

/// An element-wise (or, for softmax, row-wise) nonlinearity, forward and derivative side by side.
public enum Activation: Equatable, Sendable, CustomStringConvertible {
    case linear, relu, tanh, sigmoid, softplus, gelu, softmax
    case leakyRelu(slope: Double)
    case elu(alpha: Double)

    /// Names accepted by the language, in the order help lists them.
    public static let names = ["linear", "relu", "leaky_relu", "elu", "tanh", "sigmoid", "softplus", "gelu", "softmax"]

    /// The activation called `name`, with its default parameter.
    public static func named(_ name: String, parameter: Double? = nil) -> Activation? {
        switch name.lowercased() {
        case "linear", "identity", "none": return .linear
        case "relu": return .relu
        case "leaky_relu", "leakyrelu": return .leakyRelu(slope: parameter ?? 0.01)
        case "elu": return .elu(alpha: parameter ?? 1)
        case "tanh": return .tanh
        case "sigmoid": return .sigmoid
        case "softplus": return .softplus
        case "gelu": return .gelu
        case "softmax": return .softmax
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .linear: return "linear"
        case .relu: return "relu"
        case .tanh: return "tanh"
        case .sigmoid: return "sigmoid"
        case .softplus: return "softplus"
        case .gelu: return "gelu"
        case .softmax: return "softmax"
        case .leakyRelu(let s): return s == 0.01 ? "leaky_relu" : "leaky_relu(\(s))"
        case .elu(let a): return a == 1 ? "elu" : "elu(\(a))"
        }
    }

    /// The local derivative as a person would write it, naming the input `z` and the output `a` (`Z1`, `A1`; by
    /// default `z` and `A`): f'(z)
    /// for the element-wise ones; for softmax, which mixes the entries of a row, ∂aᵢ/∂zⱼ within a row.
    public func derivativeFormula(input z: String = "z", output a: String = "A") -> String {
        switch self {
        case .linear: return "f'(\(z)) = 1"
        case .relu: return "f'(\(z)) = 1 where \(z) > 0, else 0"
        case .tanh: return "f'(\(z)) = 1 − tanh²(\(z)) = 1 − \(a)²"
        case .sigmoid: return "f'(\(z)) = σ(\(z))(1 − σ(\(z))) = \(a)(1 − \(a))"
        case .softplus: return "f'(\(z)) = σ(\(z))"
        case .gelu:
            return "f'(\(z)) = ½(1 + tanh u) + ½·\(z)·(1 − tanh²u)·√(2/π)·(1 + 0.134145·\(z)²), u = √(2/π)·(\(z) + 0.044715·\(z)³)"
        case .softmax: return "∂\(a)ᵢ/∂\(z)ⱼ = \(a)ᵢ(δᵢⱼ − \(a)ⱼ) within a row"
        case .leakyRelu(let s): return "f'(\(z)) = 1 where \(z) > 0, else \(Format.short(s))"
        case .elu(let al): return "f'(\(z)) = 1 where \(z) > 0, else \(Format.short(al))·e^\(z)"
        }
    }

    /// A = f(Z) over `rows`×`cols` values.
    func forward(_ z: UnsafePointer<Double>, _ a: UnsafeMutablePointer<Double>, rows: Int, cols: Int) {
        let n = rows * cols
        switch self {
        case .linear: a.update(from: z, count: n)
        case .relu: for i in 0..<n { a[i] = z[i] > 0 ? z[i] : 0 }
        case .leakyRelu(let s): for i in 0..<n { a[i] = z[i] > 0 ? z[i] : s * z[i] }
        case .elu(let al): for i in 0..<n { a[i] = z[i] > 0 ? z[i] : al * Foundation.expm1(z[i]) }
        case .tanh: for i in 0..<n { a[i] = Activation.tanhValue(z[i]) }
        case .sigmoid: for i in 0..<n { a[i] = Activation.sigmoid(z[i]) }
        case .softplus: for i in 0..<n { a[i] = Activation.softplus(z[i]) }
        case .gelu:
            for i in 0..<n {
                let x = z[i]
                a[i] = 0.5 * x * (1 + Foundation.tanh(Activation.geluC * (x + 0.044715 * x * x * x)))
            }
        case .softmax:
            for r in 0..<rows {
                let ar = a + r * cols
                let s = Activation.shiftedExponentials(z + r * cols, into: ar, cols: cols).sum
                for j in 0..<cols { ar[j] /= s }
            }
        }
    }

    /// dZ += f'(Z) ⊙ dA (for softmax, the row-wise Jacobian-vector product), given Z and A = f(Z); with
    /// `replacing`, dZ = f'(Z) ⊙ dA, whatever dZ held.
    func backward(z: UnsafePointer<Double>, a: UnsafePointer<Double>, da: UnsafePointer<Double>,
                  dz: UnsafeMutablePointer<Double>, rows: Int, cols: Int, replacing: Bool = false) {
        let n = rows * cols
        /// dz[i] = v, or dz[i] + v.
        @inline(__always) func put(_ i: Int, _ v: Double) { dz[i] = replacing ? v : dz[i] + v }
        switch self {
        case .linear: for i in 0..<n { put(i, da[i]) }
        case .relu: for i in 0..<n { put(i, z[i] > 0 ? da[i] : 0) }
        case .leakyRelu(let s): for i in 0..<n { put(i, z[i] > 0 ? da[i] : s * da[i]) }
        case .elu(let al): for i in 0..<n { put(i, z[i] > 0 ? da[i] : al * Foundation.exp(z[i]) * da[i]) }
        case .tanh: for i in 0..<n { put(i, (1 - a[i] * a[i]) * da[i]) }
        case .sigmoid: for i in 0..<n { put(i, a[i] * (1 - a[i]) * da[i]) }
        case .softplus: for i in 0..<n { put(i, (z[i] > 20 ? 1 : Activation.sigmoid(z[i])) * da[i]) }
        case .gelu:
            for i in 0..<n {
                let x = z[i]
                let u = Activation.geluC * (x + 0.044715 * x * x * x)
                let t = Foundation.tanh(u)
                let du = Activation.geluC * (1 + 3 * 0.044715 * x * x)
                let s = 1 - t * t   // 0 once |u| is large: then skip x·du, which can overflow to inf (0·inf = NaN)
                put(i, (0.5 * (1 + t) + (s == 0 ? 0 : 0.5 * x * s * du)) * da[i])
            }
        case .softmax:
            for r in 0..<rows {
                let ar = a + r * cols, dar = da + r * cols, at = r * cols
                var dot = 0.0
                for j in 0..<cols { dot += dar[j] * ar[j] }
                for j in 0..<cols { put(at + j, ar[j] * (dar[j] - dot)) }
            }
        }
    }

    static let geluC = (2.0 / Double.pi).squareRoot()

    /// For a row of `cols` logits, the largest logit m and the sum of the e^(zⱼ − m), added in order
    /// (softmax's denominator); each e^(zⱼ − m) (its numerators) is also written into `out` when given.
    @inline(__always)
    static func shiftedExponentials(_ zr: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>?,
                                    cols: Int) -> (max: Double, sum: Double) {
        var m = -Double.infinity
        for j in 0..<cols where zr[j] > m { m = zr[j] }
        var s = 0.0
        for j in 0..<cols {
            let e = Foundation.exp(zr[j] - m)
            if let out { out[j] = e }
            s += e
        }
        return (m, s)
    }

    /// σ(x) computed without overflow for large |x|.
    static func sigmoid(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + Foundation.exp(-x)) }
        let e = Foundation.exp(x)
        return e / (1 + e)
    }

    /// log(1 + eˣ), as PyTorch's Softplus (beta 1): x itself above the threshold 20.
    static func softplus(_ x: Double) -> Double {
        x > 20 ? x : Foundation.log1p(Foundation.exp(x))
    }
}
