import XCTest
@testable import DescentShell

/// What a newcomer who reads only `help`, Tab and the errors runs into: a stray `q`, help forms that say more or less
/// than the commands take, errors that point nowhere useful.
final class NewcomerHelpTests: XCTestCase {
    /// `q`, the key that closes the full-screen views, is no prefix of `quit` at the prompt: it says how to leave and
    /// leaves nothing; `quit` and `exit` in full still leave.
    func testQuitIsTypedInFull() {
        let h = ShellHarness()
        h.ok("seed 5")
        XCTAssertEqual(h.fails("q"), """
            error: 'q' is not a command: `q` closes the full-screen views; to leave Descent type `quit` (or Ctrl-D)
                q
                ^
            """)
        XCTAssertFalse(h.w.quitRequested)
        XCTAssertTrue(h.fails("qui").hasPrefix("error: 'qui' is not a command: `quit` is typed in full; to leave Descent type `quit`"))
        XCTAssertFalse(h.w.quitRequested)
        XCTAssertEqual(h.w.seed, 5)
        h.ok("quit")
        XCTAssertTrue(h.w.quitRequested)
        let e = ShellHarness()
        e.ok("EXIT")
        XCTAssertTrue(e.w.quitRequested)
        // Other commands still take a prefix.
        let p = ShellHarness()
        p.ok("see 7")
        XCTAssertEqual(p.w.seed, 7)
    }

    /// `help data` shows classes= only on the generators that take it (`data moons classes=2` is an unknown option).
    func testHelpDataShowsClassesOnlyForSpiralAndGauss() {
        let h = ShellHarness()
        XCTAssertEqual(Array(h.ok("help data").split(separator: "\n").prefix(2)), [
            "  data GENERATOR [n=N] [noise=X]   (linear xor circles moons sine)",
            "  data spiral|gauss [n=N] [noise=X] [classes=K]   (K classes, 2–10)",
        ])
        XCTAssertTrue(h.fails("data moons classes=2").contains("classes"))
        h.ok("data gauss classes=4")
    }

    /// `help layer` lists the activations and initializers `layer dense` takes, and which initializer is the default.
    func testHelpLayerListsActivationsAndInitializers() {
        let h = ShellHarness()
        let text = h.ok("help layer")
        XCTAssertTrue(text.contains("    (ACTIVATION: linear|identity|none relu leaky_relu elu tanh sigmoid softplus gelu softmax; "
                                    + "slope= is leaky_relu's, alpha= elu's)\n"), text)
        XCTAssertTrue(text.contains("    (init=NAME: glorot|glorot_uniform|xavier|xavier_uniform glorot_normal|xavier_normal "
                                    + "he|he_uniform|kaiming|kaiming_uniform he_normal|kaiming_normal uniform normal zeros constant; "
                                    + "by default he_uniform after relu, leaky_relu, elu, gelu, else glorot_uniform)\n"), text)
        // Every name listed is one layer dense takes.
        h.ok("data xor")
        for name in ["identity", "none", "softplus", "gelu"] { h.ok("layer dense 2 \(name)"); h.ok("layer pop") }
        for name in ["xavier_normal", "kaiming", "zeros"] { h.ok("layer dense 2 init=\(name)"); h.ok("layer pop") }
    }

    /// `break nan`, which changes nothing, is listed last and said to be always on; `plot loss` is listed.
    func testHelpBreakAndPlotForms() {
        let h = ShellHarness()
        XCTAssertEqual(h.ok("help break").split(separator: "\n").last(where: { $0.hasPrefix("  ") }),
                       "  break nan   (always on: a NaN or infinity stops training whatever is set; read for older scripts, as `break nan off`)")
        XCTAssertEqual(h.ok("help plot").split(separator: "\n")[1], "  plot loss   (the loss chart, as plot alone)")
    }

    /// The main help says that a prefix is of a command's name (`show h 2` is no `show history 2`).
    func testHelpSaysPrefixesAreOfCommandNames() {
        let h = ShellHarness()
        XCTAssertEqual(h.ok("help").split(separator: "\n")[0], "Commands (`help COMMAND` for the forms; any unique prefix of a command's "
                       + "name works, e.g. `opt` for optimizer; `quit` in full):")
    }

    /// `help expect` says which loss `loss` is: the whole training set's at the current weights.
    func testHelpExpectSaysWhichLoss() {
        let h = ShellHarness()
        XCTAssertTrue(h.ok("help expect").contains("loss is train_loss, the data loss on the whole training set at the current weights "
                                                   + "(evaluation mode, no penalty), not the last `forward`'s batch (batch_loss is the last step's)"))
    }

    /// `show W1[0,1]` says that show prints whole matrices and what reads one entry; a node's entry, what shows the node.
    func testShowOfAnEntrySaysWhatReadsOne() {
        let h = ShellHarness()
        h.ok("data xor\nlayer dense 2 tanh\nlayer dense 1 sigmoid\nloss bce")
        XCTAssertEqual(h.fails("show W2[0,1]"), """
            error: show prints whole matrices: `show W2` shows all of W2; `watch W2[0,1]` or `expect W2[0,1] …` read one entry
                show W2[0,1]
                     ^~~~~~~
            """)
        h.ok("watch W2[0,0]")
        h.ok("forward")
        XCTAssertEqual(h.fails("show A1[0,1]").split(separator: "\n")[0], "error: show prints whole matrices: `show A1` shows all of A1")
        h.ok("show A1")
    }

