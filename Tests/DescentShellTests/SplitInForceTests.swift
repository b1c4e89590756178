import XCTest
@testable import DescentShell

/// A split set before the data is checked against it: `data` refuses rows the split cannot cut in two, as `split`
/// refuses a split of the data there is, in the same words.
final class SplitInForceTests: XCTestCase {
    func testDataRefusesRowsTheSplitInForceLeavesAPartEmptyOf() {
        let h = ShellHarness()
        h.ok("split 0.3")
        // ⌊0.3·3⌋ = 0 training rows; ⌊0.3334·3⌋ = ⌊1.0002⌋ = 1.
        let e = h.fails("data xor n=3")
        XCTAssertTrue(e.hasPrefix("error: the split in force: split 0.3 of 3 samples leaves 0 for training and 3 for validation; "
                                  + "both need at least one — use a fraction of at least 0.3334"), e)
        XCTAssertTrue(e.hasSuffix("\n    data xor n=3\n    ^~~~"), e)
        XCTAssertNil(h.w.data, "the failed data command loads nothing")
        // The same words from `split` on the data there is.
        h.ok("split none\ndata xor n=3")
        XCTAssertTrue(h.fails("split 0.3").hasPrefix("error: split 0.3 of 3 samples leaves 0 for training and 3 for validation; "
                                                     + "both need at least one — use a fraction of at least 0.3334"))
        XCTAssertNil(h.w.splitFraction, "a refused split leaves the split as it was")
        // Data the split does cut is taken: ⌊0.3·4⌋ = 1 training row, 3 validation rows.
        h.ok("data xor n=4\nsplit 0.3\ndata xor n=5\ndata xor n=4")
        XCTAssertEqual(h.w.trainingRows(of: h.w.data!), 1)
        // One row cannot be split at all.
        XCTAssertTrue(h.fails("data X=[[1]] y=[1]").contains("split 0.3 of 1 sample leaves 0 for training and 1 for validation; both need at least one — a split needs at least 2 samples"))
        XCTAssertEqual(h.w.data?.count, 4)
    }
}
