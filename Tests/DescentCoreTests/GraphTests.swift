import XCTest
@testable import DescentCore

/// The autodiff graph: gradients against central finite differences, node order, stepping, the seed example.
final class GraphTests: XCTestCase {
    /// A 3-input model with the given hidden/output layers, 5 rows of fixed data, random weights.
    private func makeGraph(_ layers: [LayerSpec], loss: Loss, reg: Regularizer = .none, targets: [Double]? = nil,
                           seed: UInt64 = 7) -> (Graph, Model) {
        var rng = RNG(seed: seed)
        let spec = ModelSpec(inputSize: 3, layers: layers)
        let model = Model(spec: spec, rng: &rng)
        // Non-zero biases so every bias path is exercised.
        for p in model.parameters where !p.isWeight { for i in 0..<p.count { p.value[i] = 0.1 * Double(i + 1) } }
        let g = Graph(spec: spec, parameters: model.parameters, loss: loss, regularizer: reg, rows: 5)
        let x: [Double] = [0.5, -1.2, 0.3, 1.5, 0.2, -0.7, -0.4, 0.9, 1.1, 0.0, -0.3, 0.8, 2.0, -1.0, 0.25]
        g.input.load(x)
        g.target.load(targets ?? Array((0..<g.target.count).map { Double($0 % 3) * 0.5 - 0.2 }))
        return (g, model)
    }

    private func assertGradcheck(_ g: Graph, _ m: Model, _ what: String, line: UInt = #line) {
        let results: [GradientCheck.Result]
        do { results = try GradientCheck.run(g, parameters: m.parameters) } catch {
            return XCTFail("\(what): the check stopped unasked at \(error.progress)", line: line)
        }
        for r in results {
            XCTAssertTrue(r.passed, "\(what): \(r.parameter) relative error \(r.maxRelativeError)", line: line)
            XCTAssertLessThan(r.maxRelativeError, 1e-6, "\(what) \(r.parameter)", line: line)
        }
    }

    func testEveryActivationPassesGradientCheck() {
        let acts: [Activation] = [.linear, .relu, .leakyRelu(slope: 0.1), .elu(alpha: 1), .tanh, .sigmoid, .softplus, .gelu, .softmax]
        for act in acts {
            let (g, m) = makeGraph([.dense(units: 4, activation: act, bias: true, initializer: nil),
                                    .dense(units: 1, activation: .linear, bias: true, initializer: nil)], loss: .mse)
            assertGradcheck(g, m, "\(act)")
        }
    }

    func testEveryLossPassesGradientCheck() {
        let cases: [(Loss, Int, Activation, [Double])] = [
            (.mse, 1, .linear, [0.3, -0.2, 1.0, 0.5, 0.0]),
            (.mae, 1, .linear, [0.3, -0.2, 1.0, 0.5, 0.0]),
            (.huber(delta: 0.3), 1, .linear, [0.3, -0.2, 1.0, 0.5, 0.0]),
            (.bce, 1, .sigmoid, [1, 0, 1, 1, 0]),
            (.ce, 3, .softmax, [2, 0, 1, 1, 2]),
            (.ce, 3, .linear, [2, 0, 1, 1, 2]),
            (.hinge, 1, .linear, [1, 0, 1, 1, 0]),
        ]
        for (loss, out, act, y) in cases {
            let (g, m) = makeGraph([.dense(units: 4, activation: .tanh, bias: true, initializer: nil),
                                    .dense(units: out, activation: act, bias: true, initializer: nil)], loss: loss, targets: y)
            assertGradcheck(g, m, "\(loss)")
        }
    }

    func testRegularizersPassGradientCheckAndSkipBiases() {
        for reg in [Regularizer(l1: 0.01), Regularizer(l2: 0.05), Regularizer(l1: 0.02, l2: 0.03)] {
            let (g, m) = makeGraph([.dense(units: 4, activation: .tanh, bias: true, initializer: nil),
                                    .dense(units: 1, activation: .linear, bias: true, initializer: nil)], loss: .mse, reg: reg)
            assertGradcheck(g, m, "\(reg)")
            // The check leaves the graph as it found it (never run); a pass gives the penalty.
            var rng = RNG(seed: 0)
            g.forward(training: false, rng: &rng)
            // Penalty by hand: λ1·Σ|W| + λ2·ΣW² over W1 and W2 only.
            var expected = 0.0
            for p in m.parameters where p.isWeight {
                for v in p.value.array { expected += reg.l1 * abs(v) + reg.l2 * v * v }
            }
            XCTAssertEqual(g.penaltyValue, expected, accuracy: 1e-14)
            XCTAssertEqual(g.totalValue, g.lossValue + g.penaltyValue)
        }
    }

