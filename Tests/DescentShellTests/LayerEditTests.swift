import XCTest
@testable import DescentCore
@testable import DescentShell

/// `layer insert`, `layer replace`, `layer remove` and `layer pop N` edit the model in place: the result is the model the
/// `layer dense` lines in the new order build (same seed, same weights), numbered as `show model` numbers the dense
/// layers; a refused edit changes nothing.
final class LayerEditTests: XCTestCase {
    var h: ShellHarness!

    override func setUp() { h = ShellHarness() }

    static let data = "seed 3\ndata xor n=40\nloss bce\noptimizer adam lr=0.01\n"

    /// The parameters a fresh session gets from `layers` (one `layer …` line each) after `data`.
    func parameters(_ layers: [String]) -> [[Double]] {
        let fresh = ShellHarness()
        fresh.ok(Self.data + layers.map { "layer " + $0 }.joined(separator: "\n") + "\nstep\nundo")
        return fresh.w.model?.parameters.map(\.value.array) ?? []
    }

    func testEditsBuildTheModelTheLayersInTheirNewOrderWouldBuild() {
        h.ok(Self.data + "layer dense 4 tanh\nlayer dense 1 sigmoid\ntrain 3")
        let inserted = h.ok("layer insert 2 dense 3 relu")
        XCTAssertTrue(inserted.hasPrefix("inserted layer 2: dense 3 relu (layer 2 is now layer 3)"), inserted)
        // What training had done goes, as for `layer dense`: weights drawn again, history, optimizer state and undo cleared.
        XCTAssertTrue(inserted.hasSuffix(" — reset weights, optimizer state, history and undo history (1 entry)"), inserted)
        XCTAssertEqual(h.w.stepCount, 0)
        XCTAssertTrue(h.fails("undo").contains("nothing to undo"))
        XCTAssertEqual(h.w.layers.map(\.description), ["dense 4 tanh", "dense 3 relu", "dense 1 sigmoid"])
        h.ok("step\nundo")
        XCTAssertEqual(h.w.parameterNames(), ["W1", "b1", "W2", "b2", "W3", "b3"])
        XCTAssertEqual(h.w.model?.parameters.map(\.value.array), parameters(["dense 4 tanh", "dense 3 relu", "dense 1 sigmoid"]))

        XCTAssertTrue(h.ok("layer replace 1 dense 5 elu alpha=0.5 bias=false").hasPrefix("layer 1: dense 5 elu(0.5) bias=false (was dense 4 tanh)"))
        let removed = h.ok("layer remove 2")
        XCTAssertTrue(removed.hasPrefix("removed layer 2: dense 3 relu (layer 3 is now layer 2)"), removed)
        h.ok("layer insert 1 dense 2\nlayer insert 1 dense 6 tanh")
        let middle = h.ok("layer remove 2")
        XCTAssertTrue(middle.hasPrefix("removed layer 2: dense 2 linear (layers 3–4 are now 2–3)"), middle)
        XCTAssertTrue(h.ok("layer insert 3 dense 7 sigmoid").hasPrefix("inserted layer 3: dense 7 sigmoid (layer 3 is now layer 4)"))
        let expected = ["dense 6 tanh", "dense 5 elu alpha=0.5 bias=false", "dense 7 sigmoid", "dense 1 sigmoid"]
        h.ok("step\nundo")
        XCTAssertEqual(h.w.model?.parameters.map(\.value.array), parameters(expected))
        // Removing the output layer makes the one before it the output layer.
        XCTAssertTrue(h.ok("layer remove 4").hasPrefix("removed layer 4: dense 1 sigmoid (layer 3 is the output layer now)"))
        XCTAssertEqual(h.w.layers.count, 3)
    }

