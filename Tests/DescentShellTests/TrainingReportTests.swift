import Foundation
import XCTest
@testable import DescentCore
@testable import DescentShell

/// What training reports in words and numbers: progress lines, summaries, `step`, `show history` and the CSV, against
/// numbers worked out by hand.
final class TrainingReportTests: XCTestCase {
    let h = ShellHarness()

    /// y = x on two rows, one weight set to 1 and no bias: every batch loss is 0, and the l2 penalty is λ·W² = λ before
    /// the first update. `batch 1` makes each batch one row.
    static let setup = "data X=[[1],[2]] y=[1,2]\nlayer dense 1 bias=false\nloss mse\nregularize l2 0.1234567\nset W1[0,0] = 1\nbatch 1"

    func testHistoryGivesThePenaltyToSixDigitsAndASingleRowIsOneRow() {
        h.ok(Self.setup)
        // The batch of one row, in the singular.
        XCTAssertTrue(h.ok("forward").hasPrefix("forward pass on the batch of step 1 (1 row, epoch 1):"), h.out.text)
        XCTAssertTrue(h.ok("gradcheck").contains("gradient check on 1 row, central differences"), h.out.text)
        h.ok("step")
        // The step's penalty, before its update: 0.1234567 · 1² = 0.1234567, to 6 significant digits 0.123457.
        let table = PredictTests.cells(h.ok("show history"))
        let column = try? XCTUnwrap(table.first?.firstIndex(of: "penalty"))
        XCTAssertEqual(column.map { table[1][$0] }, "0.123457", h.out.text)
    }

    /// y = 2x on two rows, W = 1 and no bias, sgd lr 0.1, full batch. Step 1 by hand: ŷ = [1, 2], so the batch loss
    /// is (1² + 2²)/2 = 2.5; dL/dW = (2/2)·(1·(−1) + 2·(−2)) = −5, so W = 1 + 0.1·5 = 1.5; after it ŷ = [1.5, 3], the
    /// training loss (0.5² + 1²)/2 = 0.625, and R² = 1 − 1.25/2 = 0.375 (mean 3, Σ(y − 3)² = 2). All exact in binary.
    static let doubling = "data X=[[1],[2]] y=[2,4]\nlayer dense 1 bias=false\nloss mse\noptimizer sgd lr=0.1\nset W1[0,0] = 1"

