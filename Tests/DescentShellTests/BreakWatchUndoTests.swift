import XCTest
@testable import DescentCore
@testable import DescentShell

/// `break nan`, `break gradnorm`, `watch`/`unwatch`, `undo`, and the backprop commands' errors, through the session.
/// Expected numbers come from numpy (the loops are quoted in the comments) or are exact by construction.
final class BreakWatchUndoTests: XCTestCase {
    var h: ShellHarness!

    override func setUp() { h = ShellHarness() }

    /// The seed's data with a configurable model head; `lr` set per test.
    static let data = "data X=[[1,2],[2,3],[3,4]] y=[2,3,4]"

    // MARK: break nan

    /// Sets every listed entry, then runs a command that must stop on a non-finite loss; checks nothing changed.
    private func assertStops(setup: String, message: String, file: StaticString = #filePath, line: UInt = #line) {
        h.ok(setup + "\nbreak nan\ngraph", file: file, line: line)
        let before = TrainerState(h.w), undo = h.w.undoStack.count, recorded = h.w.recorded
        // A run that stops before its first step is a failed command, as `step` is, and leaves nothing behind.
        let text = h.fails("train 5", file: file, line: line)
        XCTAssertTrue(text.contains("the run stopped before its first step, so nothing changed: " + message), "wanted «\(message)» in\n\(text)", file: file, line: line)
        XCTAssertFalse(h.out.text.contains("trained 0 steps"), h.out.text, file: file, line: line)
        XCTAssertEqual(h.w.undoStack.count, undo, "no undo entry", file: file, line: line)
        XCTAssertEqual(h.w.recorded, recorded, "not saved in the session", file: file, line: line)
        XCTAssertEqual(h.w.trainer?.sampler.epoch, 1, "the batch it drew went back", file: file, line: line)
        // Parameters, optimizer state, history: all as before the run.
        XCTAssertEqual(TrainerState(h.w)?.parameters, before?.parameters, file: file, line: line)
        XCTAssertEqual(TrainerState(h.w)?.stepCount, 0, file: file, line: line)
        XCTAssertEqual(TrainerState(h.w)?.steps, [], file: file, line: line)
        XCTAssertEqual(TrainerState(h.w)?.optimizerState, before?.optimizerState, file: file, line: line)
        // A single `step` stops the same way and is an error.
        let e = h.fails("step", file: file, line: line)
        XCTAssertTrue(e.contains("the step was not applied: " + message), e, file: file, line: line)
        XCTAssertEqual(TrainerState(h.w)?.parameters, before?.parameters, file: file, line: line)
        XCTAssertEqual(h.w.stepCount, 0, file: file, line: line)
    }

    func testAFailedStepOrRunKeepsTheGradientsAndWhatIsInspected() throws {
        // A step at lr 1e-9 (its gradients are the ones the update used), then W2 = 1e308: the loss stays finite
        // (A1 = tanh 0 = 0) but dL/dA1 = −2·1e308 overflows, so `step` and `train` fail after backward wrote that batch's
        // gradients into the parameters, and had left them there.
        h.ok("data X=[[1]] y=[1]\nlayer dense 1 tanh\nlayer dense 1 linear\nloss mse\noptimizer sgd lr=1e-9")
        h.ok("set W2[0,0] = 0.5\nstep\nset W1[0,0] = 0\nset b1[0] = 0\nset W2[0,0] = 1e308")
        let used = h.w.model!.parameters.map { $0.grad.array.map(\.bitPattern) }
        let stale = h.w.trainer!.gradientsStale
        for command in ["step", "train 5"] {
            XCTAssertTrue(h.fails(command).contains("gradient of W1 is not finite"), command)
            XCTAssertEqual(h.w.model!.parameters.map { $0.grad.array.map(\.bitPattern) }, used, command)
            XCTAssertEqual(h.w.trainer!.gradientsStale, stale, command)
        }
        // A `forward sample` under inspection stays; a failed run says nothing of dropping a step.
        h.ok("forward sample 0")
        let inspected = try XCTUnwrap(h.w.inspected)
        XCTAssertTrue(h.fails("train 5").contains("the run stopped before its first step"))
        XCTAssertTrue(h.w.inspected === inspected)
        h.ok("forward")
        XCTAssertFalse(h.fails("train 5").contains("was dropped") || h.out.text.contains("was dropped"), h.out.text)
        XCTAssertNotNil(h.w.inspected, "the pass by hand is there again")
    }

