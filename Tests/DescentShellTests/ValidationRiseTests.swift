import XCTest
@testable import DescentCore
@testable import DescentShell

/// The note after a run whose validation loss has risen above its lowest: numbers chosen by hand.
final class ValidationRiseTests: XCTestCase {
    /// A history of evaluations at steps 10, 20, … with these validation and training losses.
    private func history(val: [Double?], train: [Double]) -> History {
        var h = History()
        for (i, (v, t)) in zip(val, train).enumerated() {
            h.record(History.Evaluation(step: 10 * (i + 1), epoch: 1, trainLoss: t, penalty: 0, valLoss: v, trainMetric: 0, valMetric: nil))
        }
        return h
    }

    func testARiseOfMoreThanTenPercentWithTrainingLossFallingIsCalledOverfitting() {
        let h = history(val: [0.5, 0.2, 0.3], train: [0.5, 0.2, 0.1])
        XCTAssertEqual(Report.validationRise(h),
                       "note: val_loss was lowest of the evaluations (every 10 steps) at step 20 (0.2) and is 0.3 now, while train_loss fell from 0.2 to 0.1: overfitting (`show history` lists the evaluations)")
    }

    func testARiseWithTrainingLossRisingTooIsOnlyReported() {
        let h = history(val: [0.5, 0.2, 0.3], train: [0.5, 0.2, 0.4])
        XCTAssertEqual(Report.validationRise(h), "note: val_loss was lowest of the evaluations (every 10 steps) at step 20 (0.2) and is 0.3 now (`show history` lists the evaluations)")
    }

    func testNoNoteAtTheLowestWithinTenPercentOrWithoutValidation() {
        XCTAssertNil(Report.validationRise(history(val: [0.5, 0.3, 0.2], train: [1, 1, 1])), "the last is the lowest")
        XCTAssertNil(Report.validationRise(history(val: [0.5, 0.2, 0.219], train: [1, 1, 1])), "9.5% above the lowest")
        XCTAssertNotNil(Report.validationRise(history(val: [0.5, 0.2, 0.221], train: [1, 1, 1])), "10.5% above")
        XCTAssertNil(Report.validationRise(history(val: [nil, nil], train: [1, 1])), "no validation set")
        XCTAssertNil(Report.validationRise(history(val: [0.2, .nan], train: [1, 1])), "a NaN now says nothing of a rise")
        // A NaN earlier is not the lowest.
        XCTAssertEqual(Report.validationRise(history(val: [.nan, 0.2, 0.3], train: [1, 1, 1]))?.hasPrefix("note: val_loss was lowest of the evaluations (every 10 steps) at step 20 "), true)
    }

    /// Evaluations at the steps given, with these validation losses (training loss 1 throughout).
    private func history(steps: [Int], val: [Double]) -> History {
        var h = History()
        for (s, v) in zip(steps, val) {
            h.record(History.Evaluation(step: s, epoch: 1, trainLoss: 1, penalty: 0, valLoss: v, trainMetric: 0, valMetric: nil))
        }
        return h
    }

    func testTheNoteSaysHowFarApartTheEvaluationsWereAroundTheLowest() {
        // Every step evaluated: the lowest evaluation is the lowest step, and no interval is said.
        XCTAssertEqual(Report.validationRise(history(steps: [1, 2, 3], val: [0.5, 0.2, 0.3])),
                       "note: val_loss was lowest of the evaluations at step 2 (0.2) and is 0.3 now (`show history` lists the evaluations)")
        // The first evaluation, at step 10, is 10 steps from the start and from the next one.
        XCTAssertEqual(Report.validationRise(history(steps: [10, 20, 30], val: [0.2, 0.5, 0.3]))?.hasPrefix(
            "note: val_loss was lowest of the evaluations (every 10 steps) at step 10 (0.2)"), true)
        // A run of every=5 after one of every=20: 20 steps before the lowest, 5 after.
        XCTAssertEqual(Report.validationRise(history(steps: [20, 40, 45, 50], val: [0.5, 0.2, 0.3, 0.3]))?.hasPrefix(
            "note: val_loss was lowest of the evaluations (up to 20 steps apart there) at step 40 (0.2)"), true)
    }
}
