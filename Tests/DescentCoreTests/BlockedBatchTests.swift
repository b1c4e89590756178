import XCTest
@testable import DescentCore

/// A step on a batch of more rows than a block (`BlockedBatch`) computes the whole batch's gradient a block at
/// a time, on one thread or two.
///
/// The reference is the whole batch's graph driven by hand (`forward`, `backward`, `update`), whose ops are
/// checked elsewhere against finite differences and against numbers computed with PyTorch; here the question
/// is only whether weighting each block's loss by its rows, counting the penalty once and adding the blocks'
/// gradients give the same step. Sums over the batch are taken block by block, so they may differ in the
/// last bits: hence gaps of 1e-14–1e-13 (`relativeGap`: relative above 1, absolute below). Getting a block's
/// share or the penalty wrong would be off by percents.
final class BlockedBatchTests: XCTestCase {
    /// A 3-class spiral classifier (2-16-16-3) on 150 training rows, full batch, in blocks of `block` rows (150 = 18 × 8 + 6).
    private func trainer(block: Int = 8, dropout: Bool = false, regularizer: Regularizer = Regularizer(l1: 1e-3, l2: 1e-3),
                         optimizer: OptimizerKind = .adam(beta1: 0.9, beta2: 0.999, eps: 1e-8),
                         learningRate: Double = 1e-2, hidden: Activation = .tanh) throws -> Trainer {
        var rng = RNG(seed: 11)
        let data = try Dataset.generate(.spiral, n: 150, classes: 3, rng: &rng)
        var layers: [LayerSpec] = [.dense(units: 16, activation: hidden, bias: true, initializer: nil),
                                    .dense(units: 16, activation: hidden, bias: true, initializer: nil)]
        if dropout { layers.append(.dropout(p: 0.3)) }
        layers.append(.dense(units: 3, activation: .linear, bias: true, initializer: nil))
        let model = Model(spec: ModelSpec(inputSize: 2, layers: layers), rng: &rng)
        let t = Trainer(model: model, loss: .ce, regularizer: regularizer,
                        optimizer: Optimizer(kind: optimizer, learningRate: learningRate),
                        train: data, validation: nil, batchSize: nil, rng: rng)
        t.evaluationInterval = Int.max
        t.blockRows = block
        return t
    }

    /// One `step` of `blocked` and one `forward`, `backward`, `update` of `whole`, then their gradients and parameters
    /// compared (sums taken block by block against one pass: a few ulps apart at most).
    private func stepBoth(_ blocked: Trainer, _ whole: Trainer, step: Int, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNil(blocked.step(), file: file, line: line)
        whole.forward(); whole.backward(); whole.update()
        for (p, q) in zip(blocked.model.parameters, whole.model.parameters) {
            XCTAssertLessThan(relativeGap(p.grad.array, q.grad.array), 1e-14, "step \(step) d\(p.name)", file: file, line: line)
            XCTAssertLessThan(relativeGap(p.value.array, q.value.array), 1e-13, "step \(step) \(p.name)", file: file, line: line)
        }
    }

    func testBlocksWithPenaltyMatchTheWholeBatch() throws {
        let blocked = try trainer(), whole = try trainer()
        XCTAssertTrue(BlockedBatch.cuts(rows: 150, blockRows: 8))
        for step in 1...3 {
            stepBoth(blocked, whole, step: step)
            let a = try XCTUnwrap(blocked.history.lastStep), b = try XCTUnwrap(whole.history.lastStep)
            XCTAssertEqual(a.batchLoss, b.batchLoss, accuracy: 1e-14 * abs(b.batchLoss))
            XCTAssertEqual(a.penalty, b.penalty, accuracy: 1e-15 * abs(b.penalty))
            XCTAssertGreaterThan(a.penalty, 0)
            XCTAssertEqual(blocked.lastBatchRows, 150)
        }
    }

    func testWithDropoutTheHandPassDrawsTheMasksTheStepDraws() throws {
        // Stepping by hand runs the whole batch in one graph; its dropout masks come block by block from the blocks'
        // streams, so it shows (and takes) the step `step` takes. Masks drawn otherwise would move the gradients by
        // percents, not in the last bits.
        let blocked = try trainer(dropout: true), whole = try trainer(dropout: true)
        for step in 1...3 {
            stepBoth(blocked, whole, step: step)
            XCTAssertEqual(blocked.dropoutRNG, whole.dropoutRNG, "both drew one key a step")
        }
    }

    func testAnEvenNumberOfWholeBlocksMatchesTheWholeBatch() throws {
        // 150 = 2 × 75: each lane has one block and no shorter last block.
        let blocked = try trainer(block: 75, regularizer: Regularizer(l2: 1e-2), optimizer: .sgd(momentum: 0.9, nesterov: true))
        let whole = try trainer(block: 75, regularizer: Regularizer(l2: 1e-2), optimizer: .sgd(momentum: 0.9, nesterov: true))
        for _ in 1...3 {
            XCTAssertNil(blocked.step())
            whole.forward(); whole.backward(); whole.update()
        }
        for (p, q) in zip(blocked.model.parameters, whole.model.parameters) {
            XCTAssertLessThan(relativeGap(p.value.array, q.value.array), 1e-13, p.name)
        }
    }

