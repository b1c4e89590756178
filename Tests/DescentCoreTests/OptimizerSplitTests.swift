import XCTest
@testable import DescentCore

/// An update large enough to be shared among the team's threads (on a machine with more than one core)
/// gives every value exactly what the update rule gives it alone.
final class OptimizerSplitTests: XCTestCase {
    func testLargeAdamUpdateMatchesTheRuleValueByValue() {
        // 300,000 values (over `splitCount`), two Adam steps. The expected values are torch.optim.Adam's
        // formula written out per value in plain scalar code, in the order Descent documents
        // (m.lerp_(g, 1−β₁); v·β₂ + (1−β₂)·g·g; θ −= (lr/bc₁·√bc₂)·m / (√v + ε·√bc₂), torch's
        // θ −= lr/bc₁ · m/(√v/√bc₂ + ε) with one division fewer).
        let n = 300_000
        XCTAssertGreaterThanOrEqual(n, Optimizer.splitCount)
        let p = Parameter(name: "W1", shape: [n], isWeight: true)
        var w = [Double](repeating: 0, count: n), m = w, v = w
        for i in 0..<n { w[i] = sin(Double(i)); p.value[i] = w[i] }
        var opt = Optimizer(kind: .adam(beta1: 0.9, beta2: 0.999, eps: 1e-8), learningRate: 1e-3)
        for t in 1...2 {
            for i in 0..<n {
                let g = cos(Double(i) * 0.37 + Double(t))
                p.grad[i] = g
                m[i] = m[i] + (1 - 0.9) * (g - m[i])
                v[i] = 0.999 * v[i] + (1 - 0.999) * g * g
                let bc1 = 1 - pow(0.9, Double(t)), bc2 = 1 - pow(0.999, Double(t))
                w[i] -= (1e-3 / bc1) * bc2.squareRoot() * m[i] / (v[i].squareRoot() + 1e-8 * bc2.squareRoot())
            }
            opt.update([p])
        }
        let first = (0..<n).first { p.value[$0] != w[$0] }
        XCTAssertNil(first, "value \(first ?? -1): \(first.map { p.value[$0] } ?? 0) vs \(first.map { w[$0] } ?? 0)")
    }
}
