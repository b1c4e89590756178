/// A penalty on weight matrices (never biases), reported apart from the data loss.
public struct Regularizer: Equatable, Sendable, CustomStringConvertible {
    /// λ₁ of the L1 term λ₁·Σ|w|.
    public var l1: Double
    /// λ₂ of the L2 term λ₂·Σw².
    public var l2: Double

    public init(l1: Double = 0, l2: Double = 0) { self.l1 = l1; self.l2 = l2 }

    public static let none = Regularizer()

    public var isNone: Bool { l1 == 0 && l2 == 0 }

    public var description: String {
        switch (l1 != 0, l2 != 0) {
        case (false, false): return "none"
        case (true, false): return "l1 \(Format.short(l1))"
        case (false, true): return "l2 \(Format.short(l2))"
        case (true, true): return "elastic l1=\(Format.short(l1)) l2=\(Format.short(l2))"
        }
    }

    /// The penalty's formula for the backprop view.
    public var formula: String {
        var parts: [String] = []
        if l1 != 0 { parts.append("\(Format.short(l1))·Σ|w|") }
        if l2 != 0 { parts.append("\(Format.short(l2))·Σw²") }
        return parts.isEmpty ? "0" : parts.joined(separator: " + ")
    }

    /// The penalty of `count` weights at `w`.
    func value(_ w: UnsafePointer<Double>, count: Int) -> Double {
        var a = 0.0, q = 0.0
        for i in 0..<count { a += abs(w[i]); q += w[i] * w[i] }
        return l1 * a + l2 * q
    }

    /// dW += scale · d(penalty)/dW, with the L1 subgradient 0 at w = 0.
    func gradient(_ w: UnsafePointer<Double>, count: Int, scale: Double, into dw: UnsafeMutablePointer<Double>) {
        let a = l1 * scale, b = 2 * l2 * scale
        for i in 0..<count {
            let x = w[i]
            dw[i] += b * x + (x > 0 ? a : (x < 0 ? -a : 0))
        }
    }
}