    func testTheBatchLossIsCalledBatchLossEverywhereApartFromTheFullSetsLoss() throws {
        h.ok(Self.doubling)
        let run = h.ok("train 1")
        XCTAssertTrue(run.contains("step 1/1  epoch 1  batch_loss 2.5  train_loss 0.625  r2 0.375\n"), run)
        XCTAssertTrue(run.contains("trained 1 step (total 1): train_loss 0.625  r2 0.375  in "), run)
        XCTAssertFalse(run.contains(" loss "), run)
        // `show history`: the same figures under the same names, and a line saying which is measured when.
        let text = h.ok("show history")
        let table = PredictTests.cells(text)
        // Without a regularizer or a validation set, their columns (0 and empty on every step) are left out, and said to be.
        XCTAssertEqual(table[0], ["step", "epoch", "batch_loss", "train_loss", "r2"])
        XCTAssertEqual(table[1], ["1", "1", "2.5", "0.625", "0.375"])
        XCTAssertTrue(text.contains("\nbatch_loss: the step's batch, before its update; train_loss and r2: the full sets, after it\n"
                                    + "not shown: penalty (0 on every step here), val_loss and val_r2 (no validation set)\n"), text)
        // The CSV's header and row.
        let name = "descent-history-\(UUID().uuidString).csv"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
        defer { try? FileManager.default.removeItem(atPath: path) }
        h.ok("export history \"\(path)\"")
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "step,epoch,batch_loss,penalty,train_loss,val_loss,r2,val_r2,lr\n1,1,2.5,0.0,0.625,,0.375,,0.1\n")
        // `step` reports the next batch's loss under the same name: at W = 1.5 it is 0.625, as the evaluation said.
        XCTAssertTrue(h.ok("step").hasPrefix("step 2  epoch 2  2 rows  batch_loss 0.625  |grad| "), h.out.text)
        // expect: batch_loss is the last step's, loss the full set's now. Step 2: dL/dW = (2/2)·(1·(−0.5) + 2·(−1)) = −2.5,
        // W = 1.75, ŷ = [1.75, 3.5], training loss (0.25² + 0.5²)/2 = 0.15625.
        h.ok("expect batch_loss = 0.625\nexpect loss = 0.15625")
    }

    func testSummariesGiveThePenaltyBesideTheTrainingLoss() {
        // `doubling` under l2 0.1 (numpy, the same two steps by hand: W ← W − 0.1·(mean(2(Wx − y)x) + 2·0.1·W)):
        // step 1: batch_loss 2.5 and penalty 0.1 before the update; W = 1.48, then train_loss 0.676, penalty
        // 0.1·1.48² = 0.21904, R² 0.324. Step 2: batch_loss 0.676, penalty 0.21904; W = 1.7104, train_loss 0.2096704,
        // penalty 0.292546816, R² 0.7903296. To 4 digits, as the lines write them.
        h.ok(Self.doubling + "\nregularize l2 0.1")
        let run = h.ok("train 1")
        XCTAssertTrue(run.contains("step 1/1  epoch 1  batch_loss 2.5  train_loss 0.676  penalty 0.219  r2 0.324\n"), run)
        XCTAssertTrue(run.contains("trained 1 step (total 1): train_loss 0.676  penalty 0.219  r2 0.324  in "), run)
        let step = h.ok("step")
        XCTAssertTrue(step.hasPrefix("step 2  epoch 2  2 rows  batch_loss 0.676  penalty 0.21904  |grad| "), step)
        XCTAssertTrue(step.hasSuffix("\n  train_loss 0.2097  penalty 0.2925  r2 0.7903"), step)
        h.ok("expect penalty = 0.292546816 +- 1e-12")
        // Without a regularizer, no penalty is quoted.
        h.ok("regularize none")
        XCTAssertFalse(h.ok("train 1").contains("penalty"), h.out.text)
    }

    func testAnUndefinedR2IsNotAnswerableAndSaysWhy() throws {
        // Three rows split 0.67: ⌊0.67·3⌋ = 2 train, so the validation set is 1 row and its R² undefined (Σ(y − ȳ)² = 0);
        // the training set's two targets differ, so r2 is a number.
        h.ok("data X=[[1],[2],[3]] y=[1,2,4]\nsplit 0.67\nlayer dense 1\nloss mse\noptimizer sgd")
        let note = "note: n/a is an undefined R²: 1 − Σ(y − ŷ)²/Σ(y − ȳ)² divides by 0 when the targets have no variance "
            + "(val_r2: the validation set has 1 row; a smaller `split` fraction leaves more rows for validation)"
        let run = h.ok("train 2")
        XCTAssertTrue(run.contains("step 2/2  epoch 2  batch_loss "), run)
        XCTAssertTrue(h.out.lines.allSatisfy { !$0.hasPrefix("step ") || $0.hasSuffix("  val_r2 n/a") }, run)
        XCTAssertTrue(run.contains("  val_r2 n/a  in "), run)
        XCTAssertFalse(run.contains("r2 n/a  val_r2"), run)   // the training set's is defined
        XCTAssertTrue(run.hasSuffix("\n" + note), run)
        // The note comes once; `show history` gives it under its table again.
        XCTAssertFalse(h.ok("train 1").contains("note:"), h.out.text)
        let history = h.ok("show history 1")
        XCTAssertEqual(PredictTests.cells(history)[1].last, "n/a", history)
        XCTAssertTrue(history.contains("\n" + note + "\n"), history)
        // The CSV says nan; expect refuses to compare.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("descent-r2-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        h.ok("export history \"\(path)\"")
        let rows = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        XCTAssertTrue(rows.dropFirst().allSatisfy { $0.hasSuffix(",nan,0.001") }, "\(rows)")   // val_r2, then the lr
        XCTAssertEqual(h.fails("expect val_r2 = 0").components(separatedBy: "\n").first, "error: val_r2 is undefined, not a number to compare: R² = 1 − Σ(y − ŷ)²/Σ(y − ȳ)² divides by 0 "
                       + "because the targets have no variance (the validation set has 1 row) — check val_loss instead, or split with a smaller fraction")
        XCTAssertTrue(h.fails("expect val_r2 < 2").contains("val_r2 is undefined"))
        h.ok("expect r2 < 1")
        // Three equal targets (whose mean, 0.10000000000000002, is not 0.1): r2 is undefined too, not −1e31.
        h.ok("new\ndata X=[[1],[2],[3]] y=[0.1,0.1,0.1]\nlayer dense 1\nloss mse")
        XCTAssertTrue(h.ok("train 1").contains("  r2 n/a  in "), h.out.text)
        XCTAssertTrue(h.fails("expect r2 > -1").contains("(the training set's 3 targets are all 0.1) — check loss instead"))
    }
}
