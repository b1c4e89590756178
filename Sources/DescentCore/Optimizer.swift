/// An optimizer: a rule, a learning rate and per-parameter state (momentum, moments, step count).
public struct Optimizer {
    public var kind: OptimizerKind
    /// The learning rate; changing it keeps the state.
    public var learningRate: Double
    /// Updates applied so far (Adam's t).
    public private(set) var steps: Int = 0
    /// First state slot per parameter: SGD's momentum buffer, Adam's m, RMSprop's square average, Adagrad's
    /// sum of squared gradients.
    public private(set) var state1: [Buffer] = []
    /// Second state slot: Adam's v, RMSprop's momentum buffer.
    public private(set) var state2: [Buffer] = []

    public init(kind: OptimizerKind, learningRate: Double? = nil) {
        self.kind = kind
        self.learningRate = learningRate ?? kind.defaultLearningRate
    }

    /// Names of the state slots this rule keeps, for the update view: the rule's letters (`kind.rule`).
    public var stateNames: [String] {
        switch kind {
        case let .sgd(m, _): return m == 0 ? [] : ["v"]
        case .adam: return ["m", "v"]
        case let .rmsprop(_, _, m): return m == 0 ? ["v"] : ["v", "b"]
        case .adagrad: return ["s"]
        }
    }

    /// PyTorch's names of the state slots (`state_dict()['state']`), in the order of `stateNames`.
    public var torchStateNames: [String] {
        switch kind {
        case let .sgd(m, _): return m == 0 ? [] : ["momentum_buffer"]
        case .adam: return ["exp_avg", "exp_avg_sq"]
        case let .rmsprop(_, _, m): return m == 0 ? ["square_avg"] : ["square_avg", "momentum_buffer"]
        case .adagrad: return ["sum"]
        }
    }

    /// Allocates state for `parameters` when it is missing or no longer fits.
    mutating func prepare(_ parameters: [Parameter]) {
        if stateFits(parameters) { return }
        state1 = parameters.map { Buffer(count: $0.count) }
        state2 = parameters.map { Buffer(count: $0.count) }
        steps = 0
    }

    /// True when there is one state buffer of the right size per parameter. An index loop: iterating the
    /// arrays allocates in unoptimised builds, and this runs every step.
    private func stateFits(_ parameters: [Parameter]) -> Bool {
        guard state1.count == parameters.count else { return false }
        for k in parameters.indices where state1[k].count != parameters[k].count { return false }
        return true
    }

    /// Parameter values from which an update is shared among the team's threads: below it (digits'
    /// 17k values) moving the state between cores costs more than the second core saves.
    static let splitCount = 1 << 18

    /// Applies one update to every parameter from its gradient, with torch's order of floating-point operations.
    ///
    /// Every value is updated on its own, so a large model's update is cut into one slice of each parameter
    /// per thread of the team, with the same result as on one thread.
    public mutating func update(_ parameters: [Parameter]) {
        prepare(parameters)
        steps += 1
        var total = 0  // an index loop: iterating the array allocates in unoptimised builds
        for k in parameters.indices { total += parameters[k].count }
        let rule = Rule(kind: kind, learningRate: learningRate, step: steps)
        let s1 = state1, s2 = state2
        guard total >= Optimizer.splitCount, ThreadTeam.shared.size > 1 else {
            for k in parameters.indices {
                rule.apply(parameters[k], s1[k], s2[k], range: 0..<parameters[k].count)
            }
            return
        }
        // The helpers read plain pointers, never the parameter and buffer objects: reading those on two
        // threads would retain and release them from both cores, moving their counts' lines between them.
        withUnsafeTemporaryAllocation(of: ParameterSlots.Slot.self, capacity: parameters.count) { slots in
            for k in parameters.indices {
                slots.initializeElement(at: k, to: ParameterSlots.Slot(parameters[k], state1: s1[k], state2: s2[k]))
            }
            guard let first = slots.baseAddress else { return }
            withUnsafePointer(to: SharedUpdate(rule: rule, slots: first, count: parameters.count)) {
                ThreadTeam.shared.run(context: UnsafeRawPointer($0), entry: Optimizer.sharedUpdateEntry)
            }
            slots.deinitialize()
        }
    }

