/// Gradient norms that do not overflow.
extension Parameter {
    /// ‖grad‖ of this parameter (`gradientNorm(of:)`).
    public var gradientNorm: Double { Parameter.gradientNorm(of: [self]) }

    /// The Euclidean norm of the gradients of `parameters` together: √Σg², or, when Σg² overflows though every entry
    /// is finite (entries past 1e154), m·√Σ(g/m)² with m the largest |g|, as LAPACK's dnrm2 scales. NaN when an entry
    /// is NaN; infinity only when an entry is infinite.
    public static func gradientNorm(of parameters: [Parameter]) -> Double {
        var s = 0.0
        for p in parameters { let g = p.grad.pointer; for i in 0..<p.count { s += g[i] * g[i] } }
        guard s == .infinity else { return s.squareRoot() }
        var m = 0.0
        for p in parameters { let g = p.grad.pointer; for i in 0..<p.count { m = Swift.max(m, Swift.abs(g[i])) } }
        guard m.isFinite else { return m }
        var t = 0.0
        for p in parameters { let g = p.grad.pointer; for i in 0..<p.count { let x = g[i] / m; t += x * x } }
        return m * t.squareRoot()
    }
}
