import XCTest
@testable import DescentCore
@testable import DescentShell

/// `schedule …`: each step runs at the rate the schedule gives for it, which is checked here against the same
/// steps run by hand with those rates typed as `lr` (the rates from Python's closed forms: see
/// `LearningRateScheduleTests`), and it survives what rebuilds the trainer, undo and a saved session's replay.
final class ScheduleTests: XCTestCase {
    static let setup = "seed 4\ndata moons n=80 noise=0.2\nsplit 0.75\nlayer dense 6 tanh\nlayer dense 1 sigmoid\nloss bce\noptimizer sgd lr=0.1 momentum=0.9"
    /// 0.1·0.9^t for t = 0…5 (Python: `0.1 * 0.9 ** t`).
    static let rates = [0.1, 0.09000000000000001, 0.08100000000000002, 0.0729, 0.06561, 0.05904900000000001]

    func testEachStepRunsAtTheScheduledRateAsIfTypedByHand() throws {
        let scheduled = ShellHarness()
        scheduled.ok(Self.setup + "\nstep\nschedule exponential gamma=0.9\ntrain 6 every=1")
        let byHand = ShellHarness()
        byHand.ok(Self.setup + "\nstep")
        for r in Self.rates { byHand.ok("lr \(r)\nstep") }
        XCTAssertEqual(scheduled.values("W1"), byHand.values("W1"))
        XCTAssertEqual(scheduled.values("W2"), byHand.values("W2"), "the momentum state kept through the changes")
        let t = try XCTUnwrap(scheduled.w.trainer)
        XCTAssertEqual(t.history.rates.map(\.rate), Self.rates, "the log holds changes: steps 1 (before the schedule) and 2 at 0.1")
        XCTAssertEqual(t.history.rates.map(\.step), [1, 3, 4, 5, 6, 7])
        XCTAssertEqual(t.optimizer.learningRate, 0.1 * pow(0.9, 6.0), "the next step's rate")
        // `schedule` alone says where it stands; `show config` shows it.
        // 0.1·0.9⁶ = 0.0531441, to 4 significant digits as `step` writes rates (every digit only in `export history`).
        XCTAssertTrue(scheduled.ok("schedule").contains("since step 1, t = 6; base lr 0.1; next step at lr 0.05314"), scheduled.out.text)
        XCTAssertTrue(scheduled.ok("show config").contains("\nschedule    exponential gamma=0.9"), scheduled.out.text)
        // A kept run names the schedule, and the rates of its first and last steps (not the next step's).
        let kept = scheduled.ok("keep decayed")
        XCTAssertTrue(kept.contains("sgd lr 0.1→\(Format.short(Self.rates[5])) momentum 0.9 · exponential gamma=0.9 · "), kept)
    }

    func testLrChangesTheBaseUndoAndRebuildsKeepTheCount() throws {
        let h = ShellHarness()
        h.ok(Self.setup + "\nschedule step size=2 gamma=0.5\ntrain 3 every=1")
        let t = try XCTUnwrap(h.w.trainer)
        XCTAssertEqual(t.optimizer.learningRate, 0.05, "t = 3: 0.1·0.5^1")
        XCTAssertTrue(h.ok("lr 0.4").contains("the next step at lr 0.2"), h.out.text)
        h.ok("step")
        XCTAssertEqual(t.history.rates.last?.rate, 0.2)
        XCTAssertEqual(t.optimizer.learningRate, 0.1, "t = 4: 0.4·0.5^2")
        XCTAssertTrue(h.ok("undo").contains("under the schedule the next step runs at lr 0.2"), h.out.text)
        XCTAssertEqual(t.optimizer.learningRate, 0.2)
        // A new loss rebuilds the trainer, keeping its history: the schedule counts on from step 0.
        h.ok("loss mse\nstep")
        let rebuilt = try XCTUnwrap(h.w.trainer)
        XCTAssertFalse(rebuilt === t)
        XCTAssertEqual(rebuilt.history.rates.last?.rate, 0.2)
        XCTAssertEqual(rebuilt.optimizer.learningRate, 0.1)
        // `reset` clears the history: the schedule starts again at its first rate.
        h.ok("reset")
        XCTAssertEqual(try h.w.ensureTrainer().optimizer.learningRate, 0.4)
        h.ok("schedule off")
        XCTAssertEqual(try h.w.ensureTrainer().optimizer.learningRate, 0.4)
        h.ok("step")
        XCTAssertEqual(h.w.trainer?.optimizer.learningRate, 0.4, "no schedule: the rate stays")
    }

