import XCTest
@testable import DescentCore

/// A run whose evaluation of the full sets gives a training or validation loss that is not finite stops at that
/// evaluation, keeping the parameters the step left and the evaluation it recorded, and says which loss, where.
final class EvaluationOverflowTests: XCTestCase {
    /// A 1-1 linear model without bias, w = `w`, trained by plain SGD at `lr` under mse on `train`, validated on `validation`.
    private func trainer(w: Double, lr: Double, train: [(Double, Double)], validation: [(Double, Double)]?) -> Trainer {
        var rng = RNG(seed: 1)
        let spec = ModelSpec(inputSize: 1, layers: [.dense(units: 1, activation: .linear, bias: false, initializer: nil)])
        let model = Model(spec: spec, rng: &rng)
        model.parameters[0].value[0] = w
        func set(_ rows: [(Double, Double)]) -> Dataset {
            try! Dataset(rows: rows.map { [$0.0] }, targets: rows.map(\.1), task: .regression)
        }
        return Trainer(model: model, loss: .mse, regularizer: .none, optimizer: Optimizer(kind: .sgd(momentum: 0, nesterov: false), learningRate: lr),
                       train: set(train), validation: validation.map(set), batchSize: nil, rng: rng)
    }

    func testAValidationRowThatOverflowsStopsTheRunAtItsEvaluationKeepingTheSteps() {
        // Training rows (1, 2) and (2, 4): w ← w − 0.01·(2/2)·Σ(w·x − y)·x = w + 0.05·(2 − w), so from w = 1 the three
        // steps give 2 − 0.95³ = 1.142625 (by hand). Validation row 1 is x = 1e160: (1.14e160)² overflows a Double.
        let t = trainer(w: 1, lr: 0.01, train: [(1, 2), (2, 4)], validation: [(0.5, 0.5), (1e160, 0), (2, 2)])
        t.evaluationInterval = 3
        let reason = t.train(steps: 10) { _ in nil }
        guard case .nonFiniteEvaluation(let message) = reason else { return XCTFail("\(reason)") }
        XCTAssertTrue(message.hasPrefix("val_loss became infinite at the evaluation of step 3 (first produced by node loss (mse), "
                                        + "in row 1 of the validation set); parameters kept as the update of step 3 left them "
                                        + "(largest |value| 1.143, in W1)"), message)
        XCTAssertEqual(t.stepCount, 3)
        XCTAssertEqual(t.model.parameters[0].value[0], 1.142625, accuracy: 1e-15)
        XCTAssertEqual(t.history.evaluations.map(\.step), [3], "no second evaluation at the end: the one at step 3 stands")
        let e = t.history.evaluations.last!
        XCTAssertEqual(e.valLoss, .infinity)
        // numpy: ((1.142625 − 2)²·1 + (2.28525 − 4)²) / 2 = 0.857375²·5/2
        XCTAssertEqual(e.trainLoss, 1.837729726562499, accuracy: 1e-13)
    }

    func testAValidationSetOfSeveralBlocksNamesTheRowInTheBlockThatOverflowed() {
        // The same fit, but a validation set of 40 rows evaluated in blocks of 8 by the two lanes: row 27 (block 3) is
        // x = 1e160; rows 0–26 and 28–39 are finite. The message names row 27, whichever lane took its block.
        var validation = (0..<40).map { (Double($0 % 5) * 0.5, Double($0 % 5)) }
        validation[27] = (1e160, 0)
        for team in [false, true] {
            let t = trainer(w: 1, lr: 0.01, train: [(1, 2), (2, 4)], validation: validation)
            t.blockRows = 8
            t.teamChoice = team
            t.evaluationInterval = 3
            let reason = t.train(steps: 10) { _ in nil }
            guard case .nonFiniteEvaluation(let message) = reason else { return XCTFail("\(reason)") }
            XCTAssertTrue(message.hasPrefix("val_loss became infinite at the evaluation of step 3 (first produced by node loss (mse), "
                                            + "in row 27 of the validation set)"), message)
            XCTAssertEqual(t.stepCount, 3)
        }
    }

    func testAnEvaluationAtTheEndOfARunThatOverflowsIsItsStop() {
        // The interval (10) does not fall in the run of 3: its last step's evaluation, at the end, overflows.
        let t = trainer(w: 1, lr: 0.01, train: [(1, 2), (2, 4)], validation: [(0.5, 0.5), (1e160, 0)])
        t.evaluationInterval = 10
        let reason = t.train(steps: 3) { _ in nil }
        guard case .nonFiniteEvaluation(let message) = reason else { return XCTFail("\(reason)") }
        XCTAssertTrue(message.hasPrefix("val_loss became infinite at the evaluation of step 3"), message)
        XCTAssertEqual(t.stepCount, 3)
    }

    func testATermThatOverflowsInANodeOfRowsNamesTheNodeAndRow() {
        // w = 2 fits the training rows exactly (gradient 0, so w stays 2); validation x = 1.5e308 gives
        // x·w = 3e308 > DBL_MAX ≈ 1.8e308 in the matmul itself, Z1, before the loss.
        let t = trainer(w: 2, lr: 0.01, train: [(1, 2), (2, 4)], validation: [(1, 2), (1.5e308, 0)])
        t.evaluationInterval = 1
        guard case .nonFiniteEvaluation(let message) = t.train(steps: 5, onStep: { _ in nil }) else { return XCTFail() }
        XCTAssertTrue(message.hasPrefix("val_loss became infinite at the evaluation of step 1 (first produced by node Z1 (matmul), "
                                        + "in row 1 of the validation set)"), message)
    }

    func testFiniteTermsWhoseSumOverflowsSaySo() {
        // w = 1e154 on training rows of x = 1e-200 (ŷ ≈ 1e-46: loss and gradient ~1e-92, w does not move); each
        // validation row (1, 0) has the term (1e154)² = 1e308, finite, and their sum 2e308 overflows.
        let t = trainer(w: 1e154, lr: 0.01, train: [(1e-200, 0), (2e-200, 0)], validation: [(1, 0), (1, 0)])
        t.evaluationInterval = 1
        guard case .nonFiniteEvaluation(let message) = t.train(steps: 5, onStep: { _ in nil }) else { return XCTFail() }
        XCTAssertTrue(message.hasPrefix("val_loss became infinite at the evaluation of step 1 (first produced by node loss (mse): "
                                        + "every row's term is finite, their sum overflows)"), message)
    }

    func testAFiniteEvaluationStopsNothing() {
        let t = trainer(w: 1, lr: 0.01, train: [(1, 2), (2, 4)], validation: [(0.5, 1), (3, 6)])
        t.evaluationInterval = 2
        XCTAssertEqual(t.train(steps: 6) { _ in nil }, .completed)
        XCTAssertNil(t.evaluationOverflow)
        XCTAssertEqual(t.stepCount, 6)
    }
}
