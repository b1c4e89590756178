import XCTest
@testable import DescentCore

/// `History.csv`: the columns `export history` writes, every NaN as `nan`.
final class HistoryCSVTests: XCTestCase {
    func testRowsJoinStepsWithTheirEvaluationsAndWriteNaNPlainly() {
        var h = History()
        h.record(History.Step(step: 1, epoch: 0, batchLoss: 0.5, penalty: 0))
        h.record(History.Step(step: 2, epoch: 1, batchLoss: -Double.nan, penalty: 0.25))
        h.record(History.Evaluation(step: 2, epoch: 1, trainLoss: -Double.nan, penalty: 0.25, valLoss: nil, trainMetric: 0.75, valMetric: nil))
        XCTAssertEqual(h.csv(), """
            step,epoch,batch_loss,penalty,train_loss,val_loss,metric
            1,0,0.5,0.0,,,
            2,1,nan,0.25,nan,,0.75

            """)
    }
}
