import XCTest
@testable import DescentCore

/// `GradientCheck.sampledOffsets`: n distinct entries in order, every entry as likely as any other, all of them when
/// the parameter has no more than n; and `run` checks only the entries asked for.
final class GradientCheckSampleTests: XCTestCase {
    func testASampleHoldsNDistinctOffsetsInOrderWithinTheParameter() {
        for (count, n) in [(10, 3), (401_408, 100), (7, 6), (1, 1)] {
            var rng = RNG(seed: 3)
            let s = GradientCheck.sampledOffsets(count: count, taking: n, rng: &rng)
            XCTAssertEqual(s.count, n, "\(n) of \(count)")
            XCTAssertEqual(s, Array(Set(s)).sorted(), "distinct and in increasing order")
            XCTAssertTrue(s.allSatisfy { (0..<count).contains($0) }, "\(s)")
        }
    }

    func testAParameterOfNoMoreThanNEntriesIsCheckedWholeWithoutDrawing() {
        for (count, n) in [(5, 5), (5, 100), (1, 1_000_000_000)] {
            var rng = RNG(seed: 9)
            let before = rng
            XCTAssertEqual(GradientCheck.sampledOffsets(count: count, taking: n, rng: &rng), Array(0..<count))
            XCTAssertEqual(rng, before, "nothing drawn")
        }
    }

    func testTheSameStreamGivesTheSameSampleAndEveryEntryIsAsLikely() {
        var a = RNG(seed: 42), b = RNG(seed: 42)
        XCTAssertEqual(GradientCheck.sampledOffsets(count: 1000, taking: 20, rng: &a),
                       GradientCheck.sampledOffsets(count: 1000, taking: 20, rng: &b))
        // 20,000 samples of 3 of 10 entries: each entry is in a sample with probability 3/10, so about 6,000 times,
        // with a standard deviation of √(20000·0.3·0.7) ≈ 64.8 (binomial); 5 of them, ±324, fails one run in ~10⁶.
        var rng = RNG(seed: 1)
        var times = [Int](repeating: 0, count: 10)
        for _ in 0..<20_000 {
            for o in GradientCheck.sampledOffsets(count: 10, taking: 3, rng: &rng) { times[o] += 1 }
        }
        for (o, k) in times.enumerated() { XCTAssertEqual(Double(k), 6000, accuracy: 324, "entry \(o): \(times)") }
    }

    func testRunChecksOnlyTheEntriesAskedFor() throws {
        // A 2-3-1 tanh model: W1 has 6 entries, b1 3, W2 3, b2 1. Offsets [1, 4] of W1, [2] of b1, none of W2, all of b2.
        var rng = RNG(seed: 5)
        let spec = ModelSpec(inputSize: 2, layers: [.dense(units: 3, activation: .tanh, bias: true, initializer: nil),
                                                    .dense(units: 1, activation: .linear, bias: true, initializer: nil)])
        let m = Model(spec: spec, rng: &rng)
        let g = Graph(spec: spec, parameters: m.parameters, loss: .mse, regularizer: .none, rows: 3)
        g.input.load([0.5, -1.2, 1.5, 0.3, -0.7, 0.8])
        g.target.load([0.3, -1.2, 2.5])
        var asked: [String] = []
        let results = try GradientCheck.run(g, parameters: m.parameters, offsets: [[1, 4], [2], [], [0]]) { p in
            asked.append("\(p.parameter) \(p.entry)/\(p.entries) \(p.done)/\(p.total)")
            return true
        }
        XCTAssertEqual(asked, ["W1 0/2 0/4", "W1 1/2 1/4", "b1 0/1 2/4", "b2 0/1 3/4"])
        XCTAssertEqual(results.map(\.checked), [2, 1, 0, 1])
        XCTAssertEqual(results.map(\.entries), [6, 3, 3, 1])
        XCTAssertEqual(results[1].worstIndex, [2], "the only entry checked is the worst")
        XCTAssertTrue(results.allSatisfy(\.passed))
    }
}
