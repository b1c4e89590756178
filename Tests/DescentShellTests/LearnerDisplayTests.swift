import Foundation
import XCTest
@testable import DescentCore
@testable import DescentShell

/// What a learner checking backprop and the history by hand reads (a micrograd-learner study): the rates a history
/// range ran at, rates without floating-point noise, the loss's value beside its formula, a finished backward pass
/// that one more `backward step` keeps, gradients asked for as Descent prints them, `update`'s constants and state
/// rows by the rule's letters, and smaller wordings. Numbers are worked out by hand in the comments.
final class LearnerDisplayTests: XCTestCase {
    /// Two rows, one weight and a bias, lr 0.1 decaying by 0.9 a step: step s runs at 0.1·0.9^(s−1).
    static let decaying = "data X=[[1],[2]] y=[1,2]\nlayer dense 1\nloss mse\noptimizer sgd lr=0.1\nschedule exponential gamma=0.9\ntrain 30 every=10"

    /// The line of `text` that starts with `prefix`.
    func line(_ text: String, _ prefix: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try XCTUnwrap(text.components(separatedBy: "\n").first { $0.hasPrefix(prefix) }, text, file: file, line: line)
    }

    // MARK: 1, 2 — the history's rates, and rates without noise

    func testAHistoryRangeGivesTheRatesOfItsOwnStepsWithoutNoise() throws {
        let h = ShellHarness()
        h.ok(Self.decaying)
        // Steps 1–3 ran at 0.1, 0.1·0.9 = 0.09 and 0.1·0.81 = 0.081 (printed 0.09000000000000001 and the last six of all 30).
        XCTAssertEqual(try line(h.ok("show history from=1 to=3"), "lr "),
                       "lr 0.1 from step 1, 0.09 from step 2, 0.081 from step 3 (`export history` has each step's)")
        // Steps 1–10: the first three and the last three; 0.1·0.9⁷ = 0.04782969, 0.1·0.9⁸ = 0.043046721, 0.1·0.9⁹ = 0.0387420489.
        XCTAssertEqual(try line(h.ok("show history from=1 to=10"), "lr "),
                       "lr 0.1 from step 1, 0.09 from step 2, 0.081 from step 3, …, 0.04783 from step 8, 0.04305 from step 9, "
                           + "0.03874 from step 10 (`export history` has each step's)")
        // The next step's rate, 0.1·0.9³⁰ = 0.00423911582752…, to 4 digits as `step` writes it.
        XCTAssertTrue(h.ok("schedule").hasSuffix("next step at lr 0.004239"), h.out.text)
        XCTAssertTrue(h.ok("lr").hasPrefix("lr 0.1 (the schedule's base; the next step runs at 0.004239)"), h.out.text)
        XCTAssertTrue(h.ok("step").hasSuffix("  lr 0.004239"), h.out.text)
        // lr 0.001 (sgd's default) under linear start=2 end=1 steps=5: 0.002, 0.001·1.8 = 0.0018, 0.001·1.6 = 0.0016.
        let linear = ShellHarness()
        linear.ok("data X=[[1],[2]] y=[1,2]\nlayer dense 1\nloss mse")
        XCTAssertTrue(linear.ok("schedule linear start=2").hasSuffix("the next steps at 0.002, 0.0018, 0.0016, …"), linear.out.text)
        // The CSV keeps every digit: step 2's rate is the Double 0.1·0.9.
        let dir = try ScratchDirectory.make("descent-rates")
        defer { ScratchDirectory.remove(dir) }
        h.ok("export history \"\(dir)/h.csv\"")
        let csv = try String(contentsOfFile: dir + "/h.csv", encoding: .utf8)
        XCTAssertTrue(csv.contains(",\((0.1 * 0.9).description)\n") || csv.contains(",\((0.1 * 0.9).description),"), csv)
    }