    /// An update shared among the team's threads: the rule, and the parameters' values, gradients and state.
    private struct SharedUpdate {
        let rule: Rule
        let slots: UnsafePointer<ParameterSlots.Slot>
        let count: Int
    }

    /// Thread `part`'s slice of every parameter of the update the context points to.
    private static let sharedUpdateEntry: ThreadTeam.Entry = { context, part, parts in
        let u = context.assumingMemoryBound(to: SharedUpdate.self).pointee
        for k in 0..<u.count {
            let range = Optimizer.slice(u.slots[k].count, part: part, of: parts)
            if !range.isEmpty { u.slots[k].apply(u.rule, range: range) }
        }
    }

    /// The next update's rule and state, for a caller that applies it in pieces on threads of its own
    /// (`BandedStep`, `BatchShards`); `countUpdate` records it once it is applied.
    mutating func pendingUpdate(_ parameters: [Parameter]) -> (rule: Rule, state1: [Buffer], state2: [Buffer]) {
        prepare(parameters)
        return (Rule(kind: kind, learningRate: learningRate, step: steps + 1), state1, state2)
    }

    /// Counts an update applied through `pendingUpdate`.
    mutating func countUpdate() { steps += 1 }

    /// The values of a `count`-value parameter that thread `part` of `parts` updates in a shared update:
    /// whole 8-wide vectors.
    static func slice(_ count: Int, part: Int, of parts: Int) -> Range<Int> {
        ThreadTeam.slice(count, part: part, of: parts, align: 8)
    }

    /// One update's rule with its scalars worked out, applied to a slice of one parameter at a time.
    struct Rule {
        let kind: OptimizerKind
        let learningRate: Double
        /// Update number (Adam's t, momentum's first step).
        let step: Int
        /// Adam's step size and √(bias correction 2) for this update.
        let adam: (stepSize: Double, bc2Sqrt: Double)

        init(kind: OptimizerKind, learningRate: Double, step: Int) {
            self.kind = kind; self.learningRate = learningRate; self.step = step
            if case let .adam(b1, b2, _) = kind {
                adam = Optimizer.adamFactors(b1: b1, b2: b2, lr: learningRate, step: step)
            } else {
                adam = (0, 1)
            }
        }

        /// Updates `range` of `p`, whose state slots are `state1` and `state2`.
        func apply(_ p: Parameter, _ state1: Buffer, _ state2: Buffer, range: Range<Int>) {
            let start = range.lowerBound
            apply(p.value.pointer + start, p.grad.pointer + start, state1.pointer + start, state2.pointer + start,
                  count: range.count)
        }

        /// Updates `n` values at `w` from their gradients `g` and state slots `s1` and `s2`.
        func apply(_ w: UnsafeMutablePointer<Double>, _ g: UnsafePointer<Double>, _ s1: UnsafeMutablePointer<Double>,
                   _ s2: UnsafeMutablePointer<Double>, count n: Int) {
            let lr = learningRate
            switch kind {
            case let .sgd(mu, nesterov):
                if mu == 0 { Optimizer.sgd(w, g, n, lr: lr) } else {
                    Optimizer.momentum(w, g, s1, n, lr: lr, mu: mu, nesterov: nesterov, first: step == 1)
                }
            case let .adam(b1, b2, eps):
                Optimizer.adam(w, g, s1, s2, n, b1: b1, b2: b2, eps: eps, stepSize: adam.stepSize, bc2Sqrt: adam.bc2Sqrt)
            case let .rmsprop(alpha, eps, mu):
                Optimizer.rmsprop(w, g, s1, s2, n, lr: lr, alpha: alpha, eps: eps, mu: mu)
            case let .adagrad(eps):
                Optimizer.adagrad(w, g, s1, n, lr: lr, eps: eps)
            }
        }
    }

    /// A deep copy of the state (for undo).
    public func snapshot() -> Optimizer {
        var copy = self
        copy.state1 = state1.map { Buffer($0.array) }
        copy.state2 = state2.map { Buffer($0.array) }
        return copy
    }
}
