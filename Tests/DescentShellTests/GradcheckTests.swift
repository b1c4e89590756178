import XCTest
@testable import DescentCore
@testable import DescentShell

/// `gradcheck` through the session on every activation, loss and regularizer, away from kinks; and that it
/// catches a real disagreement (relu exactly at its kink), so passing means something.
final class GradcheckTests: XCTestCase {
    /// Five rows, two features; regression targets spread so that huber sees residuals both below and above δ.
    static let regression = "data X=[[0.5,-1.2],[1.5,0.3],[-0.7,0.8],[0.2,-0.4],[1.1,1.9]] y=[0.3,-1.2,2.5,0.7,-3.4]"
    static let binary = "data X=[[0.5,-1.2],[1.5,0.3],[-0.7,0.8],[0.2,-0.4],[1.1,1.9]] y=[0,1,1,0,1]"
    static let threeClasses = "data X=[[0.5,-1.2],[1.5,0.3],[-0.7,0.8],[0.2,-0.4],[1.1,1.9]] y=[0,1,2,1,0]"

    /// Runs `gradcheck` on the setup; asserts every parameter passed and no parameter moved.
    private func assertPasses(_ setup: String, parameters: [String], file: StaticString = #filePath, line: UInt = #line) {
        let h = ShellHarness()
        h.ok("seed 7\n" + setup + "\ngraph", file: file, line: line)
        let before = h.w.model?.snapshot()
        let text = h.ok("gradcheck", file: file, line: line)
        XCTAssertTrue(text.contains("gradient check on 5 rows, central differences h=1e-5"), text, file: file, line: line)
        for p in parameters {
            let row = text.split(separator: "\n").first { $0.hasPrefix("│ \(p) ") }
            XCTAssertTrue(row?.contains("pass") ?? false, "\(p) in\n\(text)", file: file, line: line)
        }
        XCTAssertFalse(text.contains("FAIL"), text, file: file, line: line)
        XCTAssertEqual(h.w.model?.snapshot(), before, "gradcheck moved the parameters", file: file, line: line)
    }

    func testEveryHiddenActivation() {
        // Glorot-drawn weights on these rows put no pre-activation at relu's kink (0).
        for act in ["linear", "relu", "leaky_relu", "leaky_relu slope=0.2", "elu", "elu alpha=0.5", "tanh", "sigmoid", "softplus", "gelu", "softmax"] {
            assertPasses(Self.regression + "\nlayer dense 4 \(act)\nlayer dense 1 linear\nloss mse", parameters: ["W1", "b1", "W2", "b2"])
        }
    }

    func testEveryOutputActivationUnderMSE() {
        for act in ["linear", "relu", "leaky_relu", "elu", "tanh", "sigmoid", "softplus", "gelu"] {
            assertPasses(Self.regression + "\nlayer dense 3 tanh\nlayer dense 1 \(act)\nloss mse", parameters: ["W1", "b1", "W2", "b2"])
        }
        // ce on a linear head reads the raw logits (softmax + ce, the fused form, is in testEveryLoss).
        assertPasses(Self.threeClasses + "\nlayer dense 3 tanh\nlayer dense 3 linear\nloss ce", parameters: ["W1", "b1", "W2", "b2"])
    }

    func testEveryLoss() {
        let hidden = "\nlayer dense 3 tanh\n"
        for loss in ["mse", "mae", "huber", "huber delta=0.5"] {
            assertPasses(Self.regression + hidden + "layer dense 1 linear\nloss \(loss)", parameters: ["W1", "b1", "W2", "b2"])
        }
        assertPasses(Self.binary + hidden + "layer dense 1 sigmoid\nloss bce", parameters: ["W1", "b1", "W2", "b2"])
        assertPasses(Self.binary + hidden + "layer dense 1 linear\nloss hinge", parameters: ["W1", "b1", "W2", "b2"])
        assertPasses(Self.threeClasses + hidden + "layer dense 3 softmax\nloss ce", parameters: ["W1", "b1", "W2", "b2"])
    }