    func testTheRateInForceAtARangesFirstStepIsTheOneItRanAtThoughSetBefore() throws {
        let h = ShellHarness()
        h.ok("data X=[[1],[2]] y=[1,2]\nlayer dense 1\nloss mse\noptimizer sgd lr=0.1\ntrain 5\nlr 0.12345\ntrain 5")
        // Steps 7–9 ran at 0.12345, set before step 6: every digit typed, and no word of step 1's 0.1.
        XCTAssertEqual(try line(h.ok("show history from=7 to=9"), "lr "), "lr 0.12345 from step 6 (`export history` has each step's)")
        XCTAssertEqual(try line(h.ok("show history from=4 to=7"), "lr "),
                       "lr 0.1 from step 1, 0.12345 from step 6 (`export history` has each step's)")
    }

    func testNeighbouringRatesThatDifferReadApart() {
        // A cosine's first step a thousandth of the way: 0.1·(1 + cos(π/1000))/2 = 0.0999997533…, which reads 0.1 to 4 and 5
        // digits and 0.0999998 to 6 (Python: '%.6g' % (0.1 * (1 + math.cos(math.pi / 1000)) / 2)).
        let next = 0.1 * (1 + cos(Double.pi / 1000)) / 2
        XCTAssertEqual(Format.rate(next), "0.1")
        XCTAssertEqual(Format.rates([0.1, next]), ["0.1", "0.0999998"])
        XCTAssertEqual(Format.rates([0.1, 0.1]), ["0.1", "0.1"])
        // Typed rates keep their digits; noise goes.
        XCTAssertEqual(Format.rate(0.12345), "0.12345")
        XCTAssertEqual(Format.rate(1e-5), "1e-05")
        XCTAssertEqual(Format.rate(2), "2")
        XCTAssertEqual(Format.rate(0.1 * 0.9), "0.09")
        XCTAssertEqual(Format.rate(0.001 * (2 + (1 - 2) * 1.0 / 5)), "0.0018")
    }

    // MARK: 3 — the loss's value beside its formula

    /// The 2-2-1 relu net of these tests: W1 = [[0.5, −0.4], [0.3, 0.8]], b1 = [0.1, −0.1], W2 = [[0.7], [−0.6]], b2 = [0.2].
    func relu221(_ h: ShellHarness, output: String, loss: String, y: String) throws {
        let dir = try ScratchDirectory.make("descent-learner")
        defer { ScratchDirectory.remove(dir) }
        let json = "{\"params\":{\"W1\":[[0.5,-0.4],[0.3,0.8]],\"b1\":[0.1,-0.1],\"W2\":[[0.7],[-0.6]],\"b2\":[0.2]}}"
        try json.write(toFile: dir + "/w.json", atomically: true, encoding: .utf8)
        h.ok("data X=[[1,2],[-1,0.5],[0,-1]] y=\(y)\nlayer dense 2 relu\nlayer dense 1 \(output)\nloss \(loss)\nload weights \"\(dir)/w.json\"")
    }

    func testForwardWritesTheLossAsTheValueOfItsFormula() throws {
        // ŷ = [0.38, −0.22, 0.2] (Z1 rows [1.2, 1.1], [−0.25, 0.7], [−0.2, −0.9]); y = [1, 0, 1] so t = [1, −1, 1]:
        // hinge = mean(0.62, 0.78, 0.8) = 0.73333333.
        let hinge = ShellHarness()
        try relu221(hinge, output: "linear", loss: "hinge", y: "[1,0,1]")
        XCTAssertEqual(try line(hinge.ok("forward"), "loss ="), "loss = mean(max(0, 1 − t·ŷ)) = 0.73333333   (t = 2y − 1)")
        // The same logits under bce: mean(−y·log σ(z) − (1−y)·log(1−σ(z))) = 0.56947117 (numpy).
        let bce = ShellHarness()
        try relu221(bce, output: "sigmoid", loss: "bce", y: "[1,0,1]")
        XCTAssertEqual(try line(bce.ok("forward"), "loss ="),
                       "loss = mean(−y·log σ(z) − (1−y)·log(1−σ(z))) = 0.56947117   (from the logits z)")
        // The formula alone, where no value follows, keeps its symbols after a comma.
        XCTAssertEqual(Loss.hinge.formula, "loss = mean(max(0, 1 − t·ŷ)), t = 2y − 1")
    }