    func testASavedSessionReplaysTheSameWeightsAndRates() throws {
        let h = ShellHarness()
        h.ok(Self.setup + "\ntrain 4 every=2\nschedule cosine steps=10 min=0.01\ntrain 7 every=2\nlr 0.05\ntrain 3 every=2")
        let out = CapturedOutput(), fresh = Workspace(output: out, directory: h.w.directory)
        XCTAssertEqual(Session(workspace: fresh).runScript(h.w.sessionScript(), file: "saved.descent"), .completed, "\(out.errors)")
        XCTAssertEqual(fresh.model?.parameter("W1")?.value.array, h.values("W1"))
        XCTAssertEqual(fresh.trainer?.history.rates, h.w.trainer?.history.rates)
        // Step 14 is the cosine's t = 9 of 10, from base 0.05 (0.01 + (0.05 − 0.01)·(1 + cos(9π/10))/2 ≈ 0.010979); the next
        // step's, t = 10, is the minimum.
        XCTAssertEqual(h.w.trainer?.history.rates.last?.step, 14)
        XCTAssertEqual(h.w.trainer?.history.rates.last?.rate ?? 0, 0.01 + 0.04 * (1 + cos(Double.pi * 9 / 10)) / 2, accuracy: 1e-17)
        XCTAssertEqual(h.w.trainer?.optimizer.learningRate, 0.01)
        XCTAssertFalse(h.w.sessionScript().contains("\nschedule\n"), "`schedule` alone is not recorded")
    }

    func testTheRateSetIsTheBaseWhereverItIsQuotedAndAKeptRunNamesTheScheduleItRanUnder() throws {
        let h = ShellHarness()
        h.ok(Self.setup + "\nschedule exponential gamma=0.5\ntrain 3 every=1")
        // The next step's rate is 0.1·0.5³ = 0.0125; the rate set, the schedule's base, is 0.1.
        XCTAssertTrue(h.ok("lr").hasPrefix("lr 0.1 (the schedule's base; the next step runs at 0.0125)"), h.out.text)
        XCTAssertTrue(h.ok("show config").contains("optimizer   sgd momentum=0.9 lr=0.1"), h.out.text)
        // A new rule without lr= takes its default as the base: the base it replaces is quoted, not the scheduled rate.
        XCTAssertTrue(h.ok("optimizer sgd momentum=0.9").contains("it was 0.1 (add lr=0.1 to keep it)"), h.out.text)
        h.ok("optimizer sgd lr=0.1 momentum=0.9\ntrain 1 every=1")
        // Kept after the schedule was turned off, the run still names the one its steps ran under.
        h.ok("schedule off")
        XCTAssertTrue(h.ok("keep decayed").contains(" · exponential gamma=0.5 · "), h.out.text)
        // A base at or below the cosine's minimum is refused by `lr` and `optimizer` as by `schedule`.
        h.ok("schedule cosine steps=10 min=0.01")
        XCTAssertTrue(h.fails("lr 0.005").contains("lr 0.005 is not above the cosine schedule's min=0.01"))
        XCTAssertTrue(h.fails("optimizer adam").contains("lr 0.001 is not above the cosine schedule's min=0.01"))
        XCTAssertEqual(h.w.baseRate, 0.1)
        // An `unkeep` suggested for a name that is not a plain word is quoted, as it must be typed.
        h.ok("keep \"lr 0.1\"")
        XCTAssertTrue(h.fails("keep \"lr 0.1\"").contains("or `unkeep \"lr 0.1\"` first"))
    }

    func testBadSchedulesAreRefusedAndChangeNothing() {
        let h = ShellHarness()
        h.ok(Self.setup + "\nschedule exponential gamma=0.5\nstep")
        let before = h.w.trainer?.optimizer.learningRate
        XCTAssertTrue(h.fails("schedule step gamma=0.5").contains("schedule step needs size=N — e.g. schedule step size=100 gamma=0.5"))
        XCTAssertTrue(h.fails("schedule exponential").contains("needs gamma=G"))
        XCTAssertTrue(h.fails("schedule cosine steps=0").contains("steps"))
        XCTAssertTrue(h.fails("schedule cosine steps=10 min=0.2").contains("min=0.2 is not below the base rate 0.1"))
        XCTAssertTrue(h.fails("schedule linear start=0").contains("start"))
        XCTAssertTrue(h.fails("schedule exponential gamma=-1").contains("gamma"))
        XCTAssertTrue(h.fails("schedule triangle").contains("schedule"))
        XCTAssertTrue(h.fails("schedule step size=3 gamma=0.5 extra=1").contains("extra"))
        XCTAssertEqual(h.w.trainer?.optimizer.learningRate, before)
        XCTAssertEqual(h.w.schedule, .exponential(gamma: 0.5))
        h.ok("new")
        XCTAssertNil(h.w.schedule)
    }
}
