import XCTest
@testable import DescentCore

/// The update rules' loops in C (CKernels, AVX-512) give every value the bits of their Swift loops, which
/// the reference tests check against PyTorch: each division by a refined reciprocal must land on the IEEE
/// quotient every time.
final class UpdateKernelTests: XCTestCase {
    /// One rule's loop over raw pointers: value, gradient, first and second state, count.
    typealias Loop = (UnsafeMutablePointer<Double>, UnsafePointer<Double>, UnsafeMutablePointer<Double>,
                      UnsafeMutablePointer<Double>, Int) -> Void

    /// The rules, each as (name, Swift loop, C loop), with the scalars of one update.
    private func rules(step: Double, e: Double) -> [(String, Loop, Loop)] {
        [("adam",
          { Optimizer.adamLoop($0, $1, $2, $3, $4, c1: 0.1, b2: 0.999, c2: 0.001, step: step, e: e) },
          { Optimizer.adamKernel($0, $1, $2, $3, $4, c1: 0.1, b2: 0.999, c2: 0.001, step: step, e: e) }),
         ("rmsprop",
          { Optimizer.rmspropLoop($0, $1, $2, $3, $4, lr: step, alpha: 0.99, eps: e, mu: 0) },
          { Optimizer.rmspropKernel($0, $1, $2, $3, $4, lr: step, alpha: 0.99, eps: e, mu: 0) }),
         ("rmsprop momentum",
          { Optimizer.rmspropLoop($0, $1, $2, $3, $4, lr: step, alpha: 0.99, eps: e, mu: 0.9) },
          { Optimizer.rmspropKernel($0, $1, $2, $3, $4, lr: step, alpha: 0.99, eps: e, mu: 0.9) }),
         ("adagrad",
          { w, g, s, _, n in Optimizer.adagradLoop(w, g, s, n, lr: step, eps: e) },
          { w, g, s, _, n in Optimizer.adagradKernel(w, g, s, n, lr: step, eps: e) })]
    }

    /// Runs both loops of every rule on copies of the same state and reports the first value whose bits differ.
    private func compare(g: [Double], w: [Double], s1: [Double], s2: [Double], step: Double, e: Double,
                         file: StaticString = #filePath, line: UInt = #line) {
        let n = g.count
        func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }
        for (name, loop, kernel) in rules(step: step, e: e) {
            var (w1, a1, b1) = (w, s1, s2), (w2, a2, b2) = (w, s1, s2)
            g.withUnsafeBufferPointer { gp in
                loop(&w1, gp.baseAddress!, &a1, &b1, n)
                kernel(&w2, gp.baseAddress!, &a2, &b2, n)
            }
            for i in 0..<n where !(same(w1[i], w2[i]) && same(a1[i], a2[i]) && same(b1[i], b2[i])) {
                XCTFail("\(name), value \(i) of \(n): w \(w1[i]) vs \(w2[i]), s1 \(a1[i]) vs \(a2[i]), "
                        + "s2 \(b1[i]) vs \(b2[i]) (g \(g[i]), s1 \(s1[i]), s2 \(s2[i]), e \(e))", file: file, line: line)
                break
            }
        }
    }

    func testKernelsMatchTheSwiftLoopsOnValuesOfEveryScale() throws {
        try XCTSkipUnless(Optimizer.useKernels, "the update kernels are compiled only for AVX-512 machines")
        // Magnitudes from 1 down to 1e-12 for gradients and first states, 1e-20 for second states (Adam's v),
        // as over a long run with tiny gradients.
        var rng = RNG(seed: 11)
        let n = 100_003   // not a multiple of 8: the masked tail runs too
        var g = [Double](), w = [Double](), s1 = [Double](), s2 = [Double]()
        func scale(_ decades: Double) -> Double { Foundation.pow(10, -Double(Int(rng.uniform() * decades))) }
        for _ in 0..<n {
            g.append((rng.uniform() - 0.5) * scale(12))
            w.append(rng.uniform() - 0.5)
            s1.append((rng.uniform() - 0.5) * scale(12))
            s2.append(rng.uniform() * scale(20))
        }
        // Adam's first state is signed, the others' are sums of squares: give those |s1|.
        for t in [1.0, 10, 1000] {
            let bc2 = (1 - Foundation.pow(0.999, t)).squareRoot()
            compare(g: g, w: w, s1: s1.map { $0.magnitude }, s2: s2, step: 1e-3 / (1 - Foundation.pow(0.9, t)) * bc2,
                    e: 1e-8 * bc2)
        }
        compare(g: g, w: w, s1: s1, s2: s2, step: 1e-3, e: 1e-8)
    }

    func testKernelsMatchTheSwiftLoopsAtTheEdges() throws {
        try XCTSkipUnless(Optimizer.useKernels, "the update kernels are compiled only for AVX-512 machines")
        // Zero and tiny divisors (ε = 0), overflowing states, subnormal and zero numerators, NaN and infinite
        // gradients, signed zeros: the lanes the reciprocal cannot serve must still give the divider's answer.
        let gs: [Double] = [0, -0.0, 1e-300, .leastNonzeroMagnitude, 1e200, -1e200, .infinity, -.infinity, .nan, 1, -1,
                            1e-160, 3]
        let firsts: [Double] = [0, -0.0, 0x1p-1030, -1e-300, 1, 1e300, -.infinity, .nan]
        let seconds: [Double] = [0, 0x1p-1063, 1e-300, 1, 1e300, .infinity]
        var g = [Double](), w = [Double](), s1 = [Double](), s2 = [Double]()
        for gi in gs { for a in firsts { for b in seconds { g.append(gi); s1.append(a); s2.append(b); w.append(0.5) } } }
        // Around the ranges where the kernels trust the reciprocal (2^-500 ≤ d ≤ 2^500, 2^-460 ≤ |numerator| ≤
        // 2^460): quotients near 2^-960 and 2^960 just inside, subnormal and overflowing ones just outside.
        for (a, b) in [(0x1p-459, 0x1p998), (0x1p-461, 0x1p998), (0x1p459, 0x1p-998), (0x1p461, 0x1p-998),
                       (0x1p-459, 0x1p1002), (0x1p459, 0x1p-1002), (-0x1.fffffp-460, 0x1.8p999)] {
            g.append(0); s1.append(a / 0.9); s2.append(b / 0.999); w.append(0.5)   // Adam: numerator m, divisor √v
            g.append(a); s1.append(b); s2.append(0); w.append(0.5)                  // the others: numerator g, divisor √s
        }
        for e in [0.0, 1e-8, 0x1p-1063] {
            for step in [1e-3, 1, 1e300] {
                compare(g: g, w: w, s1: s1, s2: s2, step: step, e: e)
            }
        }
        // Every length of tail, 1 to 17 values.
        for count in 1...17 {
            compare(g: Array(g[0..<count]), w: Array(w[0..<count]), s1: Array(s1[0..<count]), s2: Array(s2[0..<count]),
                    step: 1e-3, e: 1e-8)
        }
    }
}