    // MARK: 4 — one backward step too many

    func testABackwardStepAfterACompletePassChangesNothing() throws {
        let h = ShellHarness()
        try relu221(h, output: "linear", loss: "mse", y: "[1,0,1]")
        h.ok("forward")
        var text = ""
        for _ in 0..<9 { text = h.ok("backward step") }
        XCTAssertTrue(text.contains("backward complete: every gradient is in place"), text)
        // dL/dŷ = 2(ŷ − y)/3 = [−0.41333, −0.14667, −0.53333]; dL/db2 = their sum = −1.09333…
        XCTAssertEqual(h.grads("b2")[0], 2 * ((0.38 - 1) + (-0.22 - 0) + (0.2 - 1)) / 3, accuracy: 1e-12)
        let grads = h.allGrads
        let extra = h.ok("backward step")
        XCTAssertTrue(extra.hasPrefix("backward: the pass is complete (all 9 nodes done) and every gradient is in place, so nothing "
                                      + "changed — `update` applies them; `forward` runs this step's forward pass again"), extra)
        XCTAssertFalse(extra.contains("gradients zeroed"), extra)
        XCTAssertEqual(h.allGrads, grads)
        XCTAssertFalse(h.ok("show grads b2").contains("no gradient"), h.out.text)
        // `forward` runs the step's pass again, and stepping starts over.
        XCTAssertTrue(h.ok("forward\nbackward step").contains("backward: gradients zeroed, dL/dtotal = 1"), h.out.text)
        XCTAssertTrue(h.out.text.contains("next: penalty (8 nodes left)"), h.out.text)
        // The update applies the gradients in place: b2 = 0.2 − 0.001·(−1.09333…) under sgd's default lr.
        for _ in 0..<10 { h.ok("backward step") }
        h.ok("update")
        XCTAssertEqual(h.values("b2")[0], 0.2 - 0.001 * 2 * ((0.38 - 1) + (-0.22 - 0) + (0.2 - 1)) / 3, accuracy: 1e-12)
    }

    // MARK: 5 — gradients asked for as Descent prints them

    func testAGradientWrittenAsDescentPrintsItSaysWhatShowsIt() throws {
        let h = ShellHarness()
        try relu221(h, output: "linear", loss: "mse", y: "[1,0,1]")
        h.ok("forward\nbackward")
        let node = h.fails("show dL/dZ1")
        XCTAssertTrue(node.contains("error: 'dL/dZ1' is how Descent prints a gradient, not a name it reads — `show Z1` prints the node "
                                    + "Z1 after `forward`, and its gradient dL/dZ1 once `backward` has reached it"), node)
        XCTAssertTrue(node.contains("\n    show dL/dZ1\n         ^~~~~~"), node)
        let parameter = h.fails("show dL/dW1")
        XCTAssertTrue(parameter.contains("'dL/dW1' is how Descent prints a gradient, not a name it reads — `show grads W1` prints W1's "
                                         + "gradient, `explain W1` derives it by the chain rule"), parameter)
        XCTAssertTrue(h.fails("show dL/dW1[0,1]").contains("`explain W1[0,1]` that entry's by the chain rule"), h.out.text)
        // Not a gradient's name: the lexer's own message.
        XCTAssertTrue(h.fails("show a/b").contains("unexpected character '/'"), h.out.text)
        // A node where a parameter belongs.
        let grads = h.fails("show grads Z1")
        XCTAssertTrue(grads.contains("error: show grads takes parameters (W1, b1, W2, b2); Z1 is a node of the graph: `show Z1` prints "
                                     + "it, and its gradient once `backward` has reached it"), grads)
        // And `show Z1` does print dL/dZ1: relu passes dL/dA1 = dL/dŷ·W2ᵀ where Z1 > 0 (rows 0 and 1's second unit):
        // dL/dŷ = [−0.41333, −0.14667, −0.53333], so dL/dZ1[0] = [−0.28933, 0.248], dL/dZ1[1] = [0, 0.088], row 2 zeros.
        let z1 = try XCTUnwrap(h.w.inspected?.nodes.first { $0.name == "Z1" })
        let expected = [-0.62 * 2 / 3 * 0.7, -0.62 * 2 / 3 * -0.6, 0, -0.22 * 2 / 3 * -0.6, 0, 0]
        for (a, b) in zip(z1.grad.array, expected) { XCTAssertEqual(a, b, accuracy: 1e-12) }
        XCTAssertTrue(h.ok("show Z1").contains("dL/dZ1 [3, 2] ="), h.out.text)
    }

