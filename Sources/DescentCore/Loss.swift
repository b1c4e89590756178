import Foundation

/// A data loss with mean reduction, defined as PyTorch's; forward and gradient side by side.
public enum Loss: Equatable, Sendable, CustomStringConvertible {
    /// `MSELoss`: mean((ŷ − y)²).
    case mse
    /// `L1Loss`: mean(|ŷ − y|).
    case mae
    /// `HuberLoss(delta)`: ½d² where |d| ≤ δ, else δ(|d| − ½δ).
    case huber(delta: Double)
    /// `BCEWithLogitsLoss` on the logits of a sigmoid output.
    case bce
    /// `CrossEntropyLoss`: log-softmax + NLL on logits; targets are class ids.
    case ce
    /// mean(max(0, 1 − t·ŷ)) with targets 0/1 mapped to −1/+1.
    case hinge

    /// Names accepted by the language.
    public static let names = ["mse", "mae", "huber", "bce", "ce", "hinge"]

    public var description: String {
        switch self {
        case .huber(let d): return d == 1 ? "huber" : "huber(delta=\(d))"
        case .mse: return "mse"
        case .mae: return "mae"
        case .bce: return "bce"
        case .ce: return "ce"
        case .hinge: return "hinge"
        }
    }

    /// True when the targets are class ids rather than values.
    public var isClassification: Bool {
        switch self { case .bce, .ce, .hinge: return true; default: return false }
    }

    /// The output activation whose logits this loss reads directly (fused for stability), if any.
    public var fusedActivation: Activation? {
        switch self { case .bce: return .sigmoid; case .ce: return .softmax; default: return nil }
    }

    /// The formula, for the backprop view: its `definition`, then what its symbols are (`, t = 2y − 1`).
    public var formula: String { definition + (symbols.map { ", " + $0 } ?? "") }

    /// The formula alone, which a loss's value can follow: `loss = mean(max(0, 1 − t·ŷ))`.
    public var definition: String {
        switch self {
        case .mse: return "loss = mean((ŷ − y)²)"
        case .mae: return "loss = mean(|ŷ − y|)"
        case .huber(let d):
            let (δ, half) = (Format.rate(d), Format.rate(d / 2))
            return "loss = mean(½(ŷ−y)² if |ŷ−y| ≤ \(δ) else \(δ)·(|ŷ−y| − \(half)))"
        case .bce: return "loss = mean(−y·log σ(z) − (1−y)·log(1−σ(z)))"
        case .ce: return "loss = mean(−log softmax(z)[y])"
        case .hinge: return "loss = mean(max(0, 1 − t·ŷ))"
        }
    }

    /// What the formula's symbols other than ŷ and y are (`from the logits z`, `t = 2y − 1`); nil when it has none.
    public var symbols: String? {
        switch self {
        case .bce, .ce: return "from the logits z"
        case .hinge: return "t = 2y − 1"
        default: return nil
        }
    }

    /// The gradient rule's right side, for the backprop view: `2(ŷ − y)/N`.
    public var gradientRule: String {
        switch self {
        case .mse: return "2(ŷ − y)/N"
        case .mae: return "sign(ŷ − y)/N"
        case .huber(let d): return "clamp(ŷ − y, −\(Format.rate(d)), \(Format.rate(d)))/N"
        case .bce: return "(σ(z) − y)/N"
        case .ce: return "(softmax(z) − onehot(y))/B"
        case .hinge: return "−t/N where t·ŷ < 1, else 0"
        }
    }

    /// What the mean divides by: every entry of ŷ, except for ce, which has one term per row.
    public var meanOver: String { self == .ce ? "B = rows" : "N = rows × outputs" }

    /// What `formula` calls the node the loss reads: `z` for the logits (bce, ce), else `ŷ`.
    public var inputSymbol: String {
        switch self { case .bce, .ce: return "z"; default: return "ŷ" }
    }

    /// The gradient rule, for the backprop view: `d(loss)/dŷ = 2(ŷ − y)/N   (N = rows × outputs)` — the data loss's
    /// own derivative, which L (= loss + penalty) passes on times dL/dloss.
    public var gradientFormula: String { "d(loss)/d\(inputSymbol) = \(gradientRule)   (\(meanOver))" }

    /// The mean loss of predictions `p` (rows×cols; logits for bce/ce) against targets `y`
    /// (rows×cols values, or rows class ids for ce): its terms added in order, over their count.
    func value(_ p: UnsafePointer<Double>, _ y: UnsafePointer<Double>, rows: Int, cols: Int) -> Double {
        var sum = TermSum()
        forEachTerm(p, y, rows: rows, cols: cols, into: &sum)
        return sum.total / Double(termCount(rows: rows, cols: cols))
    }

    /// How many terms the mean loss adds up: one per prediction, one per row for ce.
    func termCount(rows: Int, cols: Int) -> Int { self == .ce ? rows : rows * cols }

    /// Writes the terms of `value` for these rows into `t`, in order (`termCount` of them).
    func terms(_ p: UnsafePointer<Double>, _ y: UnsafePointer<Double>, rows: Int, cols: Int,
               into t: UnsafeMutablePointer<Double>) {
        var store = TermStore(next: t)
        forEachTerm(p, y, rows: rows, cols: cols, into: &store)
    }

