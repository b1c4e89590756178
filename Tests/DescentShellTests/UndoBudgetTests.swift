import XCTest
@testable import DescentCore
@testable import DescentShell

/// Undo keeps snapshots up to a budget of bytes as well as a depth: the oldest go first, the newest always stays, and
/// `undo` says truly how many are left. The budget is made small here rather than the model large.
final class UndoBudgetTests: XCTestCase {
    private static let model = "seed 0\ndata xor n=40\nbatch 8\nlayer dense 16 tanh\nlayer dense 1 sigmoid\nloss bce\noptimizer adam lr=0.01"

    func testASnapshotCountsTheParametersAndTheOptimizerState() throws {
        let h = ShellHarness()
        h.ok(UndoBudgetTests.model + "\nstep\nstep")   // the snapshot before the second step: Adam has its state
        let snap = try XCTUnwrap(h.w.undoStack.last)
        // 65 parameters; Adam's m and v as many again each once a step has made them; the sampler's 40 rows.
        let parameters = 65
        XCTAssertGreaterThanOrEqual(snap.byteCount, 8 * 3 * parameters + 8 * 40)
        XCTAssertEqual(h.w.undoStackBytes, h.w.undoStack.reduce(0) { $0 + $1.byteCount })
    }

    func testTheOldestSnapshotsGoPastTheBudgetAndUndoSaysHowManyAreLeft() throws {
        let h = ShellHarness()
        h.ok(UndoBudgetTests.model + "\nstep\nstep")
        let each = try XCTUnwrap(h.w.undoStack.last).byteCount
        h.w.undoBudget = 2 * each + each / 2   // room for two
        h.ok("step\nstep\nstep")
        XCTAssertEqual(h.w.undoStack.count, 2)
        XCTAssertLessThanOrEqual(h.w.undoStackBytes, h.w.undoBudget)
        XCTAssertEqual(h.w.undoStack.map(\.stepCount), [3, 4], "the newest kept")
        let first = h.ok("undo")
        XCTAssertTrue(first.hasPrefix("undid step: back to step 4 (1 more undo available — undo keeps at most "
                                      + "\(h.w.undoBudget) bytes of snapshots (the last always), and one takes "), first)
        XCTAssertTrue(first.contains(" KB with this model and optimizer); lr stays 0.01"), first)
        XCTAssertTrue(h.ok("undo").hasPrefix("undid step: back to step 3 (nothing more to undo — "))
        h.fails("undo")
        XCTAssertEqual(h.w.stepCount, 3)
    }

    func testTheNewestSnapshotIsKeptEvenOverTheBudget() throws {
        let h = ShellHarness()
        h.ok(UndoBudgetTests.model)
        h.w.undoBudget = 1
        h.ok("step\nstep\nstep")
        XCTAssertEqual(h.w.undoStack.map(\.stepCount), [2])
        XCTAssertTrue(h.ok("undo").hasPrefix("undid step: back to step 2 (nothing more to undo — undo keeps at most 1 byte of snapshots"))
    }

    func testWithinTheBudgetUndoKeepsItsDepthAndSaysNothingOfSize() {
        let h = ShellHarness()
        h.ok(UndoBudgetTests.model + "\ntrain 60")
        h.ok((0..<55).map { _ in "step" }.joined(separator: "\n"))
        XCTAssertEqual(h.w.undoStack.count, Workspace.undoDepth)
        XCTAssertEqual(h.ok("undo"), "undid step: back to step 114 (49 more undos available); lr stays 0.01, the rate it ran at (`lr` to change it)")
    }
}
