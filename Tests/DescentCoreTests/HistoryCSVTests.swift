import XCTest
@testable import DescentCore

/// `History.csv`: the columns `export history` writes, every NaN as `nan`.
final class HistoryCSVTests: XCTestCase {
    func testRowsJoinStepsWithTheirEvaluationsAndWriteNaNPlainly() {
        var h = History()
        h.record(History.Step(step: 1, epoch: 0, batchLoss: 0.5, penalty: 0))
        h.record(History.Step(step: 2, epoch: 1, batchLoss: -Double.nan, penalty: 0.25))
        h.record(History.Evaluation(step: 2, epoch: 1, trainLoss: -Double.nan, penalty: 0.25, valLoss: nil, trainMetric: 0.75, valMetric: nil))
        XCTAssertEqual(h.csv(metric: "accuracy"), """
            step,epoch,batch_loss,penalty,train_loss,val_loss,accuracy,val_accuracy,lr
            1,0,0.5,0.0,,,,,
            2,1,nan,0.25,nan,,0.75,,

            """)
    }

    func testTheTrainingAndValidationMetricsHaveColumnsOfTheirOwn() {
        // One evaluation with a validation set: R² 0.5 on the training set, 0.25 on the validation set, each in its column.
        var h = History()
        h.record(History.Step(step: 1, epoch: 1, batchLoss: 2, penalty: 0))
        h.record(History.Evaluation(step: 1, epoch: 1, trainLoss: 1, penalty: 0, valLoss: 3, trainMetric: 0.5, valMetric: 0.25))
        XCTAssertEqual(h.csv(metric: "r2"), """
            step,epoch,batch_loss,penalty,train_loss,val_loss,r2,val_r2,lr
            1,1,2.0,0.0,1.0,3.0,0.5,0.25,

            """)
    }

    func testEachRowHasTheRateItsStepRanAt() {
        // Steps 1–2 at 0.1, 3–4 at 0.5 (an `lr` between runs), noted as the trainer notes them: once per change.
        var h = History()
        for (step, rate) in [(1, 0.1), (2, 0.1), (3, 0.5), (4, 0.5)] {
            h.record(History.Step(step: step, epoch: 1, batchLoss: 1, penalty: 0))
            h.noteRate(rate, at: step)
        }
        XCTAssertEqual(h.rates, [History.RateChange(step: 1, rate: 0.1), History.RateChange(step: 3, rate: 0.5)])
        XCTAssertEqual(h.csv(metric: "accuracy").split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).last ?? "" },
                       ["lr", "0.1", "0.1", "0.5", "0.5"])
    }

    func testRowsForALongFileCarryAPrefixAndEmptyPairsForTheOtherMetrics() {
        // One step with an evaluation, one without, at lr 0.5: the evaluation's metric pair after one empty pair, the
        // step without one empty across train_loss, val_loss and all three pairs (2 + 3·2 = 8 fields).
        var h = History()
        h.record(History.Step(step: 1, epoch: 1, batchLoss: 2, penalty: 0))
        h.noteRate(0.5, at: 1)
        h.record(History.Evaluation(step: 1, epoch: 1, trainLoss: 1, penalty: 0, valLoss: 3, trainMetric: 0.5, valMetric: 0.25))
        h.record(History.Step(step: 2, epoch: 2, batchLoss: 1.5, penalty: 0))
        XCTAssertEqual(h.csvRows(prefix: "\"a,b\",", emptyPairsBefore: 1, emptyPairsAfter: 1), """
            "a,b",1,1,2.0,0.0,1.0,3.0,,,0.5,0.25,,,0.5
            "a,b",2,2,1.5,0.0,,,,,,,,,0.5

            """)
    }
}
