import XCTest
@testable import DescentCore
@testable import DescentShell

/// What training reports in words and numbers: progress lines, summaries, `step`, `show history` and the CSV, against
/// numbers worked out by hand.
final class TrainingReportTests: XCTestCase {
    let h = ShellHarness()

    /// y = x on two rows, one weight set to 1 and no bias: every batch loss is 0, and the l2 penalty is λ·W² = λ before
    /// the first update. `batch 1` makes each batch one row.
    static let setup = "data X=[[1],[2]] y=[1,2]\nlayer dense 1 bias=false\nloss mse\nregularize l2 0.1234567\nset W1[0,0] = 1\nbatch 1"

    func testHistoryGivesThePenaltyToSixDigitsAndASingleRowIsOneRow() {
        h.ok(Self.setup)
        // The batch of one row, in the singular.
        XCTAssertTrue(h.ok("forward").hasPrefix("forward pass on the batch of step 1 (1 row, epoch 1):"), h.out.text)
        XCTAssertTrue(h.ok("gradcheck").contains("gradient check on 1 row, central differences"), h.out.text)
        h.ok("step")
        // The step's penalty, before its update: 0.1234567 · 1² = 0.1234567, to 6 significant digits 0.123457.
        let table = PredictTests.cells(h.ok("show history"))
        let column = try? XCTUnwrap(table.first?.firstIndex(of: "penalty"))
        XCTAssertEqual(column.map { table[1][$0] }, "0.123457", h.out.text)
    }
}
