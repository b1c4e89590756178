/// Compares analytic gradients with central finite differences, entry by entry.
public enum GradientCheck {
    /// The step h of the central differences (f(θ + h) − f(θ − h)) / 2h (`gradcheck` says "h=1e-5").
    public static let step = 1e-5

    /// The worst disagreement found for one parameter.
    public struct Result: Sendable, Equatable {
        public var parameter: String
        public var maxRelativeError: Double
        /// Index of the entry with the largest relative error (counted as `run` counts it).
        public var worstIndex: [Int]
        /// The absolute error at `worstIndex`.
        public var worstAbsoluteError: Double
        /// The entries that failed, in order (the first `failedLimit`).
        public var failedIndices: [[Int]] = []
        public var passed: Bool
        /// How many entries were checked (all of them unless a sample was asked for).
        public var checked: Int = 0
        /// How many entries the parameter has.
        public var entries: Int = 0
    }

    /// The most failing entries a result lists.
    public static let failedLimit = 100

    /// How far rounding can move a central difference: the losses at θ ± h each carry a rounding error of some
    /// ε·|L| (summed over rows, a few times that), which the division by 2h magnifies. 8·ε·(|L₊| + |L₋|)/2h, at least
    /// 1e-9. An unscaled regression's loss of 7·10⁶ puts it near 1e-3, far above a correct gradient's 1e-5 error.
    public static func roundingFloor(plus: Double, minus: Double, step h: Double = GradientCheck.step) -> Double {
        max(1e-9, 8 * Double.ulpOfOne * (Swift.abs(plus) + Swift.abs(minus)) / (2 * h))
    }

    /// How far a check has got: the entry it is about to check.
    public struct Progress: Sendable, Equatable {
        /// The parameter being checked.
        public var parameter: String
        /// Entries of that parameter checked so far.
        public var entry: Int
        /// Entries of the parameter the check covers (all it has, or its sample).
        public var entries: Int
        /// Entries checked so far, over all the parameters.
        public var done: Int
        /// Entries the whole check covers.
        public var total: Int
    }

    /// Thrown by `run` when `shouldContinue` said no; the graph and the parameters are then as they were before.
    public struct Stopped: Error, Equatable {
        /// Where the check stood when it stopped.
        public var progress: Progress
    }

    /// The offsets of `n` distinct entries of a parameter of `count` entries, in increasing order, drawn uniformly
    /// from `rng` by Floyd's algorithm (for j from count − n to count − 1: t = `int(below: j + 1)`; take t, or j when t
    /// is taken already), which draws n numbers whatever the count and keeps only the n chosen; all `count` offsets,
    /// drawing nothing, when n ≥ count.
    public static func sampledOffsets(count: Int, taking n: Int, rng: inout RNG) -> [Int] {
        guard n < count else { return Array(0..<max(0, count)) }
        var chosen = Set<Int>(minimumCapacity: max(0, n))
        for j in (count - max(0, n))..<count {
            let t = rng.int(below: j + 1)
            if !chosen.insert(t).inserted { chosen.insert(j) }
        }
        return chosen.sorted()
    }

    /// Checks every entry of `parameters` (all when empty) on `graph`'s current batch, in evaluation mode
    /// (dropout off, so the loss is a fixed function of the parameters). Everything it changes — parameter
    /// values, gradients, node values and where backward stood — is put back bit for bit when it ends.
    /// Relative error is |a − n| / max(|a|, |n|, 1e-8); an entry passes below `tolerance`
    /// or when the absolute error is under the difference's rounding (`roundingFloor`; its relative error then counts
    /// as 0). An entry whose
    /// analytic or numeric gradient is not finite fails, with relative error infinity and, when either is
    /// NaN, absolute error NaN.
    ///
    /// `offsets`, when given, holds for each parameter the offsets of the entries to check (a sample), in order.
    ///
    /// `shouldContinue` is asked before each entry; when it answers false the check throws `Stopped`, having put
    /// everything back as well.
    public static func run(_ graph: Graph, parameters: [Parameter], offsets: [[Int]]? = nil, step h: Double = GradientCheck.step,
                           tolerance: Double = 1e-5,
                           shouldContinue: (Progress) -> Bool = { _ in true }) throws(Stopped) -> [Result] {
        let state = graph.savedState()
        let chosen = offsets ?? parameters.map { Array(0..<$0.count) }
        let total = chosen.reduce(0) { $0 + $1.count }
        var done = 0
        var rng = RNG(seed: 0)
        graph.forward(training: false, rng: &rng)
        graph.backward()
        var results: [Result] = []
        for (p, entries) in zip(parameters, chosen) {
            let analytic = p.grad.array
            var worstRel = 0.0, largestAbs = 0.0, worst = entries.first ?? 0, absAtWorst = 0.0, failed: [[Int]] = []
            for (k, i) in entries.enumerated() {
                let progress = Progress(parameter: p.name, entry: k, entries: entries.count, done: done, total: total)
                guard shouldContinue(progress) else {
                    graph.restore(state)
                    throw Stopped(progress: progress)
                }
                let saved = p.value[i]
                p.value[i] = saved + h
                graph.forward(training: false, rng: &rng)
                let plus = graph.totalValue
                p.value[i] = saved - h
                graph.forward(training: false, rng: &rng)
                let minus = graph.totalValue
                p.value[i] = saved
                done += 1
                let numeric = (plus - minus) / (2 * h)
                let abs = Swift.abs(analytic[i] - numeric)
                let rel = abs / max(Swift.abs(analytic[i]), Swift.abs(numeric), 1e-8)
                // Comparisons with NaN are false, so a non-finite entry is made the worst explicitly.
                let finite = analytic[i].isFinite && numeric.isFinite
                let relCounted = !finite ? Double.infinity : abs < roundingFloor(plus: plus, minus: minus, step: h) ? 0 : rel
                if worstRel.isFinite && (relCounted > worstRel || (worstRel == 0 && abs > largestAbs)) { worst = i; absAtWorst = abs }
                if !(relCounted < tolerance) && failed.count < failedLimit { failed.append(Tensor.index(ofOffset: i, in: p.shape)) }
                worstRel = max(worstRel, relCounted)
                largestAbs = abs.isNaN || largestAbs.isNaN ? .nan : max(largestAbs, abs)
            }
            results.append(Result(parameter: p.name, maxRelativeError: worstRel,
                                  worstIndex: Tensor.index(ofOffset: worst, in: p.shape), worstAbsoluteError: absAtWorst,
                                  failedIndices: failed, passed: worstRel < tolerance, checked: entries.count, entries: p.count))
        }
        // A check changes nothing: the gradients an `update` would apply (from a training pass, with dropout)
        // are put back, not replaced by this evaluation-mode pass's.
        graph.restore(state)
        return results
    }
}