    func testEveryRegularizerOnTwoHiddenLayersWithDropout() {
        let model = "\nbatch 2\nlayer dense 4 tanh\nlayer dropout 0.3\nlayer dense 3 sigmoid\nlayer dense 1 linear\nloss mse\n"
        for reg in ["l1 0.05", "l2 0.05", "elastic l1=0.03 l2=0.07"] {
            // With minibatches of 2, gradcheck checks the next batch: 2 rows, 6 parameters.
            let h = ShellHarness()
            h.ok("seed 7\n" + Self.regression + model + "regularize \(reg)")
            let text = h.ok("gradcheck")
            XCTAssertTrue(text.contains("gradient check on 2 rows"), text)
            XCTAssertEqual(text.components(separatedBy: " pass ").count - 1, 6, text)
        }
        for reg in ["l1 0.05", "l2 0.05", "elastic l1=0.03 l2=0.07"] {
            assertPasses(Self.regression + "\nlayer dense 4 tanh\nlayer dropout 0.3\nlayer dense 3 sigmoid\nlayer dense 1 linear\nloss mse\nregularize \(reg)",
                         parameters: ["W1", "b1", "W2", "b2", "W3", "b3"])
        }
    }

    func testOneParameter() {
        let h = ShellHarness()
        h.ok("seed 7\n" + Self.regression + "\nlayer dense 3 tanh\nlayer dense 1 linear\nloss mse")
        let text = h.ok("gradcheck W2")
        XCTAssertTrue(text.contains("│ W2 "), text)
        XCTAssertFalse(text.contains("│ W1 "), text)
        XCTAssertFalse(text.contains("│ b2 "), text)
    }

    func testAKinkIsReportedAsAFailure() {
        // relu with W = 0: every pre-activation is exactly 0. The analytic derivative there is 0 (relu'(0) = 0),
        // but the central difference sees relu(+h·x) = h·x against relu(−h·x) = 0 and gives −mean(x₀·y)
        // = −(1·2 + 2·3 + 3·4)/3 = −20/3 for W1[0,0] — a disagreement gradcheck must report.
        let h = ShellHarness()
        h.ok("data X=[[1,2],[2,3],[3,4]] y=[2,3,4]\nlayer dense 1 relu bias=false init=zeros\nloss mse")
        let e = h.fails("gradcheck")
        XCTAssertTrue(e.contains("gradient check failed for W1 (relative error ≥ 1e-5; a kink can cause this: relu at 0)"), e)
        XCTAssertTrue(h.out.text.contains("FAIL"), h.out.text)
        // A failed command leaves no trace, not even the model it built; built again, its weights are as they were.
        XCTAssertNil(h.w.model)
        h.ok("show weights")
        XCTAssertEqual(h.values("W1"), [0, 0])
    }

    func testNonFiniteGradientsFailInsteadOfPassing() {
        // W1 = [1e308, 1e308] makes XW1 = [3e308, 5e308, 7e308] = inf for every row (DBL_MAX ≈ 1.8e308): the loss
        // is inf, the analytic gradients inf or NaN, and the differences inf − inf = NaN. Before, NaN errors
        // compared as "not larger" and the check said pass with error 0.
        let h = ShellHarness()
        h.ok("data X=[[1,2],[2,3],[3,4]] y=[2,3,4]\nlayer dense 1 linear bias=false\nloss mse\nset W1[0,0] = 1e308\nset W1[1,0] = 1e308")
        let e = h.fails("gradcheck")
        XCTAssertTrue(e.contains("gradient check failed for W1: some gradients are not finite"), e)
        let row = h.out.text.split(separator: "\n").first { $0.hasPrefix("│ W1 ") }.map(String.init) ?? ""
        XCTAssertTrue(row.contains("nan") && row.contains("inf") && row.contains("FAIL"), h.out.text)
        XCTAssertEqual(h.values("W1"), [1e308, 1e308])
    }

    func testACheckLeavesTheGradientsAnUpdateApplies() {
        // With dropout, backward's gradients come from a training pass (masks on) and the check's from an
        // evaluation pass (masks off); the update after a check must apply the former, as without the check.
        let setup = "seed 3\ndata moons n=20\nlayer dense 4 tanh\nlayer dropout 0.5\nlayer dense 1 sigmoid\nloss bce\noptimizer sgd lr=0.1\nforward\nbackward"
        let checked = ShellHarness(), plain = ShellHarness()
        checked.ok(setup)
        plain.ok(setup)
        let before = checked.allGrads
        checked.ok("gradcheck W2")
        XCTAssertEqual(checked.allGrads, before)
        checked.ok("update")
        plain.ok("update")
        XCTAssertEqual(checked.values("W2"), plain.values("W2"))
        XCTAssertEqual(checked.values("W1"), plain.values("W1"))
    }

