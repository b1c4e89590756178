import XCTest
@testable import DescentCore
@testable import DescentShell

/// Backpropagation by hand through the session: forward, backward (whole and stepped), graph, explain, update,
/// expect grad — on the seed's linear regression and a 2-2-1 tanh net on XOR, with numbers worked out by hand
/// and checked with numpy (the scripts are quoted in the comments).
final class BackpropTests: XCTestCase {
    var h: ShellHarness!

    override func setUp() { h = ShellHarness() }

    /// The seed's example: X = [[1,2],[2,3],[3,4]], y = [2,3,4], θ = 0, mse, sgd lr 0.005.
    static let seed = """
        data X=[[1,2],[2,3],[3,4]] y=[2,3,4]
        layer dense 1 linear bias=false init=zeros
        loss mse
        optimizer sgd lr=0.005
        """

    /// Sessions/xor-backprop.descent's 2-2-1 tanh net with every weight set by hand.
    static let xor = """
        data X=[[0,0],[0,1],[1,0],[1,1]] y=[0,1,1,0]
        layer dense 2 tanh
        layer dense 1 linear
        loss mse
        optimizer sgd lr=0.1
        set W1[0,0] = 0.5
        set W1[0,1] = -0.4
        set W1[1,0] = 0.3
        set W1[1,1] = 0.8
        set b1[0] = 0.1
        set b1[1] = -0.1
        set W2[0,0] = 0.7
        set W2[1,0] = -0.6
        set b2[0] = 0.2
        """

    // numpy for the XOR net (python3):
    //   X=np.array([[0,0],[0,1],[1,0],[1,1].]); y=np.array([[0],[1],[1],[0.]])
    //   W1=np.array([[.5,-.4],[.3,.8]]); b1=np.array([.1,-.1]); W2=np.array([[.7],[-.6]]); b2=np.array([.2])
    //   Z1=X@W1+b1; A1=np.tanh(Z1); Z2=A1@W2+b2; L=np.mean((Z2-y)**2); dZ2=2*(Z2-y)/4
    //   dW2=A1.T@dZ2; db2=dZ2.sum(0); dZ1=(dZ2@W2.T)*(1-A1**2); dW1=X.T@dZ1; db1=dZ1.sum(0)
    static let xorA1 = [0.09966799462495582, -0.09966799462495582, 0.3799489622552249, 0.6043677771171635,
                        0.5370495669980352, -0.46211715726000974, 0.7162978701990245, 0.29131261245159096]
    static let xorZ2 = [0.32956839301244256, 0.10334360730835933, 0.8532049912546305, 0.5266209416683625]
    static let xorLoss = 0.3028716007559539
    static let xorDZ1 = [0.1142030947576331, -0.09788836693511409, -0.2685248955811111, 0.17074299331567272,
                         -0.03655962235870066, 0.03463398055155281, 0.0897473077349148, -0.14457908657779914]
    static let xorDW1 = [0.053187685376214135, -0.10994510602624633, -0.1787775878461963, 0.026163906737873582]
    static let xorDb1 = [-0.10113411544726386, -0.03709047964568769]
    static let xorDW2 = [-0.0047274910221518085, -0.17675491864088239]
    static let xorDb2 = [-0.09363103337810258]

