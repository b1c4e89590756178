import XCTest
@testable import DescentCore

/// The schedules' rates against PyTorch's: the closed forms (`_get_closed_form_lr`) written out in Python
/// (`0.1 * 0.5 ** (t // 3)`, `0.1 * 0.9 ** t`, `0.01 + (0.1 - 0.01) * (1 + math.cos(math.pi * t / 5)) / 2`,
/// `0.1 * (0.25 + 0.75 * min(4, t) / 4)`; Python 3, same C `pow` and `cos`), which must match bit for bit, and the
/// rates PyTorch 2.15's schedulers set over 12 `scheduler.step()` calls after `SGD(lr=0.1)` (StepLR(step_size=3,
/// gamma=0.5), ExponentialLR(gamma=0.9), CosineAnnealingLR(T_max=5, eta_min=0.01), LinearLR(start_factor=0.25,
/// end_factor=1.0, total_iters=4)), which multiply their way there and so agree to rounding.
final class LearningRateScheduleTests: XCTestCase {
    static let closed: [(LearningRateSchedule.Kind, [Double])] = [
        (.step(size: 3, gamma: 0.5), [0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.0125, 0.0125, 0.0125]),
        (.exponential(gamma: 0.9), [0.1, 0.09000000000000001, 0.08100000000000002, 0.0729, 0.06561, 0.05904900000000001,
                                    0.05314410000000001, 0.04782969000000001, 0.04304672100000001, 0.03874204890000001,
                                    0.03486784401000001, 0.031381059609000006]),
        (.cosine(steps: 5, minimum: 0.01), [0.1, 0.09140576474687263, 0.06890576474687264, 0.04109423525312737,
                                            0.01859423525312737, 0.01, 0.01859423525312736, 0.041094235253127366,
                                            0.06890576474687263, 0.09140576474687263, 0.1, 0.09140576474687268]),
        (.linear(start: 0.25, end: 1, steps: 4), [0.025, 0.043750000000000004, 0.0625, 0.08125, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]),
    ]

    static let pytorch: [[Double]] = [
        [0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.0125, 0.0125, 0.0125],
        [0.1, 0.09000000000000001, 0.08100000000000002, 0.07290000000000002, 0.06561000000000002, 0.05904900000000002,
         0.05314410000000002, 0.04782969000000002, 0.043046721000000024, 0.03874204890000002, 0.03486784401000002,
         0.03138105960900001],
        [0.1, 0.09140576474687263, 0.06890576474687263, 0.04109423525312736, 0.018594235253127367, 0.01,
         0.018594235253127367, 0.04109423525312739, 0.06890576474687267, 0.09140576474687269, 0.10000000000000006,
         0.09140576474687272],
        [0.025, 0.043750000000000004, 0.06250000000000001, 0.08125000000000002, 0.10000000000000002, 0.10000000000000002,
         0.10000000000000002, 0.10000000000000002, 0.10000000000000002, 0.10000000000000002, 0.10000000000000002,
         0.10000000000000002],
    ]

    func testRatesAreTheClosedFormsBitForBitAndPyTorchsToRounding() {
        for ((kind, expected), torch) in zip(Self.closed, Self.pytorch) {
            let s = LearningRateSchedule(kind: kind, base: 0.1, start: 7)
            for t in 0..<12 {
                XCTAssertEqual(s.rate(at: t), expected[t], "\(kind) t=\(t)")
                XCTAssertEqual(s.rate(afterSteps: 7 + t), expected[t], "counted from the start step")
                XCTAssertEqual(s.rate(at: t), torch[t], accuracy: 4e-15 * torch[t], "\(kind) t=\(t) against PyTorch")
            }
            XCTAssertEqual(s.rate(afterSteps: 3), expected[0], "before its start, the first rate")
        }
    }

    func testATrainerRunsEachStepAtTheScheduledRate() {
        // Plain SGD on one weight: w ← w − lr·g with g = 2(w·x − y)·x for the single row (x, y) = (1, 0), so
        // w ← w·(1 − 2·lr), and after steps at lr 0.1, 0.09000000000000001, 0.08100000000000002: w₀·0.8·0.82·0.838.
        var rng = RNG(seed: 1)
        let spec = ModelSpec(inputSize: 1, layers: [.dense(units: 1, activation: .linear, bias: false, initializer: nil)])
        let model = Model(spec: spec, rng: &rng)
        model.parameters[0].value[0] = 1
        let data = try! Dataset(rows: [[1]], targets: [0], task: .regression)
        let t = Trainer(model: model, loss: .mse, regularizer: .none, optimizer: Optimizer(kind: .sgd(momentum: 0, nesterov: false), learningRate: 0.1),
                        train: data, validation: nil, batchSize: nil, rng: rng)
        t.schedule = LearningRateSchedule(kind: .exponential(gamma: 0.9), base: 0.1, start: 0)
        XCTAssertEqual(t.train(steps: 3) { _ in nil }, .completed)
        var w = 1.0
        for lr in [0.1, 0.09000000000000001, 0.08100000000000002] { w -= lr * 2 * w }
        XCTAssertEqual(t.model.parameters[0].value[0], w)
        XCTAssertEqual(t.history.rates.map(\.rate), [0.1, 0.09000000000000001, 0.08100000000000002])
        XCTAssertEqual(t.optimizer.learningRate, 0.0729, "the next step's rate")
    }
}
