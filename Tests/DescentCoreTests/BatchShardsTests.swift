import XCTest
@testable import DescentCore

/// A step on a batch cut in halves (`BatchShards`) computes the whole batch's gradient, on one thread or two.
///
/// The reference is the whole batch's graph driven by hand (`forward`, `backward`, `update`), whose ops are
/// checked elsewhere against finite differences and against numbers computed with PyTorch; here the
/// question is only whether cutting the batch, weighting the halves' losses, counting the penalty once and
/// adding the halves' gradients give the same step. They may differ in the last bits (the sums over the
/// batch are taken in two parts), hence the tolerances of a few units in the 15th digit.
final class BatchShardsTests: XCTestCase {
    /// A spiral classifier big enough to be cut: 65 rows × 4,547 parameters ≥ `ThreadTeam.minimumStepWork`.
    private func trainer(batch: Int = 65, regularizer: Regularizer = Regularizer(l2: 1e-3),
                         optimizer: OptimizerKind = .adam(beta1: 0.9, beta2: 0.999, eps: 1e-8),
                         learningRate: Double = 1e-2, second: Activation = .tanh, width: Int = 64) throws -> Trainer {
        var rng = RNG(seed: 7)
        let data = try Dataset.generate(.spiral, n: 300, classes: 3, rng: &rng)
        let spec = ModelSpec(inputSize: 2, layers: [
            .dense(units: width, activation: .relu, bias: true, initializer: nil),
            .dense(units: width, activation: second, bias: true, initializer: nil),
            .dense(units: 3, activation: .linear, bias: true, initializer: nil),
        ])
        let model = Model(spec: spec, rng: &rng)
        let t = Trainer(model: model, loss: .ce, regularizer: regularizer,
                        optimizer: Optimizer(kind: optimizer, learningRate: learningRate),
                        train: data, validation: nil, batchSize: batch, rng: rng)
        t.evaluationInterval = Int.max
        return t
    }

    func testOddBatchWithPenaltyIsCutAndMatchesTheWholeBatch() throws {
        let cut = try trainer(), whole = try trainer()
        XCTAssertTrue(BatchShards.cuts(cut.model, rows: 65), "the test must exercise the halved path")
        XCTAssertEqual(cut.model.parameterCount, 2 * 64 + 64 + 64 * 64 + 64 + 64 * 3 + 3)
        for step in 1...3 {
            XCTAssertNil(cut.step())
            whole.forward(); whole.backward(); whole.update()
            for (p, q) in zip(cut.model.parameters, whole.model.parameters) {
                // If either half's loss share or the penalty were counted wrongly, gradients would be off by
                // tens of percent; rounding alone leaves them within a few ulps.
                XCTAssertLessThan(relativeGap(p.grad.array, q.grad.array), 1e-14, "step \(step) d\(p.name)")
                XCTAssertLessThan(relativeGap(p.value.array, q.value.array), 1e-13, "step \(step) \(p.name)")
            }
            let a = try XCTUnwrap(cut.history.lastStep), b = try XCTUnwrap(whole.history.lastStep)
            XCTAssertEqual(a.batchLoss, b.batchLoss, accuracy: 1e-14 * abs(b.batchLoss))
            XCTAssertEqual(a.penalty, b.penalty, accuracy: 1e-15 * abs(b.penalty))
            XCTAssertGreaterThan(a.penalty, 0)
            XCTAssertEqual(cut.lastBatchRows, 65)
        }
    }

    func testHalvesGiveTheSameBitsOnOneThreadAndOnTwo() throws {
        try checkSameBits(width: 64, steps: 40)
    }

    /// Trains two copies for `steps` steps, one with the halves on two threads, one with both on the caller.
    private func checkSameBits(width: Int, steps: Int) throws {
        guard ThreadTeam.shared.size > 1 else { throw XCTSkip("one core: there is no team to compare with") }
        let team = try trainer(batch: 64, width: width), alone = try trainer(batch: 64, width: width)
        team.teamChoice = true
        alone.teamChoice = false
        XCTAssertEqual(team.train(steps: steps) { _ in nil }, .completed)
        XCTAssertEqual(alone.train(steps: steps) { _ in nil }, .completed)
        for (p, q) in zip(team.model.parameters, alone.model.parameters) {
            XCTAssertEqual(p.value.array, q.value.array, "\(p.name)")
        }
        XCTAssertEqual(team.history.steps.map(\.batchLoss), alone.history.steps.map(\.batchLoss))
    }

    func testNonFiniteLossStopsBeforeTheUpdate() throws {
        // Plain SGD with a step of 1e300: the weights reach ~1e299, so the second ReLU layer's products
        // overflow and the loss of the second step is not finite.
        let t = try trainer(regularizer: .none, optimizer: .sgd(momentum: 0, nesterov: false), learningRate: 1e300,
                            second: .relu)
        checkStopsBeforeNonFiniteUpdate(t)
    }

