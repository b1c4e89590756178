/// A model's parameters as raw pointers — value, gradient and optimizer state — for threads that update
/// them in pieces (`BandedStep`, `SummedUpdate` for `BatchShards` and `BlockedBatch`, `Optimizer.update`): reading the parameter objects and the
/// optimizer's arrays from two threads would retain and release them, and the two cores would fight over
/// the counts.
///
/// A struct over storage it allocates; its owner calls `deallocate` once.
struct ParameterSlots {
    /// One parameter's values, gradient and optimizer state slots, `count` values each.
    struct Slot {
        var value, grad, state1, state2: UnsafeMutablePointer<Double>
        var count: Int

        /// `p`'s slot, with the optimizer's state buffers `state1` and `state2` for it.
        init(_ p: Parameter, state1: Buffer, state2: Buffer) {
            value = p.value.pointer; grad = p.grad.pointer
            self.state1 = state1.pointer; self.state2 = state2.pointer
            count = p.count
        }

        /// Applies `rule` to the values `range`.
        func apply(_ rule: Optimizer.Rule, range: Range<Int>) {
            let at = range.lowerBound
            rule.apply(value + at, grad + at, state1 + at, state2 + at, count: range.count)
        }
    }

    private let slots: UnsafeMutableBufferPointer<Slot>

    /// Slots for `parameters`, in their order; the state points nowhere useful until `refresh`.
    init(_ parameters: [Parameter]) {
        slots = .allocate(capacity: parameters.count)
        _ = slots.initialize(from: parameters.map { Slot($0, state1: $0.value, state2: $0.value) })
    }

    func deallocate() { slots.deallocate() }

    var count: Int { slots.count }

    subscript(k: Int) -> Slot { slots[k] }

    /// Points the slots at the optimizer's state buffers (one per parameter), writing only the slots whose
    /// buffers moved: a write takes the line away from the other threads that read it, which must then fetch
    /// it back (measured on digits: ~0.8 µs a step when every slot was written every step).
    func refresh(state1: [Buffer], state2: [Buffer]) {
        for k in 0..<slots.count {
            let s1 = state1[k].pointer, s2 = state2[k].pointer
            if slots[k].state1 != s1 || slots[k].state2 != s2 {
                slots[k].state1 = s1
                slots[k].state2 = s2
            }
        }
    }

    /// Applies `rule` to the values `range` of parameter `k`.
    func apply(_ rule: Optimizer.Rule, to k: Int, range: Range<Int>) { slots[k].apply(rule, range: range) }
}
