import XCTest
@testable import DescentCore
@testable import DescentShell

/// A command that trains nothing — one `save session` leaves out, a check, or one that fails — changes no later
/// training, wherever it runs: it may build the trainer that a setting dropped earlier than training would, and
/// that must decide nothing (the batches, the dropout stream, the optimizer state, the history).
final class RebuildTimingTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws {
        dir = try ScratchDirectory.make("descent-rebuild")
    }

    override func tearDownWithError() throws { try FileManager.default.removeItem(atPath: dir) }

    /// Classification with dropout, minibatches and a split: every setting that drops the trainer, set and set back
    /// with training between, and a step begun by hand across a change of batch size.
    static let classification = [
        "seed 5", "data spiral n=60 classes=3", "batch 16", "layer dense 5 tanh", "layer dropout 0.2", "layer dense 3 softmax",
        "loss ce", "optimizer adam lr=0.01", "train 7", "batch 8", "batch 16", "train 5",
        "regularize l2 0.01", "regularize none", "step", "optimizer sgd lr=0.1 momentum=0.9", "optimizer adam lr=0.01", "step",
        "lr 0.02", "lr 0.01", "step", "batch full", "batch 16", "train 3", "split 0.8", "split none", "split 0.8", "train 3",
        "normalize", "normalize off", "normalize", "train 4", "forward", "batch 8", "batch 16", "update", "batch 8", "train 2",
        "batch 16", "train 6 every=4", "step",
    ]

    /// Regression: the loss set and set back, and a new seed, between runs.
    static let regression = [
        "seed 2", "data linear n=60", "batch 8", "layer dense 4 tanh", "layer dense 1", "loss mse", "optimizer sgd lr=0.05",
        "train 9", "loss huber", "loss mse", "train 4", "loss mae", "step", "loss mse", "batch 5", "batch 8", "train 3",
        "seed 3", "seed 2", "train 20", "step",
    ]

    /// Commands that `save session` leaves out, and a few that fail (at some places all of them fail: no data yet).
    static let inserted = [
        "predict [0.1,0.2]", "show confusion", "explain W1", "explain W1[0,0]", "graph", "plot", "plot boundary",
        "show weights", "show grads", "show history", "show config", "show A1", "export history \"h.csv\"",
        "save weights \"w.json\"", "save session \"s.descent\"", "expect loss > 100", "gradcheck W7", "explain W9[0,0]",
        "set W9[0,0] = 1", "forward sample 100000", "load weights \"missing.json\"", "predict [1,2,3,4,5]",
    ]

    /// Checks that pass are kept by `save session`, and replayed; they still change nothing.
    static let checks = ["expect step >= 0", "gradcheck"]

    /// Runs `lines` in a fresh workspace; the lines at `mayFail` may fail, every other must succeed.
    func run(_ lines: [String], mayFail: Int? = nil, _ context: String) -> SessionEnd {
        let out = CapturedOutput(), w = Workspace(output: out, directory: dir), session = Session(workspace: w)
        for (k, line) in lines.enumerated() {
            let ok = session.run(line: line)
            if k != mayFail { XCTAssertTrue(ok, "\(line): \(out.errors)\n\(context)") }
        }
        return SessionEnd(w)
    }

    func testCommandsThatTrainNothingChangeNoLaterTrainingWhereverTheyRun() {
        for base in [RebuildTimingTests.classification, RebuildTimingTests.regression] {
            let expected = run(base, "the sequence alone")
            XCTAssertNotNil(expected.state)
            for command in RebuildTimingTests.inserted + RebuildTimingTests.checks {
                for k in 0...base.count {
                    var lines = base
                    lines.insert(command, at: k)
                    let context = "\(command) at \(k), before \(k < base.count ? base[k] : "the end")"
                    var end = run(lines, mayFail: k, context)
                    if RebuildTimingTests.checks.contains(command) { end.recorded.removeAll { $0 == command } }
                    XCTAssertEqual(end.state, expected.state, context)
                    XCTAssertEqual(end.interval, expected.interval, context)
                    XCTAssertEqual(end.recorded, expected.recorded, context)
                }
            }
        }
    }

    func testBatchSizeSetBackBeforeAStepContinuesTheEpoch() {
        // The tester's case: `predict` between `batch 8` and `batch 16` started epoch 2 at step 8; without it, steps
        // 8–13 went on with epoch 1. Both now continue epoch 1, and a replay of the saved session gives the same bits.
        let setup = "seed 5; data spiral n=200 classes=3; batch 16; layer dense 12 tanh; layer dense 3 softmax; loss ce; "
            + "optimizer adam lr=0.01; train 7; batch 8; "
        let with = run([setup + "predict [0.1,0.2]; batch 16; train 9"], "with predict")
        let without = run([setup + "batch 16; train 9"], "without predict")
        XCTAssertEqual(with, without)
        XCTAssertEqual(with.state?.steps.map(\.epoch), Array(repeating: 1, count: 13) + [2, 2, 2])
        // A step at the other size does start the next epoch, and so does the step after it at the first size again.
        let stepped = run([setup + "step; batch 16; train 8"], "a step at batch 8")
        XCTAssertEqual(stepped.state?.steps.map(\.epoch), Array(repeating: 1, count: 7) + [2] + Array(repeating: 3, count: 8))
    }
}