    func testSmallModelsAndDropoutAreNotCut() throws {
        var rng = RNG(seed: 1)
        let tiny = Model(spec: ModelSpec(inputSize: 2, layers: [.dense(units: 8, activation: .tanh, bias: true, initializer: nil),
                                                                .dense(units: 1, activation: .linear, bias: true, initializer: nil)]),
                         rng: &rng)
        XCTAssertFalse(BatchShards.cuts(tiny, rows: 200), "33 parameters: too little work to share")
        let dropout = Model(spec: ModelSpec(inputSize: 64, layers: [.dense(units: 128, activation: .relu, bias: true, initializer: nil),
                                                                    .dropout(p: 0.5),
                                                                    .dense(units: 10, activation: .linear, bias: true, initializer: nil)]),
                            rng: &rng)
        XCTAssertFalse(BatchShards.cuts(dropout, rows: 64), "dropout masks are drawn in the whole batch's order")
        let digits = try XCTUnwrap(Benchmark.workloads.first { $0.name == "digits" })
        let model = Benchmark.trainer(digits).model
        XCTAssertTrue(BatchShards.cuts(model, rows: 32))
        XCTAssertFalse(BatchShards.cuts(model, rows: 31), "halves of fewer than 16 rows")
    }

    func testPacerTriesBothWaysAndKeepsTheFaster() {
        var pacer = TeamPacer()
        XCTAssertFalse(pacer.begin(teamSize: 1), "no helpers: always alone")
        pacer = TeamPacer()
        // 300 µs against 500 µs is a clear win for the team: a period the team wins clearly lasts twice as
        // long as the one before; one it loses lasts 512 steps again.
        let lengths = [1024, 512, 1024, 2048]
        for period in 0..<4 {
            let teamFaster = period != 1
            var modes: [Bool] = []
            for _ in 0..<lengths[period] {
                let onTeam = pacer.begin(teamSize: 2)
                // The first steps after a switch are slow either way and must not count.
                var run = 0
                while run < modes.count && modes[modes.count - 1 - run] == onTeam { run += 1 }
                let micros = run < TeamPacer.settle ? 50_000 : (onTeam == teamFaster ? 300 : 500)
                modes.append(onTeam)
                pacer.finish(took: .microseconds(micros))
            }
            XCTAssertEqual(pacer.periodLength, lengths[period], "period \(period)")
            // Team, then alone, then the faster for the rest of the period (when that is the caller alone,
            // its trial runs straight on into it).
            let team = modes.prefix { $0 }.count
            XCTAssertEqual(team, TeamPacer.settle + (teamFaster ? 7 : 4), "period \(period): 2 ms of 300 µs or 500 µs steps")
            if teamFaster {
                let alone = modes.dropFirst(team).prefix { !$0 }.count
                XCTAssertEqual(alone, TeamPacer.settle + 4, "period \(period)")
                XCTAssertTrue(modes.dropFirst(team + alone).allSatisfy { $0 }, "period \(period)")
            } else {
                XCTAssertTrue(modes.dropFirst(team).allSatisfy { !$0 }, "period \(period)")
            }
        }
    }

    func testPacerIsNotSwayedByOneHeldUpStep() {
        // The team's steps take 300 µs and the caller's 500, but one team step is held up for 5 ms: a mean
        // over the trial would pick the caller; the median keeps the team.
        let pacer = TeamPacer()
        var teamSteps = 0
        for _ in 0..<100 {
            let onTeam = pacer.begin(teamSize: 2)
            var micros = onTeam ? 300 : 500
            if onTeam {
                if teamSteps == TeamPacer.settle { micros = 5_000 }  // the first timed step
                teamSteps += 1
            }
            pacer.finish(took: .microseconds(micros))
        }
        XCTAssertTrue(pacer.useTeam)
        XCTAssertEqual(pacer.periodLength, 2 * TeamPacer.period, "a clear win of the team")
    }

    func testPacerLeavesTheTeamSoonAfterItsStepsSlowDown() {
        // Team 300 µs, alone 500 µs: the team wins clearly and its period grows to 1,024 steps. From step 200
        // team steps take 700 µs (the cores moved apart): within one watch window of team steps and one new
        // trial the caller runs alone, long before the period's end.
        let pacer = TeamPacer()
        var firstAloneAfterSlowdown: Int?
        for step in 0..<600 {
            let onTeam = pacer.begin(teamSize: 2)
            let slow = step >= 200
            if slow && !onTeam && firstAloneAfterSlowdown == nil { firstAloneAfterSlowdown = step }
            pacer.finish(took: .microseconds(onTeam ? (slow ? 700 : 300) : 500))
        }
        XCTAssertFalse(pacer.useTeam, "alone after the team slowed down")
        XCTAssertEqual(pacer.periodLength, TeamPacer.period, "no clear win for the team any more")
        // At most two watch windows (the one under way at step 200 may hold too few slow steps to tip its
        // median), then the team's trial (`settle`, then 4 steps of 700 µs), then alone: step 238 at the latest,
        // where the period's end would be step 1,024.
        let bound = 200 + 2 * TeamPacer.watchSteps - 1 + TeamPacer.settle + TeamPacer.minimumSteps + 1
        XCTAssertLessThanOrEqual(firstAloneAfterSlowdown ?? .max, bound)
    }
}
