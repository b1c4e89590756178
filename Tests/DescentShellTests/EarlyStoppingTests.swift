import XCTest
@testable import DescentCore
@testable import DescentShell

/// `train … patience=P [restore=best]`: the run stops after P evaluations in a row without a new lowest val_loss
/// (train_loss without a split), as Keras's `EarlyStopping(patience=P)`; restore=best goes back to the lowest step.
/// Where the run must stop is worked out here from a run without patience, by the rule itself.
final class EarlyStoppingTests: XCTestCase {
    /// Moons overfitted by a wide network: val_loss falls, then rises while train_loss goes on falling.
    static let setup = """
        seed 1
        data moons n=60 noise=0.35
        split 0.5
        normalize
        layer dense 64 relu
        layer dense 64 relu
        layer dense 1 sigmoid
        loss bce
        optimizer adam lr=0.01
        """

    /// The step at which a run evaluated at `steps` with monitored losses `losses` stops with patience `p`, and
    /// its best step: each evaluation either goes below the lowest so far (strictly) or counts one more.
    private func stopByHand(_ steps: [Int], _ losses: [Double], patience p: Int) -> (stop: Int, best: Int)? {
        var low = Double.infinity, best = 0, since = 0
        for (s, l) in zip(steps, losses) {
            if l < low { low = l; best = s; since = 0 } else { since += 1; if since == p { return (s, best) } }
        }
        return nil
    }

    func testARunStopsAfterPatienceEvaluationsWithoutANewLowestValLoss() throws {
        let free = ShellHarness()
        free.ok(Self.setup + "\ntrain 300 every=5")
        let evals = try XCTUnwrap(free.w.trainer?.history.evaluations)
        for p in [1, 3, 10] {
            let (stop, best) = try XCTUnwrap(stopByHand(evals.map(\.step), evals.map { $0.valLoss ?? .nan }, patience: p),
                                             "the data must make patience=\(p) stop within 300 steps")
            XCTAssertGreaterThan(stop, best)
            let h = ShellHarness()
            let text = h.ok(Self.setup + "\ntrain 300 every=5 patience=\(p)")
            XCTAssertEqual(h.w.trainer?.stepCount, stop, "patience=\(p)")
            XCTAssertEqual(h.values("W1"), try weights(after: stop), "the weights of the step it stopped at")
            XCTAssertTrue(text.contains("early stop: val_loss has not gone below its lowest"), text)
            XCTAssertTrue(text.contains("at step \(best), in \(p) evaluation"), text)
            // Saved as the steps it took, it replays to the same weights.
            XCTAssertEqual(h.w.recorded.last, "train \(stop) every=5")
        }
    }

    func testRestoreBestGoesBackToTheLowestStepAsIfTheRunHadEndedThere() throws {
        let free = ShellHarness()
        free.ok(Self.setup + "\ntrain 300 every=5")
        let evals = try XCTUnwrap(free.w.trainer?.history.evaluations)
        let (stop, best) = try XCTUnwrap(stopByHand(evals.map(\.step), evals.map { $0.valLoss ?? .nan }, patience: 4))
        let h = ShellHarness()
        let text = h.ok(Self.setup + "\ntrain 300 every=5 patience=4 restore=best")
        let t = try XCTUnwrap(h.w.trainer)
        XCTAssertEqual(t.stepCount, best)
        XCTAssertEqual(h.values("W1"), try weights(after: best), "the weights of the best step, bit for bit")
        XCTAssertEqual(t.history.evaluations.last?.step, best, "the history ends at the best step")
        XCTAssertEqual(t.history.steps.count, best)
        XCTAssertTrue(text.contains("back at step \(best), as restore=best asks (steps \(best + 1)–\(stop) undone"), text)
        XCTAssertTrue(text.contains("trained \(best) steps (total \(best))"), text)
        XCTAssertFalse(text.contains("note: val_loss was lowest"), "no rise is left to note")
        XCTAssertEqual(h.w.recorded.last, "train \(best) every=5")
        // The next run goes on from the best step as a run that had stopped there would.
        h.ok("train 7")
        let cont = ShellHarness()
        cont.ok(Self.setup + "\ntrain \(best) every=5\ntrain 7")
        XCTAssertEqual(h.values("W3"), cont.values("W3"))
        // `undo` takes the whole run back.
        h.ok("undo\nundo")
        XCTAssertEqual(h.w.trainer?.stepCount, 0)
    }

    func testWithoutASplitTheTrainingLossIsWatched() throws {
        let setup = "seed 2\ndata sine n=40 noise=0.1\nlayer dense 8 tanh\nlayer dense 1\nloss mse\noptimizer sgd lr=0.5 momentum=0.9"
        let free = ShellHarness()
        free.ok(setup + "\ntrain 400 every=1")
        let evals = try XCTUnwrap(free.w.trainer?.history.evaluations)
        let (stop, _) = try XCTUnwrap(stopByHand(evals.map(\.step), evals.map(\.trainLoss), patience: 2),
                                      "sgd with a large rate must bounce for patience=2 to stop")
        let h = ShellHarness()
        let text = h.ok(setup + "\ntrain 400 every=1 patience=2")
        XCTAssertEqual(h.w.trainer?.stepCount, stop)
        XCTAssertTrue(text.contains("early stop: train_loss has not gone below"), text)
    }

    func testARunThatKeepsImprovingRunsToItsEnd() {
        let h = ShellHarness()
        let text = h.ok("seed 1\ndata linear n=50\nlayer dense 1\nloss mse\noptimizer sgd lr=0.01\ntrain 50 every=5 patience=2 restore=best")
        XCTAssertEqual(h.w.trainer?.stepCount, 50)
        XCTAssertFalse(text.contains("early stop"), text)
        XCTAssertEqual(h.w.recorded.last, "train 50 every=5 patience=2 restore=best")
    }

    func testBadSettingsAreRefusedAndChangeNothing() {
        let h = ShellHarness()
        h.ok(Self.setup + "\ntrain 5")
        let before = h.values("W1")
        XCTAssertTrue(h.fails("train 10 restore=best").contains("restore=best goes with patience=P"))
        XCTAssertTrue(h.fails("train 10 patience=0").contains("patience"))
        XCTAssertTrue(h.fails("train 10 patience=2 restore=first").contains("restore"))
        XCTAssertTrue(h.fails("train 10 patience=2.5").contains("patience"))
        XCTAssertEqual(h.values("W1"), before)
        XCTAssertEqual(h.w.trainer?.stepCount, 5)
    }

    /// W1 after `steps` steps of `setup`, from a fresh session.
    private func weights(after steps: Int) throws -> [Double] {
        let h = ShellHarness()
        h.ok(Self.setup + "\ntrain \(steps) every=5")
        return h.values("W1")
    }
}
