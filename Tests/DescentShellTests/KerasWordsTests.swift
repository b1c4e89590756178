import XCTest
@testable import DescentCore
@testable import DescentShell

/// Words a PyTorch or Keras user types where Descent has its own: each gets the Descent form, and stays an error that
/// changes nothing (or, for `optimiser` and a bare `lr`, does what the word means).
final class KerasWordsTests: XCTestCase {
    static let model = "data X=[[1,2],[2,0],[0,1]] y=[1,2,3]\nlayer dense 1\nloss mse"

    func testKerasAndPyTorchCommandsNameDescentsForms() {
        let h = ShellHarness()
        let cases = [("summary", "did you mean `show model`?"), ("fit", "did you mean `train N epochs`?"),
                     ("epochs", "did you mean `train N epochs`?"),
                     ("params", "did you mean `show weights`?"), ("model.summary", nil),
                     ("compile", "Keras's compile(optimizer, loss) is two commands here: `loss …`")]
        for (word, hint) in cases {
            let error = h.fails(word)
            guard let hint else { continue }
            XCTAssertTrue(error.hasPrefix("error: unknown command '\(word)' — \(hint)"), error)
        }
        // Keras's model.evaluate() is a command here, on a file of held-out rows.
        XCTAssertTrue(h.fails("evaluate").contains("expected a quoted CSV file like \"test.csv\""))
        // A misspelling of Descent's own command still gets the nearest one.
        XCTAssertTrue(h.fails("trian 5").contains("did you mean 'train'?"))
    }

    func testShowOfAnotherWordForASubjectSuggestsThatSubject() {
        let h = ShellHarness()
        h.ok(Self.model)
        XCTAssertEqual(h.fails("show params").components(separatedBy: "\n").first, "error: nothing called 'params' to show — did you mean `show weights`?")
        XCTAssertTrue(h.fails("show parameters").contains("did you mean `show weights`?"))
        XCTAssertTrue(h.fails("show lr").hasPrefix("error: nothing called 'lr' to show — did you mean `show config`?"))
        XCTAssertTrue(h.fails("show summary").contains("did you mean `show model`?"))
        // A word that is neither a subject nor a node's name is not told to run `forward`.
        let unknown = h.fails("show bogus")
        XCTAssertTrue(unknown.contains("it is no subject of show (model|weights|grads|data|history|runs|config|confusion) nor a node"), unknown)
        XCTAssertFalse(unknown.contains("run `forward`"), unknown)
        // A node's name without a forward pass still is.
        for node in ["Z1", "A1", "XW1", "A1W2", "D1", "loss", "y"] {
            XCTAssertTrue(h.fails("show \(node)").contains("there is no forward pass now"), node)
        }
        XCTAssertFalse(Workspace.isNodeName("Z0") || Workspace.isNodeName("Z") || Workspace.isNodeName("W1W2") || Workspace.isNodeName("params"))
    }

    func testAFileNameWhereTheDataSourceBelongsGivesTheCSVForm() {
        let h = ShellHarness()
        XCTAssertEqual(h.fails("data \"iris.csv\" target=species"), """
            error: expected data source (one of linear, xor, circles, moons, spiral, gauss, sine, csv), got a file name — a CSV file is read with `data csv "iris.csv" target=species`
                data "iris.csv" target=species
                     ^~~~~~~~~~
            """)
        XCTAssertNil(h.w.data)
    }

    func testKerassActivationOptionGivesTheActivationAsAWord() {
        let h = ShellHarness()
        h.ok(Self.model)
        XCTAssertEqual(h.fails("layer dense 3 activation=relu"), """
            error: the activation is a word on its own, not an option (as Keras's activation='relu' is) — write `layer dense 3 relu`
                layer dense 3 activation=relu
                              ^~~~~~~~~~~~~~~
            """)
        XCTAssertTrue(h.fails("layer dense 3 activation=\"tanh\" bias=false").contains("write `layer dense 3 tanh bias=false`"))
        XCTAssertTrue(h.fails("layer dense 3 activation=swish").contains("`layer dense 3 ACTIVATION` with one of linear, relu,"))
        XCTAssertEqual(h.w.layers.count, 1)
    }

    func testLrAloneSaysTheRateAndTheOptimizerAndIsNotRecorded() {
        let h = ShellHarness()
        XCTAssertEqual(h.ok("lr"), "lr 0.001, sgd's default (optimizer sgd; `lr X` changes it)")
        h.ok("optimizer adam lr=0.01")
        XCTAssertEqual(h.ok("lr"), "lr 0.01 (optimizer adam beta1=0.9 beta2=0.999 eps=1e-08; `lr X` changes it)")
        h.ok("lr 0.5")
        XCTAssertEqual(h.ok("lr"), "lr 0.5 (optimizer adam beta1=0.9 beta2=0.999 eps=1e-08; `lr X` changes it)")
        XCTAssertEqual(h.w.recorded, ["optimizer adam lr=0.01", "lr 0.5"])
    }

    func testAnOptionWrittenAsAWordAndAValueSaysHowOptionsAreWritten() {
        let h = ShellHarness()
        h.ok(Self.model)
        XCTAssertEqual(h.fails("optimizer adam lr 0.1"), """
            error: unexpected 'lr' after 'adam' — options are written key=value: write lr=0.1
                optimizer adam lr 0.1
                               ^~
            """)
        XCTAssertTrue(h.fails("train 100 every 10").hasPrefix("error: unexpected 'every' after '100' — options are written key=value: write every=10"))
        XCTAssertEqual(h.w.optimizerKind, .sgd(momentum: 0, nesterov: false))
        XCTAssertEqual(h.w.stepCount, 0)
    }

    func testACommandWrittenAsAnOptionIsGivenWithASpace() {
        let h = ShellHarness()
        XCTAssertEqual(h.fails("lr=0.1"), """
            error: expected a command name, got 'lr=' — a command is written without '=', its value after a space: `lr 0.1`
                lr=0.1
                ^~~
            """)
        XCTAssertNil(h.w.learningRate)
        // A word that is no command keeps the parser's words alone.
        XCTAssertEqual(h.fails("foo=1").components(separatedBy: "\n").first, "error: expected a command name, got 'foo='")
    }

    func testOptimiserIsOptimizer() {
        let h = ShellHarness()
        XCTAssertTrue(h.ok("optimiser adam lr=0.01").hasPrefix("optimizer adam lr=0.01"), h.out.text)
        XCTAssertEqual(h.w.optimizerKind, .adam(beta1: 0.9, beta2: 0.999, eps: 1e-8))
        XCTAssertEqual(h.w.recorded, ["optimizer adam lr=0.01"])
    }
}
