import XCTest
@testable import DescentCore
@testable import DescentShell

/// The loss chart's curves hold at most `LossCurves.maxPoints` points each: past it every other point goes, and every
/// other step after, so that a run of millions of steps is drawn from a quarter million points, not scanned whole.
final class LossCurvesTests: XCTestCase {
    func testACurvePastItsLimitKeepsEveryOtherStep() {
        var h = History(), curves = LossCurves()
        let m = LossCurves.maxPoints
        for k in 1...m { h.record(History.Step(step: k, epoch: 1, batchLoss: Double(k), penalty: 0)) }
        curves.absorb(h)
        // The m-th point filled the curve: steps 1, 3, 5, … m − 1 stay (m/2 of them), and from then on every 2nd.
        XCTAssertEqual(curves.step.count, m / 2)
        XCTAssertEqual(Array(curves.step.xs.prefix(3)), [1, 3, 5])
        XCTAssertEqual(curves.step.xs.last, Double(m - 1))
        for k in (m + 1)...(m + 10) { h.record(History.Step(step: k, epoch: 1, batchLoss: Double(k), penalty: 0)) }
        curves.absorb(h)
        XCTAssertEqual(Array(curves.step.xs.suffix(6)), [Double(m - 1), Double(m + 1), Double(m + 3), Double(m + 5), Double(m + 7), Double(m + 9)])
        XCTAssertEqual(curves.step.xs, curves.step.ys, "each point keeps its own loss")
    }

    func testCurvesReadAHistoryWhoseFirstStepsWereDropped() {
        // A history past its limit starts at step 8,193 (see HistoryLimitTests): the curve starts there too.
        var h = History(stepLimit: 12_288, evaluationLimit: 12_288), curves = LossCurves()
        for k in 1...5_000 { h.record(History.Step(step: k, epoch: 1, batchLoss: 1, penalty: 0)) }
        curves.absorb(h)
        for k in 5_001...17_288 { h.record(History.Step(step: k, epoch: 1, batchLoss: 1, penalty: 0)) }
        curves.absorb(h)
        // The points read before the drop stay; steps 5,001–8,192 went before the curve read them (here the curve
        // fell behind by most of the history; a live view reads it every frame, far less than the 2²³ steps kept).
        XCTAssertEqual(curves.step.count, 5_000 + 9_096)
        XCTAssertEqual(curves.step.xs[4_999], 5_000)
        XCTAssertEqual(curves.step.xs[5_000], 8_193)
        var fresh = LossCurves()
        fresh.absorb(h)
        XCTAssertEqual(fresh.step.xs.first, 8_193)
        XCTAssertEqual(fresh.step.count, 9_096)
    }
}
