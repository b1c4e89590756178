/// Portable `log`, `sin` and `cos` (for Box–Muller and the data generators), written with basic IEEE-754 arithmetic only so that every
/// machine computes the same bits (libm implementations differ in their last bit).
extension RNG {
    /// ln 2 rounded to a double.
    private static let ln2 = 0.693_147_180_559_945_3

    /// Natural logarithm of a positive finite `x` (error within a few units in the last place).
    ///
    /// `x = m·2^e` with `m` in [√½, √2); `ln m = 2·atanh(s)`, `s = (m-1)/(m+1)`, summed as the odd series
    /// `2s(1 + s²/3 + s⁴/5 + … + s²²/23)`, whose first omitted term is below 2^-56 since |s| ≤ 0.172.
    static func log(_ x: Double) -> Double {
        var e = Double(x.exponent)
        var m = x.significand
        if m > 1.414_213_562_373_095_1 { m /= 2; e += 1 }
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        var p = 1.0 / 23
        var k = 21.0
        while k >= 1 {
            p = p * s2 + 1 / k
            k -= 2
        }
        return e * ln2 + 2 * s * p
    }

    /// `sin(2π·u)` and `cos(2π·u)`: `u` is reduced in quarter turns exactly, then Taylor series run on [-π/4, π/4].
    static func sinCos(turns u: Double) -> (sin: Double, cos: Double) {
        guard u.isFinite else { return (.nan, .nan) }
        let v = 4 * u
        let q = v.rounded()
        let theta = (v - q) * (Double.pi / 2)
        let t = theta * theta
        // Nested Taylor forms: cos θ = 1 - t/(1·2)(1 - t/(3·4)(…)), sin θ = θ(1 - t/(2·3)(1 - t/(4·5)(…))).
        var c = 1.0, s = 1.0
        var k = 9.0
        while k >= 1 {
            c = 1 - t * c / ((2 * k - 1) * (2 * k))
            s = 1 - t * s / ((2 * k) * (2 * k + 1))
            k -= 1
        }
        s *= theta
        // The angle is q quarter turns plus θ.
        switch Int(q.truncatingRemainder(dividingBy: 4) + 4) % 4 {
        case 0: return (s, c)
        case 1: return (c, -s)
        case 2: return (-s, -c)
        default: return (-c, s)
        }
    }
}
