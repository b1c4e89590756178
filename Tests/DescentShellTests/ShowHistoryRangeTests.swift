import XCTest
@testable import DescentCore
@testable import DescentShell

/// `show history from=A to=B every=K` on histories written by hand: step k's batch loss is k / 1000 and the
/// evaluations are at the steps listed, with a train_loss of k / 100, so each row's figures are known beforehand.
final class ShowHistoryRangeTests: XCTestCase {
    /// A session whose trainer holds steps `steps` (a history that keeps at most `limit` of them), evaluated at `evaluated`.
    private func harness(_ steps: ClosedRange<Int>, evaluated: [Int] = [], limit: Int = History.maxSteps) throws -> ShellHarness {
        let h = ShellHarness()
        h.ok("data xor n=20\nlayer dense 1 sigmoid\nloss bce\nstep")
        let t = try XCTUnwrap(h.w.trainer)
        var history = History(stepLimit: limit, evaluationLimit: History.maxEvaluations)
        for k in steps {
            history.record(History.Step(step: k, epoch: 1, batchLoss: Double(k) / 1000, penalty: 0))
            if evaluated.contains(k) {
                history.record(History.Evaluation(step: k, epoch: 1, trainLoss: Double(k) / 100, penalty: 0, valLoss: nil, trainMetric: 0.5, valMetric: nil))
            }
        }
        t.replaceState(history: history, stepCount: steps.upperBound, sampler: t.sampler, dropoutRNG: t.dropoutRNG)
        return h
    }

    /// The table's rows: step, batch_loss and (where there is one) train_loss.
    private func rows(_ text: String) -> [[String]] {
        PredictTests.cells(text).dropFirst().map { Array($0.prefix(1)) + Array($0.dropFirst(2).prefix(2)) }
    }

    func testFromToShowsThoseStepsWithTheirEvaluations() throws {
        let h = try harness(1...30, evaluated: [10, 20, 30])
        let text = h.ok("show history from=8 to=12")
        XCTAssertEqual(rows(text), [["8", "0.008", ""], ["9", "0.009", ""], ["10", "0.01", "0.1"], ["11", "0.011", ""], ["12", "0.012", ""]], text)
        // One end alone: from the first step, or to the last.
        XCTAssertEqual(rows(h.ok("show history to=2")).map(\.[0]), ["1", "2"])
        XCTAssertEqual(rows(h.ok("show history from=29")).map(\.[0]), ["29", "30"])
        XCTAssertEqual(rows(h.ok("show history from=7 to=7")).map(\.[0]), ["7"])
    }

    func testEveryShowsTheStepsNumberedAMultipleOfK() throws {
        let h = try harness(1...12_000, evaluated: [5_000, 11_990])
        let all = h.ok("show history every=1000")
        XCTAssertEqual(rows(all).map(\.[0]), (1...12).map { String($0 * 1000) })
        XCTAssertEqual(rows(all)[4], ["5000", "5", "50"])
        XCTAssertTrue(all.contains("(every=1000: the steps numbered a multiple of 1000 (12 of them shown))"), all)
        XCTAssertEqual(rows(h.ok("show history 3 every=1000")).map(\.[0]), ["10000", "11000", "12000"])
        XCTAssertEqual(rows(h.ok("show history from=2500 to=7000 every=1000")).map(\.[0]), ["3000", "4000", "5000", "6000", "7000"])
        XCTAssertEqual(rows(h.ok("show history from=11990 every=5")).map { $0[0] + " " + $0[2] }, ["11990 119.9", "11995 ", "12000 "])
    }

    func testARangeStopsAtTenThousandRowsAndSaysHowToSeeTheNext() throws {
        let h = try harness(1...25_000)
        let text = h.ok("show history from=1 to=25000")
        let shown = rows(text)
        XCTAssertEqual(shown.count, 10_000)
        XCTAssertEqual(shown.first?[0], "1"); XCTAssertEqual(shown.last?[0], "10000")
        XCTAssertTrue(text.contains("(show history prints at most 10000 rows: these end at step 10000; `show history from=10001 to=25000` "
                                    + "shows the next, `export history \"FILE.csv\"` writes every step)"), String(text.suffix(400)))
        let next = rows(h.ok("show history from=10001 to=25000"))
        XCTAssertEqual(next.first?[0], "10001"); XCTAssertEqual(next.last?[0], "20000")
        let sampled = h.ok("show history every=2")
        XCTAssertEqual(rows(sampled).last?[0], "20000")
        XCTAssertTrue(sampled.contains("`show history from=20001 to=25000 every=2` shows the next"), String(sampled.suffix(400)))
        XCTAssertFalse(h.ok("show history from=20001 to=25000").contains("at most"))
    }