    func testBlocksGiveTheSameBitsOnOneThreadAndOnTwo() throws {
        guard ThreadTeam.shared.size > 1 else { throw XCTSkip("one core: there is no team to compare with") }
        for dropout in [false, true] {
            let team = try trainer(dropout: dropout), alone = try trainer(dropout: dropout)
            team.teamChoice = true
            alone.teamChoice = false
            XCTAssertEqual(team.train(steps: 20) { _ in nil }, .completed)
            XCTAssertEqual(alone.train(steps: 20) { _ in nil }, .completed)
            for (p, q) in zip(team.model.parameters, alone.model.parameters) {
                XCTAssertEqual(p.value.array, q.value.array, "\(p.name), dropout \(dropout)")
            }
            XCTAssertEqual(team.history.steps.map(\.batchLoss), alone.history.steps.map(\.batchLoss))
        }
    }

    func testDropoutRunsRepeatWithTheSeed() throws {
        let a = try trainer(dropout: true), b = try trainer(dropout: true), none = try trainer(dropout: false)
        for _ in 1...5 { XCTAssertNil(a.step()); XCTAssertNil(b.step()); XCTAssertNil(none.step()) }
        XCTAssertEqual(a.model.parameters.map(\.value.array), b.model.parameters.map(\.value.array))
        // Dropout changed the path: with p = 0.3 masks the losses cannot all equal those without dropout.
        XCTAssertNotEqual(a.history.steps.map(\.batchLoss), none.history.steps.map(\.batchLoss))
    }

    /// The step's gradient, rebuilt block by block outside `BlockedBatch`: each block's graph weighted by its rows,
    /// its dropout masks from `RNG(seed: key).derived(stream: block)` where `key` is the dropout stream's next draw,
    /// the even blocks and the odd ones summed apart, in order, then added. 150 rows in blocks of 7 make 22 blocks,
    /// the short last one (3 rows) falling to the odd lane. Streams that did not follow the block (one stream for
    /// all, or one per lane) give other masks, and the bits differ.
    func testEachBlockDrawsItsMasksFromAStreamOfItsOwn() throws {
        let t = try trainer(block: 7, dropout: true, regularizer: .none, optimizer: .sgd(momentum: 0, nesterov: false))
        var sampler = t.sampler, dropout = t.dropoutRNG
        let batch = sampler.next(), key = dropout.next()
        XCTAssertEqual(batch.count, 150)
        var sums = [[[Double]]](repeating: t.model.parameters.map { [Double](repeating: 0, count: $0.count) }, count: 2)
        for s in 0..<22 {
            let rows = s == 21 ? 3 : 7, first = batch.startIndex + 7 * s
            let g = Graph(spec: t.model.spec, parameters: t.model.parameters, loss: t.loss, regularizer: .none, rows: rows,
                          ownGradients: true, lossShare: Double(rows) / 150)
            t.train.copyRows(batch[first..<first + rows], x: g.input.pointer, y: g.target.pointer)
            var masks = RNG(seed: key).derived(stream: UInt64(s))
            g.forward(training: true, rng: &masks)
            g.backward()
            for (k, p) in t.model.parameters.enumerated() {
                let grad = try XCTUnwrap(g.gradient(of: p)).array
                sums[s % 2][k] = s < 2 ? grad : zip(sums[s % 2][k], grad).map { $0 + $1 }
            }
        }
        XCTAssertNil(t.step())
        for (k, p) in t.model.parameters.enumerated() {
            XCTAssertEqual(p.grad.array, zip(sums[0][k], sums[1][k]).map { $0 + $1 }, p.name)
        }
    }

    func testNonFiniteLossStopsBeforeTheUpdate() throws {
        // Plain SGD with a step of 1e300: the weights reach ~1e299, so the second ReLU layer's products
        // overflow and the loss of the second step is not finite.
        let t = try trainer(regularizer: .none, optimizer: .sgd(momentum: 0, nesterov: false), learningRate: 1e300,
                            hidden: .relu)
        checkStopsBeforeNonFiniteUpdate(t)
    }

    func testAPenaltyThatOverflowsIsNamedAsTheWholeBatchNamesIt() throws {
        // Hidden unit 0 is dead (b1[0] = −1e6 keeps its ReLU at 0), so W2's row 0 can be 1e200 without touching the
        // loss; l2's Σw² overflows to inf alone. Blocked or not, the step stops naming the penalty, nothing updated.
        func trainerWithOverflowingPenalty(block: Int) throws -> Trainer {
            let t = try trainer(block: block, regularizer: Regularizer(l2: 1e-3), hidden: .relu)
            let (b1, w2) = (t.model.parameters[1], t.model.parameters[2])
            b1.value.pointer[0] = -1e6
            for j in 0..<16 { w2.value.pointer[j] = 1e200 }
            return t
        }
        let blocked = try trainerWithOverflowingPenalty(block: 8), whole = try trainerWithOverflowingPenalty(block: 4096)
        let before = blocked.model.parameters.map(\.value.array)
        guard case .nonFinite(let a)? = blocked.step(), case .nonFinite(let b)? = whole.step() else {
            return XCTFail("both steps should stop")
        }
        XCTAssertTrue(a.hasPrefix("loss became infinite at step 1 (first produced by node penalty (l2 0.001))"), a)
        XCTAssertEqual(a, b)
        XCTAssertEqual(blocked.model.parameters.map(\.value.array), before)
    }

    func testSmallBatchesAreNotBlocked() {
        XCTAssertFalse(BlockedBatch.cuts(rows: 4096, blockRows: 4096))
        XCTAssertTrue(BlockedBatch.cuts(rows: 4097, blockRows: 4096))
    }
}