    func testBreakNaNNamesTheFirstLayerMatmulThatOverflowed() {
        // XW1 row r = [(x₀+x₁)·1e308, −(x₀+x₁)·1e308] = [inf, −inf] (x₀+x₁ ≥ 3, and 3e308 > DBL_MAX ≈ 1.8e308);
        // Z1, A1 stay ±inf; A1·W2 = inf − inf = NaN. XW1 is the first node that is not finite.
        assertStops(setup: Self.data + """

            layer dense 2 linear
            layer dense 1 linear
            loss mse
            optimizer sgd lr=0.01
            set W1[0,0] = 1e308
            set W1[1,0] = 1e308
            set W1[0,1] = -1e308
            set W1[1,1] = -1e308
            set W2[0,0] = 1
            set W2[1,0] = 1
            """, message: "loss became NaN at step 1 (first produced by node XW1 (matmul)); parameters kept from before that update")
    }

    func testAGradientThatOverflowsNamesTheNodeThatSentIt() {
        // X = 1, W1 = 0, b1 = 0: Z1 = 0, A1 = tanh 0 = 0, ŷ = A1·W2 + b2 = 0 (W2 = 1e308, b2 = 0), loss (0 − 1)² = 1, all
        // finite. Backward: dL/dŷ = −2, dL/dA1 = −2·1e308 = −inf (past DBL_MAX), sent by the matmul A1·W2; then
        // dL/dZ1 = −inf·(1 − 0²) and dL/dW1 = 1·(−inf): W1's gradient is the first parameter's not finite.
        h.ok("data X=[[1]] y=[1]\nlayer dense 1 tanh\nlayer dense 1 linear\nloss mse\nset W1[0,0] = 0\nset W2[0,0] = 1e308")
        h.ok("set b1[0] = 0\nset b2[0] = 0")
        let e = h.fails("step")
        XCTAssertTrue(e.contains("gradient of W1 is not finite at step 1 (first non-finite: dL/dA1, sent by node A1W2 (matmul))"), e)
        XCTAssertEqual(h.w.stepCount, 0)
    }

    func testBreakNaNNamesALaterMatmulWhenTheFirstLayerIsFinite() {
        // XW1 row r = [x₀·1e299, x₀·1e299] ≤ 3e299 (finite); A1·W2 = x₀·1e309 − x₀·1e309 = inf − inf = NaN.
        assertStops(setup: Self.data + """

            layer dense 2 linear
            layer dense 1 linear
            loss mse
            optimizer sgd lr=0.01
            set W1[0,0] = 1e299
            set W1[1,0] = 0
            set W1[0,1] = 1e299
            set W1[1,1] = 0
            set W2[0,0] = 1e10
            set W2[1,0] = -1e10
            """, message: "loss became NaN at step 1 (first produced by node A1W2 (matmul))")
    }

    func testBreakNaNNamesABiasAddThatOverflowed() {
        // XW1 = x₀·5e307 ≤ 1.5e308 (finite); Z1 = XW1 + 1e308 = [1.5e308, 2e308 → inf, 2.5e308 → inf]; loss = inf.
        assertStops(setup: Self.data + """

            layer dense 1 linear
            loss mse
            optimizer sgd lr=0.01
            set W1[0,0] = 5e307
            set W1[1,0] = 0
            set b1[0] = 1e308
            """, message: "loss became infinite at step 1 (first produced by node Z1 (bias_add))")
    }