    /// The mean of `count` terms added in order: `value` of the rows whose `terms` they are.
    static func mean(ofTerms t: UnsafePointer<Double>, count: Int) -> Double {
        var sum = TermSum()
        for i in 0..<count { sum.take(t[i]) }
        return sum.total / Double(count)
    }

    /// Hands each term of the mean loss to `sink`, in order. (A sink rather than a closure: a closure that
    /// changes a captured variable allocates a box for it on every call in unoptimised builds.)
    @inline(__always)
    private func forEachTerm<Sink: LossTermSink>(_ p: UnsafePointer<Double>, _ y: UnsafePointer<Double>,
                                                 rows: Int, cols: Int, into sink: inout Sink) {
        let n = rows * cols
        switch self {
        case .mse: for i in 0..<n { let d = p[i] - y[i]; sink.take(d * d) }
        case .mae: for i in 0..<n { sink.take(abs(p[i] - y[i])) }
        case .huber(let delta):
            for i in 0..<n {
                let d = abs(p[i] - y[i])
                sink.take(d <= delta ? 0.5 * d * d : delta * (d - 0.5 * delta))
            }
        case .bce:
            // max(z,0) − z·y + log(1 + e^−|z|), PyTorch's stable form.
            for i in 0..<n { let z = p[i]; sink.take(max(z, 0) - z * y[i] + Foundation.log1p(Foundation.exp(-abs(z)))) }
        case .ce:
            for r in 0..<rows {
                let zr = p + r * cols
                let (m, e) = Activation.shiftedExponentials(zr, into: nil, cols: cols)
                sink.take(m + Foundation.log(e) - zr[Int(y[r])])
            }
        case .hinge: for i in 0..<n { sink.take(max(0, 1 - (2 * y[i] - 1) * p[i])) }
        }
    }

    /// `terms` and dP = scale · dL/dP (replacing what dP held) for the same arguments as `gradient`, bit for
    /// bit what those two give; ce works out each e^(zⱼ − m) once for both rather than three times.
    func termsAndGradient(_ p: UnsafePointer<Double>, _ y: UnsafePointer<Double>, rows: Int, cols: Int,
                          terms t: UnsafeMutablePointer<Double>, scale: Double, into dp: UnsafeMutablePointer<Double>,
                          batchRows: Int) {
        guard self == .ce else {
            terms(p, y, rows: rows, cols: cols, into: t)
            dp.update(repeating: 0, count: rows * cols)
            gradient(p, y, rows: rows, cols: cols, scale: scale, into: dp, batchRows: batchRows)
            return
        }
        let gr = scale / Double(batchRows)
        for r in 0..<rows {
            let zr = p + r * cols, dr = dp + r * cols
            let (m, e) = Activation.shiftedExponentials(zr, into: dr, cols: cols)
            let target = Int(y[r])
            t[r] = m + Foundation.log(e) - zr[target]
            for j in 0..<cols { dr[j] = (dr[j] / e - (j == target ? 1 : 0)) * gr }
        }
    }

    /// dP += scale · dL/dP for the same arguments as `value`; for some rows of a batch of `batchRows`,
    /// when given (the mean divides by the whole batch's count).
    func gradient(_ p: UnsafePointer<Double>, _ y: UnsafePointer<Double>, rows: Int, cols: Int,
                  scale: Double, into dp: UnsafeMutablePointer<Double>, batchRows: Int? = nil) {
        let n = rows * cols
        let g = scale / Double((batchRows ?? rows) * cols)
        switch self {
        case .mse: for i in 0..<n { dp[i] += 2 * (p[i] - y[i]) * g }
        case .mae:
            for i in 0..<n { let d = p[i] - y[i]; dp[i] += (d > 0 ? g : (d < 0 ? -g : 0)) }
        case .huber(let delta): for i in 0..<n { dp[i] += min(max(p[i] - y[i], -delta), delta) * g }
        case .bce: for i in 0..<n { dp[i] += (Activation.sigmoid(p[i]) - y[i]) * g }
        case .ce:
            let gr = scale / Double(batchRows ?? rows)
            for r in 0..<rows {
                let zr = p + r * cols, dr = dp + r * cols
                let (m, e) = Activation.shiftedExponentials(zr, into: nil, cols: cols)
                let t = Int(y[r])
                for j in 0..<cols { dr[j] += (Foundation.exp(zr[j] - m) / e - (j == t ? 1 : 0)) * gr }
            }
        case .hinge:
            for i in 0..<n { let t = 2 * y[i] - 1; if t * p[i] < 1 { dp[i] -= t * g } }
        }
    }
}

/// Where `Loss.forEachTerm` hands the terms of a mean loss.
private protocol LossTermSink { mutating func take(_ term: Double) }

/// Adds the terms in order.
private struct TermSum: LossTermSink {
    var total = 0.0
    mutating func take(_ term: Double) { total += term }
}

/// Stores the terms one after another.
private struct TermStore: LossTermSink {
    var next: UnsafeMutablePointer<Double>
    mutating func take(_ term: Double) { next.pointee = term; next += 1 }
}