    /// Asserts two arrays agree entry by entry within `tol`.
    func assertClose(_ a: [Double], _ b: [Double], _ tol: Double = 1e-14, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, "\(a) vs \(b)", file: file, line: line)
        for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: tol, "\(a) vs \(b)", file: file, line: line) }
    }

    // MARK: The seed's linear regression

    func testForwardOnTheSeedExampleShowsEveryNode() {
        h.ok(Self.seed)
        let text = h.ok("forward")
        // Z1 = X·0 = [0,0,0]; loss = mean((0 − y)²) = (4 + 9 + 16)/3 = 29/3 = 9.6666667 (8 digits).
        XCTAssertTrue(text.hasPrefix("forward pass on the batch of step 1 (3 rows"), text)
        XCTAssertTrue(text.contains("Z1 = X·W1\n  Z1 [3, 1] =\n    [[0]\n     [0]\n     [0]]"), text)
        XCTAssertTrue(text.contains("loss = mean((ŷ − y)²) = 9.6666667"), text)
        XCTAssertTrue(text.contains("total = loss + penalty = 9.6666667"), text)
        XCTAssertEqual(h.w.inspected?.lossValue ?? .nan, 29.0 / 3, accuracy: 1e-15)
        h.ok("expect loss = 9.666666666666666 +- 1e-12")
        XCTAssertEqual(h.w.stepCount, 0)
    }

    func testShowingANodeBeforeAnyForwardSaysToRunForward() {
        h.ok(Self.seed)
        XCTAssertTrue(h.fails("show Z1").contains("nothing called 'Z1' to show — there is no forward pass now, so no nodes"))
        // A parameter is shown as `show weights W1` shows it: W1 [2, 1] = zeros (init=zeros).
        XCTAssertTrue(h.ok("show W1").hasPrefix("W1 [2, 1] =\n[[0]\n [0]]"), h.ok("show W1"))
        XCTAssertTrue(h.fails("show W3").contains("no parameter 'W3' — the model has W1"))
        // After a forward, the same word is a node; an unknown one lists what there is.
        h.ok("forward")
        XCTAssertTrue(h.ok("show Z1").hasPrefix("Z1"))
        XCTAssertTrue(h.fails("show Q7").contains("(show model|weights|grads|data|history|runs|config|confusion, or a node of the last `forward`)"))
    }

    func testAnUpdateWhoseLossIsNotFiniteIsRefusedAsTrainStops() {
        // The seed example with lr 1e300: update 1 takes θ to about ±1e300 (finite); step 2's loss, a mean of
        // squares of ~1e300, overflows to inf, so its update is refused and nothing changes.
        h.ok(Self.seed + "\nlr 1e300\nforward\nbackward\nupdate")
        let after1 = h.values("W1"), steps = h.w.stepCount
        XCTAssertTrue(after1.allSatisfy { $0.isFinite && abs($0) > 1e299 }, "\(after1)")
        XCTAssertTrue(h.fails("update").contains("this step's loss is inf, not finite, so its update was not applied"))
        XCTAssertEqual(h.values("W1"), after1)
        XCTAssertEqual(h.w.stepCount, steps)
        // `train` stops at the same step with the same parameters.
        XCTAssertTrue(h.fails("train 1").contains("the run stopped before its first step, so nothing changed: loss became infinite at step 2"))
        XCTAssertEqual(h.values("W1"), after1)
    }

    func testAnUpdateThatWouldMakeAParameterInfiniteIsRefusedAndTheStepStays() {
        // The seed example's first gradient is dθ = −(2/3)·Xᵀy = [−40/3, −58/3] (mse on θ = 0): lr 1e308 times
        // that overflows, so the update is refused; the step is still under way, and a sane lr applies it.
        h.ok(Self.seed + "\nlr 1e308\nforward\nbackward")
        XCTAssertTrue(h.fails("update").contains("this update would make W1 infinite or NaN"))
        XCTAssertEqual(h.values("W1"), [0, 0])
        XCTAssertEqual(h.w.stepCount, 0)
        h.ok("lr 0.005\nupdate")
        XCTAssertEqual(h.w.stepCount, 1)
        // θ = 0.005 · [40/3, 58/3], by hand.
        XCTAssertEqual(h.values("W1")[0], 0.005 * 40 / 3, accuracy: 1e-15)
        XCTAssertEqual(h.values("W1")[1], 0.005 * 58 / 3, accuracy: 1e-15)
    }

    func testARefusedUpdateLeavesTheGradientsAndTheHandPassAsTheyWere() {
        // lr 1e308 times the first gradient [−40/3, −58/3] overflows (as above). The refused update had computed the
        // gradients first, and kept them (labelled not current), and finished a backward pass stepped part-way.
        h.ok(Self.seed + "\nlr 1e308\nforward\nbackward step")
        XCTAssertEqual(h.w.inspected?.backwardDone, 1)
        XCTAssertTrue(h.fails("update").contains("this update would make W1 infinite or NaN"))
        XCTAssertEqual(h.w.inspected?.backwardDone, 1, "the backward pass is where the user left it")
        XCTAssertEqual(h.grads("W1"), [0, 0], "no gradient has reached W1")
        // With no pass under way, the update draws the batch, computes the gradients and is refused: the batch goes
        // back and the gradients held are again those of the last update (here, of a step at lr 1e-9 on θ = 0).
        h.ok("undo\nlr 1e-9\nstep\nlr 1e308")
        let used = h.grads("W1")
        assertClose(used, [-40.0 / 3, -58.0 / 3], 1e-12)
        XCTAssertTrue(h.fails("update").contains("this update would make W1 infinite or NaN"))
        XCTAssertEqual(h.grads("W1"), used)
        XCTAssertTrue(h.ok("show grads W1").contains("these are the gradients step 1's update used"))
    }

    func testBackwardOnTheSeedExampleGivesTheGradientAndItsNorm() {
        h.ok(Self.seed)
        let text = h.ok("backward")
        // dL/dZ1 = 2(Z1 − y)/3 = [−4/3, −2, −8/3]; dL/dW1 = Xᵀ·dL/dZ1 = [−40/3, −58/3];
        // ‖g‖ = √(1600 + 3364)/3 = 23.4852 (numpy: np.linalg.norm([-40/3, -58/3]) = 23.48521993841138), max 58/3.
        XCTAssertTrue(text.contains("(ran the forward pass on the batch of step 1 first)"), text)
        XCTAssertTrue(text.contains("backward: all gradients computed (replacing earlier ones)"), text)
        XCTAssertTrue(text.contains("│ W1    │ [2, 1] │ 23.4852 │    19.3333 │"), text)
        XCTAssertTrue(text.contains("total gradient norm 23.4852"), text)
        assertClose(h.grads("W1"), [-40.0 / 3, -58.0 / 3])
        h.ok("expect grad W1[0,0] = -13.333333333333334 +- 1e-12\nexpect grad W1[1,0] = -19.333333333333332 +- 1e-12")
        // Running it again replaces the gradients rather than adding to them.
        h.ok("backward")
        assertClose(h.grads("W1"), [-40.0 / 3, -58.0 / 3])
    }

    func testUpdateOnTheSeedExampleShowsBeforeGradientAndAfter() {
        h.ok(Self.seed + "\nforward\nbackward")
        let text = h.ok("update")
        // θ ← 0 − 0.005·[−40/3, −58/3] = [1/15, 29/300] = [0.0666667, 0.0966667] (6 digits).
        XCTAssertTrue(text.contains("update 1: sgd lr=0.005, rule θ ← θ − lr·g"), text)
        XCTAssertTrue(text.contains("  before [[0] [0]]"), text)
        XCTAssertTrue(text.contains("  grad   [[-13.3333] [-19.3333]]"), text)
        XCTAssertTrue(text.contains("  after  [[0.0666667] [0.0966667]]"), text)
        assertClose(h.values("W1"), [1.0 / 15, 29.0 / 300], 1e-16)
        XCTAssertEqual(h.w.stepCount, 1)
        XCTAssertEqual(h.w.trainer!.history.steps.last?.batchLoss ?? .nan, 29.0 / 3, accuracy: 1e-15)
        // `update` alone computes forward and backward first and takes the same step.
        let other = ShellHarness()
        other.ok(Self.seed)
        XCTAssertTrue(other.ok("update").contains("(computed the gradients first)"))
        XCTAssertEqual(other.values("W1"), h.values("W1"))
    }

    func testExpectGradSaysWhatItFoundWhenItFails() {
        h.ok(Self.seed + "\nbackward")
        let e = h.fails("expect grad W1[0,0] = -13 +- 0.1")
        // −40/3 with 10 significant digits.
        XCTAssertTrue(e.contains("expectation failed: dL/dW1[0,0] = -13.33333333, expected = -13 ± 0.1"), e)
        XCTAssertTrue(h.ok("expect grad W1[1,0] < -19").contains("ok: dL/dW1[1,0] = -19.3333"))
    }

    // MARK: The XOR net

    func testXorForwardBackwardUpdateByHand() {
        h.ok(Self.xor)
        let fwd = h.ok("forward")
        XCTAssertTrue(fwd.contains("loss = mean((ŷ − y)²) = 0.3028716"), fwd)
        let g = h.w.inspected!
        assertClose(g.nodes[g.index(of: "A1")!].value.array, Self.xorA1)
        assertClose(g.nodes[g.index(of: "Z2")!].value.array, Self.xorZ2)
        XCTAssertEqual(g.lossValue, Self.xorLoss, accuracy: 1e-15)

        // Six steps: total, penalty, loss, A2, Z2, A1W2 — the output layer's gradients are in, W1's not yet.
        var stepped = ""
        for _ in 0..<6 { stepped += h.ok("backward step") + "\n" }
        XCTAssertTrue(stepped.contains("backward: gradients zeroed, dL/dtotal = 1"), stepped)
        XCTAssertTrue(stepped.contains("sends dL/db2 [1] =\n    [-0.09363]"), stepped)
        XCTAssertTrue(stepped.contains("next: A1 (3 nodes left)"), stepped)
        assertClose(h.grads("W2"), Self.xorDW2)
        assertClose(h.grads("b2"), Self.xorDb2)
        XCTAssertEqual(h.grads("W1"), [0, 0, 0, 0])
        XCTAssertEqual(h.grads("b1"), [0, 0])

        var rest = ""
        for _ in 0..<3 { rest += h.ok("backward step") + "\n" }
        XCTAssertTrue(rest.contains("node A1 (tanh), 7 of 9"), rest)
        XCTAssertTrue(rest.contains("node XW1 (matmul), 9 of 9"), rest)
        XCTAssertTrue(rest.contains("backward complete: every gradient is in place — `update` applies them"), rest)
        assertClose(g.nodes[g.index(of: "Z1")!].grad.array, Self.xorDZ1)
        assertClose(h.grads("W1"), Self.xorDW1)
        assertClose(h.grads("b1"), Self.xorDb1)

        h.ok("update")
        // numpy: W1 − 0.1·dW1, b1 − 0.1·db1, W2 − 0.1·dW2, b2 − 0.1·db2.
        assertClose(h.values("W1"), [0.4946812314623786, -0.3890054893973754, 0.3178777587846196, 0.7973836093262127])
        assertClose(h.values("b1"), [0.1101134115447264, -0.09629095203543124])
        assertClose(h.values("W2"), [0.7004727491022151, -0.5823245081359117])
        assertClose(h.values("b2"), [0.20936310333781027])
    }

    func testXorBackwardNormTable() {
        h.ok(Self.xor)
        let text = h.ok("backward")
        // numpy: np.linalg.norm of each gradient (6 digits) and the norm over all of them = 0.3149572446871206.
        XCTAssertTrue(text.contains("│ W1    │ [2, 2] │ 0.218089 │   0.178778 │"), text)
        XCTAssertTrue(text.contains("│ b2    │ [1]    │ 0.093631 │   0.093631 │"), text)
        XCTAssertTrue(text.contains("total gradient norm 0.314957"), text)
    }

    func testForwardSampleRunsOneRowWithoutTouchingTheStep() {
        h.ok(Self.xor + "\ngraph")
        let before = TrainerState(h.w)
        XCTAssertNotNil(before)
        let text = h.ok("forward sample 2")
        // Row 2 is x = [1, 0]: Z1 = [0.5+0.1, −0.4−0.1] = [0.6, −0.5], A1 = tanh, Z2 = 0.8532049912546305,
        // loss = (Z2 − 1)² = 0.02154877459255312 (numpy).
        XCTAssertTrue(text.hasPrefix("forward pass on training sample 2 (evaluation mode):"), text)
        XCTAssertTrue(text.contains("loss = mean((ŷ − y)²) = 0.021548775"), text)
        let g = h.w.inspected!
        XCTAssertEqual(g.rows, 1)
        assertClose(g.nodes[g.index(of: "Z1")!].value.array, [0.6, -0.5], 1e-15)
        XCTAssertEqual(g.output.value[0], 0.8532049912546305, accuracy: 1e-15)
        XCTAssertEqual(g.lossValue, 0.02154877459255312, accuracy: 1e-15)
        XCTAssertEqual(TrainerState(h.w), before)
        XCTAssertEqual(h.w.trainer!.phase, .idle)
    }

    func testGraphListsNodesAndMarksWhereSteppingStands() {
        h.ok(Self.xor)
        let preview = h.ok("graph")
        XCTAssertTrue(preview.contains("(no forward pass yet: shapes for a batch of 4)"), preview)
        // By hand: the nodes on the path to the total, latest first, leaves and the target left out.
        XCTAssertTrue(preview.contains("backward: not started (`backward step` visits total → penalty → loss → A2 → Z2 → A1W2 → A1 → Z1 → XW1)"), preview)
        XCTAssertTrue(preview.contains("│  4 │ Z1      │ bias_add     │ XW1, b1       │ [4, 2] │"), preview)
        h.ok("forward\nbackward step\nbackward step\nbackward step")
        let text = h.ok("graph")
        func mark(_ node: String) -> String? {
            text.split(separator: "\n").first { $0.contains("│ \(node) ") }?.split(separator: "│").last.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        XCTAssertEqual(mark("total"), "✓ grad")
        XCTAssertEqual(mark("penalty"), "✓ grad")
        XCTAssertEqual(mark("loss"), "✓ grad")
        XCTAssertEqual(mark("A2"), "◀ next")
        XCTAssertEqual(mark("Z2"), "")
        XCTAssertEqual(mark("W1"), "")
        // Once backward is complete, the parameters have theirs too; the data and target never get one.
        h.ok("backward")
        let complete = h.ok("graph")
        func markIn(_ node: String) -> String? {
            complete.split(separator: "\n").first { $0.contains("│ \(node) ") }?.split(separator: "│").last.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        XCTAssertEqual(["W1", "b1", "W2", "b2", "XW1"].map(markIn), Array(repeating: "✓ grad", count: 5))
        XCTAssertEqual(markIn("X"), "")
        XCTAssertEqual(markIn("y"), "")
        // Nor does `show X` print a gradient for the data, which backward never computes.
        XCTAssertFalse(h.ok("show X").contains("dL/dX"))
        // After the step is applied and undone there is no forward pass: the preview marks nothing.
        h.ok("update\nundo")
        let preview2 = h.ok("graph")
        XCTAssertTrue(preview2.contains("(no forward pass yet"), preview2)
        XCTAssertFalse(preview2.contains("✓ grad"), preview2)
    }

    func testExplainWritesAnEntryAsTheSumOverRows() {
        h.ok(Self.xor)
        let text = h.ok("explain W1[1,0]")
        // The chain from the total down to W1, one formula per edge, with dL/dZ1 (numpy, 4 digits) on the way.
        XCTAssertTrue(text.contains("path total → loss → A2 → Z2 → A1W2 → A1 → Z1 → XW1 → W1"), text)
        XCTAssertTrue(text.contains("  dL/dA1 = dL/dA1W2 · W2ᵀ"), text)
        // The derivative in the graph's names, as `backward step` writes it.
        XCTAssertTrue(text.contains("  dL/dZ1 = dL/dA1 ⊙ f'(Z1),  f'(Z1) = 1 − tanh²(Z1) = 1 − A1²"), text)
        XCTAssertTrue(text.contains("  dL/dW1 = Xᵀ · dL/dXW1"), text)
        for v in ["0.1142", "-0.09789", "-0.2685", "0.1707", "-0.03656", "0.03463", "0.08975", "-0.1446"] {
            XCTAssertTrue(text.contains(v), v)
        }
        // dL/dW1[1,0] = Σ_r X[r,1]·dL/dXW1[r,0] with dL/dXW1 = dL/dZ1 (numpy, 6 significant digits each):
        // 0·0.114203 + 1·(−0.268525) + 0·(−0.0365596) + 1·0.0897473 = −0.1787777 by hand, −0.178778 at 6 digits, as
        // numpy's −0.1787775878461963 is.
        XCTAssertTrue(text.contains("dL/dW1[1,0] from the data loss = Σ_r X[r,1] · dL/dXW1[r,0]"), text)
        XCTAssertTrue(text.contains("  = 0·0.114203 + 1·(−0.268525) + 0·(−0.0365596) + 1·0.0897473 = −0.178778\n"), text)
        // The last line: the gradient in full, with maths' minus sign as the sums have, to 10 digits, which it says.
        XCTAssertTrue(text.contains("\ndL/dW1[1,0] = −0.1787775878 (to 10 significant digits; the sums above round to 6)"), text)
        let bias = h.ok("explain b1[0]")
        // dL/db1[0] = Σ_r dL/dZ1[r,0] = −0.10113411544726386 (numpy); the terms at 6 digits add up to −0.1011343 by hand.
        XCTAssertTrue(bias.contains("dL/db1[0] = Σ_r dL/dZ1[r,0] = 0.114203 − 0.268525 − 0.0365596 + 0.0897473 = −0.101134\n"), bias)
        let whole = h.ok("explain W2")
        XCTAssertTrue(whole.contains("dL/dW2 [2, 1] =\n  [[-0.004727]\n   [  -0.1768]]"), whole)
        // explain keeps none of the gradients it computed; backward computes the same ones.
        XCTAssertEqual(h.grads("W1"), [0, 0, 0, 0])
        h.ok("backward")
        assertClose(h.grads("W1"), Self.xorDW1)
    }

    func testExplainAddsThePenaltyShare() {
        h.ok(Self.xor + "\nregularize l2 0.01")
        let text = h.ok("explain W2[0,0]")
        // l2 adds 2·λ·w = 2·0.01·0.7 = 0.014 to the data part −0.0047274910221518085: 0.009272508978 (10 digits).
        XCTAssertTrue(text.contains("dL/dW2[0,0] from the penalty = 2·0.01·0.7 = 0.014"), text)
        XCTAssertTrue(text.contains("\ndL/dW2[0,0] = 0.009272508978 (to 10 significant digits; the sums above round to 6)"), text)
        h.ok("backward")
        XCTAssertEqual(h.grads("W2")[0], -0.0047274910221518085 + 0.014, accuracy: 1e-15)
    }

    func testBackwardStepShowsAWeightsDataShareApartFromThePenaltysShare() {
        // Stepping back from the penalty (which sends 2·λ·W first) to A1W2: the matmul's own share of dL/dW2 is
        // A1ᵀ·dL/dA1W2, the data part [-0.004727, -0.1768] that `explain W2` gives without a regularizer; the whole
        // adds 2·0.01·[0.7, -0.6] = [0.014, -0.012].
        h.ok(Self.xor + "\nregularize l2 0.01\nforward")
        var text = ""
        while !text.contains("next: A1W2") { text = h.ok("backward step") }
        // Between the penalty and the matmul, W2 holds only the penalty's share, and `expect grad` says so.
        XCTAssertTrue(h.fails("expect grad W2[0,0] = 0").contains("the backward pass under way has sent only part of it; the rest comes from A1W2"))
        while !text.contains("node A1W2") { text = h.ok("backward step") }
        XCTAssertTrue(text.contains("  sends its share of dL/dW2 [2, 1] =\n    [[-0.004727]\n     [  -0.1768]]"), text)
        XCTAssertTrue(text.contains("  added to the share it held already (the penalty's), the whole dL/dW2 [2, 1] ="), text)
        h.ok("backward")
        XCTAssertEqual(h.grads("W2")[0], -0.0047274910221518085 + 0.014, accuracy: 1e-15)
    }

    // MARK: Stepping visits every node

    /// Two hidden layers with biases, a dropout layer and an l2 penalty.
    static let mlp = """
        seed 5
        data linear n=12
        layer dense 3 tanh
        layer dropout 0.5
        layer dense 3 sigmoid
        layer dense 1 linear
        loss mse
        regularize l2 0.01
        """

    func testBackwardStepVisitsEveryNodeInReverseTopologicalOrderAndMatchesBackward() throws {
        h.ok(Self.mlp + "\nforward")
        let g = try XCTUnwrap(h.w.inspected)
        var visited: [String] = []
        for k in 1...13 {
            let text = h.ok("backward step")
            let header = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("node ") }, text)
            XCTAssertTrue(header.hasSuffix(", \(k) of 13"), String(header))
            visited.append(String(header.dropFirst(5).prefix { $0 != " " }))
        }
        // By hand from the layer list: the computed nodes on the path to the total, latest first.
        XCTAssertEqual(visited, ["total", "penalty", "loss", "A3", "Z3", "A2W3", "A2", "Z2", "D1W2", "D1", "A1", "Z1", "XW1"])
        // Reverse topological: every node comes after all the nodes that read it.
        let position = Dictionary(uniqueKeysWithValues: visited.enumerated().map { ($1, $0) })
        for (i, n) in g.nodes.enumerated() {
            for j in n.inputs {
                guard let pi = position[n.name], let pj = position[g.nodes[j].name] else { continue }
                XCTAssertLessThan(pi, pj, "\(g.nodes[i].name) reads \(g.nodes[j].name)")
            }
        }
        XCTAssertTrue(g.backwardComplete)
        let stepped = h.allGrads
        XCTAssertTrue(stepped.allSatisfy { $0.contains { $0 != 0 } }, "every parameter has a gradient: \(stepped)")
        // The whole pass on the same batch and dropout mask gives the same bits.
        h.ok("backward")
        XCTAssertEqual(h.allGrads, stepped)
        // So does a fresh session that runs forward and backward in one go.
        let other = ShellHarness()
        other.ok(Self.mlp + "\nforward\nbackward")
        XCTAssertEqual(other.allGrads, stepped)
        // And stopping half way, then `backward`, finishes the same pass.
        let third = ShellHarness()
        third.ok(Self.mlp + "\nforward\nbackward step\nbackward step\nbackward step\nbackward step\nbackward step")
        XCTAssertTrue(third.ok("backward").contains("backward: finished the remaining nodes"))
        XCTAssertEqual(third.allGrads, stepped)
    }

    func testSteppedPassThenUpdateEqualsStep() {
        h.ok(Self.mlp)
        var line = "forward"
        for _ in 0..<13 { line += "\nbackward step" }
        h.ok(line + "\nupdate")
        let other = ShellHarness()
        other.ok(Self.mlp + "\nstep")
        XCTAssertEqual(h.w.model!.snapshot(), other.w.model!.snapshot())
        XCTAssertEqual(TrainerState(h.w)?.dropoutRNG, TrainerState(other.w)?.dropoutRNG)
    }

    /// Seven rows whose loss names the batch: with W1 = 1, no bias and y = 0, mse is the mean of x² over the rows.
    static let rows = """
        seed 1
        data X=[[1],[2],[3],[4],[5],[6],[7]] y=[0,0,0,0,0,0,0]
        batch 3
        layer dense 1 linear bias=false init=constant value=1
        loss mse
        optimizer sgd lr=1e-12
        """

    func testAStepDroppedBeforeItsUpdateKeepsItsBatch() {
        h.ok(Self.rows + "\nforward")
        let shown = h.w.trainer?.currentGraph?.input.array ?? []
        XCTAssertEqual(shown.count, 3)
        // `set` drops the step under way; the backward pass after it runs on the rows forward showed.
        h.ok("set W1[0,0] = 2\nbackward")
        XCTAssertEqual(h.w.trainer?.currentGraph?.input.array, shown)
        // A new loss rebuilds the trainer; its forward pass shows the same rows again.
        h.ok("loss mae\nforward")
        XCTAssertEqual(h.w.trainer?.currentGraph?.input.array, shown)
        // Training starts with that batch: step 1's loss is mae over those rows, W1 = 2: mean(2·|x|).
        let text = h.ok("step")
        XCTAssertTrue(text.contains("was dropped, and its batch trained instead"), text)
        let expected = shown.map { 2 * abs($0) }.reduce(0, +) / 3
        XCTAssertEqual(h.w.trainer?.history.steps.first?.batchLoss ?? .nan, expected, accuracy: 1e-12)
    }

    func testForwardByHandThenStepEqualsStepAlone() {
        // A hand forward pass, dropped by `step`, leaves no trace: same batch, same dropout masks, same bits.
        let setup = "seed 4\ndata moons n=40\nbatch 8\nlayer dense 6 tanh\nlayer dropout 0.3\nlayer dense 1 sigmoid\nloss bce\noptimizer adam lr=0.01"
        let byHand = ShellHarness(), alone = ShellHarness()
        byHand.ok(setup + "\nforward\nforward\nstep\nforward\nstep\nstep")
        alone.ok(setup + "\nstep\nstep\nstep")
        XCTAssertEqual(byHand.values("W1"), alone.values("W1"))
        XCTAssertEqual(byHand.w.trainer?.history.steps, alone.w.trainer?.history.steps)
        // Full batch: every step is an epoch, however many forward passes a person ran in between.
        h.ok("data xor n=8\nlayer dense 1 sigmoid\nloss bce\nforward\nforward\nstep\nforward\nstep")
        XCTAssertEqual(h.w.trainer?.history.steps.map(\.epoch), [1, 2])
    }

    func testShowANodePrintsEveryRowAndItsGradientOnceBackwardReachedIt() {
        // 30 rows: more than the 12 a summary shows. Z2 = A1·W2 + b2 is one column, so each row is one line.
        h.ok("seed 3\ndata moons n=30\nlayer dense 4 relu\nlayer dense 1 sigmoid\nloss bce\nforward")
        var text = h.ok("show Z2")
        XCTAssertFalse(text.contains("..."), text)
        XCTAssertEqual(text.split(separator: "\n").count, 1 + 30, text)
        XCTAssertFalse(text.contains("dL/dZ2"), text)
        h.ok("backward")
        text = h.ok("show Z2")
        XCTAssertTrue(text.contains("dL/dZ2 [30, 1] ="), text)
        XCTAssertEqual(text.split(separator: "\n").count, 2 * (1 + 30), text)
    }

    func testGradientsNotYetComputedAreSaidToBe() {
        // The seed example's dL/dW1[0,0] is −40/3 once computed; before that the stored 0 must not pass as it.
        h.ok(Self.seed)
        XCTAssertTrue(h.fails("expect grad W1[0,0] = 0").contains("dL/dW1 is not current: no backward pass has reached it"))
        XCTAssertEqual(h.ok("show grads W1"), "no gradient yet: no backward pass has reached W1 since the model was built or the data, split or "
                       + "normalisation last changed — `backward` computes it (the parameters stay as they are)",
                       "the zeros held are not shown as a gradient")
        // Two backward steps reach total and loss, not yet the product that reads W1.
        h.ok("forward\nbackward step\nbackward step")
        XCTAssertTrue(h.fails("expect grad W1[0,0] = 0").contains("is not current"))
        h.ok("backward\nexpect grad W1[0,0] = -13.333333333333334 +- 1e-12")
        XCTAssertFalse(h.ok("show grads W1").contains("not current"))
        XCTAssertTrue(h.fails("expect loss < 9 +- 1").contains("a tolerance (+-) goes with `=` only"))
        // A step's gradients are current until the parameters move under them: undo, set, load.
        h.ok("step\nstep")
        XCTAssertFalse(h.ok("show grads W1").contains("not current"))
        h.ok("undo")
        XCTAssertTrue(h.ok("show grads W1").contains("not current"))
        h.ok("step\nset W1[0,0] = 0.25")
        XCTAssertTrue(h.fails("expect grad W1[0,0] = 0").contains("is not current"))
        h.ok("backward")
        XCTAssertFalse(h.ok("show grads W1").contains("not current"))
        // A parameter node's gradient shows under `show` once backward has reached it.
        h.ok("forward\nbackward")
        XCTAssertTrue(h.ok("show W1").contains("dL/dW1 [2, 1] ="))
    }

    func testWithoutARegularizerThePenaltyNodeSendsNothing() {
        h.ok(Self.seed)
        XCTAssertTrue(h.ok("forward").contains("penalty (no regularizer) = 0\n"))
        let text = h.ok("backward step\nbackward step")
        XCTAssertTrue(text.contains("penalty = 0 (no regularizer): sends nothing"), text)
        XCTAssertFalse(text.contains("sends dL/dW1"), text)
        XCTAssertTrue(h.ok("step").contains("step 1  epoch 1  3 rows  batch_loss "))
    }

    func testAnUpdateIsNotTakenFromASingleSamplePass() {
        // forward sample runs one row in evaluation mode beside the step: updating from it recorded a step of
        // no batch (epoch 0). It is refused, and nothing changes.
        h.ok(Self.seed + "\nforward sample 1\nbackward")
        let before = h.values("W1")
        XCTAssertTrue(h.fails("update").contains("the last forward pass was on one sample"))
        XCTAssertEqual(h.values("W1"), before)
        XCTAssertEqual(h.w.stepCount, 0)
        h.ok("forward\nupdate")
        XCTAssertEqual(h.w.trainer?.history.steps.map(\.epoch), [1])
    }

    func testUndoingWhatDroppedAHandStepKeepsItsBatch() {
        // forward draws step 1's batch; set drops the step; undo puts the weights back, and the next pass
        // must still run on step 1's batch, as a plain step does.
        let base = "seed 3\ndata xor n=16\nlayer dense 3 tanh\nlayer dense 1 sigmoid\nloss bce\noptimizer sgd lr=0.5\nbatch 4"
        let plain = ShellHarness()
        plain.ok(base + "\nstep\nstep")
        for detour in ["forward\nset b2[0] = 0.5\nundo\nupdate", "forward\nstep\nundo\nstep", "forward\ntrain 3\nundo\nstep"] {
            let h = ShellHarness()
            h.ok(base + "\n" + detour + "\nstep")
            XCTAssertEqual(h.w.trainer?.history.steps, plain.w.trainer?.history.steps, detour)
            XCTAssertEqual(h.values("W1"), plain.values("W1"), detour)
        }
    }

    func testGradientsStayCurrentAcrossAnOptimizerChangeButNotALossChange() {
        h.ok(Self.seed + "\nforward\nbackward")
        h.ok("optimizer adam")
        h.ok("expect grad W1[0,0] = -13.333333333333334 +- 1e-12")
        h.ok("loss mae")
        XCTAssertTrue(h.fails("expect grad W1[0,0] = 0").contains("is not current"))
    }
}
