import XCTest
@testable import DescentShell

/// A model and loss that do not fit the data are taken by `loss`, `layer` and `data` (any of them may change next),
/// with a note on what would fit; kept weights and new classes the model cannot learn are told what would, not `reset`.
final class MisfitNoteTests: XCTestCase {
    func testLossCeOnAOneSigmoidModelSaysWhatWouldFit() {
        let h = ShellHarness()
        h.ok("data xor\nlayer dense 4 tanh\nlayer dense 1 sigmoid")
        // Two classes under ce need two outputs; the 1-unit sigmoid layer is the output layer to replace, and it is
        // what bce reads.
        XCTAssertEqual(h.ok("loss ce"), """
            loss ce: loss = mean(−log softmax(z)[y]), from the logits z
            note: training would refuse this model and loss as they stand: ce on 2 classes needs 2 outputs; the last layer has 1 — replace the last layer: `layer pop; layer dense 2 softmax`, or keep this model with `loss bce`
            """)
        XCTAssertEqual(h.w.loss, .ce, "the loss is taken")
        // Doing what it says fits: no note.
        h.ok("layer pop")
        XCTAssertEqual(h.ok("layer dense 2 softmax"), "layer 2: dense 2 softmax  (model 2-4-2 tanh→softmax)")
        h.ok("step")
        // bce on the two outputs: replace them with one sigmoid output.
        XCTAssertTrue(h.ok("loss bce").hasSuffix("\nnote: training would refuse this model and loss as they stand: bce needs 1 output (the probability of class 1); "
                                                 + "the last layer has 2 — replace the last layer: `layer pop; layer dense 1 sigmoid`"), h.out.text)
    }

    func testAHiddenLayerStillToBeFollowedIsNoMisfit() {
        // Layers added after the loss: a tanh layer of 4 units is a hidden one, not a wrong output.
        let h = ShellHarness()
        h.ok("data spiral\nloss ce")
        XCTAssertFalse(h.ok("layer dense 4 tanh").contains("note:"))
        XCTAssertTrue(h.ok("layer dense 1 sigmoid").contains("\nnote: training would refuse this model and loss as they stand: ce on 3 classes needs 3 outputs; "
                                                             + "the last layer has 1 — replace the last layer: `layer pop; layer dense 3 softmax`"))
        XCTAssertFalse(h.ok("layer pop\nlayer dense 3 softmax").contains("note:"))
    }

    func testNewClassesTheModelCannotLearnAreNotToldToReset() {
        let h = ShellHarness()
        h.ok("data xor\nlayer dense 4 tanh\nlayer dense 1 sigmoid\nloss bce\noptimizer adam lr=0.03\ntrain 20")
        let text = h.ok("data spiral classes=3")
        XCTAssertTrue(text.hasSuffix("\nwarning: the kept weights were trained with the classes different signs, same sign; this data's are arm 0, arm 1, arm 2, "
                                     + "which this model cannot learn: bce is for two classes; the data has 3 — use ce on 3 outputs: "
                                     + "`layer pop; layer dense 3 softmax; loss ce`"), text)
        XCTAssertFalse(text.contains("`reset` draws new weights"), text)
        // What it says trains.
        h.ok("layer pop\nlayer dense 3 softmax\nloss ce\ntrain 10")
        XCTAssertEqual(h.w.stepCount, 10)
        // Other classes a model can learn keep the advice to draw new weights.
        let other = ShellHarness()
        other.ok("data xor\nlayer dense 4 tanh\nlayer dense 1 sigmoid\nloss bce\ntrain 5")
        let circles = other.ok("data circles")
        XCTAssertTrue(circles.hasSuffix("so the weights' outputs now stand for other classes: `reset` draws new weights"), circles)
    }
}
