import XCTest
@testable import DescentCore

/// Steps `t` (whose updates must blow up) until it stops, and checks that the stop says what happened and
/// kept the parameters and the optimizer's count from before the update that failed.
func checkStopsBeforeNonFiniteUpdate(_ t: Trainer, file: StaticString = #filePath, line: UInt = #line) {
    var stop: StopReason?
    var before: [[Double]] = []
    for _ in 0..<50 where stop == nil {
        before = t.model.parameters.map { $0.value.array }
        stop = t.step()
    }
    guard case .nonFinite(let message)? = stop else {
        return XCTFail("expected a non-finite stop, got \(String(describing: stop))", file: file, line: line)
    }
    XCTAssertTrue(message.contains("parameters kept from before that update"), message, file: file, line: line)
    XCTAssertTrue(message.contains("at step \(t.stepCount + 1)"), message, file: file, line: line)
    XCTAssertEqual(t.model.parameters.map { $0.value.array }, before, file: file, line: line)
    XCTAssertEqual(t.optimizer.steps, t.stepCount, "the stopped step is not counted", file: file, line: line)
}

/// Largest |a − b| / max(1, |b|) over two equally long arrays: relative for entries of magnitude 1 or more, absolute
/// below (a bound of 1e-14 on gradients of ~1e-3 is then ~1e-11 relative).
func relativeGap(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
}