    func testAFailureNearL1sKinkNamesItAndTheEntry() {
        // The lecturer's case: W1[0,1] = 1e-6 under l1 0.1. The analytic gradient takes 0.1·sign(1e-6) = 0.1 from the
        // penalty; the central difference with h = 1e-5 straddles 0 and takes 0.1·(1.1e-5 − 0.9e-5)/2e-5 = 0.01 (by
        // hand), so they differ by 0.09. numpy (the 2-2-1 sigmoid net on these weights, data part Xᵀ·dZ1 at [0,1]):
        // analytic 0.16072010103789577, numeric 0.07072010103081894, relative error 0.09/0.1607 = 0.55998.
        let h = ShellHarness()
        h.ok("data X=[[1,2],[-1,0.5],[0,-1]] y=[1,0,2]\nlayer dense 2 sigmoid\nlayer dense 1 linear\nloss mse\nregularize l1 0.1")
        for (entry, value) in [("W1[0,0]", 0.5), ("W1[0,1]", 1e-6), ("W1[1,0]", 0.3), ("W1[1,1]", 0.8), ("b1[0]", 0.1), ("b1[1]", -0.1),
                               ("W2[0,0]", 0.7), ("W2[1,0]", -0.6), ("b2[0]", 0.2)] {
            h.ok("set \(entry) = \(value)")
        }
        let e = h.fails("gradcheck W1")
        XCTAssertTrue(e.contains("gradient check failed for W1 (relative error ≥ 1e-5; a kink can cause this: L1's |w| at w = 0 — "
                                 + "W1[0,1] = 1e-06 is within h = 1e-5 of L1's kink, so the difference quotient straddles it)"), e)
        XCTAssertTrue(h.out.text.contains("│ W1    │ [0,1]    │    0.09 │     0.56 │ FAIL   │"), h.out.text)
        // relu, elastic and mae together: each kink named, once.
        let k = ShellHarness()
        k.ok("data X=[[1,2],[2,3],[3,4]] y=[2,3,4]\nlayer dense 2 relu init=zeros\nlayer dense 1 relu init=zeros\nloss mae\nregularize elastic l1=0.1 l2=0.1")
        XCTAssertTrue(k.fails("gradcheck").contains("(relative error ≥ 1e-5; a kink can cause this: relu at 0, L1's |w| at w = 0, mae's |ŷ − y| at ŷ = y"))
    }

    func testEveryEntryNearL1sKinkIsNamed() {
        // Two weights within h of 0 under l1: both parameters fail, and both entries are named.
        let h = ShellHarness()
        h.ok("data X=[[1,2],[-1,0.5],[0,-1]] y=[1,0,2]\nlayer dense 2 tanh\nlayer dense 1 linear\nloss mse\nregularize l1 0.1")
        h.ok("set W1[0,1] = 3e-6\nset W2[1,0] = -4e-6\nset W1[1,0] = -5e-6")
        let e = h.fails("gradcheck")
        XCTAssertTrue(e.contains("gradient check failed for W1, W2 (relative error ≥ 1e-5; a kink can cause this: L1's |w| at w = 0 — "
                                 + "W1[0,1] = 3e-06, W1[1,0] = -5e-06, W2[1,0] = -4e-06 are within h = 1e-5 of L1's kink"), e)
    }

    func testAnUnscaledRegressionPassesWithinTheDifferencesRounding() {
        // A linear model on targets near 1000 (loss ≈ 7.46e6 at zero weights) has no kink, and its gradient is exact:
        // dL/dW1[1,0] = (2/4)·Σ x₂·(ŷ − y) = 0.5·(−0.001·1000 + 0.002·2000 − 0.001·3100 − 0.0005·3900) = −1.025 by hand.
        // Rounding in L(w ± h), some ε·7.46e6 ≈ 1.7e-9 each, divided by 2h = 2e-5, moves the difference by ~1e-4: numpy's
        // own central difference is off by 1.36e-5, and the check failed at a relative error of 1.3e-5.
        let h = ShellHarness()
        h.ok("data X=[[1,0.001],[2,-0.002],[3,0.001],[4,0.0005]] y=[1000,2000,3100,3900]\nlayer dense 1 linear init=zeros\nloss mse")
        h.ok("gradcheck")
        XCTAssertTrue(h.out.text.contains("│ W1    │ [0,0]    │"), h.out.text)
        XCTAssertFalse(h.out.text.contains("FAIL"), h.out.text)
        // The floor: 8·ε·(|L₊| + |L₋|)/2h = 8·2⁻⁵²·1.492e7/2e-5 ≈ 1.3e-3 here (python3: 0.0013251622021925868); 1e-9 for a
        // loss near 1.
        XCTAssertEqual(GradientCheck.roundingFloor(plus: 7.46e6, minus: 7.46e6), 0.0013251622021925868, accuracy: 1e-15)   // python3
        XCTAssertEqual(GradientCheck.roundingFloor(plus: 1, minus: 1), 1e-9)
    }
}
