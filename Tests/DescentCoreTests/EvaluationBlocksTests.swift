import XCTest
@testable import DescentCore

/// The full sets are evaluated a block of rows at a time (`Trainer.blockRows`); the figures are those
/// of the whole set, worked out here by hand from linear models with known weights, whatever the block size.
final class EvaluationBlocksTests: XCTestCase {
    /// `n` rows of `f` normal features and (regression) normal targets, or class ids below `classes`.
    private func data(_ n: Int, features f: Int = 2, classes: Int = 0, seed: UInt64) -> Dataset {
        var rng = RNG(seed: seed)
        let x = (0..<(n * f)).map { _ in rng.normal() }
        let y = (0..<n).map { _ in classes > 0 ? Double(rng.int(below: classes)) : rng.normal() }
        return Dataset(name: "blocks", X: Tensor(shape: [n, f], data: x), y: Tensor(shape: [n, 1], data: y),
                       task: classes > 0 ? .multiclass : .regression, featureNames: (0..<f).map { "x\($0)" },
                       targetName: "y", classNames: (0..<classes).map(String.init))
    }

    /// A trainer of one linear dense layer with weights `w` ([features, outputs], row-major) and biases `b`.
    private func trainer(_ train: Dataset, validation: Dataset? = nil, w: [Double], b: [Double], loss: Loss) -> Trainer {
        var rng = RNG(seed: 1)
        let spec = ModelSpec(inputSize: train.featureCount,
                             layers: [.dense(units: b.count, activation: .linear, bias: true, initializer: nil)])
        let model = Model(spec: spec, rng: &rng)
        model.parameter("W1")?.value.load(w)
        model.parameter("b1")?.value.load(b)
        return Trainer(model: model, loss: loss, regularizer: .none, optimizer: Optimizer(kind: .sgd(momentum: 0, nesterov: false)),
                       train: train, validation: validation, batchSize: nil, rng: rng)
    }

    /// Row i of `d`'s features times `w` ([f, k]) plus `b`.
    private func outputs(_ d: Dataset, w: [Double], b: [Double], row i: Int) -> [Double] {
        let f = d.featureCount, k = b.count
        var z = b
        for j in 0..<k { for c in 0..<f { z[j] += d.X.data[i * f + c] * w[c * k + j] } }
        return z
    }

    func testRegressionLossAndR2AreTheWholeSetsInAnyBlocks() {
        let d = data(23, seed: 3), w = [0.5, -1.25], b = [0.25]
        let predictions = (0..<d.count).map { outputs(d, w: w, b: b, row: $0)[0] }
        let y = d.y.data, mean = y.reduce(0, +) / Double(y.count)
        let residual = zip(predictions, y).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let spread = y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        for block in [4096, 23, 5, 1] {
            let t = trainer(d, w: w, b: b, loss: .mse)
            t.blockRows = block
            let e = t.evaluateNow()!
            XCTAssertEqual(e.trainLoss, residual / 23, accuracy: 1e-14, "blocks of \(block)")
            XCTAssertEqual(e.trainMetric, 1 - residual / spread, accuracy: 1e-14, "blocks of \(block)")
        }
    }

    func testClassificationLossAccuracyAndConfusionAreTheWholeSetsInAnyBlocks() {
        let d = data(31, features: 3, classes: 3, seed: 5), v = data(9, features: 3, classes: 3, seed: 6)
        let w = [0.3, -0.7, 1.1, 0.9, 0.2, -0.4, -0.5, 0.8, 0.1], b = [0.1, 0, -0.2]
        /// Cross-entropy, hits and the (true, predicted) pairs of a set, by hand.
        func byHand(_ s: Dataset) -> (loss: Double, hits: Int, pairs: [[Int]]) {
            var loss = 0.0, hits = 0, pairs = [[Int]](repeating: [0, 0, 0], count: 3)
            for i in 0..<s.count {
                let z = outputs(s, w: w, b: b, row: i), t = Int(s.y.data[i])
                let top = z.max() ?? 0
                loss += top + log(z.reduce(0) { $0 + exp($1 - top) }) - z[t]
                let p = z.firstIndex(of: top) ?? 0
                if p == t { hits += 1 }
                pairs[t][p] += 1
            }
            return (loss / Double(s.count), hits, pairs)
        }
        let train = byHand(d), validation = byHand(v)
        XCTAssertGreaterThan(train.hits, 0); XCTAssertLessThan(train.hits, 31, "the test needs both right and wrong predictions")
        for block in [4096, 31, 4, 1] {
            let t = trainer(d, validation: v, w: w, b: b, loss: .ce)
            t.blockRows = block
            let e = t.evaluateNow()!
            XCTAssertEqual(e.trainLoss, train.loss, accuracy: 1e-14, "blocks of \(block)")
            XCTAssertEqual(e.trainMetric, Double(train.hits) / 31, "blocks of \(block)")
            XCTAssertEqual(e.valLoss ?? .nan, validation.loss, accuracy: 1e-14, "blocks of \(block)")
            XCTAssertEqual(e.valMetric, Double(validation.hits) / 9, "blocks of \(block)")
            let (m, vm) = t.confusionMatrices()!
            XCTAssertEqual((0..<3).map { r in (0..<3).map { m[r, $0] } }, train.pairs, "blocks of \(block)")
            XCTAssertEqual((0..<3).map { r in (0..<3).map { vm?[r, $0] ?? -1 } }, validation.pairs, "blocks of \(block)")
        }
    }

