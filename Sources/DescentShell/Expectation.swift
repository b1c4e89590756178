import Foundation
import DescentCore
import DescentLanguage
import DescentTerminal
import DescentText

/// A check from `expect`: a metric or parameter entry, a comparison, and a bound with an optional tolerance.
struct Expectation {
    enum Subject { case metric(String), entry(String, [Int]), gradient(String, [Int]) }

    /// The comparisons `expect` takes (the lexer reads `==` as `=`).
    static let comparisons = ["<", "<=", ">", ">=", "="]

    static let metrics = ["loss", "train_loss", "val_loss", "penalty", "accuracy", "val_accuracy", "r2", "val_r2", "step", "batch_loss", "sparsity"]

    var subjectKind: Subject
    /// Where the subject is written, for errors about it.
    var subjectSpan: SourceSpan
    var op: String
    var value: Double
    var tolerance: Double?

    var subject: String {
        switch subjectKind {
        case .metric(let m): return m
        case let .entry(n, i): return Format.entry(n, i)
        case let .gradient(n, i): return "dL/d" + Format.entry(n, i)
        }
    }

    /// The comparison with the bound as written (`boundText`) and the tolerance.
    var requirement: String {
        var s = "\(op) \(boundText)"
        if let t = tolerance { s += " ± \(Format.sig(t, 4))" }
        return s
    }

    /// `actual` with enough significant digits to be read against the bound: at least `least` (6 for a check
    /// that held, 10 for one that failed); more where the tolerance needs them (2961.782526 within 0.001 is
    /// 2961.7825, not 2961.78); more until it differs from the bound written to as many digits, so that the miss
    /// or the margin shows (0.1234567890123456 against 0.1234567890123457, not 0.123456789); and more until the
    /// number shown holds or fails as `actual` does. The bound's own text when they are equal; at most 17 digits.
    func shown(_ actual: Double, atLeast least: Int = 6) -> String {
        guard actual.isFinite else { return Format.sig(actual, least) }
        if actual == value { return boundText }
        var digits = least
        let t = effectiveTolerance
        if t > 0 && actual != 0 {
            digits = max(digits, Int((Foundation.log10(abs(actual))).rounded(.down) - Foundation.log10(t).rounded(.down)) + 2)
        }
        digits = min(17, digits)
        while digits < 17 && Format.sig(actual, digits) == Format.sig(value, digits) { digits += 1 }
        for d in digits...17 {
            let text = Format.sig(actual, d)
            if let v = Double(text), holds(v) == holds(actual), v != value { return text }
        }
        return Format.sig(actual, 17)
    }

    /// The bound as written (`plainText`: a reference pasted from numpy keeps all its digits).
    var boundText: String { value.plainText }

    /// The tolerance `holds` allows: the one given, else 1e-12 × max(1, |value|) for `=`, else 0.
    var effectiveTolerance: Double { tolerance ?? (op == "=" ? 1e-12 * max(1, abs(value)) : 0) }

    /// Reads `SUBJECT OP VALUE [+- TOL]`.
    static func parse(_ a: inout ArgReader) throws -> Expectation {
        let subject: Subject
        if a.optionalWord(oneOf: ["grad"]) != nil {
            let (n, i) = try a.indexed("parameter entry")
            subject = .gradient(n, i)
        } else if a.peekIsIndexed {
            let (n, i) = try a.indexed("parameter entry")
            subject = .entry(n, i)
        } else {
            subject = .metric(try a.word("quantity", oneOf: metrics))
        }
        let subjectSpan = a.lastSpan
        let op = try a.op("comparison", oneOf: comparisons)
        let value = try a.number("value")
        // Accuracy prints as a percentage everywhere else, so `accuracy > 80` is the likely slip: it never holds.
        if case .metric(let m) = subject, ["accuracy", "val_accuracy", "sparsity"].contains(m), !(0...1).contains(value) {
            throw a.error("\(m) is a fraction from 0 to 1 here (0.8 for 80%), got \(value.plainText)")
        }
        var tol: Double? = nil
        if a.optionalOp(oneOf: ["+-"]) != nil {
            // A tolerance loosens a bound past what it says (`loss < 9 +- 1` held for 9.67): only for `=`.
            guard op == "=" else { throw a.error("a tolerance (+-) goes with `=` only; for \(op) move the bound itself") }
            tol = try a.number("tolerance", range: .atLeast(0))
        }
        return Expectation(subjectKind: subject, subjectSpan: subjectSpan, op: op, value: value, tolerance: tol)
    }

