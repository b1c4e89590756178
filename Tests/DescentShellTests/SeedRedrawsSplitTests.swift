import XCTest
@testable import DescentShell

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