    func testARangePartlyOutsideTheHistoryIsCutToItAndSaidToBe() throws {
        // A history that dropped its first 8,192 steps (it keeps 12,288) holds steps 8,193–17,288.
        let h = try harness(1...17_288, limit: 12_288)
        let text = h.ok("show history from=17280 to=20000")
        XCTAssertEqual(rows(text).map(\.[0]), (17_280...17_288).map(String.init))
        XCTAssertTrue(text.contains("(the history holds steps 8193–17288 (the first 8192 were dropped), so this shows steps 17280–17288 of the "
                                    + "17280–20000 asked for)"), text)
        XCTAssertEqual(rows(h.ok("show history from=1 to=8194")).map(\.[0]), ["8193", "8194"])
    }

    func testWrongRangesAreErrorsThatSayWhatWouldDo() throws {
        let h = try harness(1...100)
        XCTAssertTrue(h.fails("show history from=20 to=10").contains("from=20 is after to=10 — a range runs from its first step to its last: "
                                                                      + "`show history from=10 to=20`"))
        XCTAssertTrue(h.fails("show history from=101").contains("from=101 is past the last step recorded — the history holds steps 1–100"))
        XCTAssertTrue(h.fails("show history every=101").contains("no step from 1 to 100 is a multiple of 101 (every=K shows the steps numbered 101, 202, …)"))
        XCTAssertTrue(h.fails("show history every=9223372036854775807").contains("is a multiple of 9223372036854775807 (every=K shows the steps "
                                                                                   + "numbered 9223372036854775807, …)"))
        XCTAssertTrue(h.fails("show history from=9223372036854775807").contains("is past the last step recorded"))
        XCTAssertEqual(rows(h.ok("show history to=9223372036854775807 from=99")).map(\.[0]), ["99", "100"])
        XCTAssertTrue(h.fails("show history 5 from=10").contains("give the number of rows (the last N steps) or from=/to= (the steps from A to B), not both"))
        XCTAssertTrue(h.fails("show history from=0").contains("from="))
        XCTAssertTrue(h.fails("show history every=0").contains("every="))
        XCTAssertTrue(h.fails("show history from=5 to=8 step=2").contains("unknown option 'step' for show"))
        let dropped = try harness(1...17_288, limit: 12_288)
        XCTAssertTrue(dropped.fails("show history to=100").contains("to=100 is before the first step recorded — the history holds steps "
                                                                     + "8193–17288 (the first 8192 were dropped)"))
        // Without a history there is nothing to range over.
        XCTAssertEqual(ShellHarness().ok("show history from=3"), "history: empty (nothing trained yet)")
    }

    func testStepsAreFoundAcrossGapsByTheirNumbers() {
        // Steps 1–5 and 11–15 (a history of two runs' numbering), evaluated at 4 and 12.
        var h = History()
        for k in [1, 2, 3, 4, 5, 11, 12, 13, 14, 15] { h.record(History.Step(step: k, epoch: 1, batchLoss: 0, penalty: 0)) }
        for k in [4, 12] { h.record(History.Evaluation(step: k, epoch: 1, trainLoss: 0, penalty: 0, valLoss: nil, trainMetric: 0, valMetric: nil)) }
        XCTAssertEqual(h.steps(from: 1, through: 15, every: 3, limit: 100).steps.map(\.step), [3, 12, 15])
        XCTAssertEqual(h.steps(from: 1, through: 15, every: 3, limit: 2, last: true).steps.map(\.step), [12, 15])
        XCTAssertEqual(h.steps(from: 1, through: 15, every: 3, limit: 2, last: true).more, true)
        XCTAssertEqual(h.steps(from: 4, through: 11, limit: 100).steps.map(\.step), [4, 5, 11])
        XCTAssertEqual(h.steps(from: 6, through: 10, limit: 100).steps.map(\.step), [])
        let picked = h.steps(from: 1, through: 15, every: 2, limit: 100).steps
        XCTAssertEqual(picked.map(\.step), [2, 4, 12, 14])
        XCTAssertEqual(h.evaluations(of: picked).map { $0?.step }, [nil, 4, 12, nil])
    }
}