    func testBreakNaNNamesTheLossOrThePenaltyByWhatItComputes() {
        // ŷ = 1e160·x₀ ≤ 3e160 is finite, (ŷ − y)² ≈ 1e320 … 9e320 is not: the loss node is the first.
        assertStops(setup: Self.data + """

            layer dense 1 linear bias=false
            loss mse
            set W1[0,0] = 1e160
            set W1[1,0] = 0
            """, message: "loss became infinite at step 1 (first produced by node loss (mse))")
        // ŷ ≤ 3e150 and (ŷ − y)² ≤ 9e300 are finite; the penalty 1e10·(1e150)² = 1e310 is not.
        h = ShellHarness()
        assertStops(setup: Self.data + """

            layer dense 1 linear bias=false
            loss mse
            regularize l2 1e10
            set W1[0,0] = 1e150
            set W1[1,0] = 0
            """, message: "loss became infinite at step 1 (first produced by node penalty (l2 1e+10))")
    }

    func testBreakNaNOffStillStopsButSaysSo() {
        h.ok(Self.data + "\nlayer dense 1 linear bias=false\nloss mse\nset W1[0,0] = 1e308\nset W1[1,0] = 1e308")
        XCTAssertTrue(h.ok("break nan off").contains("break nan: off — which changes nothing: a non-finite loss or gradient always stops training, naming the node"))
        let text = h.fails("train 3")
        XCTAssertTrue(text.contains("loss became infinite at step 1 (first produced by node Z1 (matmul))"), text)
        XCTAssertTrue(h.ok("show config").contains("break       nan (always)"))
        XCTAssertEqual(h.values("W1"), [1e308, 1e308])
        XCTAssertEqual(h.w.stepCount, 0)
    }

    // MARK: break gradnorm

    func testBreakGradNormStopsTrainingAtTheFirstStepAboveTheBound() {
        // numpy, diverging sgd lr 0.1 on the seed:  th=np.zeros(2)
        //   for k in 1..: g=X.T@(2*(X@th-y)/3); th-=0.1*g   → ‖g‖ per step: 23.49 43.62 81.02 150.5 279.5 519.1 964.1 1790.7 …
        // The first norm above 1000 is step 8's (1790.702798263355); its update is applied and the run stops there.
        h.ok(Self.data + "\nlayer dense 1 linear bias=false init=zeros\nloss mse\noptimizer sgd lr=0.1")
        XCTAssertTrue(h.ok("break gradnorm > 1000").contains("break gradnorm > 1000: training stops after the step whose total gradient norm passes it"))
        h.ok("watch W1[0,0]")
        let text = h.ok("train 100")
        XCTAssertTrue(text.contains("trained 8 steps (total 8)"), text)
        // The step the break stops at prints its watched value too.
        XCTAssertTrue(text.contains("watch step 8: W1[0,0] = -65.8664"), text)
        XCTAssertTrue(text.contains("break: gradient norm 1791 > 1000 at step 8 (its update applied)"), text)
        XCTAssertEqual(h.w.stepCount, 8)
        let theta = h.values("W1")
        XCTAssertEqual(theta[0], -65.8664357711325, accuracy: 1e-9)
        XCTAssertEqual(theta[1], -94.97302977219334, accuracy: 1e-9)
        XCTAssertEqual(h.w.trainer!.lastGradientNorm, 1790.702798263355, accuracy: 1e-7)
        // Turned off, the run goes on to the end.
        h.ok("break gradnorm off\ntrain 3")
        XCTAssertEqual(h.w.stepCount, 11)
    }

    func testBreakGradNormOnSingleSteps() {
        // lr 0.005 on the seed: ‖g‖ = 23.4852, 20.13, 17.2541 for steps 1–3 (numpy, as above with 0.005).
        h.ok(Self.data + "\nlayer dense 1 linear bias=false init=zeros\nloss mse\noptimizer sgd lr=0.005\nbreak gradnorm > 20")
        XCTAssertTrue(h.ok("step").contains("gradient norm 23.49 > 20 at step 1"))
        XCTAssertTrue(h.ok("step").contains("gradient norm 20.13 > 20 at step 2"))
        XCTAssertFalse(h.ok("step").contains("gradient norm"))
        XCTAssertEqual(h.w.stepCount, 3)
    }