    func testASetOfManyBlocksGivesTheSameBitsOnOneThreadAndOnTwo() {
        // 9,001 rows in blocks of 64: the team's two lanes take the 141 blocks in whatever order they are
        // free, and each block's sums are added in block order, so the figures match the calling thread's
        // alone bit for bit, every time (and the whole set's, worked out by hand, to rounding).
        let d = data(9_001, features: 3, seed: 8), v = data(4_100, features: 3, seed: 9)
        let w = [0.5, -1.25, 0.75], b = [0.25]
        let t = trainer(d, validation: v, w: w, b: b, loss: .mse)
        t.blockRows = 64
        t.teamChoice = false
        let alone = t.evaluateNow()!
        let residual = (0..<d.count).reduce(0.0) { s, i in
            let e = outputs(d, w: w, b: b, row: i)[0] - d.y.data[i]
            return s + e * e
        }
        XCTAssertEqual(alone.trainLoss, residual / 9_001, accuracy: 1e-12)
        t.teamChoice = true
        for _ in 0..<30 {
            let shared = t.evaluateNow()!
            XCTAssertEqual(shared.trainLoss.bitPattern, alone.trainLoss.bitPattern)
            XCTAssertEqual(shared.trainMetric.bitPattern, alone.trainMetric.bitPattern)
            XCTAssertEqual(shared.valLoss?.bitPattern, alone.valLoss?.bitPattern)
            XCTAssertEqual(shared.valMetric?.bitPattern, alone.valMetric?.bitPattern)
        }
    }

    func testAStoppedEvaluationRecordsNothingAndIsAskedOnlyBetweenASetsBlocks() throws {
        let d = data(23, seed: 3), v = data(6, seed: 4)
        let t = trainer(d, validation: v, w: [0.5, -1.25], b: [0.25], loss: .mse)
        t.blockRows = 5
        t.teamChoice = false   // every block on this thread, which is the one asked
        var asked = 0
        t.shouldContinue = { asked += 1; return true }
        XCTAssertNotNil(t.evaluate())
        // Training rows 0–4, 5–9, 10–14, 15–19, 20–22: asked before the last four and once when none is
        // left; validation 0–4, 5: before the second and at the end.
        XCTAssertEqual(asked, 7)
        XCTAssertEqual(t.history.evaluations.count, 1)

        asked = 0
        t.shouldContinue = { asked += 1; return asked < 3 }
        XCTAssertNil(t.evaluate())
        XCTAssertEqual(asked, 3)
        XCTAssertEqual(t.history.evaluations.count, 1, "a stopped evaluation is not recorded")

        // On the team, this thread takes some of the blocks and is asked before each but the set's first and
        // at the end, so a stop asked for at the first question is seen however the blocks fell.
        t.teamChoice = true
        for _ in 0..<50 {
            asked = 0
            t.shouldContinue = { asked += 1; return true }
            XCTAssertNotNil(t.evaluate())
            XCTAssertGreaterThanOrEqual(asked, 2); XCTAssertLessThanOrEqual(asked, 7)
            asked = 0
            t.shouldContinue = { asked += 1; return false }
            XCTAssertNil(t.evaluate())
            XCTAssertEqual(asked, 1)
        }
        XCTAssertEqual(t.history.evaluations.count, 51)

        // A set of one block is never asked about: small sets always evaluate whole.
        let fresh = trainer(d, validation: v, w: [0.5, -1.25], b: [0.25], loss: .mse)
        fresh.shouldContinue = { XCTFail("asked"); return false }
        XCTAssertNotNil(fresh.evaluate())
        // `evaluateNow` (`expect`) and the confusion matrices always finish.
        t.shouldContinue = { false }
        XCTAssertEqual(t.evaluateNow()!.trainLoss, try XCTUnwrap(t.history.lastEvaluation).trainLoss, accuracy: 1e-15)
    }
}