    // MARK: 6 — update's constants and state rows

    func testUpdateNamesEveryConstantAndLabelsTheStateByTheRulesLetters() throws {
        // W1 = 0.5, b1 = 0 on x = [1, 2], y = [2, 4]: ŷ = [0.5, 1], dL/dŷ = 2(ŷ − y)/2 = [−1.5, −3], so g(W1) = 1·(−1.5) + 2·(−3)
        // = −7.5 and g(b1) = −4.5. rmsprop (α = 0.99, μ = 0.5, lr 0.01) from zero state: v = 0.01·g² = 0.5625 and 0.2025,
        // b = g/√v = −10 for both, θ = θ − 0.01·b: W1 0.6, b1 0.1.
        let dir = try ScratchDirectory.make("descent-update")
        defer { ScratchDirectory.remove(dir) }
        try "{\"params\":{\"W1\":[[0.5]],\"b1\":[0]}}".write(toFile: dir + "/w.json", atomically: true, encoding: .utf8)
        let setup = "data X=[[1],[2]] y=[2,4]\nlayer dense 1 linear\nloss mse\nload weights \"\(dir)/w.json\""
        let rms = ShellHarness()
        rms.ok(setup + "\noptimizer rmsprop lr=0.01 momentum=0.5")
        let text = rms.ok("update")
        XCTAssertTrue(text.contains("update 1: rmsprop lr=0.01 alpha α=0.99 eps ε=1e-08 momentum μ=0.5, rule v ← αv + (1−α)g²;  "
                                    + "b ← μb + g/(√v + ε);  θ ← θ − lr·b\n  (PyTorch's names for the state: v square_avg, b momentum_buffer)\n"), text)
        XCTAssertTrue(text.contains("W1 [1, 1]\n  before [[0.5]]\n  grad   [[-7.5]]\n  v      [[0.5625]]\n  b      [[-10]]\n  after  [[0.6]]\n"), text)
        XCTAssertTrue(text.contains("b1 [1]\n  before [0]\n  grad   [-4.5]\n  v      [0.2025]\n  b      [-10]\n  after  [0.1]"), text)
        // sgd with momentum 0.5 at lr 0.1: v = g on the first update, W1 = 0.5 − 0.1·(−7.5) = 1.25.
        let sgd = ShellHarness()
        sgd.ok(setup + "\noptimizer sgd lr=0.1 momentum=0.5")
        let s = sgd.ok("update")
        XCTAssertTrue(s.contains("update 1: sgd lr=0.1 momentum μ=0.5, rule v ← μv + g;  θ ← θ − lr·v\n"), s)
        XCTAssertTrue(s.contains("  v      [[-7.5]]\n  after  [[1.25]]\n"), s)
        // adagrad: s = g² = 56.25, W1 = 0.5 + 0.1·7.5/7.5 = 0.6; adam names β₁, β₂ and ε.
        let ada = ShellHarness()
        ada.ok(setup + "\noptimizer adagrad lr=0.1")
        let a = ada.ok("update")
        XCTAssertTrue(a.contains("update 1: adagrad lr=0.1 eps ε=1e-10, rule s ← s + g²;  θ ← θ − lr·g/(√s + ε)\n"), a)
        XCTAssertTrue(a.contains("  s      [[56.25]]\n  after  [[0.6]]\n"), a)
        let adam = ShellHarness()
        adam.ok(setup + "\noptimizer adam lr=0.01")
        XCTAssertTrue(adam.ok("update").contains("update 1: adam lr=0.01 beta1 β₁=0.9 beta2 β₂=0.999 eps ε=1e-08 (t = 1), rule "), adam.out.text)
        // A hand update under the default optimizer says so, as `train` and `step` do.
        let plain = ShellHarness()
        plain.ok(setup)
        XCTAssertEqual(plain.ok("update").components(separatedBy: "\n").filter { $0.hasPrefix("note:") },
                       ["note: optimizer sgd lr=0.001 (the default; set one with `optimizer sgd|adam|rmsprop|adagrad [lr=X]`)"])
        // 0.5 − 0.001·(−7.5) = 0.5075.
        XCTAssertEqual(plain.values("W1"), [0.5075])
    }

