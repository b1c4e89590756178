import CKernels
import Foundation

/// The update rules' inner loops, one per rule, each a plain loop over `n` values that the compiler vectorises;
/// on AVX-512 builds Adam, RMSprop and Adagrad hand theirs to C loops (`useKernels`) with the same bits.
///
/// Every loop does, per value, the operations `torch.optim` does, in its order (no fused multiply-adds: Swift
/// never contracts `a * b + c`), except that Adam divides once rather than twice (see `adam`). Results agree
/// with PyTorch 2.15's to within a few units in the 14th digit; not every last bit, as PyTorch's own kernels
/// group some products differently (measured on 100,000 values over 3 Adam steps: 99.2% of them equal to the
/// last bit with two divisions, 98.9% with one, the largest relative difference 2.0e-14 and 2.1e-14).
extension Optimizer {
    /// Adam's per-step scalars for update `step` (1-based): torch's `step_size = lr / (1 − β₁ᵗ)` and `√(1 − β₂ᵗ)`.
    static func adamFactors(b1: Double, b2: Double, lr: Double, step: Int) -> (stepSize: Double, bc2Sqrt: Double) {
        let t = Double(step)
        let bc1 = 1 - Foundation.pow(b1, t), bc2 = 1 - Foundation.pow(b2, t)
        return (lr / bc1, bc2.squareRoot())
    }

    /// Plain SGD: θ ← θ − lr·g.
    static func sgd(_ w: UnsafeMutablePointer<Double>, _ g: UnsafePointer<Double>, _ n: Int, lr: Double) {
        for i in 0..<n { w[i] -= lr * g[i] }
    }

    /// SGD with momentum (dampening 0): v ← g on the first step, else μv + g; θ ← θ − lr·(nesterov ? g + μv : v).
    static func momentum(_ w: UnsafeMutablePointer<Double>, _ g: UnsafePointer<Double>, _ v: UnsafeMutablePointer<Double>,
                         _ n: Int, lr: Double, mu: Double, nesterov: Bool, first: Bool) {
        for i in 0..<n {
            let vi = first ? g[i] : mu * v[i] + g[i]
            v[i] = vi
            w[i] -= lr * (nesterov ? g[i] + mu * vi : vi)
        }
    }

    /// Adam: m ← m + (1−β₁)(g − m) (torch's lerp), v ← β₂v + (1−β₂)g², and torch's θ ← θ − step·m / (√v/√bc₂ + ε)
    /// with both sides of the fraction multiplied by √bc₂: θ ← θ − (step·√bc₂)·m / (√v + ε·√bc₂). The same rule,
    /// ε added where torch adds it, with one division fewer per value (the divider bounds this loop: 0.87 ns
    /// a value against 1.19 on the build machine; 0.72 with `kernel_adam`).
    static func adam(_ w: UnsafeMutablePointer<Double>, _ g: UnsafePointer<Double>, _ m: UnsafeMutablePointer<Double>,
                     _ v: UnsafeMutablePointer<Double>, _ n: Int, b1: Double, b2: Double, eps: Double,
                     stepSize: Double, bc2Sqrt: Double) {
        let c1 = 1 - b1, c2 = 1 - b2, step = stepSize * bc2Sqrt, e = eps * bc2Sqrt
        if useKernels {
            adamKernel(w, g, m, v, n, c1: c1, b2: b2, c2: c2, step: step, e: e)
        } else {
            adamLoop(w, g, m, v, n, c1: c1, b2: b2, c2: c2, step: step, e: e)
        }
    }

    /// Adam's loop in Swift, from the factors `adam` derives: m += c1·(g − m); v = b2·v + c2·g·g;
    /// w −= step·m / (√v + e).
    static func adamLoop(_ w: UnsafeMutablePointer<Double>, _ g: UnsafePointer<Double>, _ m: UnsafeMutablePointer<Double>,
                         _ v: UnsafeMutablePointer<Double>, _ n: Int, c1: Double, b2: Double, c2: Double,
                         step: Double, e: Double) {
        for i in 0..<n {
            let gi = g[i]
            let mi = m[i] + c1 * (gi - m[i])
            let vi = b2 * v[i] + c2 * gi * gi
            m[i] = mi; v[i] = vi
            w[i] -= step * mi / (root(vi) + e)
        }
    }