    /// Whether `actual` satisfies the comparison (`=` without a tolerance means equal to within
    /// 1e-12 × max(1, |value|): relative for values beyond ±1, absolute inside).
    func holds(_ actual: Double) -> Bool {
        guard !actual.isNaN else { return false }
        let tol = effectiveTolerance
        switch op {
        case "<": return actual < value + tol
        case "<=": return actual <= value + tol
        case ">": return actual > value - tol
        case ">=": return actual >= value - tol
        default: return abs(actual - value) <= tol
        }
    }

    /// The current value of the subject; metrics are evaluated now on the full sets.
    func measure(_ w: Workspace) throws -> Double {
        switch subjectKind {
        case let .entry(n, i):
            let (p, off) = try w.entry(try w.ensureModel(), n, i)
            return p.value[off]
        case let .gradient(n, i):
            let (p, off) = try w.entry(try w.ensureModel(), n, i)
            guard w.gradientReady(n) else {
                throw ShellError("dL/d\(n) is not current: \(w.staleGradient(n, subject: "it")) — run `backward` first")
            }
            return p.grad[off]
        case .metric(let m):
            // The steps trained are counted without data (0 after `new`); the other metrics need the trainer.
            if m == "step" { return Double(w.stepCount) }
            let t = try w.ensureTrainer()
            if m == "sparsity" { return Sparsity.fraction(t.model) }
            if m == "batch_loss" {
                guard let s = t.history.lastStep else { throw ShellError("no step has run yet, so there is no batch loss") }
                return s.batchLoss
            }
            guard let e = t.evaluateNow(until: { Interrupt.requested }) else {
                w.out.pastEcho()   // past the terminal's echoed ^C
                throw ShellError("expect interrupted while it evaluated the full sets; nothing was checked")
            }
            let task = t.train.task
            switch m {
            case "loss", "train_loss": return e.trainLoss
            case "penalty": return e.penalty
            case "val_loss", "val_accuracy", "val_r2":
                guard let vl = e.valLoss, let vm = e.valMetric else { throw ShellError("\(m) needs a validation split — use `split 0.8`") }
                if m == "val_loss" { return vl }
                try Expectation.checkMetric(m, task)
                if m == "val_r2", t.r2Undefined.validation, let v = t.validation { throw Expectation.undefined(m, v, set: "validation set") }
                return vm
            default:
                try Expectation.checkMetric(m, task)
                if m == "r2", t.r2Undefined.train { throw Expectation.undefined(m, t.train, set: "training set") }
                return e.trainMetric
            }
        }
    }

    /// The error for `expect` on an R² that is undefined on `d`, the `set` it is measured on (`Trainer.r2Undefined`).
    static func undefined(_ m: String, _ d: Dataset, set: String) -> ShellError {
        ShellError("\(m) is undefined, not a number to compare: R² = 1 − Σ(y − ŷ)²/Σ(y − ȳ)² divides by 0 because the targets have no "
                   + "variance (\(Report.constantTargets(d, set: set))) — check \(m == "r2" ? "loss" : "val_loss") instead"
                   + (m == "val_r2" && d.count == 1 ? ", or split with a smaller fraction" : ""))
    }

    /// accuracy is for classification, r2 for regression.
    static func checkMetric(_ m: String, _ task: Task) throws {
        let wantsR2 = m.hasSuffix("r2")
        if wantsR2 && task != .regression { throw ShellError("\(m) is for regression; this is a classification task — use accuracy") }
        if !wantsR2 && task == .regression { throw ShellError("\(m) is for classification; this is a regression task — use r2") }
    }
}