    // MARK: watch

    func testWatchPrintsAfterEveryStepAndUnwatchStopsIt() {
        // numpy: θ after steps 1–5 of sgd lr 0.005 on the seed (6 digits):
        //   [0.0666667 0.0966667] [0.123778 0.179544] [0.172699 0.250603] [0.214599 0.311532] [0.250482 0.363777]
        h.ok(Self.data + "\nlayer dense 1 linear bias=false init=zeros\nloss mse\noptimizer sgd lr=0.005")
        XCTAssertTrue(h.ok("watch W1[0,0]").contains("watching W1[0,0] = 0"))
        h.ok("train 3")
        XCTAssertEqual(h.lines(startingWith: "  watch"), ["  watch step 1: W1[0,0] = 0.0666667",
                                                         "  watch step 2: W1[0,0] = 0.123778",
                                                         "  watch step 3: W1[0,0] = 0.172699"])
        h.ok("watch W1[1,0]\nstep")
        XCTAssertEqual(h.lines(startingWith: "  watch"), ["  watch step 4: W1[0,0] = 0.214599  W1[1,0] = 0.311532"])
        XCTAssertTrue(h.ok("unwatch W1[0,0]").contains("stopped watching W1[0,0]"))
        h.ok("forward\nbackward\nupdate")
        XCTAssertEqual(h.lines(startingWith: "  watch"), ["  watch step 5: W1[1,0] = 0.363777"])
        XCTAssertTrue(h.ok("unwatch").contains("stopped watching everything"))
        h.ok("train 2\nstep")
        XCTAssertEqual(h.lines(startingWith: "  watch"), [])
        XCTAssertEqual(h.w.stepCount, 8)
    }

    // MARK: undo

    /// Adam, minibatches and dropout, so optimizer state, sampler and dropout stream all matter.
    static let undoSetup = """
        seed 2
        data circles n=60 noise=0.1
        batch 16
        layer dense 6 tanh
        layer dropout 0.2
        layer dense 1 sigmoid
        loss bce
        optimizer adam lr=0.01
        step
        """

    func testUndoRestoresBitIdenticalStateTwentyEightDeep() throws {
        h.ok(Self.undoSetup)
        let commands = ["step", "forward\nbackward\nupdate", "set W1[0,0] = 0.125", "train 3",
                        "forward\nbackward step\nbackward step\nbackward step\nupdate", "set b2[0] = -0.5", "train 1 epochs"]
        var states: [TrainerState] = []
        for round in 0..<4 {
            for c in commands {
                states.append(try XCTUnwrap(TrainerState(h.w)))
                h.ok(c.replacingOccurrences(of: "0.125", with: "0.\(round + 1)25"))
            }
        }
        XCTAssertEqual(states.count, 28)
        XCTAssertGreaterThan(h.w.stepCount, 40)
        for (k, state) in states.enumerated().reversed() {
            let text = h.ok("undo")
            XCTAssertTrue(text.contains("back to step \(state.stepCount)"), text)
            XCTAssertEqual(TrainerState(h.w), state, "undo #\(states.count - k)")
        }
        // One more undoes the setup's step; then there is nothing left.
        h.ok("undo")
        XCTAssertEqual(h.w.stepCount, 0)
        XCTAssertTrue(h.fails("undo").contains("nothing to undo"))
        // Replaying the first command from the restored start reproduces the undone state bit for bit (the
        // evaluations differ only because `train 3` left the evaluation interval at 1, a setting undo keeps).
        h.ok("step")
        var again = try XCTUnwrap(TrainerState(h.w))
        again.evaluations = states[0].evaluations
        XCTAssertEqual(again, states[0])
    }