    func testADropoutIsAddressedByTheLayerAfterItAndIsNotCounted() {
        h.ok(Self.data + "layer dense 4 tanh")
        // Appending: a dropout has no number of its own, and the dense layer after it is layer 2, as `show model` says.
        XCTAssertTrue(h.ok("layer dropout 0.5").hasPrefix("dropout 0.5 after layer 1"))
        XCTAssertTrue(h.ok("layer dense 1 sigmoid").hasPrefix("layer 2: dense 1 sigmoid"))
        XCTAssertTrue(h.ok("show model").contains("dense 2"))
        XCTAssertEqual(h.ok("layer replace 2 dropout 0.25").components(separatedBy: "  ").first, "dropout 0.25 before layer 2 (was dropout 0.5)")
        XCTAssertTrue(h.ok("layer insert 1 dropout 0.1").hasPrefix("inserted dropout 0.1 before layer 1"))
        XCTAssertEqual(h.w.layers.map(\.description), ["dropout 0.1", "dense 4 tanh", "dropout 0.25", "dense 1 sigmoid"])
        // A dense layer inserted at 2 goes after the dropout on layer 1's output, which keeps dropping it.
        h.ok("layer insert 2 dense 3 relu")
        XCTAssertEqual(h.w.layers.map(\.description), ["dropout 0.1", "dense 4 tanh", "dropout 0.25", "dense 3 relu", "dense 1 sigmoid"])
        XCTAssertTrue(h.fails("layer remove 3 dropout").contains(
            "there is no dropout layer before layer 3: layer 2, dense 3 relu, comes straight before it (the model's dropout layers are before layer 1, before layer 2)"))
        XCTAssertTrue(h.ok("layer remove 2 dropout").hasPrefix("removed dropout 0.25 before layer 2"))
        XCTAssertTrue(h.ok("layer remove 1 dropout").hasPrefix("removed dropout 0.1 before layer 1"))
        XCTAssertTrue(h.fails("layer remove 1 dropout").contains(
            "there is no dropout layer before layer 1: the input goes straight into it (the model has no dropout layer)"))
        XCTAssertEqual(h.w.layers.map(\.description), ["dense 4 tanh", "dense 3 relu", "dense 1 sigmoid"])
        // A softmax over 1 unit is named by the same numbers.
        h.ok("layer insert 2 dropout 0.2\nlayer replace 2 dense 1 softmax\nloss mse")
        XCTAssertTrue(h.fails("step").contains("layer 2 is a softmax over 1 unit"))
    }

    func testLayerPopNRemovesTheLastNAsLayerPopDoes() {
        h.ok(Self.data + "layer dense 4 tanh\nlayer dropout 0.2\nlayer dense 3 tanh\nlayer dense 1 sigmoid")
        XCTAssertTrue(h.ok("layer pop 2").hasPrefix("removed the last 2 layers"))
        XCTAssertEqual(h.w.layers.map(\.description), ["dense 4 tanh", "dropout 0.2"])
        XCTAssertEqual(h.fails("layer pop 3"), """
            error: layer pop 3 would remove 3 layers, but the model has 2 (dense 4 tanh | dropout 0.2) — `layer clear` removes them all
                layer pop 3
                          ^
            """)
        XCTAssertTrue(h.fails("layer pop 0").contains("expected number of layers to remove (a whole number at least 1), got 0"))
        XCTAssertEqual(h.ok("layer pop 2"), "removed the last 2 layers (no layers left)")
        XCTAssertTrue(h.w.layers.isEmpty)
    }

