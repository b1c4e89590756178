import XCTest
@testable import DescentCore
@testable import DescentShell

/// `train` stops at an evaluation whose train_loss or val_loss is not finite, says which and where in its summary
/// (progress lines: `--no-tui`), keeps the steps it took, is saved as those steps, and `show history`, `plot` and a
/// lone `step` show it.
final class EvaluationOverflowRunTests: XCTestCase {
    /// Eight rows, the last with x = 1e160: with seed 2 and split 0.5 it is validation row 2 (`show data` numbers it 7),
    /// and whatever the weight, (w·1e160 − 8)² overflows a Double while the training rows' losses stay small.
    static let outlier = "seed 2\ndata X=[[1],[2],[3],[4],[5],[6],[7],[1e160]] y=[1,2,3,4,5,6,7,8]\nsplit 0.5\n"
        + "layer dense 1 linear\nloss mse\noptimizer sgd lr=0.001"

    func testARunStopsAtTheEvaluationWhoseValidationLossOverflowed() {
        let h = ShellHarness()
        h.ok(Self.outlier)
        let v = try! h.w.ensureTrainer().validation!
        XCTAssertEqual(v.dataRow(2), 7, "the outlier is validation row 2")
        let text = h.ok("train 20 every=5")   // not a failed command: a script goes on
        XCTAssertTrue(text.contains("trained 5 steps (total 5): "), text)
        XCTAssertTrue(text.contains(" — val_loss became infinite at the evaluation of step 5 (first produced by node loss (mse), "
                                    + "in row 2 of the validation set: data row 7); parameters kept as the update of step 5 left them"), text)
        // The --no-tui progress lines end with the step it stopped at, its evaluation shown.
        XCTAssertTrue(text.contains("step 5/20  epoch 5  batch_loss "), text)
        XCTAssertTrue(text.contains("val_loss inf"), text)
        let t = h.w.trainer!
        XCTAssertEqual(t.stepCount, 5)
        XCTAssertEqual(t.history.evaluations.map(\.step), [5])
        XCTAssertEqual(t.history.evaluations.last?.valLoss, .infinity)
        // Saved as the steps it took, evaluated as they were; a replay stops there again, with the same weights and history.
        XCTAssertEqual(h.w.recorded.last, "train 5 every=5")
        let out = CapturedOutput(), fresh = Workspace(output: out, directory: h.w.directory)
        XCTAssertEqual(Session(workspace: fresh).runScript(h.w.sessionScript(), file: "saved.descent"), .completed)
        XCTAssertEqual(TrainerState(fresh), TrainerState(h.w))
        XCTAssertTrue(out.text.contains("val_loss became infinite at the evaluation of step 5"), out.text)
        // `undo` takes the whole run back.
        h.ok("undo")
        XCTAssertEqual(h.w.trainer?.stepCount, 0)
    }

    func testTheParametersAreThoseTheStepLeft() {
        // The 4 training rows, full batch, w ← w − 0.001·(2/4)·Σ(w·x + b − y)·x, b ← b − 0.001·(2/4)·Σ(w·x + b − y),
        // computed here by those formulas from the initial weights, 5 times.
        let h = ShellHarness()
        h.ok(Self.outlier)
        let t = try! h.w.ensureTrainer()
        var w = h.values("W1")[0], b = h.values("b1")[0]
        let x = t.train.X.data, y = t.train.y.data
        for _ in 0..<5 {
            let r = zip(x, y).map { w * $0 + b - $1 }
            let gw = 2.0 / 4 * zip(r, x).map { $0 * $1 }.reduce(0, +), gb = 2.0 / 4 * r.reduce(0, +)
            w -= 0.001 * gw; b -= 0.001 * gb
        }
        h.ok("train 20 every=5")
        XCTAssertEqual(h.values("W1")[0], w, accuracy: 1e-12)
        XCTAssertEqual(h.values("b1")[0], b, accuracy: 1e-12)
    }

    func testATrainingLossThatOverflowsAfterAnUpdateNamesTheTrainingRow() {
        // w = 1e153 on (1, 2), (2, 3), (3, 4), lr 1: the batch loss before the update, mean((1e153·x)²) ≈ 4.7e306, is
        // finite; the gradient (2/3)·Σ(w·x − y)·x = 9.333e153, so w' = −8.333e153 (by hand), whose terms are
        // (8.333e153)² = 6.9e307 for row 0 and (1.667e154)² = 2.8e308 > DBL_MAX for row 1. Before, the run went on to
        // step 2, which stopped on its batch loss.
        let h = ShellHarness()
        h.ok("data X=[[1],[2],[3]] y=[2,3,4]\nlayer dense 1 linear bias=false\nloss mse\noptimizer sgd lr=1\nset W1[0,0] = 1e153")
        let text = h.ok("train 3 every=1")
        XCTAssertTrue(text.contains("trained 1 step (total 1): "), text)
        XCTAssertTrue(text.contains("train_loss became infinite at the evaluation of step 1 (first produced by node loss (mse), "
                                    + "in row 1 of the training set); parameters kept as the update of step 1 left them "
                                    + "(largest |value| 8.333e+153, in W1)"), text)
    }

    func testAStepWhoseEvaluationOverflowsWarnsAndHistoryAndPlotShowIt() {
        let h = ShellHarness()
        h.ok(Self.outlier + "\nstep")
        let text = h.ok("train 1 every=2\nstep\nstep")
        XCTAssertTrue(text.contains("warning: val_loss became infinite at the evaluation of step 4 (first produced by node loss (mse), "
                                    + "in row 2 of the validation set: data row 7); parameters kept as the update of step 4 left them"), text)
        XCTAssertTrue(text.contains("— `undo` takes the step back"), text)
        XCTAssertEqual(h.w.trainer?.stepCount, 4, "a lone step is applied, as a run's steps are")
        let history = h.ok("show history")
        XCTAssertTrue(history.contains("│    4 │     4 │"), history)
        XCTAssertTrue(history.contains("inf"), history)
        let plot = h.ok("plot")
        XCTAssertTrue(plot.contains("+inf in val loss at step 2"), plot)
    }
}
