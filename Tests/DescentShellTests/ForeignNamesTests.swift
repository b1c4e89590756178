import XCTest
@testable import DescentCore
@testable import DescentShell

/// PyTorch's and Keras's names for losses and optimizers, and PyTorch's weight_decay, get hints in Descent's terms,
/// and stay errors that change nothing.
final class ForeignNamesTests: XCTestCase {
    static let data = "data X=[[1,2],[2,0],[0,1]] y=[1,2,3]\nlayer dense 1\nloss mse\noptimizer sgd lr=0.1"

    func testOtherLibrariesLossNamesSuggestDescentsLoss() {
        let h = ShellHarness()
        h.ok(Self.data)
        let cases = [("cross_entropy", "ce"), ("crossentropy", "ce"), ("cross-entropy", "ce"), ("CrossEntropyLoss", "ce"), ("nll", "ce"),
                     ("sparse_categorical_crossentropy", "ce"), ("binary_cross_entropy", "bce"), ("bce_with_logits", "bce"),
                     ("l1", "mae"), ("l2", "mse"), ("mean_squared_error", "mse"), ("MSELoss", "mse"), ("smooth_l1", "huber"),
                     ("huber_loss", "huber")]
        for (name, loss) in cases {
            let error = h.fails("loss \(name)")
            XCTAssertTrue(error.contains("error: unknown loss '\(name)' — did you mean `loss \(loss)`?"), error)
            // The caret is under the name (after `loss `).
            XCTAssertTrue(error.hasSuffix("\n    loss \(name)\n         ^" + String(repeating: "~", count: name.count - 1)), error)
        }
        // Not an alias: the session keeps its loss.
        XCTAssertEqual(h.w.loss, .mse)
        // A misspelling of Descent's own name still gets the nearest one.
        XCTAssertTrue(h.fails("loss msee").contains("did you mean 'mse'?"))
    }

    func testOptimizerNamesAreReadInAnyCaseAndOthersGetHints() {
        let h = ShellHarness()
        h.ok(Self.data)
        XCTAssertTrue(h.ok("optimizer SGD lr=0.1").hasPrefix("optimizer sgd lr=0.1"))
        XCTAssertTrue(h.ok("optimizer Adam").hasPrefix("optimizer adam lr=0.001"))
        XCTAssertTrue(h.ok("optimizer RMSprop").hasPrefix("optimizer rmsprop"))
        h.ok("optimizer sgd lr=0.1")
        // AdamW is not "did you mean 'adam'": its decay is another thing, which Descent does not offer.
        let adamw = h.fails("optimizer adamw")
        XCTAssertTrue(adamw.contains("unknown optimizer 'adamw' — AdamW's decoupled weight decay is not offered; `optimizer adam` "
                                     + "with `regularize l2 λ` is coupled L2, what PyTorch's Adam(weight_decay=wd) does, with λ = wd/2"), adamw)
        XCTAssertFalse(adamw.contains("did you mean 'adam'"), adamw)
        XCTAssertTrue(h.fails("optimizer momentum").contains("did you mean `optimizer sgd momentum=0.9`?"))
        XCTAssertTrue(h.fails("optimizer nesterov").contains("did you mean `optimizer sgd momentum=0.9 nesterov=true`?"))
        XCTAssertEqual(h.w.optimizerKind, .sgd(momentum: 0, nesterov: false))
        XCTAssertEqual(h.w.learningRate, 0.1)
    }

    func testWeightDecayIsSaidAsTheL2PenaltyOfHalfIt() {
        let h = ShellHarness()
        h.ok(Self.data)
        for rule in ["sgd", "adam", "rmsprop", "adagrad"] {
            let error = h.fails("optimizer \(rule) weight_decay=0.01")
            XCTAssertTrue(error.contains("unknown option 'weight_decay' for optimizer — the optimizers here take no weight decay; PyTorch's "
                                         + "weight_decay=0.01 adds 0.01·w to the gradient, as `regularize l2 0.005` does here"), error)
            XCTAssertTrue(error.hasSuffix("\n    optimizer \(rule) weight_decay=0.01\n    " + String(repeating: " ", count: rule.count + 11)
                                          + "^~~~~~~~~~~~"), error)
        }
        XCTAssertTrue(h.fails("optimizer adam weight_decay=1e-4").contains("`regularize l2 5e-05`"))
        // Where λ belongs, weight_decay is not taken for λ (the number written bare, which would be twice too large).
        let regularize = h.fails("regularize l2 weight_decay=0.01")
        XCTAssertTrue(regularize.contains("error: expected λ as a number, got PyTorch's weight decay, 'weight_decay=0.01': PyTorch's "
                                          + "weight_decay=0.01 adds 0.01·w to the gradient, as `regularize l2 0.005` does here"), regularize)
        XCTAssertTrue(regularize.hasSuffix("\n    regularize l2 weight_decay=0.01\n                  ^~~~~~~~~~~~~~~~~"), regularize)
        XCTAssertTrue(h.fails("regularize l2 0.1 wd=0.01").contains("unknown option 'wd' for regularize — PyTorch's weight_decay=0.01"))
        XCTAssertEqual(h.w.optimizerKind, .sgd(momentum: 0, nesterov: false))
        XCTAssertEqual(h.w.regularizer, .none)
    }

    func testRegularizeL2OfHalfTheDecayTakesPyTorchsSGDWeightDecayStepOnTheWeights() {
        // The data's gradient g, from a backward pass without the penalty; then one step under `regularize l2 0.005`, from
        // the same initial weights. By hand: the penalty λ·Σw² has gradient 2λ·w = 0.01·w, so the step is PyTorch's
        // SGD(lr=0.1, weight_decay=0.01) on the weights, w − 0.1·(g + 0.01·w); the bias, which PyTorch would decay too,
        // takes b − 0.1·g_b.
        let plain = ShellHarness()
        plain.ok(Self.data + "\nbackward")
        let w0 = plain.values("W1"), b0 = plain.values("b1"), g = plain.grads("W1"), gb = plain.grads("b1")
        XCTAssertEqual(w0.count, 2)
        let decayed = ShellHarness()
        decayed.ok(Self.data + "\nregularize l2 0.005\nbackward")
        XCTAssertEqual(decayed.values("W1"), w0)
        for j in 0..<2 { XCTAssertEqual(decayed.grads("W1")[j] - g[j], 2 * 0.005 * w0[j], accuracy: 1e-15) }
        XCTAssertEqual(decayed.grads("b1"), gb)
        decayed.ok("update")
        for j in 0..<2 { XCTAssertEqual(decayed.values("W1")[j], w0[j] - 0.1 * (g[j] + 0.01 * w0[j]), accuracy: 1e-15) }
        XCTAssertEqual(decayed.values("b1")[0], b0[0] - 0.1 * gb[0], accuracy: 1e-15)
    }
}