    /// The step prompt says that q needs Enter, as its line editor reads a line: `q` alone is not an answer until then.
    func testStepPromptSaysQNeedsEnter() {
        XCTAssertEqual(Repl.stepPrompt, "  [Enter runs it; q then Enter stops] ")
        XCTAssertEqual(Repl.stepAnswer("q"), false)
        XCTAssertEqual(Repl.stepAnswer(""), true)
    }

    /// `clear` points to Ctrl-L first; `new`, which starts over, comes second.
    func testClearPointsToCtrlL() {
        XCTAssertEqual(ShellHarness().fails("clear").split(separator: "\n")[0], "error: unknown command 'clear' — Ctrl-L clears the screen, "
                       + "and the session stays as it is (`new` would start over: no data, no model, default settings)")
    }

    /// `load weights` before there is a model says what the file's weights need, read from the file: the data's width
    /// (and its feature terms) and the layers as one line to type, activations and dropout from its `model`.
    func testLoadWeightsWithoutAModelSaysWhichLayersFit() throws {
        let dir = try ScratchDirectory.make("load-weights-layers")
        defer { ScratchDirectory.remove(dir) }
        let saver = ShellHarness(directory: dir)
        saver.ok("data xor\nfeatures x1 x2 x1*x2\nlayer dense 3 leaky_relu slope=0.2\nlayer dropout 0.5\nlayer dense 2 tanh\n"
                 + "layer dense 1 sigmoid bias=false\nsave weights \"w.json\"")
        let h = ShellHarness(directory: dir)
        XCTAssertEqual(h.fails("load weights \"w.json\"").split(separator: "\n")[0], "error: no data and no layers yet — the weights in w.json "
                       + "need data whose 3 inputs are the feature terms x1, x2, x1*x2 (`data …`, then `features x1 x2 x1*x2`), then "
                       + "`layer dense 3 leaky_relu slope=0.2; layer dropout 0.5; layer dense 2 tanh; layer dense 1 sigmoid bias=false`")
        h.ok("data xor\nfeatures x1 x2 x1*x2")
        // The line the error gives is one that takes the weights.
        h.ok("layer dense 3 leaky_relu slope=0.2; layer dropout 0.5; layer dense 2 tanh; layer dense 1 sigmoid bias=false")
        XCTAssertTrue(h.ok("load weights \"w.json\"").contains("loaded 5 parameters from w.json"))

        // Data of another width, and a file that names no activations (written by hand).
        let hand = #"{"params": {"W1": [[1, 2]], "b1": [0, 0], "W2": [[1], [2]]}}"#
        try hand.write(toFile: dir + "/hand.json", atomically: true, encoding: .utf8)
        let d = ShellHarness(directory: dir)
        d.ok("data linear")
        XCTAssertEqual(d.fails("load weights \"hand.json\"").split(separator: "\n")[0], "error: no layers yet — the weights in hand.json fit "
                       + "`layer dense 2; layer dense 1 bias=false` (the file does not say their activations: add each layer's own) "
                       + "(they take 1 input; the model's inputs are 2 now)")
    }

    /// A kept run whose steps ran with several batch sizes says so after the last: 30 full-batch steps, then 5 of 4 rows
    /// are steps 1–30 and 31–35 (counted by hand).
    func testKeptRunSaysWhenTheBatchSizeChanged() {
        let h = ShellHarness()
        h.ok("data xor n=40\nlayer dense 2 tanh\nlayer dense 1 sigmoid\nloss bce\ntrain 3")
        XCTAssertTrue(h.ok("keep same").contains("· batch full · seed 0"))
        h.ok("train 27\nbatch 4\ntrain 5")
        XCTAssertTrue(h.ok("keep changed").contains("· batch 4 (full for steps 1–30) · seed 0"))
        h.ok("batch 8\nstep")
        XCTAssertTrue(h.ok("keep again").contains("· batch 8 (full for steps 1–30, 4 for steps 31–35) · seed 0"))
    }

    /// Sizes that alternate are counted once each: 4, 8, 4, 8, then 4 is one other size (8), not four.
    func testKeptRunCountsEachOtherBatchSizeOnce() {
        let h = ShellHarness()
        h.ok("data xor n=40\nlayer dense 2 tanh\nlayer dense 1 sigmoid\nloss bce")
        h.ok("batch 4\ntrain 2\nbatch 8\ntrain 2\nbatch 4\ntrain 2\nbatch 8\ntrain 2\nbatch 4\ntrain 1")
        let kept = h.ok("keep a")
        XCTAssertTrue(kept.contains("· batch 4 (1 other size before: 8) · seed 0"), kept)
        // Full, 4 and 8 before 2: three other sizes, listed.
        h.ok("reset\nbatch full\ntrain 1\nbatch 4\ntrain 1\nbatch 8\ntrain 1\nbatch 2\ntrain 1")
        let three = h.ok("keep b")
        XCTAssertTrue(three.contains("· batch 2 (3 other sizes before: full, 4, 8) · seed 0"), three)
        // Two spans before give each span, one of a single step as "for step N": 8 for step 1, full for steps 2–3.
        h.ok("reset\nbatch 8\ntrain 1\nbatch full\ntrain 2\nbatch 4\ntrain 1")
        let single = h.ok("keep c")
        XCTAssertTrue(single.contains("· batch 4 (8 for step 1, full for steps 2–3) · seed 0"), single)
    }
}
