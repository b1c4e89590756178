import XCTest
@testable import DescentCore

/// A history keeps at most `History.maxSteps` steps and `maxEvaluations` evaluations, dropping the oldest chunk of
/// 4,096 each time the count passes the limit: `train 100000000` on a tiny model (some 500,000 steps a second) held
/// 3.2 GB of steps before. The tests use a limit of 3 chunks (12,288), which behaves as the real one does.
final class HistoryLimitTests: XCTestCase {
    func testTheLimitsAre2To23StepsAnd2To21Evaluations() {
        XCTAssertEqual(History.maxSteps, 8_388_608)
        XCTAssertEqual(History.maxEvaluations, 2_097_152)
        XCTAssertEqual(History().stepLimit, History.maxSteps)
    }

    func testTheOldestStepsGoPastTheLimitAndSaySo() {
        var h = History(stepLimit: 12_288, evaluationLimit: 12_288)
        let n = 12_288 + 5_000
        for k in 1...n {
            h.record(History.Step(step: k, epoch: 1, batchLoss: Double(k), penalty: 0))
            h.record(History.Evaluation(step: k, epoch: 1, trainLoss: 1, penalty: 0, valLoss: nil, trainMetric: 0.5, valMetric: nil))
        }
        // A chunk goes at 12,289 (leaving 8,193) and the next at 12,288 + 4,097 (leaving 8,193 again): 17,288 recorded,
        // 8,192 dropped, 9,096 kept, from step 8,193.
        XCTAssertEqual(h.dropped.steps, 8_192)
        XCTAssertEqual(h.dropped.evaluations, 8_192)
        XCTAssertEqual(h.steps.count, 9_096)
        XCTAssertEqual(h.steps.first?.step, 8_193)
        XCTAssertEqual(h.lastStep?.step, n)
        XCTAssertEqual(h.droppedNote, "; the first 8192 steps were dropped (the history keeps at most 12288); "
                       + "the first 8192 evaluations were dropped (it keeps at most 12288)")
        // The CSV starts at the first step kept, each row meeting its evaluation.
        let csv = h.csv(metric: "accuracy")
        XCTAssertTrue(csv.hasPrefix("step,epoch,batch_loss,penalty,train_loss,val_loss,accuracy,val_accuracy,lr\n8193,1,8193.0,0.0,1.0,,0.5,,\n"))
        XCTAssertTrue(csv.hasSuffix("\n\(n),1,\(Double(n)),0.0,1.0,,0.5,,\n"))
        XCTAssertEqual(csv.split(separator: "\n").count, 1 + 9_096)
    }

    func testAHistoryWithinItsLimitDropsNothing() {
        var h = History()
        for k in 1...10_000 { h.record(History.Step(step: k, epoch: 1, batchLoss: 0, penalty: 0)) }
        XCTAssertEqual(h.dropped.steps, 0)
        XCTAssertEqual(h.droppedNote, "")
        XCTAssertEqual(h.steps.count, 10_000)
    }
}
