import Foundation

/// Short number formatting for tick labels and status lines.
///
/// `number(_:)` gives at most 7 characters for any finite value: fixed notation for magnitudes in
/// [0.001, 1e6) with up to 4 significant digits, otherwise exponent notation whose exponent carries its sign
/// and no zero padding (`1e-4`, `2.5e+6`). Trailing zeros are dropped: `0`, `0.5`, `1.25`, `1200`, `-3`.
public enum PlotFormat {
    /// The most characters `number(_:)` uses for a finite value.
    public static let maxWidth = 7

    /// A compact label for `v`: `0`, `0.5`, `1.25`, `1e-4`, `2.5e+6`, `1200`, `-3`, `NaN`, `inf`, `-inf`.
    public static func number(_ v: Double) -> String {
        if let special = nonFinite(v) { return special }
        if v == 0 { return "0" }
        let magnitude = v.magnitude
        if magnitude >= 1e-3 && magnitude < 1e6 {
            for digits in stride(from: 4, through: 1, by: -1) {
                let s = fixed(v, decimals: max(0, digits - 1 - exponent(of: magnitude)))
                if s.count <= maxWidth, let back = Double(s), back.magnitude < 1e6 { return s }
            }
        }
        var best = scientific(v, digits: 1)
        for digits in stride(from: 4, through: 2, by: -1) {
            let s = scientific(v, digits: digits)
            if s.count <= maxWidth { best = s; break }
        }
        return best
    }

    /// A label for an integral quantity such as a step number (`812`), or `number(_:)` for anything else.
    public static func count(_ v: Double) -> String {
        if v.isFinite, v == v.rounded(), v.magnitude < 1e15 { return String(Int(v)) }
        return number(v)
    }

    /// A tick label for `v` on an axis whose ticks have `decimals` decimal places when written in fixed
    /// notation; `scientific` picks exponent notation with as many digits as those decimals imply.
    static func tick(_ v: Double, decimals: Int, scientific useExponent: Bool) -> String {
        if let special = nonFinite(v) { return special }
        if v == 0 { return "0" }
        if !useExponent { return fixed(v, decimals: decimals) }
        let digits = min(15, max(1, exponent(of: v.magnitude) + decimals + 1))
        return scientific(v, digits: digits)
    }

    /// `NaN`, `inf` or `-inf` for non-finite values, nil otherwise.
    private static func nonFinite(_ v: Double) -> String? {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        return nil
    }

    /// The decimal exponent of a positive magnitude: floor(log10(m)).
    static func exponent(of magnitude: Double) -> Int {
        Int(Foundation.log10(magnitude).rounded(.down))
    }

    /// Fixed notation with at most `decimals` decimals, trailing zeros and a bare point dropped, never `-0`.
    private static func fixed(_ v: Double, decimals: Int) -> String {
        let s = trimZeros(String(format: "%.*f", min(decimals, 17), v))
        return s == "-0" ? "0" : s
    }

    /// Exponent notation with `digits` significant digits: mantissa without trailing zeros, exponent as
    /// sign and digits without padding (`1.5e-12`, `2e+6`).
    private static func scientific(_ v: Double, digits: Int) -> String {
        let raw = String(format: "%.*e", max(0, digits - 1), v)
        guard let e = raw.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return raw }
        let mantissa = trimZeros(String(raw[..<e]))
        let power = Int(raw[raw.index(after: e)...]) ?? 0
        return mantissa + "e" + (power < 0 ? "-" : "+") + String(power.magnitude)
    }

    /// Drops trailing zeros after a decimal point, and the point itself when nothing follows it.
    private static func trimZeros(_ s: String) -> String {
        guard s.contains(".") else { return s }
        var t = Substring(s)
        while t.last == "0" { t = t.dropLast() }
        if t.last == "." { t = t.dropLast() }
        return String(t)
    }
}
