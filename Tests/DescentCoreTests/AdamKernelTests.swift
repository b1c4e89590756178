import XCTest
@testable import DescentCore

/// `kernel_adam` (CKernels, AVX-512) gives every value the bits of Adam's Swift loop, which the reference tests
/// check against PyTorch: its division by a refined reciprocal must land on the IEEE quotient every time.
final class AdamKernelTests: XCTestCase {
    /// Runs both loops on copies of the same state and reports the first value whose bits differ.
    private func compare(g: [Double], w: [Double], m: [Double], v: [Double], c1: Double, b2: Double, c2: Double,
                         step: Double, e: Double, file: StaticString = #filePath, line: UInt = #line) {
        let n = g.count
        var (w1, m1, v1) = (w, m, v), (w2, m2, v2) = (w, m, v)
        g.withUnsafeBufferPointer { gp in
            Optimizer.adamLoop(&w1, gp.baseAddress!, &m1, &v1, n, c1: c1, b2: b2, c2: c2, step: step, e: e)
            Optimizer.adamKernel(&w2, gp.baseAddress!, &m2, &v2, n, c1: c1, b2: b2, c2: c2, step: step, e: e)
        }
        func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }
        for i in 0..<n where !(same(w1[i], w2[i]) && same(m1[i], m2[i]) && same(v1[i], v2[i])) {
            XCTFail("value \(i) of \(n): w \(w1[i]) vs \(w2[i]), m \(m1[i]) vs \(m2[i]), v \(v1[i]) vs \(v2[i]) "
                    + "(g \(g[i]), m \(m[i]), v \(v[i]), e \(e))", file: file, line: line)
            return
        }
    }

    func testKernelMatchesTheSwiftLoopOnValuesOfEveryScale() throws {
        try XCTSkipUnless(Optimizer.useKernelAdam, "kernel_adam is compiled only for AVX-512 machines")
        // Magnitudes from 1 down to 1e-12 for m and g and 1e-20 for v, as over a long run with tiny gradients.
        var rng = RNG(seed: 11)
        let n = 100_003   // not a multiple of 8: the masked tail runs too
        var g = [Double](), w = [Double](), m = [Double](), v = [Double]()
        for _ in 0..<n {
            g.append((rng.uniform() - 0.5) * Foundation.pow(10, -Double(Int(rng.uniform() * 12))))
            w.append(rng.uniform() - 0.5)
            m.append((rng.uniform() - 0.5) * Foundation.pow(10, -Double(Int(rng.uniform() * 12))))
            v.append(rng.uniform() * Foundation.pow(10, -Double(Int(rng.uniform() * 20))))
        }
        for t in [1.0, 10, 1000] {
            let bc2 = (1 - Foundation.pow(0.999, t)).squareRoot()
            compare(g: g, w: w, m: m, v: v, c1: 0.1, b2: 0.999, c2: 0.001, step: 1e-3 / (1 - Foundation.pow(0.9, t)) * bc2,
                    e: 1e-8 * bc2)
        }
    }

    func testKernelMatchesTheSwiftLoopAtTheEdges() throws {
        try XCTSkipUnless(Optimizer.useKernelAdam, "kernel_adam is compiled only for AVX-512 machines")
        // Zero and tiny divisors (ε = 0), overflowing v, subnormal and zero numerators, NaN and infinite
        // gradients, signed zeros: the lanes the reciprocal cannot serve must still give the divider's answer.
        let gs: [Double] = [0, -0.0, 1e-300, .leastNonzeroMagnitude, 1e200, -1e200, .infinity, -.infinity, .nan, 1, -1, 1e-160, 3]
        let ms: [Double] = [0, -0.0, 0x1p-1030, -1e-300, 1, 1e300, -.infinity, .nan]
        let vs: [Double] = [0, 0x1p-1063, 1e-300, 1, 1e300, .infinity]
        var g = [Double](), w = [Double](), m = [Double](), v = [Double]()
        for gi in gs { for mi in ms { for vi in vs { g.append(gi); m.append(mi); v.append(vi); w.append(0.5) } } }
        // Around the ranges where the kernel trusts its reciprocal (2^-500 ≤ d ≤ 2^500, 2^-460 ≤ |step·m| ≤ 2^460):
        // quotients near 2^-960 and 2^960 just inside, subnormal and overflowing ones just outside.
        for (mi, vi) in [(0x1p-459, 0x1p998), (0x1p-461, 0x1p998), (0x1p459, 0x1p-998), (0x1p461, 0x1p-998),
                         (0x1p-459, 0x1p1002), (0x1p459, 0x1p-1002), (-0x1.fffffp-460, 0x1.8p999)] {
            g.append(0); m.append(mi / 0.9); v.append(vi / 0.999); w.append(0.5)
        }
        for e in [0.0, 1e-8, 0x1p-1063] {
            for step in [1e-3, 1, 1e300] {
                compare(g: g, w: w, m: m, v: v, c1: 0.1, b2: 0.999, c2: 0.001, step: step, e: e)
            }
        }
        // Every length of tail, 1 to 17 values.
        for count in 1...17 {
            compare(g: Array(g[0..<count]), w: Array(w[0..<count]), m: Array(m[0..<count]), v: Array(v[0..<count]),
                    c1: 0.1, b2: 0.999, c2: 0.001, step: 1e-3, e: 1e-8)
        }
    }
}