    func testARefusedEditSaysWhyAndChangesNothing() {
        XCTAssertTrue(h.fails("layer insert 1 dense 3").contains("there are no layers yet — `layer dense UNITS [ACTIVATION]` adds one"))
        h.ok(Self.data + "layer dense 4 tanh\nlayer dense 1 sigmoid\ntrain 2")
        let weights = h.w.model?.parameters.map(\.value.array), layers = h.w.layers
        XCTAssertEqual(h.fails("layer remove 3"), """
            error: there is no layer 3 — K is from 1 to 2: the model has 2 dense layers, numbered as `show model` numbers them (dropout layers are not counted)
                layer remove 3
                             ^
            """)
        XCTAssertTrue(h.fails("layer replace 0 dense 3").contains("there is no layer 0 — K is from 1 to 2"))
        XCTAssertTrue(h.fails("layer insert 3 dense 3").contains(
            "layer 2 is the output layer: `layer insert 3` would put a layer after it — `layer dense …` adds one at the end"))
        XCTAssertTrue(h.fails("layer insert 1.5 dense 3").contains("expected layer number K (a whole number from 1 to 2), got 1.5"))
        XCTAssertTrue(h.fails("layer insert dense 3").contains("expected layer number K (a whole number from 1 to 2), got 'dense'"))
        XCTAssertTrue(h.fails("layer insert 1 conv 3").contains("unknown layer kind 'conv'"))
        XCTAssertTrue(h.fails("layer insert 1 dense 0").contains("expected number of units"))
        XCTAssertTrue(h.fails("layer insert 1 dense 3 activation=relu").contains("write `layer insert 1 dense 3 relu`"))
        XCTAssertTrue(h.fails("layer replace 1 dense 3 relu slope=2").contains("unknown option 'slope'"))
        XCTAssertTrue(h.fails("layer replace 1 dropout 0.2").contains("there is no dropout layer before layer 1"))
        XCTAssertTrue(h.fails("layer insert 2 dropout 1").contains("the drop probability must be in [0, 1), got 1"))
        XCTAssertTrue(h.fails("layer remove 1 extra").contains("unknown layer kind 'extra' — expected one of dense, dropout"))
        // A layer's number where the kind goes: the forms that would do it.
        XCTAssertTrue(h.fails("layer 1 dense 6").contains(
            "got 1 — `layer replace 1 dense 6` changes layer 1, `layer insert 1 dense 6` puts a new layer in its place"))
        XCTAssertTrue(h.fails("layer 2 relu").contains(
            "to change layer 2, give it whole: `layer replace 2 dense UNITS [ACTIVATION] [options…]` (it is dense 1 sigmoid now)"))
        // None of them changed the layers, the weights, the history or undo.
        XCTAssertEqual(h.w.layers, layers)
        XCTAssertEqual(h.w.model?.parameters.map(\.value.array), weights)
        XCTAssertEqual(h.w.stepCount, 2)
        XCTAssertEqual(h.w.undoStack.count, 1)
        // A change that would leave a model ending in a dropout, or none.
        h.ok("layer insert 2 dropout 0.3")
        let withDropout = h.w.layers
        XCTAssertTrue(h.fails("layer remove 2").contains(
            "removing layer 2, the output layer, would leave the model ending in dropout 0.3, whose dropped-out outputs the loss would read — `layer remove 2 dropout` first, or `layer pop 2` to remove both"))
        XCTAssertEqual(h.w.layers, withDropout)
        h.ok("layer pop 2")
        XCTAssertTrue(h.fails("layer remove 1").contains(
            "layer 1 is the model's only dense layer: removing it leaves no model — `layer clear` removes every layer"))
        XCTAssertEqual(h.w.layers, [layers[0]])
        // A model already ending in a dropout is one being built, as after `layer dropout`: removing its last dense layer is no error.
        h.ok("layer dense 2 tanh\nlayer dropout 0.5\nlayer remove 2")
        XCTAssertEqual(h.w.layers.map(\.description), ["dense 4 tanh", "dropout 0.5"])
    }

    func testAnEditThatMakesTheModelTooLargeIsRefusedAsAddingALayerIs() {
        // 3 × 10⁸ values for the parameters, their gradients and optimizer state, over the 2.5 × 10⁸ a session may hold.
        h.ok(Self.data + "layer dense 10000 tanh\nlayer dense 1\nlayer dense 10000 tanh\nlayer dense 1 sigmoid")
        let layers = h.w.layers
        for edit in ["layer remove 2", "layer replace 2 dense 10000", "layer insert 2 dense 10000"] {
            XCTAssertTrue(h.fails(edit).contains("this model is too large: "), edit)
        }
        XCTAssertEqual(h.w.layers, layers)
        h.ok("layer remove 3")
    }

