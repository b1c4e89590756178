import Foundation

/// Number formatting shared by the core's descriptions and printers.
public enum Format {
    /// A short form of `x`: whole numbers without a fraction, others with 4 significant digits (`%.4g`).
    public static func short(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        if x == x.rounded() && abs(x) < 1e9 { return String(Int(x)) }
        return String(format: "%.4g", x)
    }

    /// A learning rate (or an optimizer's constant) for a person: as it was typed when it has at most 12 significant
    /// digits (`0.12345`, `1e-05`, `2`), else, as a schedule computes one (`0.09999999999999998`), to `digits`
    /// significant digits as `short` writes numbers (`0.1`). Saved sessions and `export history` keep every digit.
    public static func rate(_ x: Double, digits: Int = 4) -> String {
        guard x.isFinite else { return short(x) }
        if x == x.rounded() && abs(x) < 1e9 { return String(Int(x)) }
        for d in 1...typedDigits {
            let s = sig(x, d)
            if Double(s) == x { return s }
        }
        return sig(x, digits)
    }

    /// The most significant digits `rate` takes a number to have been typed with.
    static let typedDigits = 12

    /// `rates` as `rate` writes each, with more digits where two neighbours that differ would read the same (a cosine's
    /// rates a step apart): the fewest, from 4, at which every pair of different neighbours reads apart.
    public static func rates(_ rates: [Double]) -> [String] {
        var digits = 4, texts = rates.map { rate($0, digits: digits) }
        func collide(_ t: [String]) -> Bool { t.indices.dropFirst().contains { t[$0] == t[$0 - 1] && rates[$0] != rates[$0 - 1] } }
        while digits < 17 && collide(texts) {
            digits += 1
            texts = rates.map { rate($0, digits: digits) }
        }
        return texts
    }

    /// `count` and the noun, singular for 1: "1 feature", "3 features", "2 entries" (with `plural`).
    public static func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }

    /// `count` with its digits in groups of three, `401,408` (as `1,797` rows are written in messages).
    public static func grouped(_ count: Int) -> String {
        let digits = String(count.magnitude)
        var out = ""
        for (k, ch) in digits.enumerated() {
            if k > 0 && (digits.count - k) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (count < 0 ? "-" : "") + out
    }

    /// `W1[0,2]`: the entry of parameter `name` at `index` (just `name` for an empty index).
    public static func entry(_ name: String, _ index: [Int]) -> String {
        index.isEmpty ? name : name + "[" + index.map(String.init).joined(separator: ",") + "]"
    }

    /// `x` with `digits` significant digits (`%.Ng`), for tables.
    public static func sig(_ x: Double, _ digits: Int = 6) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        return String(format: "%.\(digits)g", x)
    }

    /// The length of `sig(x, digits)` (its characters are ASCII), found by the C library's `%.*g` without making the
    /// text: a table's columns are measured over a million rows in a fraction of the time.
    public static func sigWidth(_ x: Double, _ digits: Int = 6) -> Int {
        if x.isNaN { return 3 }
        if x.isInfinite { return x > 0 ? 3 : 4 }
        return Int(withVaList([Int32(digits), x]) { vsnprintf(nil, 0, "%.*g", $0) })
    }
}
