import Foundation

/// A learning rate that changes with the steps taken, in the closed forms of PyTorch's schedulers (`StepLR`,
/// `ExponentialLR`, `CosineAnnealingLR`, `LinearLR`), stepped once per optimizer step. The rate of the step after
/// `t` scheduled steps is `rate(at: t)`, from the base rate (the `lr` set); PyTorch's `scheduler.step()` multiplies
/// its way there instead, which can differ in the last bits (0.1·0.9⁶ is 0.05314410000000001 here and
/// 0.05314410000000002 there).
public struct LearningRateSchedule: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// base · γ^⌊t / size⌋ (`StepLR(step_size=size, gamma=γ)`).
        case step(size: Int, gamma: Double)
        /// base · γ^t (`ExponentialLR(gamma=γ)`).
        case exponential(gamma: Double)
        /// min + (base − min)·(1 + cos(π·t / steps)) / 2 (`CosineAnnealingLR(T_max=steps, eta_min=min)`): down to min
        /// at t = steps, then up again, as PyTorch's, over each further `steps`.
        case cosine(steps: Int, minimum: Double)
        /// base · (start + (end − start)·min(t, steps) / steps) (`LinearLR(start_factor, end_factor, total_iters)`):
        /// a warm-up from start·base, held at end·base after `steps`.
        case linear(start: Double, end: Double, steps: Int)
    }

    public var kind: Kind
    /// The rate at t = 0 (the `lr` set).
    public var base: Double
    /// The trainer's step count when the schedule began: t counts the steps since.
    public var start: Int

    public init(kind: Kind, base: Double, start: Int) {
        self.kind = kind; self.base = base; self.start = start
    }

    /// The rate after `t` scheduled steps (t < 0 counts as 0).
    public func rate(at t: Int) -> Double {
        let t = max(0, t)
        switch kind {
        case .step(let size, let gamma): return base * pow(gamma, Double(t / max(1, size)))
        case .exponential(let gamma): return base * pow(gamma, Double(t))
        case .cosine(let steps, let minimum):
            return minimum + (base - minimum) * (1 + cos(Double.pi * Double(t) / Double(max(1, steps)))) / 2
        case .linear(let start, let end, let steps):
            return base * (start + (end - start) * Double(min(t, steps)) / Double(max(1, steps)))
        }
    }

    /// The rate of the step after `stepCount` steps of the trainer.
    public func rate(afterSteps stepCount: Int) -> Double { rate(at: stepCount - start) }

    /// How the schedule is written as a command: `schedule cosine steps=1000 min=0.001`.
    public var command: String {
        switch kind {
        case .step(let size, let gamma): return "schedule step size=\(size) gamma=\(Format.short(gamma))"
        case .exponential(let gamma): return "schedule exponential gamma=\(Format.short(gamma))"
        case .cosine(let steps, let minimum):
            return "schedule cosine steps=\(steps)" + (minimum == 0 ? "" : " min=\(Format.short(minimum))")
        case .linear(let start, let end, let steps):
            return "schedule linear start=\(Format.short(start)) end=\(Format.short(end)) steps=\(steps)"
        }
    }

    /// The rule in words and symbols, t counting the steps since the schedule began.
    public var formula: String {
        switch kind {
        case .step: return "lr = base·γ^⌊t/size⌋ (PyTorch's StepLR)"
        case .exponential: return "lr = base·γ^t (PyTorch's ExponentialLR)"
        case .cosine: return "lr = min + (base − min)·(1 + cos(π·t/steps))/2 (PyTorch's CosineAnnealingLR)"
        case .linear: return "lr = base·(start + (end − start)·min(t, steps)/steps) (PyTorch's LinearLR)"
        }
    }
}