    func testUndoKeepsTheLearningRateSetSince() throws {
        // `lr` is a setting, as `show config` shows it, not part of a run: undoing the run before it kept the setting
        // (0.9) but put the optimizer's rate back to 0.05 without a word, so the next steps ran at 0.05.
        h.ok(Self.undoSetup + "\ntrain 3\nlr 0.05\ntrain 2\nlr 0.9")
        let back = try XCTUnwrap(h.w.undoStack.last).parameters
        h.ok("undo")
        XCTAssertEqual(h.w.trainer?.optimizer.learningRate, 0.9)
        XCTAssertTrue(h.ok("show config").contains("optimizer   adam beta1=0.9 beta2=0.999 eps=1e-08 lr=0.9\n"))
        XCTAssertEqual(h.w.model?.snapshot(), back, "the parameters are those before `train 2`")
        // The next step is the one `train 3; lr 0.9; step` takes from the same start.
        h.ok("step")
        let straight = ShellHarness()
        straight.ok(Self.undoSetup + "\ntrain 3\nlr 0.9\nstep")
        XCTAssertEqual(h.values("W1").map(\.bitPattern), straight.values("W1").map(\.bitPattern))
    }

    func testUndoingTrainingSaysWhichLearningRateStays() {
        // A run at a rate that diverges, undone: the message said only "back to step 3", and the next run, at the rate
        // kept, diverged again. It says the rate that stays, and whether the undone run ran at it or it was set since.
        h.ok(Self.undoSetup + "\ntrain 3\nlr 1.2\ntrain 2")
        XCTAssertEqual(h.ok("undo"), "undid train: back to step 4 (2 more undos available); lr stays 1.2, the rate it ran at (`lr` to change it)")
        h.ok("lr 0.05")
        XCTAssertEqual(h.ok("undo"), "undid train: back to step 1 (1 more undo available); lr stays 0.05, set since it ran at 0.01 "
                                     + "(`lr` to change it)")
        // `step` and `update` too; not `set` or `forward`, which ran no update.
        h.ok("step\nlr 0.1")
        let step = h.ok("undo")
        XCTAssertTrue(step.hasPrefix("undid step: ") && step.hasSuffix("; lr stays 0.1, set since it ran at 0.05 (`lr` to change it)"), step)
        // Rates that differ in the fifth digit read apart, in the undo note and under show history.
        let fine = ShellHarness()
        fine.ok("data X=[[1],[2]] y=[2,4]\nlayer dense 1\nloss mse\noptimizer sgd lr=0.12345\nstep\nlr 0.12346\nstep")
        XCTAssertTrue(fine.ok("show history").contains("lr 0.12345 from step 1, 0.12346 from step 2"))
        fine.ok("undo")
        XCTAssertTrue(fine.ok("undo").hasSuffix("; lr stays 0.12346, set since it ran at 0.12345 (`lr` to change it)"))
        h.ok("update")
        let update = h.ok("undo")
        XCTAssertTrue(update.hasPrefix("undid update: ") && update.hasSuffix("; lr stays 0.1, the rate it ran at (`lr` to change it)"), update)
        h.ok("set W1[0,0] = 1")
        XCTAssertEqual(h.ok("undo"), "undid set: back to step 1 (1 more undo available)")
        h.ok("forward")
        XCTAssertFalse(h.ok("undo").contains("lr stays"))
    }

