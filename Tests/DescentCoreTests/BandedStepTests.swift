import XCTest
@testable import DescentCore

/// A step shared by two threads that each own a band of every layer (`BandedStep`) is the whole batch's step.
///
/// The reference is the same trainer driven by hand (`forward`, `backward`, `update` on the whole batch's
/// graph), whose ops are checked elsewhere against finite differences and against numbers computed with
/// PyTorch; here the question is whether cutting every layer into bands, adding the two bands' products,
/// sharing the last layer by rows and updating each band's rows gives the same step. Products through the
/// hidden layers are summed in two parts, so values may differ in the last bits: tolerances of a few units
/// in the 14th digit. A lost band, a band's share counted twice or a wrong row block would be off by
/// tens of percent.
final class BandedStepTests: XCTestCase {
    /// A classifier or regressor on 20 normal features, big enough to be shared (64 rows × 4,660 parameters).
    private func trainer(batch: Int = 65, loss: Loss = .ce, outputs: Int = 4, last: Activation = .linear,
                         hidden: (Activation, Activation) = (.relu, .tanh), secondBias: Bool = true,
                         regularizer: Regularizer = Regularizer(l2: 1e-3),
                         optimizer: OptimizerKind = .adam(beta1: 0.9, beta2: 0.999, eps: 1e-8),
                         learningRate: Double = 1e-2, widths: (Int, Int) = (64, 48)) -> Trainer {
        var rng = RNG(seed: 11)
        let n = 300, f = 20
        let x = Tensor(shape: [n, f], data: (0..<(n * f)).map { _ in rng.normal() })
        let targets: [Double]
        switch loss {
        case .ce: targets = (0..<n).map { _ in Double(rng.int(below: outputs)) }
        case .bce: targets = (0..<n).map { _ in Double(rng.int(below: 2)) }
        default: targets = (0..<n).map { _ in rng.normal() }
        }
        let y = Tensor(shape: [n, 1], data: targets)
        let task: Task = loss == .ce ? .multiclass : (loss == .bce ? .binary : .regression)
        let data = Dataset(name: "bands", X: x, y: y, task: task, featureNames: (0..<f).map { "x\($0)" },
                           targetName: "y", classNames: loss == .ce ? (0..<outputs).map(String.init) : [])
        let spec = ModelSpec(inputSize: f, layers: [
            .dense(units: widths.0, activation: hidden.0, bias: true, initializer: nil),
            .dense(units: widths.1, activation: hidden.1, bias: secondBias, initializer: nil),
            .dense(units: outputs, activation: last, bias: true, initializer: nil),
        ])
        let model = Model(spec: spec, rng: &rng)
        let t = Trainer(model: model, loss: loss, regularizer: regularizer,
                        optimizer: Optimizer(kind: optimizer, learningRate: learningRate),
                        train: data, validation: nil, batchSize: batch, rng: rng)
        t.evaluationInterval = Int.max
        return t
    }

    /// Steps `make()`'s trainer three times shared and three times by hand, comparing after each.
    private func checkMatchesWholeBatch(_ make: () -> Trainer, file: StaticString = #filePath, line: UInt = #line) throws {
        let shared = make(), whole = make()
        XCTAssertTrue(BandedStep.applies(shared.model, rows: 65), "the test must exercise the shared step", file: file, line: line)
        for step in 1...3 {
            XCTAssertNil(shared.step(), file: file, line: line)
            whole.forward(); whole.backward(); whole.update()
            for (p, q) in zip(shared.model.parameters, whole.model.parameters) {
                XCTAssertLessThan(relativeGap(p.grad.array, q.grad.array), 1e-13, "step \(step) d\(p.name)", file: file, line: line)
                XCTAssertLessThan(relativeGap(p.value.array, q.value.array), 1e-13, "step \(step) \(p.name)", file: file, line: line)
            }
            let a = try XCTUnwrap(shared.history.lastStep), b = try XCTUnwrap(whole.history.lastStep)
            XCTAssertEqual(a.batchLoss, b.batchLoss, accuracy: 1e-13 * abs(b.batchLoss), file: file, line: line)
            XCTAssertEqual(a.penalty, b.penalty, accuracy: 1e-14 * max(1, abs(b.penalty)), file: file, line: line)
            XCTAssertEqual(shared.lastBatchRows, 65, file: file, line: line)
        }
        XCTAssertEqual(shared.optimizer.steps, 3, file: file, line: line)
    }

    func testClassifierWithPenaltyMatchesTheWholeBatch() throws {
        try checkMatchesWholeBatch { trainer() }
    }

    func testRegressorWithoutABiasMatchesTheWholeBatch() throws {
        // mse, a hidden layer without a bias, sigmoid and gelu, both penalties, momentum.
        try checkMatchesWholeBatch {
            trainer(loss: .mse, outputs: 1, hidden: (.sigmoid, .gelu), secondBias: false,
                    regularizer: Regularizer(l1: 1e-3, l2: 1e-3), optimizer: .sgd(momentum: 0.9, nesterov: true),
                    learningRate: 0.05)
        }
    }

