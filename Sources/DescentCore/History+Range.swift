/// Steps of a history picked by their numbers, found by halving (both logs go by step), never by walking the log.
extension History {
    /// The index in `steps` of the first step numbered `step` or later (`steps.endIndex` when there is none).
    public func stepIndex(atOrAfter step: Int) -> Int {
        var lo = steps.startIndex, hi = steps.endIndex
        while lo < hi { let mid = (lo + hi) / 2; if steps[mid].step < step { lo = mid + 1 } else { hi = mid } }
        return lo
    }

    /// The index in `evaluations`, from `from` on, of the first evaluation of step `step` or later.
    public func evaluationIndex(atOrAfter step: Int, from: Int? = nil) -> Int {
        var lo = max(from ?? evaluations.startIndex, evaluations.startIndex), hi = evaluations.endIndex
        while lo < hi { let mid = (lo + hi) / 2; if evaluations[mid].step < step { lo = mid + 1 } else { hi = mid } }
        return lo
    }

    /// The rate changes that steps `from` through `through` ran under: the one in force at `from` (which may have been
    /// made at an earlier step), then those made after it up to `through`; found by halving, as `rates` goes by step.
    public func rates(from: Int, through: Int) -> ArraySlice<RateChange> {
        var lo = rates.startIndex, hi = rates.endIndex
        while lo < hi { let mid = (lo + hi) / 2; if rates[mid].step <= from { lo = mid + 1 } else { hi = mid } }
        let first = max(rates.startIndex, lo - 1)
        lo = first; hi = rates.endIndex
        while lo < hi { let mid = (lo + hi) / 2; if rates[mid].step <= through { lo = mid + 1 } else { hi = mid } }
        return rates[first..<max(first, lo)]
    }

    /// Each of `steps`' evaluation, if it had one (`steps` in order of their numbers): each looked up by halving from
    /// the last one found, so that steps far apart (`every=K`) cost no walk through the evaluations between them.
    public func evaluations(of steps: [Step]) -> [Evaluation?] {
        var found: [Evaluation?] = []
        found.reserveCapacity(steps.count)
        var lo = evaluations.startIndex
        for s in steps {
            lo = evaluationIndex(atOrAfter: s.step, from: lo)
            found.append(lo < evaluations.endIndex && evaluations[lo].step == s.step ? evaluations[lo] : nil)
        }
        return found
    }

    /// The recorded steps numbered `from` through `through` whose number is a multiple of `every` (every one for 1), in
    /// order: the first `limit` of them, or with `last`, the last `limit`. `more` says whether others in the range were
    /// left out for the limit.
    public func steps(from: Int, through: Int, every: Int = 1, limit: Int, last: Bool = false) -> (steps: [Step], more: Bool) {
        guard from <= through, every >= 1, every <= through, limit >= 1 else { return ([], false) }
        var picked: [Step] = []
        picked.reserveCapacity(min(limit, max(0, (through - from) / every + 1)))
        if last {
            // Down from the largest multiple of `every` at most `through`: the step there, or the one below a gap.
            var target = through - ((through % every) + every) % every
            while target >= from {
                let i = stepIndex(atOrAfter: target + 1) - 1
                guard i >= steps.startIndex, steps[i].step >= from else { break }
                let s = steps[i]
                if s.step % every == 0 {
                    if picked.count == limit { return (picked.reversed(), true) }
                    picked.append(s)
                    target = s.step - every
                } else {
                    target = s.step - ((s.step % every) + every) % every
                }
            }
            return (picked.reversed(), false)
        }
        // Up from the smallest multiple of `every` at least `from`.
        var target = from + (every - ((from % every) + every) % every) % every
        while target <= through {
            let i = stepIndex(atOrAfter: target)
            guard i < steps.endIndex, steps[i].step <= through else { break }
            let s = steps[i]
            if s.step % every == 0 {
                if picked.count == limit { return (picked, true) }
                picked.append(s)
                guard s.step <= through - every else { break }
                target = s.step + every
            } else {
                target = s.step + (every - s.step % every) % every
            }
        }
        return (picked, false)
    }
}