    func testLoadIsUndoableBeforeAnyTrainingAsSetIs() throws {
        h.ok("seed 1\ndata xor n=20\nlayer dense 1 sigmoid\nloss bce\nshow weights")
        let drawn = h.values("W1") + h.values("b1")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("descent-undo-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try #"{"params": {"W1": [[0.5], [-0.25]], "b1": [2]}}"#.write(toFile: file, atomically: true, encoding: .utf8)
        h.ok("load weights \"\(file)\"")
        XCTAssertEqual(h.values("W1") + h.values("b1"), [0.5, -0.25, 2])
        XCTAssertTrue(h.ok("undo").contains("undid load"))
        XCTAssertEqual(h.values("W1") + h.values("b1"), drawn)
        XCTAssertEqual(drawn.count, 3)
    }

    func testUndoKeepsTheLastFifty() {
        h.ok(Self.undoSetup)
        var states: [TrainerState] = []
        for _ in 0..<55 {
            states.append(TrainerState(h.w)!)
            h.ok("step")
        }
        for _ in 0..<50 { h.ok("undo") }
        // 56 entries were pushed (the setup's step and 55 more); the oldest six fell off.
        XCTAssertEqual(TrainerState(h.w), states[5])
        XCTAssertTrue(h.fails("undo").contains("nothing to undo"))
    }

    // MARK: Errors change nothing

    func testBackpropCommandsBeforeAnyDataSayWhatIsMissing() {
        for c in ["backward", "backward step", "forward", "forward sample 0", "update", "graph", "gradcheck"] {
            XCTAssertTrue(h.fails(c).contains("no data yet — start with `data …` (e.g. `data xor n=200`)"), c)
        }
        XCTAssertTrue(h.fails("undo").contains("nothing to undo"))
        XCTAssertNil(h.w.model)
        XCTAssertEqual(h.w.recorded, [])
    }

    func testBadArgumentsAreClearErrorsAndChangeNothing() throws {
        h.ok(BackpropTests.xor + "\nstep\nwatch W2[0,0]\nforward\nbackward step")
        let before = try XCTUnwrap(TrainerState(h.w))
        let graph = h.w.inspected, undo = h.w.undoStack.count, recorded = h.w.recorded
        let cases: [(String, String)] = [
            ("explain W9", "unknown parameter 'W9' — did you mean 'W1'?"),
            ("explain W1[2,0]", "W1 has shape [2, 2]; index [2,0] is outside it (indices start at 0)"),
            ("watch W1[5,5]", "W1 has shape [2, 2]; index [5,5] is outside it (indices start at 0)"),
            ("watch W9[0,0]", "no parameter 'W9' — did you mean 'W1'?"),
            ("forward sample 999", "sample 999 is out of range: the training set has 4 samples (0…3)"),
            ("forward sample -1", "sample index"),
            ("gradcheck W9", "unknown parameter 'W9' — did you mean 'W1'?"),
            ("unwatch W1[0,0]", "W1[0,0] is not being watched (watching W2[0,0])"),
            ("unwatch W2", "unwatch takes a watched entry like W1[0,1], or nothing (or `all`) to stop watching everything; got 'W2' (watching W2[0,0])"),
            ("break gradnorm > 0", "the bound must be positive"),
            ("break gradnorm < 3", "expected '>', got '<'"),
            ("backward sideways", "sideways"),
            ("expect grad W1[9,9] = 0", "W1 has shape [2, 2]; index [9,9] is outside it (indices start at 0)"),
            ("set W1[9223372036854775806,0] = 1", "W1 has shape [2, 2]; index [9223372036854775806,0] is outside it (indices start at 0)"),
            ("set W1[9007199254740993,0] = 1", "W1 has shape [2, 2]; index [9007199254740993,0] is outside it (indices start at 0)"),
            ("update now", "now"),
        ]
        for (command, message) in cases {
            let e = h.fails(command)
            XCTAssertTrue(e.contains(message), "\(command): \(e)")
            XCTAssertEqual(TrainerState(h.w), before, command)
            XCTAssertTrue(h.w.inspected === graph, command)
            XCTAssertEqual(h.w.trainer?.phase, .forwarded, command)
            XCTAssertEqual(h.w.inspected?.backwardDone, 1, command)
            XCTAssertEqual(h.w.undoStack.count, undo, command)
            XCTAssertEqual(h.w.watches.map(\.text), ["W2[0,0]"], command)
            if command.hasPrefix("unwatch") {
                let caret = "\n            ^" + String(repeating: "~", count: command.count - "unwatch ".count - 1)
                XCTAssertTrue(e.hasSuffix(caret), "under the entry: \(e)")
            }
            XCTAssertNil(h.w.breakGradNorm, command)
            XCTAssertEqual(h.w.recorded, recorded, command)
        }
    }
}