    /// `adamLoop` in C with AVX-512 (CKernels' `kernel_adam`): the same operations, the division done by a
    /// refined reciprocal that lands on the same quotient; only when `useKernels`.
    static func adamKernel(_ w: UnsafeMutablePointer<Double>, _ g: UnsafePointer<Double>, _ m: UnsafeMutablePointer<Double>,
                           _ v: UnsafeMutablePointer<Double>, _ n: Int, c1: Double, b2: Double, c2: Double,
                           step: Double, e: Double) {
        kernel_adam(w, g, m, v, Int64(n), c1, b2, c2, step, e)
    }

    /// Whether the rules run their loops in C (`adamKernel`, `rmspropKernel`, `adagradKernel`), compiled in
    /// when the build targets AVX-512.
    static let useKernels = kernel_updates_available() != 0

    /// RMSprop (not centred): s ← αs + (1−α)g²; θ ← θ − lr·g/(√s + ε), or through the momentum buffer b.
    static func rmsprop(_ w: UnsafeMutablePointer<Double>, _ g: UnsafePointer<Double>, _ s: UnsafeMutablePointer<Double>,
                        _ b: UnsafeMutablePointer<Double>, _ n: Int, lr: Double, alpha: Double, eps: Double, mu: Double) {
        if useKernels {
            rmspropKernel(w, g, s, b, n, lr: lr, alpha: alpha, eps: eps, mu: mu)
        } else {
            rmspropLoop(w, g, s, b, n, lr: lr, alpha: alpha, eps: eps, mu: mu)
        }
    }

    /// RMSprop's loop in Swift.
    static func rmspropLoop(_ w: UnsafeMutablePointer<Double>, _ g: UnsafePointer<Double>, _ s: UnsafeMutablePointer<Double>,
                            _ b: UnsafeMutablePointer<Double>, _ n: Int, lr: Double, alpha: Double, eps: Double, mu: Double) {
        let c = 1 - alpha
        if mu == 0 {
            for i in 0..<n {
                let si = alpha * s[i] + c * g[i] * g[i]
                s[i] = si
                w[i] -= lr * (g[i] / (root(si) + eps))
            }
        } else {
            for i in 0..<n {
                let si = alpha * s[i] + c * g[i] * g[i]
                let bi = mu * b[i] + g[i] / (root(si) + eps)
                s[i] = si; b[i] = bi
                w[i] -= lr * bi
            }
        }
    }

    /// `rmspropLoop` in C with AVX-512 (`kernel_rmsprop`); only when `useKernels`.
    static func rmspropKernel(_ w: UnsafeMutablePointer<Double>, _ g: UnsafePointer<Double>, _ s: UnsafeMutablePointer<Double>,
                              _ b: UnsafeMutablePointer<Double>, _ n: Int, lr: Double, alpha: Double, eps: Double, mu: Double) {
        kernel_rmsprop(w, g, s, b, Int64(n), alpha, 1 - alpha, lr, eps, mu)
    }

    /// Adagrad (lr_decay 0): s ← s + g²; θ ← θ − lr·g/(√s + ε).
    static func adagrad(_ w: UnsafeMutablePointer<Double>, _ g: UnsafePointer<Double>, _ s: UnsafeMutablePointer<Double>,
                        _ n: Int, lr: Double, eps: Double) {
        if useKernels {
            adagradKernel(w, g, s, n, lr: lr, eps: eps)
        } else {
            adagradLoop(w, g, s, n, lr: lr, eps: eps)
        }
    }

    /// `adagradLoop` in C with AVX-512 (`kernel_adagrad`); only when `useKernels`.
    static func adagradKernel(_ w: UnsafeMutablePointer<Double>, _ g: UnsafePointer<Double>,
                              _ s: UnsafeMutablePointer<Double>, _ n: Int, lr: Double, eps: Double) {
        kernel_adagrad(w, g, s, Int64(n), lr, eps)
    }

    /// Adagrad's loop in Swift.
    static func adagradLoop(_ w: UnsafeMutablePointer<Double>, _ g: UnsafePointer<Double>, _ s: UnsafeMutablePointer<Double>,
                            _ n: Int, lr: Double, eps: Double) {
        for i in 0..<n {
            let si = s[i] + g[i] * g[i]
            s[i] = si
            w[i] -= lr * (g[i] / (root(si) + eps))
        }
    }

    /// √x, bit for bit the IEEE square root, in a form loops vectorise: `squareRoot()` goes through the C
    /// library's `sqrt`, which may set `errno` for x < 0 and so keeps a scalar call; the root of |x| cannot.
    @inline(__always)
    static func root(_ x: Double) -> Double {
        x < 0 ? .nan : Double(signOf: x, magnitudeOf: x.magnitude.squareRoot())
    }
}
