import DescentCore
import DescentText
import Foundation

/// Sums and products written out for a hand check: the printed terms add up to the printed total.
extension Explain {
    /// Significant digits of a written total (and the fewest its factors get).
    static let totalDigits = 6
    /// Significant digits of the gradient on `explain`'s last line.
    static let fullDigits = 10
    /// The most significant digits a factor gets while looking for ones whose products add up to the total.
    static let maxFactorDigits = 12

    /// `x` as maths writes it, with `digits` significant digits and the minus sign "−" (`−0.135745`; an exponent
    /// keeps its `e-05`); −0 reads 0, as in a printed tensor (`Tensor.number`).
    static func math(_ x: Double, _ digits: Int) -> String {
        let s = Tensor.number(x, digits: digits)
        return s.hasPrefix("-") ? "−" + s.dropFirst() : s
    }

    /// The terms `terms` (each a product of its factors: `[x, d]` for x·d, `[d]` for d alone) written as a sum
    /// equal to `total`, such as `1·(−0.135745) − 1·0.0100462 + 0·(−0.0984405) = −0.145791`: a negative factor
    /// after the first in brackets, a term whose first factor is negative subtracted. When every term is shown, the
    /// factors get the fewest significant digits, from `totalDigits`, at which the products of the factors as printed
    /// add up to the total as printed (at `totalDigits`); when `more` says what was left out, it closes the terms and
    /// the factors get `totalDigits`.
    static func sum(_ terms: [[Double]], total: Double, more: String? = nil) -> String {
        var digits = totalDigits
        if more == nil {
            while digits < maxFactorDigits && !addsUp(terms, digits: digits, to: total) { digits += 1 }
        }
        var text = ""
        for (k, factors) in terms.enumerated() {
            guard let first = factors.first else { continue }
            let rest = factors.dropFirst().map { $0 < 0 ? "(\(math($0, digits)))" : math($0, digits) }
            if k == 0 {
                text = ([math(first, digits)] + rest).joined(separator: "·")
            } else {
                text += (first < 0 ? " − " : " + ") + ([math(abs(first), digits)] + rest).joined(separator: "·")
            }
        }
        if let more { text += " + " + more }
        // Terms that cancel add up, as printed, to 0 only within their last digits; a computed total that is rounding
        // beside them (1e-17) is written 0, saying what was computed: no digits of the terms could add up to it by hand.
        if more == nil && (total == 0 || cancels(terms, total)) {
            let toDigits = printedSum(terms, digits: digits) == 0 ? "" : ", to the digits shown"
            let computed = total == 0 ? "" : ": the computed \(math(total, totalDigits)) is rounding"
            if !toDigits.isEmpty || !computed.isEmpty { return text + " = 0 (the terms cancel\(toDigits)\(computed))" }
        }
        return text + " = " + math(total, totalDigits)
    }

    /// The sum of `terms`' products with each factor rounded to `digits` significant digits, as a hand sum gives it.
    static func printedSum(_ terms: [[Double]], digits: Int) -> Double {
        terms.reduce(0) { $0 + $1.map { Double(Format.sig($0, digits)) ?? .nan }.reduce(1, *) }
    }

    /// Whether `total` is within the rounding of adding `terms` (64·ε·Σ|term|): the exact sum cancels to about 0.
    static func cancels(_ terms: [[Double]], _ total: Double) -> Bool {
        abs(total) <= 64 * Double.ulpOfOne * terms.reduce(0) { $0 + abs($1.reduce(1, *)) }
    }

    /// Whether the products of `terms`' factors, each rounded to `digits` significant digits, add up to `total` at
    /// `totalDigits`; for a total of 0 (or one that `cancels`), whether their sum is within the rounding of the digits
    /// shown (half a unit of each factor's last digit, carried through its product).
    static func addsUp(_ terms: [[Double]], digits: Int, to total: Double) -> Bool {
        let sum = printedSum(terms, digits: digits), halfUnit = 0.5 * Foundation.pow(10, Double(1 - digits))
        let slack = terms.reduce(0) { $0 + abs($1.reduce(1, *)) * Double($1.count) * halfUnit }
        if total == 0 || cancels(terms, total) { return abs(sum) <= slack }
        return Format.sig(sum, totalDigits) == Format.sig(total, totalDigits)
    }
}