    func testNodeOrderAndNames() {
        let (g, _) = makeGraph([.dense(units: 4, activation: .relu, bias: true, initializer: nil),
                                .dropout(p: 0.5),
                                .dense(units: 3, activation: .softmax, bias: false, initializer: nil)], loss: .ce, targets: [0, 1, 2, 0, 1])
        XCTAssertEqual(g.nodes.map(\.name), ["X", "W1", "XW1", "b1", "Z1", "A1", "D1", "W2", "Z2", "A2", "y", "loss", "penalty", "total"])
        // ce reads the logits Z2, so A2 is not on the gradient path.
        XCTAssertEqual(g.nodes[g.lossInputIndex].name, "Z2")
        XCTAssertEqual(g.backwardOrder.map { g.nodes[$0].name }, ["total", "penalty", "loss", "Z2", "D1", "A1", "Z1", "XW1"])
    }

    func testSteppingBackwardVisitsEveryNodeAndMatchesFullBackward() {
        let (g, m) = makeGraph([.dense(units: 4, activation: .tanh, bias: true, initializer: nil),
                                .dense(units: 2, activation: .sigmoid, bias: true, initializer: nil),
                                .dense(units: 1, activation: .linear, bias: true, initializer: nil)], loss: .mse, reg: Regularizer(l2: 0.01))
        var rng = RNG(seed: 1)
        g.forward(training: true, rng: &rng)
        g.backward()
        let full = m.parameters.map { $0.grad.array }
        g.beginBackward()
        var visited: [Int] = []
        while let i = g.backwardStep() { visited.append(i) }
        XCTAssertEqual(visited, g.backwardOrder)
        XCTAssertEqual(visited, visited.sorted(by: >), "reverse topological order")
        XCTAssertEqual(m.parameters.map { $0.grad.array }, full, "bit-identical to one-shot backward")
        // Running backward again replaces the gradients rather than adding to them.
        g.backward()
        XCTAssertEqual(m.parameters.map { $0.grad.array }, full)
    }

    func testDropoutIsInvertedInTrainingAndIdentityInEvaluation() {
        var rng = RNG(seed: 3)
        let spec = ModelSpec(inputSize: 3, layers: [.dropout(p: 0.25), .dense(units: 1, activation: .linear, bias: false, initializer: .constant(1))])
        let model = Model(spec: spec, rng: &rng)
        let g = Graph(spec: spec, parameters: model.parameters, loss: .mse, regularizer: .none, rows: 400)
        g.input.fill(1)
        g.forward(training: false, rng: &rng)
        XCTAssertEqual(g.nodes[1].value.array, [Double](repeating: 1, count: 1200))
        g.forward(training: true, rng: &rng)
        let d = g.nodes[1].value.array
        XCTAssertTrue(d.allSatisfy { $0 == 0 || $0 == 1 / 0.75 }, "kept values are scaled by 1/(1-p)")
        let dropped = Double(d.filter { $0 == 0 }.count) / 1200
        XCTAssertEqual(dropped, 0.25, accuracy: 0.05)
    }

    /// The seed's worked example: θ ← θ − α·(1/m)·Xᵀ(Xθ − y), α = 0.01, 1000 iterations from θ = 0.
    /// numpy's θ from that very loop: [0.2935580942022992, 0.7965641032842721].
    /// With `mse` (gradient (2/m)·Xᵀ(Xθ − y)) the same path needs α = 0.005.
    func testSeedLinearRegressionMatchesNumpy() {
        var rng = RNG(seed: 0)
        let spec = ModelSpec(inputSize: 2, layers: [.dense(units: 1, activation: .linear, bias: false, initializer: .zeros)])
        let model = Model(spec: spec, rng: &rng)
        let g = Graph(spec: spec, parameters: model.parameters, loss: .mse, regularizer: .none, rows: 3)
        g.input.load([1, 2, 2, 3, 3, 4]); g.target.load([2, 3, 4])
        var opt = Optimizer(kind: .sgd(momentum: 0, nesterov: false), learningRate: 0.005)
        for _ in 0..<1000 {
            g.forward(training: true, rng: &rng); g.backward(); opt.update(model.parameters)
        }
        let theta = model.parameters[0].value.array
        XCTAssertEqual(theta[0], 0.2935580942022992, accuracy: 1e-9)
        XCTAssertEqual(theta[1], 0.7965641032842721, accuracy: 1e-9)
    }

    /// First gradient of the seed example by hand: Xθ − y = −y at θ = 0, so (2/3)·Xᵀ(−y) = −(2/3)·[20, 29].
    func testSeedFirstGradientByHand() {
        var rng = RNG(seed: 0)
        let spec = ModelSpec(inputSize: 2, layers: [.dense(units: 1, activation: .linear, bias: false, initializer: .zeros)])
        let model = Model(spec: spec, rng: &rng)
        let g = Graph(spec: spec, parameters: model.parameters, loss: .mse, regularizer: .none, rows: 3)
        g.input.load([1, 2, 2, 3, 3, 4]); g.target.load([2, 3, 4])
        g.forward(training: true, rng: &rng); g.backward()
        XCTAssertEqual(g.lossValue, (4.0 + 9 + 16) / 3, accuracy: 1e-15)
        XCTAssertEqual(model.parameters[0].grad.array[0], -40.0 / 3, accuracy: 1e-13)
        XCTAssertEqual(model.parameters[0].grad.array[1], -58.0 / 3, accuracy: 1e-13)
    }
}
