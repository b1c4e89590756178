import XCTest
@testable import DescentShell

/// An `optimizer` that repeats the rule in force with another rate only, after training, says how `lr` would have
/// kept the state it resets.
final class OptimizerRateNoteTests: XCTestCase {
    static let model = "data X=[[1],[2]] y=[2,4]\nlayer dense 1\nloss mse"
    static let hint = "(to change only the rate and keep the optimizer's state: `lr 0.005`)"

    func testTheSameRuleAtAnotherRateSaysHowToKeepTheState() {
        let h = ShellHarness()
        h.ok(Self.model + "\noptimizer adam lr=0.01\ntrain 3")
        let reply = h.ok("optimizer adam lr=0.005")
        XCTAssertTrue(reply.contains("— optimizer state reset " + Self.hint), reply)
        // Only a note: the state is reset as before (Adam's t back to 0), at the new rate.
        XCTAssertEqual(h.w.trainer?.optimizer.steps ?? 0, 0)
        XCTAssertEqual(h.w.statedRate, 0.005)
        // The same with the rule's other settings given again as they were.
        h.ok("optimizer adam lr=0.01 beta1=0.8\ntrain 2")
        XCTAssertTrue(h.ok("optimizer adam lr=0.005 beta1=0.8").contains(Self.hint), h.out.text)
    }

    func testAnotherRuleOtherSettingsTheSameRateOrNoStateSayNothing() {
        let h = ShellHarness()
        h.ok(Self.model + "\noptimizer adam lr=0.01")
        // No state yet: nothing is reset, so there is nothing to keep.
        XCTAssertFalse(h.ok("optimizer adam lr=0.005").contains("to change only the rate"), h.out.text)
        h.ok("train 3")
        XCTAssertFalse(h.ok("optimizer adam lr=0.005 beta1=0.8").contains("to change only the rate"), h.out.text)
        h.ok("train 3")
        XCTAssertFalse(h.ok("optimizer rmsprop lr=0.001").contains("to change only the rate"), h.out.text)
        h.ok("train 3")
        let same = h.ok("optimizer rmsprop lr=0.001")
        XCTAssertTrue(same.contains("optimizer state reset"), same)
        XCTAssertFalse(same.contains("to change only the rate"), same)
    }

    func testPlainSGDHasNoStateToResetAndAnUntypedRateNoLrHint() {
        let h = ShellHarness()
        h.ok(Self.model + "\noptimizer sgd lr=0.1\ntrain 5")
        let plain = h.ok("optimizer sgd lr=0.2")
        XCTAssertFalse(plain.contains("optimizer state reset"), plain)
        XCTAssertFalse(plain.contains("to change only the rate"), plain)
        // With momentum SGD keeps a velocity, which is reset.
        h.ok("optimizer sgd lr=0.1 momentum=0.9\ntrain 5")
        XCTAssertTrue(h.ok("optimizer sgd lr=0.2 momentum=0.9").contains("optimizer state reset (to change only the rate"), h.out.text)
        // Adam's default rate, not typed: how to keep 0.01 (lr=0.01), not `lr 0.001`, which the line just set.
        h.ok("optimizer adam lr=0.01\ntrain 3")
        let standard = h.ok("optimizer adam")
        XCTAssertTrue(standard.contains("(add lr=0.01 to keep it) — optimizer state reset"), standard)
        XCTAssertFalse(standard.contains("to change only the rate"), standard)
    }
}
