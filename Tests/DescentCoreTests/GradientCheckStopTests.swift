import XCTest
@testable import DescentCore

/// A gradient check asked to stop: it stops at the entry it was asked at and puts back everything it touched.
final class GradientCheckStopTests: XCTestCase {
    /// Everything a check could change, as bit patterns: parameter values and gradients, node values, gradients
    /// and dropout masks, and where backward stands.
    private struct State: Equatable {
        var parameters: [[UInt64]]
        var parameterGrads: [[UInt64]]
        var nodeValues: [[UInt64]]
        var nodeGrads: [[UInt64]]
        var masks: [[UInt64]]
        var backwardDone: Int?
        var lastForwardTraining: Bool

        init(_ g: Graph, _ m: Model) {
            func bits(_ b: Buffer) -> [UInt64] { b.array.map(\.bitPattern) }
            parameters = m.parameters.map { bits($0.value) }
            parameterGrads = m.parameters.map { bits($0.grad) }
            nodeValues = g.nodes.map { bits($0.value) }
            nodeGrads = g.nodes.map { bits($0.grad) }
            masks = g.nodes.map { $0.mask.map(bits) ?? [] }
            backwardDone = g.backwardDone
            lastForwardTraining = g.lastForwardTraining
        }
    }

    /// A 3-4-1 tanh model with dropout, part-way through stepping backward after a training-mode forward pass
    /// on 5 rows: a state an evaluation-mode check overwrites everywhere unless it puts it back.
    private func graphMidStep() -> (Graph, Model) {
        var rng = RNG(seed: 11)
        let spec = ModelSpec(inputSize: 3, layers: [.dense(units: 4, activation: .tanh, bias: true, initializer: nil),
                                                    .dropout(p: 0.5),
                                                    .dense(units: 1, activation: .linear, bias: true, initializer: nil)])
        let m = Model(spec: spec, rng: &rng)
        let g = Graph(spec: spec, parameters: m.parameters, loss: .mse, regularizer: Regularizer(l2: 0.01), rows: 5)
        g.input.load([0.5, -1.2, 0.3, 1.5, 0.2, -0.7, -0.4, 0.9, 1.1, 0.0, -0.3, 0.8, 2.0, -1.0, 0.25])
        g.target.load([0.3, -0.2, 1.0, 0.5, 0.0])
        g.forward(training: true, rng: &rng)
        g.beginBackward()
        for _ in 0..<3 { g.backwardStep() }
        return (g, m)
    }

    func testStoppingPutsEveryBitBack() {
        // W1 [3,4], b1 [4], W2 [4,1], b2 [1]: 12 + 4 + 4 + 1 = 21 entries; the 15th (index 14) is b1[2].
        for stopAt in [0, 14, 20] {
            let (g, m) = graphMidStep()
            let before = State(g, m)
            XCTAssertEqual(before.backwardDone, 3)
            var asked = 0
            do {
                _ = try GradientCheck.run(g, parameters: m.parameters) { _ in
                    defer { asked += 1 }
                    return asked < stopAt
                }
                XCTFail("the check ran to the end though asked to stop before entry \(stopAt)")
            } catch {
                XCTAssertEqual(error.progress.done, stopAt)
                XCTAssertEqual(error.progress.total, 21)
                XCTAssertEqual(asked, stopAt + 1, "asked once per entry checked, and once more to stop")
            }
            XCTAssertEqual(State(g, m), before, "stopped before entry \(stopAt): the state changed")
        }
    }

    func testWhereItStopsIsReported() {
        let (g, m) = graphMidStep()
        var asked = 0
        XCTAssertThrowsError(try GradientCheck.run(g, parameters: m.parameters) { _ in
            defer { asked += 1 }
            return asked < 14
        }) { error in
            XCTAssertEqual((error as? GradientCheck.Stopped)?.progress,
                           GradientCheck.Progress(parameter: "b1", entry: 2, entries: 4, done: 14, total: 21))
        }
    }

    func testEveryEntryIsAskedForInOrderAndTheResultsAreUnchanged() throws {
        let (g, m) = graphMidStep()
        var seen: [GradientCheck.Progress] = []
        let asked = try GradientCheck.run(g, parameters: m.parameters) { seen.append($0); return true }
        let expected = [("W1", 12), ("b1", 4), ("W2", 4), ("b2", 1)].flatMap { name, n in (0..<n).map { (name, $0, n) } }
        XCTAssertEqual(seen, expected.enumerated().map { k, e in
            GradientCheck.Progress(parameter: e.0, entry: e.1, entries: e.2, done: k, total: 21)
        })
        // The same check without a callback, on the same start, finds exactly the same errors.
        let (g2, m2) = graphMidStep()
        XCTAssertEqual(asked, try GradientCheck.run(g2, parameters: m2.parameters))
        XCTAssertTrue(asked.allSatisfy(\.passed), "\(asked)")
    }
}
