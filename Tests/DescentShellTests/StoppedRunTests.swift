import XCTest
@testable import DescentCore
@testable import DescentShell

/// A run stopped early (a break, a stop key, Ctrl-C) is saved in the session so that a replay evaluates as it did:
/// at the interval it used, at its last step only when it evaluated there, and later steps and runs as after it.
final class StoppedRunTests: XCTestCase {
    /// The saved session replayed in a fresh workspace, then `after`; it must end as the original did.
    func assertReplaysTheSame(_ h: ShellHarness, after: String = "", file: StaticString = #filePath, line: UInt = #line) {
        let out = CapturedOutput(), fresh = Workspace(output: out, directory: h.w.directory)
        XCTAssertEqual(Session(workspace: fresh).runScript(h.w.sessionScript() + after, file: "saved.descent"), .completed,
                       "\(out.errors)", file: file, line: line)
        if !after.isEmpty { h.ok(after) }
        let (a, b) = (TrainerState(h.w), TrainerState(fresh))
        XCTAssertEqual(a?.evaluations.map(\.step), b?.evaluations.map(\.step), "the evaluations' steps", file: file, line: line)
        XCTAssertEqual(a, b, "weights and history", file: file, line: line)
        XCTAssertEqual(h.w.trainer?.evaluationInterval, fresh.trainer?.evaluationInterval, "the interval later steps use", file: file, line: line)
        XCTAssertEqual(h.w.evaluationInterval, fresh.evaluationInterval, "the interval later runs use", file: file, line: line)
    }

    static let diverging = "seed 1\ndata linear n=100\nlayer dense 1 linear\nloss mse\noptimizer sgd lr=1.1\nbreak gradnorm > 1000"

    func testARunABreakStoppedReplaysWithTheIntervalItChose() {
        // The tester's case: stopped at step 35 of 1000, it had evaluated every 5 steps (7 evaluations); saved as
        // `train 35`, its replay chose every step (35). Saved as `train 35 of=1000`, it evaluates as the run of 1000 did,
        // and later runs still choose their own interval (every=5 would have set 5 for them too).
        let h = ShellHarness()
        h.ok(StoppedRunTests.diverging + "\ntrain 1000")
        XCTAssertEqual(h.w.recorded.last, "train 35 of=1000")
        XCTAssertEqual(h.w.trainer?.history.evaluations.map(\.step), [5, 10, 15, 20, 25, 30, 35])
        assertReplaysTheSame(h)
        assertReplaysTheSame(h, after: "step\nstep\nstep\nstep\nstep\nbreak off\nlr 1e-6\ntrain 400")
    }

    func testARunWithEveryIsSavedWithIt() {
        let h = ShellHarness()
        h.ok(StoppedRunTests.diverging + "\ntrain 1000 every=7")
        XCTAssertEqual(h.w.recorded.last, "train 35 every=7")
        assertReplaysTheSame(h, after: "step\nstep\nstep")
        // An every= set before holds for the run, and for its replay, without being written again.
        let again = ShellHarness()
        again.ok(StoppedRunTests.diverging + "\nbreak off\ntrain 3 every=4\nbreak gradnorm > 1000\ntrain 1000")
        XCTAssertEqual(again.w.recorded.last, "train 32")
        assertReplaysTheSame(again, after: "step")
    }

    /// 5,000 rows: more than a block (4,096), so that a stop abandons an evaluation under way.
    static let large = "seed 2\ndata linear n=5000\nlayer dense 3 tanh\nlayer dense 1\nloss mse\noptimizer adam lr=0.01"

    func testARunWhoseLastEvaluationAStopAbandonedReplaysWithoutIt() {
        for (at, command, saved, evaluated) in [
            (10, "train 100 every=5", "train 10 every=5 final=false", [5]),   // the stop came during step 10's evaluation
            (12, "train 100 every=5", "train 12 every=5 final=false", [5, 10]),   // the one it would end with
            (5, "train 5 every=2", "train 5 every=2 final=false", [2, 4]),   // on its last step: all its steps ran
            (7, "train 2000", "train 7 of=2000 final=false", []),
        ] {
            let h = ShellHarness()
            h.ok(StoppedRunTests.large)
            h.w.trainingView = StopKeyView(at: at)
            h.ok(command)
            h.w.trainingView = ProgressPrinter(output: h.out)
            XCTAssertEqual(h.w.recorded.last, saved)
            XCTAssertEqual(h.w.trainer?.history.evaluations.map(\.step), evaluated, command)
            assertReplaysTheSame(h, after: "step\nstep")
        }
    }

    func testFinalFalseLeavesTheLastStepUnevaluated() {
        // By hand, as a saved session has it: the interval's evaluation at the last step and the closing one are left out.
        let h = ShellHarness()
        h.ok(StoppedRunTests.diverging + "\nbreak off\nlr 0.01\ntrain 10 every=5 final=false")
        XCTAssertEqual(h.w.trainer?.history.evaluations.map(\.step), [5])
        h.ok("train 3 final=false\ntrain 2")
        XCTAssertEqual(h.w.trainer?.history.evaluations.map(\.step), [5, 15])
        XCTAssertEqual(h.w.recorded.suffix(3), ["train 10 every=5 final=false", "train 3 final=false", "train 2"])
        assertReplaysTheSame(h)
        // of= is the run these steps begin: not shorter than they are; the failed command changes nothing.
        let before = TrainerState(h.w)
        XCTAssertTrue(h.fails("train 10 of=5").contains("of=5 is the run these 10 steps begin, which cannot be shorter than they are"))
        XCTAssertEqual(TrainerState(h.w), before)
    }
}
