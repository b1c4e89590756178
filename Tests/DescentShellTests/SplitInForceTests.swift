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

/// A new seed draws the split again (which rows validate) along with the weights, and its reply says so.
final class SeedRedrawsSplitTests: XCTestCase {
    func testANewSeedSaysItDrewTheSplitAgainAndOnlyWhenThereIsOne() {
        let h = ShellHarness()
        h.ok("data circles\nsplit 0.8\nlayer dense 2 tanh\nlayer dense 1 sigmoid\nloss bce\nforward sample 0")
        let rowsBefore = h.w.trainer?.validation?.X.data
        // ⌊0.8·200⌋ = 160 training rows, 40 validation rows.
        XCTAssertEqual(h.ok("seed 9"), "seed 9 — reset weights; weights are drawn again from the new seed; the split is drawn again: "
                       + "160 training and 40 validation rows chosen anew among the data's 200 (the rows themselves are kept)")
        h.ok("forward sample 0")
        XCTAssertNotEqual(h.w.trainer?.validation?.X.data, rowsBefore, "other rows validate")
        XCTAssertEqual(h.w.data?.count, 200)
        // The same seed again draws the same split: nothing to say about it (no model was built since).
        h.ok("layer clear")
        XCTAssertEqual(h.ok("seed 9"), "seed 9")
        // Under normalize the statistics come from the new training part.
        h.ok("normalize")
        XCTAssertEqual(h.ok("seed 3"), "seed 3 — the split is drawn again: 160 training and 40 validation rows chosen anew among the "
                       + "data's 200 (the rows themselves are kept), and normalize's mean and std come from the new training part")
        // Without a split, or before any data, a seed has no split to draw.
        h.ok("split none")
        XCTAssertEqual(h.ok("seed 4"), "seed 4")
        let early = ShellHarness()
        XCTAssertEqual(early.ok("split 0.8\nseed 4"), "split 0.8 (applies when data is loaded)\nseed 4")
    }
}
