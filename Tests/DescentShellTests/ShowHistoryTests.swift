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
}
