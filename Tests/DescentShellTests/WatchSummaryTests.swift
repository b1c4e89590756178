import XCTest
@testable import DescentShell

/// A run in a view that showed the watched entries (the live view, which closes with the run) leaves a line per entry
/// with its value before and after. By hand: ŷ = w·x on x = 1, 2 with y = 2, 4 under mse; dL/dw = Σ(w·x − y)·x, so from
/// w = 1 at lr 0.1: −5 and w = 1.5, then −2.5 and w = 1.75.
final class WatchSummaryTests: XCTestCase {
    static let model = "data X=[[1],[2]] y=[2,4]\nlayer dense 1 bias=false init=constant value=1\nloss mse\noptimizer sgd lr=0.1"

    func testAViewThatShowedTheWatchesLeavesEachEntrysChangeOverTheRun() {
        let h = ShellHarness()
        h.w.trainingView = WatchingView()
        h.ok(Self.model + "\nwatch W1[0,0]")
        let text = h.ok("train 2")
        XCTAssertEqual(h.lines(startingWith: "watch "), ["watch W1[0,0]: 1 → 1.75 over 2 steps"], text)
        XCTAssertTrue(h.lines(startingWith: "  watch step").isEmpty, "not printed step by step: \(text)")
        XCTAssertTrue(text.hasPrefix("trained 2 steps"), text)
        // One step: the count is singular.
        XCTAssertEqual(h.ok("train 1").components(separatedBy: "\n").filter { $0.hasPrefix("watch W1") }.first?.hasSuffix(" over 1 step"), true,
                       h.out.text)
    }

    func testProgressLinesPrintEachStepAndNoSummary() {
        let h = ShellHarness()
        h.ok(Self.model + "\nwatch W1[0,0]")
        let text = h.ok("train 2")
        XCTAssertEqual(h.lines(startingWith: "  watch step"), ["  watch step 1: W1[0,0] = 1.5", "  watch step 2: W1[0,0] = 1.75"], text)
        XCTAssertTrue(h.lines(startingWith: "watch ").isEmpty, text)
    }
}
