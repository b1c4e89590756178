import XCTest
@testable import DescentCore
@testable import DescentShell

/// `show history` on a history that dropped its oldest steps (`History.maxSteps`).
final class ShowHistoryTests: XCTestCase {
    func testShowHistorySaysWhatWasDroppedAndWhichEvaluationsHaveNoRow() throws {
        // A history past its limit (here 3 chunks, as HistoryLimitTests) keeps steps 8,193–17,288; evaluations at steps
        // 100 and 5,000 are kept but their steps are not, so `export history` has no row for them.
        let h = ShellHarness()
        h.ok("data xor n=20\nlayer dense 1 sigmoid\nloss bce\nstep")
        let t = try XCTUnwrap(h.w.trainer)
        var history = History(stepLimit: 12_288, evaluationLimit: 12_288)
        for k in 1...17_288 {
            history.record(History.Step(step: k, epoch: 1, batchLoss: 1, penalty: 0))
            if [100, 5_000, 10_000, 17_288].contains(k) {
                history.record(History.Evaluation(step: k, epoch: 1, trainLoss: 1, penalty: 0, valLoss: nil, trainMetric: 0.5, valMetric: nil))
            }
        }
        t.replaceState(history: history, stepCount: 17_288, sampler: t.sampler, dropoutRNG: t.dropoutRNG)
        let shown = h.ok("show history 1")
        XCTAssertTrue(shown.contains("9096 steps recorded, 4 full evaluations (2 of them at dropped steps, which `export history` has no rows for) "
                                     + "(`train … every=K` sets how often); the first 8192 steps were dropped (the history keeps at most 12288)"), shown)
    }

    /// A spiral of three classes with a split and an l2 penalty: every column has figures.
    static let full = "seed 3\ndata spiral n=120 classes=3\nsplit 0.75\nlayer dense 8 tanh\nlayer dense 3 softmax\nloss ce\n"
        + "regularize l2 0.001\noptimizer adam lr=0.01\ntrain 12"

    func testTheTableKeepsToTheTerminalsWidth() throws {
        // On an 80-column terminal the table was 94 columns wide and wrapped. Without a terminal it keeps to 120
        // columns, and so every name as it is.
        let h = ShellHarness()
        h.ok(Self.full)
        let plain = h.ok("show history 3")
        XCTAssertEqual(PredictTests.cells(plain)[0], ["step", "epoch", "batch_loss", "penalty", "train_loss", "val_loss", "accuracy", "val_accuracy"])
        XCTAssertGreaterThan(plain.split(separator: "\n")[0].count, 80, plain)
        XCTAssertFalse(plain.contains("to fit"), plain)
        let rows = PredictTests.cells(plain).dropFirst().map { Array($0.dropFirst()) }
        // At 80 columns: shorter names over the same figures, said below, and every line (notes wrapped) within 80.
        h.w.outputWidth = { 80 }
        let narrow = h.ok("show history 3")
        XCTAssertTrue(narrow.split(separator: "\n").allSatisfy { $0.count <= 80 }, narrow)
        XCTAssertEqual(PredictTests.cells(narrow)[0], ["step", "epoch", "batch", "penalty", "train", "val", "acc", "val_acc"])
        XCTAssertEqual(PredictTests.cells(narrow).dropFirst().map { Array($0.dropFirst()) }, rows)
        XCTAssertTrue(narrow.contains("batch (batch_loss) and penalty: the step's batch, before its update; train"), narrow)
        XCTAssertTrue(narrow.contains("(to fit 80 columns: shorter names)"), narrow)
        // At 40 (the least the tables take): losses to 4 digits, and the columns in parts, each beside the step.
        h.w.outputWidth = { 40 }
        let least = h.ok("show history 3")
        XCTAssertTrue(least.split(separator: "\n").allSatisfy { $0.count <= 40 }, least)
        let headers = PredictTests.cells(least).filter { $0.first == "step" }
        XCTAssertGreaterThan(headers.count, 1, least)
        XCTAssertEqual(headers.flatMap { $0.dropFirst() }, ["epoch", "batch", "penalty", "train", "val", "acc", "val_acc"], least)
        XCTAssertEqual(PredictTests.cells(least).filter { $0.first == "12" }.flatMap { $0.dropFirst() }[1...2],
                       [Format.sig(Double(rows[2][1]) ?? .nan, 4), Format.sig(Double(rows[2][2]) ?? .nan, 4)], least)
        XCTAssertTrue(least.replacingOccurrences(of: "\n", with: " ").contains("losses to 4 significant digits, the table in \(headers.count) parts"), least)
    }

    func testColumnsEmptyOnEveryStepShownAreLeftOutAndSaidToBe() {
        // Two `step`s after a run evaluating every 6 steps: no full evaluation on steps 13 and 14, so the evaluation
        // columns would be empty throughout.
        let h = ShellHarness()
        h.ok(Self.full.replacingOccurrences(of: "train 12", with: "train 12 every=6") + "\nstep\nstep")
        let text = h.ok("show history 2")
        XCTAssertEqual(PredictTests.cells(text)[0], ["step", "epoch", "batch_loss", "penalty"])
        XCTAssertTrue(text.contains("\nbatch_loss and penalty: the step's batch, before its update\nnot shown: train_loss, val_loss, accuracy "
                                    + "and val_accuracy (no full evaluation on these steps)\n"), text)
        // With the run's last step among them, they are back.
        XCTAssertEqual(PredictTests.cells(h.ok("show history 3"))[0].count, 8)
    }

    func testEvaluationsMeetTheirStepsAndTheTableStopsAtTenThousandRows() throws {
        // 12,000 steps with evaluations at 11,990 and 12,000 only (set by hand): the last 10,000 rows are shown, those
        // two with their train_loss, every other row with none.
        let h = ShellHarness()
        h.ok("data xor n=20\nlayer dense 1 sigmoid\nloss bce\nstep")
        let t = try XCTUnwrap(h.w.trainer)
        var history = History()
        for k in 1...12_000 {
            history.record(History.Step(step: k, epoch: 1, batchLoss: 1, penalty: 0))
            if k == 11_990 || k == 12_000 {
                history.record(History.Evaluation(step: k, epoch: 1, trainLoss: Double(k) / 1000, penalty: 0, valLoss: nil, trainMetric: 0.5, valMetric: nil))
            }
        }
        t.replaceState(history: history, stepCount: 12_000, sampler: t.sampler, dropoutRNG: t.dropoutRNG)
        let shown = h.ok("show history 20000")
        let rows = PredictTests.cells(shown).dropFirst()
        XCTAssertEqual(rows.count, 10_000)
        XCTAssertEqual(rows.first?.first, "2001")
        XCTAssertEqual(rows.filter { $0.count > 3 && !$0[3].isEmpty }.map { [$0[0], $0[3]] }, [["11990", "11.99"], ["12000", "12"]])
        XCTAssertTrue(shown.contains("(show history prints at most the last 10000 steps; `export history \"FILE.csv\"` writes all 12000)"), String(shown.suffix(400)))
        XCTAssertFalse(h.ok("show history 5").contains("at most the last"))
    }
}