    // MARK: 7 — explain's sums

    func testASumWithOneRowBeyondSixWritesThatRow() throws {
        let h = ShellHarness()
        h.ok("seed 1\ndata X=[[1,0],[2,1],[0,1],[1,1],[3,1],[2,2],[1,3]] y=[1,0,1,0,1,0,1]\nlayer dense 2 tanh\nlayer dense 1 linear\nloss hinge")
        let text = h.ok("explain W1[0,0]")
        let sum = try line(text, "  = ")
        XCTAssertFalse(sum.contains("more row"), sum)
        // Seven products x·d, the x being X's first column 1, 2, 0, 1, 3, 2, 1 in order.
        let xs = sum.indices.filter { sum[$0] == "·" }.map { String(sum[sum.index(before: $0)]) }
        XCTAssertEqual(xs, ["1", "2", "0", "1", "3", "2", "1"], sum)
        XCTAssertTrue(try line(text, "dL/dW1[0,0] from ").hasPrefix("dL/dW1[0,0] from the data loss = Σ_r X[r,0] · dL/dXW1[r,0]"), text)
        // Eight rows still leave two out; a bias writes nine of nine.
        XCTAssertEqual(Explain.termsShown(8, 6), 6)
        XCTAssertEqual(Explain.termsShown(7, 6), 7)
        XCTAssertEqual(Explain.termsShown(9, 8), 9)
    }

    // MARK: 8 — which data rows a batch holds

    func testAMinibatchOfDataRowZeroSaysSo() throws {
        let h = ShellHarness()
        h.ok("seed 1\ndata X=[[1,0],[2,1],[0,1],[1,1]] y=[1,0,1,0]\nbatch 1\nlayer dense 1 linear\nloss mse")
        let text = h.ok("forward")
        let mapping = try line(text, "batch row 0 is data row ")
        // The row it names is the row the batch holds: its X as typed.
        let k = try XCTUnwrap(Int(mapping.dropFirst("batch row 0 is data row ".count).prefix { $0.isNumber }))
        let data = [[1.0, 0], [2, 1], [0, 1], [1, 1]]
        let g = try XCTUnwrap(h.w.inspected)
        XCTAssertEqual([g.input[0], g.input[1]], data[k], mapping)
        // Seed 1 draws data row 0 first here, the case that printed no line.
        XCTAssertEqual(k, 0, mapping)
        // The whole data in order says nothing.
        XCTAssertFalse(ShellHarness().ok("data X=[[1],[2]] y=[1,2]\nlayer dense 1\nloss mse\nforward").contains("batch row"))
    }

    // MARK: 9 — smaller wordings

    func testConfigUndoAndCountsReadAsWritten() throws {
        let h = ShellHarness()
        h.ok("data X=[[1],[2]] y=[1,2]\nlayer dense 1\nloss mse\nschedule linear start=2\ntrain 1 every=1")
        let config = h.ok("show config")
        XCTAssertTrue(config.contains("\nschedule    linear start=2 end=1 steps=5: "), config)
        XCTAssertTrue(config.contains("\nevaluate    every step (train … every=K)\n"), config)
        XCTAssertTrue(h.ok("undo").hasPrefix("undid train: back to step 0 (nothing more to undo)"), h.out.text)
        h.ok("forward")
        for _ in 0..<4 { h.ok("backward step") }
        XCTAssertTrue(h.ok("backward step").contains("next: XW1 (1 node left)"), h.out.text)
    }
}