    func testAReplacementThatIsTheLayerAsItIsChangesNothing() {
        h.ok(Self.data + "layer dense 4 tanh\nlayer dropout 0.2\nlayer dense 1 sigmoid\ntrain 2")
        XCTAssertEqual(h.ok("layer replace 1 dense 4 tanh"), "layer replace 1 dense 4 tanh: already so — nothing changed")
        XCTAssertEqual(h.ok("layer replace 2 dropout 0.2"), "layer replace 2 dropout 0.2: already so — nothing changed")
        XCTAssertEqual(h.w.stepCount, 2)
        XCTAssertTrue(h.ok("undo").hasPrefix("undid train"))
    }

    func testASavedSessionReplaysTheEditsToTheSameModel() throws {
        let dir = try ScratchDirectory.make("descent-layer-edit")
        defer { ScratchDirectory.remove(dir) }
        let out = CapturedOutput(), w = Workspace(output: out, directory: dir), s = Session(workspace: w)
        let lines = Self.data + "layer dense 4 tanh\nlayer dense 1 sigmoid\ntrain 5\nkeep first\nlayer insert 2 dense 3 relu\n"
            + "layer insert 2 dropout 0.2\nlayer replace 1 dense 6 tanh\ntrain 4\nlayer remove 2\nlayer dense 2\nlayer dense 1 sigmoid\n"
            + "layer pop 2\ntrain 3\nsave session \"s.descent\""
        for line in lines.split(separator: "\n") { XCTAssertTrue(s.run(line: String(line)), "\(line): \(out.errors)") }
        XCTAssertEqual(w.layers.map(\.description), ["dense 6 tanh", "dropout 0.2", "dense 1 sigmoid"])
        XCTAssertEqual(w.runs.map(\.name), ["first"], "a kept run stays, as with `layer dense`")
        let replayOut = CapturedOutput(), fresh = Workspace(output: replayOut, directory: dir)
        let text = try String(contentsOfFile: dir + "/s.descent", encoding: .utf8)
        XCTAssertEqual(Session(workspace: fresh).runScript(text, file: "s.descent"), .completed, "\(replayOut.errors)")
        XCTAssertEqual(fresh.layers, w.layers)
        XCTAssertEqual(fresh.stepCount, 3)
        XCTAssertEqual(fresh.model?.parameters.map(\.value.array), w.model?.parameters.map(\.value.array))
        XCTAssertEqual(TrainerState(fresh), TrainerState(w))
    }

    func testHelpAndCompletionKnowTheForms() {
        let help = h.ok("help layer insert")
        XCTAssertTrue(help.contains("layer insert K dense UNITS [ACTIVATION] [options of layer dense]   (the new layer becomes layer K)"), help)
        XCTAssertTrue(h.ok("help layer").contains("K counts the dense layers as show model does"))
        h.ok("data xor n=20\nlayer dense 3 tanh\nlayer dense 1 sigmoid")
        XCTAssertEqual(Completion.candidates(line: "layer insert 2 ", word: "", workspace: h.w), ["dense", "dropout"])
        XCTAssertEqual(Completion.candidates(line: "layer remove 2 ", word: "", workspace: h.w), ["dropout"])
        XCTAssertEqual(Completion.candidates(line: "layer replace 1 dense 4 ta", word: "ta", workspace: h.w), ["tanh"])
        XCTAssertEqual(Completion.candidates(line: "layer insert 1 dense 4 leaky_relu s", word: "s", workspace: h.w), ["slope="])
        XCTAssertEqual(Completion.candidates(line: "layer insert 1 dropout ", word: "", workspace: h.w), [])
    }
}
