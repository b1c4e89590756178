import XCTest
@testable import DescentShell

/// A run under plain sgd that an L2 penalty with 2·lr·λ ≥ 2 made diverge says why, with the numbers.
final class L2DivergenceNoteTests: XCTestCase {
    static let model = "data X=[[1],[2]] y=[2,4]\nlayer dense 1\nloss mse"

    func testTheStopUnderAStrongL2SaysTheFactorByHand() {
        let h = ShellHarness()
        let run = h.ok(Self.model + "\noptimizer sgd lr=0.05\nregularize l2 1e6\ntrain 50")
        XCTAssertTrue(run.contains("became infinite"), run)
        // By hand: the penalty λ·w² adds 2λw to the gradient, so sgd's step takes w to w − lr·2λw = (1 − 2·lr·λ)·w;
        // 2·0.05·1e6 = 1e5, and 1 − 1e5 = −99999, whose size 99999 is above 1: w grows 99999-fold a step (and 1/λ = 1e-6).
        XCTAssertEqual(h.lines(startingWith: "note:"), [
            "note: under sgd the L2 penalty alone multiplies each weight by 1 − 2·lr·λ every step, and 2·lr·λ = 2·0.05·1000000 "
            + "= 100000, so |1 − 2·lr·λ| = 99999 ≥ 1: the weights cannot shrink, and grow without bound — lr below 1/λ = 1e-06, "
            + "or a smaller λ, makes it less than 1"], run)
        // Elastic's L2 part counts the same: 2·0.5·4 = 4, |1 − 4| = 3.
        let elastic = ShellHarness()
        elastic.ok(Self.model + "\noptimizer sgd lr=0.5\nregularize elastic l1=0.001 l2=4")
        let stopped = elastic.ok("train 2000")
        XCTAssertTrue(stopped.contains("became infinite"), stopped)
        XCTAssertTrue(elastic.lines(startingWith: "note:").first?.contains("2·lr·λ = 2·0.5·4 = 4, so |1 − 2·lr·λ| = 3 ≥ 1") == true, stopped)
    }

    func testMomentumOrAWeakPenaltySaysNothing() {
        // Momentum changes the factor: no note, though the run diverges.
        let h = ShellHarness()
        let run = h.ok(Self.model + "\noptimizer sgd lr=0.05 momentum=0.9\nregularize l2 1e6\ntrain 50")
        XCTAssertTrue(run.contains("became infinite"), run)
        XCTAssertEqual(h.lines(startingWith: "note:"), [], run)
        // lr 10 diverges on the data alone; 2·10·0.01 = 0.2 < 2 is not the penalty's doing.
        let data = ShellHarness()
        let diverged = data.ok(Self.model + "\noptimizer sgd lr=10\nregularize l2 0.01\ntrain 200")
        XCTAssertTrue(diverged.contains("became infinite"), diverged)
        XCTAssertEqual(data.lines(startingWith: "note:"), [], diverged)
    }
}