    func testFusedOutputsMatchTheWholeBatch() throws {
        // ce on a softmax output and bce on sigmoid outputs read the logits (the activation is fused).
        try checkMatchesWholeBatch { trainer(last: .softmax, regularizer: .none) }
        try checkMatchesWholeBatch {
            trainer(loss: .bce, outputs: 1, last: .sigmoid, hidden: (.leakyRelu(slope: 0.1), .elu(alpha: 1)),
                    optimizer: .rmsprop(alpha: 0.99, eps: 1e-8, momentum: 0.5), learningRate: 1e-3)
        }
    }

    func testWidthsThatAreNotWholeVectorsMatchTheWholeBatch() throws {
        // 20 inputs, 60 and 44 units: bands of 8 and 12, 32 and 28, 24 and 20 columns, so the eight-column
        // ReLU passes give way to the general ones, and rows of shares are not whole cache lines.
        try checkMatchesWholeBatch { trainer(hidden: (.relu, .relu), widths: (60, 44)) }
    }

    func testSameBitsOnOneThreadAndOnTwo() throws {
        guard ThreadTeam.shared.size > 1 else { throw XCTSkip("one core: there is no team to compare with") }
        let team = trainer(batch: 64), alone = trainer(batch: 64)
        team.teamChoice = true
        alone.teamChoice = false
        XCTAssertEqual(team.train(steps: 40) { _ in nil }, .completed)
        XCTAssertEqual(alone.train(steps: 40) { _ in nil }, .completed)
        for (p, q) in zip(team.model.parameters, alone.model.parameters) {
            XCTAssertEqual(p.value.array, q.value.array, "\(p.name)")
        }
        XCTAssertEqual(team.history.steps.map(\.batchLoss), alone.history.steps.map(\.batchLoss))
    }

    func testGraphShowsTheLastStepsBatch() throws {
        // After a shared step the graph a person looks at holds that step's values and gradients, which
        // live in the threads' own buffers until then.
        let shared = trainer(), whole = trainer()
        for _ in 0..<2 {
            XCTAssertNil(shared.step())
            let g = whole.forward()
            whole.backward()
            let h = shared.previewGraph()
            for name in ["X", "XW1", "Z1", "A1", "Z2", "A2", "Z3", "A3", "loss"] {
                let i = try XCTUnwrap(g.index(of: name), name), j = try XCTUnwrap(h.index(of: name), name)
                XCTAssertLessThan(relativeGap(h.nodes[j].value.array, g.nodes[i].value.array), 1e-13, name)
                XCTAssertLessThan(relativeGap(h.nodes[j].grad.array, g.nodes[i].grad.array), 1e-13, "d" + name)
            }
            whole.update()
        }
    }

    func testNonFiniteLossStopsBeforeTheUpdate() throws {
        // Plain SGD with a step of 1e300: the weights reach ~1e299 and the next products overflow.
        let t = trainer(hidden: (.relu, .relu), regularizer: .none, optimizer: .sgd(momentum: 0, nesterov: false),
                        learningRate: 1e300)
        checkStopsBeforeNonFiniteUpdate(t)
    }

    func testWhichModelsAreShared() throws {
        var rng = RNG(seed: 1)
        func model(_ input: Int, _ layers: [LayerSpec]) -> Model { Model(spec: ModelSpec(inputSize: input, layers: layers), rng: &rng) }
        func dense(_ units: Int, _ act: Activation = .relu) -> LayerSpec { .dense(units: units, activation: act, bias: true, initializer: nil) }
        let digits = try XCTUnwrap(Benchmark.workloads.first { $0.name == "digits" })
        XCTAssertTrue(BandedStep.applies(Benchmark.trainer(digits).model, rows: 32))
        let wide = try XCTUnwrap(Benchmark.workloads.first { $0.name == "wide" })
        XCTAssertTrue(BandedStep.applies(Benchmark.trainer(wide).model, rows: 256))
        XCTAssertFalse(BandedStep.applies(model(2, [dense(8, .tanh), dense(8, .tanh), dense(1, .linear)]), rows: 200),
                       "tiny: too little work to share")
        XCTAssertFalse(BandedStep.applies(model(64, [dense(128), .dropout(p: 0.5), dense(10, .linear)]), rows: 64),
                       "dropout masks are drawn in the whole batch's order")
        XCTAssertFalse(BandedStep.applies(model(64, [dense(128, .softmax), dense(10, .linear)]), rows: 64),
                       "a hidden softmax needs whole rows")
        XCTAssertFalse(BandedStep.applies(model(64, [dense(128), dense(100, .linear)]), rows: 64),
                       "a wide last layer would be computed twice")
        XCTAssertFalse(BandedStep.applies(model(64, [dense(24), dense(10, .linear)]), rows: 512),
                       "bands of a 24-unit layer would be narrower than two vectors")
        XCTAssertFalse(BandedStep.applies(model(64, [dense(10, .linear)]), rows: 512), "no hidden layer")
    }
}
