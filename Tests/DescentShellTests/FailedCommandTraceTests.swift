import XCTest
@testable import DescentCore
@testable import DescentShell

/// A failed command leaves no trace: not even the model or trainer it built on demand, which would change what later
/// commands say (`seed` resetting weights, `batch` keeping batches, `lr` keeping optimizer state, a model too large).
final class FailedCommandTraceTests: XCTestCase {
    /// What each line printed (replies and errors), line by line, and what the session ends with.
    struct Transcript: Equatable {
        var replies: [[String]] = []
        var end: SessionEnd?
        var built: [Bool] = []
    }

    /// Runs `lines` in a fresh session; the lines at `failing` must fail and are left out of the transcript.
    func transcript(_ lines: [String], failing: Set<Int> = [], _ context: String) -> Transcript {
        let h = ShellHarness()
        var t = Transcript()
        for (k, line) in lines.enumerated() {
            h.out.clear()
            let ok = h.session.run(line: line)
            if failing.contains(k) { XCTAssertFalse(ok, "\(line) should fail\n\(context)"); continue }
            t.replies.append(["\(line) → \(ok)"] + h.out.lines + h.out.errors)
        }
        t.end = SessionEnd(h.w)
        t.built = [h.w.model != nil, h.w.trainer != nil, h.w.carryOver != nil, h.w.inspected != nil]
        return t
    }

    /// The reply of the last line of `lines`, run one by one, each but the failing ones succeeding.
    func lastReply(_ lines: [String], failing: String) -> String {
        let h = ShellHarness()
        for line in lines.dropLast() {
            h.out.clear()
            XCTAssertEqual(h.session.run(line: line), line != failing, "\(line): \(h.out.errors)")
        }
        return h.ok(lines.last!)
    }

    func testALoadThatFailsLeavesNoModelThatMakesLaterDataTooLarge() {
        let setup = ["data X=[[1,2],[3,4]] y=[1,2]", "layer dense 20000"]
        let h = ShellHarness()
        h.ok(setup.joined(separator: "\n"))
        h.fails("load weights \"missing.json\"")
        XCTAssertNil(h.w.model)
        h.ok("data linear n=1000000")
    }

    func testSeedAfterAFailedCommandResetsNothing() {
        let setup = ["data xor n=40", "layer dense 2 softmax", "loss mae"]
        for failing in ["load weights \"nope.json\"", "save weights \"/dev/full\"", "set W1[9,9] = 1", "expect W1[9,0] = 1", "watch W1[9,9]"] {
            XCTAssertEqual(lastReply(setup + [failing, "seed 7"], failing: failing), "seed 7", failing)
        }
    }

    func testBatchAfterAFailedCheckSaysWhatTheBatchIs() {
        let setup = ["data X=[[1,2],[2,3],[3,4]] y=[2,3,4]", "layer dense 1 linear", "loss mse"]
        for failing in ["expect accuracy >= 0.5", "explain W3[3,0]", "explain W0"] {
            XCTAssertEqual(lastReply(setup + [failing, "batch full"], failing: failing),
                           "batch: full (the whole training set each step)", failing)
        }
    }

    func testLearningRateAfterAFailedGradcheckKeepsNothingToKeep() {
        let lines = ["data X=[[1,2],[2,3],[3,4]] y=[2,3,4]", "layer dense 1 linear", "loss mse", "update", "batch 1", "gradcheck W4", "lr 0.01"]
        XCTAssertEqual(lastReply(lines, failing: "gradcheck W4"), "lr 0.01")
    }

    func testShowGradsAfterAFailedExplainSaysSinceTheModelWasBuilt() {
        let base = ["data xor n=40", "layer dense 2 softmax", "loss ce", "show grads"]
        let expected = transcript(base, "alone")
        var lines = base
        lines.insert("explain W2[5,5]", at: 3)
        XCTAssertEqual(transcript(lines, failing: [3], "after explain"), expected)
        XCTAssertTrue(expected.replies.last!.joined().contains("since the model was built"), "\(expected.replies.last!)")
    }

    /// Commands that set up, train by hand and look, for random sessions.
    static let pool = [
        "seed 3", "seed 4", "data xor n=40", "data linear n=30", "data spiral n=30 classes=3", "layer dense 3 tanh",
        "layer dense 2 softmax", "layer dense 1", "layer dropout 0.2", "loss mse", "loss ce", "loss mae", "batch 8",
        "batch full", "lr 0.05", "optimizer adam lr=0.01", "optimizer sgd lr=0.1 momentum=0.9", "regularize l2 0.01",
        "split 0.8", "split none", "normalize", "normalize off", "step", "forward", "backward", "update", "undo",
        "show grads", "show config", "show weights", "show history", "expect step >= 0",
    ]

    /// Commands that fail in every session the pool makes (no data, no layers, no such entry or file).
    static let failing = [
        "load weights \"nope.json\"", "save weights \"/dev/full\"", "set W1[9,9] = 1", "expect W1[9,0] = 1",
        "watch W1[9,9]", "explain W3[3,0]", "explain W0", "gradcheck W4", "explain W2[5,5]", "predict [1,2,3,4,5]",
        "forward sample 100000", "expect accuracy >= 2",
    ]

    func testFailedCommandsChangeNoLaterReplyNorTheEnd() {
        var rng = RNG(seed: 11)
        var compared = 0
        for episode in 0..<120 {
            let base = (0..<(8 + rng.int(below: 14))).map { _ in FailedCommandTraceTests.pool[rng.int(below: FailedCommandTraceTests.pool.count)] }
            var lines = base, failingAt: Set<Int> = []
            for _ in 0..<(1 + rng.int(below: 3)) {
                let k = rng.int(below: lines.count + 1)
                lines.insert(FailedCommandTraceTests.failing[rng.int(below: FailedCommandTraceTests.failing.count)], at: k)
                failingAt = Set(failingAt.map { $0 >= k ? $0 + 1 : $0 } + [k])
            }
            // A command of the pool that fails here (no data yet, a step that diverges) is part of both sessions.
            let context = "episode \(episode):\n" + lines.joined(separator: "\n")
            XCTAssertEqual(transcript(lines, failing: failingAt, context), transcript(base, context), context)
            compared += 1
        }
        XCTAssertEqual(compared, 120)
    }
}
