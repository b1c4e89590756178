import Synchronization

/// The update that ends a step whose gradients are sums of parts computed apart (`BatchShards`, `BlockedBatch`):
/// each thread of the team writes its slices of every parameter's summed gradient, says whether they were all
/// finite, waits for the others, and then updates those slices, unless some sum anywhere was not finite.
struct SummedUpdate: ~Copyable {
    /// The model's parameters as raw pointers, in its order (see `ParameterSlots`).
    let slots: ParameterSlots
    /// The step under way's update rule.
    private var rule = Optimizer.Rule(kind: .sgd(momentum: 0, nesterov: false), learningRate: 0, step: 1)
    /// Set by a thread whose slice of the summed gradients is not finite.
    private let nonFinite = Atomic<Bool>(false)

    /// The update of `parameters`.
    init(_ parameters: [Parameter]) { slots = ParameterSlots(parameters) }

    deinit { slots.deallocate() }

    /// Takes `optimizer`'s rule and state for the update about to run on the team.
    mutating func begin(_ parameters: [Parameter], optimizer: inout Optimizer) {
        let update = optimizer.pendingUpdate(parameters)
        rule = update.rule
        slots.refresh(state1: update.state1, state2: update.state2)
        nonFinite.store(false, ordering: .relaxed)
    }

    /// Thread `part` of `parts`, its slices summed, with `flags` their `Buffer.nonFiniteFlag`s OR-ed: waits for the
    /// other threads, then applies the rule to its slices unless a sum anywhere was not finite.
    func apply(flags: UInt64, part: Int, parts: Int) {
        if !Buffer.finite(flags) { nonFinite.store(true, ordering: .relaxed) }
        ThreadTeam.shared.sync(parts: parts)
        guard !nonFinite.load(ordering: .relaxed) else { return }
        for k in 0..<slots.count { slots.apply(rule, to: k, range: Optimizer.slice(slots[k].count, part: part, of: parts)) }
    }

    /// After the team ran: whether every sum was finite, the update then counted by `optimizer` (else nothing moved).
    func end(optimizer: inout Optimizer) -> Bool {
        if nonFinite.load(ordering: .relaxed) { return false }
        optimizer.countUpdate()
        return true
    }
}
