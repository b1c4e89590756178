import Foundation
import XCTest
@testable import DescentCore
@testable import DescentShell

/// Ctrl-C in a replay stops the whole replay at the line it was on and says so; the lines after it do not run.
/// Ctrl-C is a real SIGINT raised from the step prompt: returning false is readline giving up its line, as it
/// does on Ctrl-C; returning true is a Ctrl-C pressed just after Enter, while the command starts.
final class ReplayInterruptTests: XCTestCase {
    /// Lines 1–5: a 2-4-1 model on 40 points (8 + 4 + 4 + 1 = 17 parameter entries).
    private static let setup = "seed 3\ndata moons n=40\nlayer dense 4 tanh\nlayer dense 1 sigmoid\nloss bce\n"

    /// Writes `text` as a script in the harness's directory and returns its name.
    private func script(_ text: String) throws -> String {
        let name = "replay-interrupt-\(UUID().uuidString).descent"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return name
    }

    /// A step prompt that presses Ctrl-C at its `press`-th question and then answers `answer`.
    private func pressCtrlC(_ h: ShellHarness, at press: Int, answer: Bool) {
        var asked = 0
        h.w.stepPrompt = {
            asked += 1
            if asked == press { raise(SIGINT); return answer }
            return true
        }
    }

    func testCtrlCAtTheStepPromptStopsTheReplayWithoutCallingItAnError() throws {
        let h = ShellHarness(), file = try script(Self.setup + "train 5\n")
        pressCtrlC(h, at: 2, answer: false)
        let e = h.fails("replay \"\(file)\" step")
        XCTAssertTrue(h.out.text.contains("replay of \(file) interrupted at line 2; the rest of the script was not run"), h.out.text)
        XCTAssertEqual(e, "", "Ctrl-C is the user's choice, not an error")
        XCTAssertEqual(h.w.seed, 3, "line 1 ran")
        XCTAssertNil(h.w.data, "line 2 did not run")
    }

    func testDecliningAStepSaysTheUserStoppedIt() throws {
        let h = ShellHarness(), file = try script(Self.setup)
        var asked = 0
        h.w.stepPrompt = { asked += 1; return asked < 3 }
        let e = h.fails("replay \"\(file)\" step")
        XCTAssertTrue(h.out.text.contains("replay of \(file) stopped at the step prompt before line 3; the rest of the script was not run"), h.out.text)
        XCTAssertEqual(e, "", "stopping at the step prompt is the user's choice, not an error")
        XCTAssertNotNil(h.w.data)
        XCTAssertTrue(h.w.layers.isEmpty, "line 3 did not run")
    }

    func testCtrlCDuringTrainingStopsTheReplayAfterThatLine() throws {
        let h = ShellHarness(), file = try script(Self.setup + "train 50\ntrain 50\n")
        pressCtrlC(h, at: 6, answer: true)
        let e = h.fails("replay \"\(file)\" step")
        XCTAssertTrue(h.out.text.contains("replay of \(file) interrupted at line 6; the rest of the script was not run"), e)
        XCTAssertTrue(h.out.text.contains("— interrupted"), h.out.text)
        // The first run stops after its first step (a step boundary); the second run never starts.
        XCTAssertEqual(h.w.trainer?.stepCount, 1)
    }

    func testCtrlCStopsTheRestOfALine() throws {
        let h = ShellHarness(), file = try script(Self.setup + "train 50; train 50\n")
        pressCtrlC(h, at: 6, answer: true)
        let e = h.fails("replay \"\(file)\" step")
        XCTAssertTrue(h.out.text.contains("interrupted: the rest of the line was not run"), h.out.text)
        XCTAssertTrue(h.out.text.contains("replay of \(file) interrupted at line 6"), e)
        XCTAssertEqual(h.w.trainer?.stepCount, 1)
    }

    func testCtrlCDuringGradcheckChangesNothingAndStopsTheReplay() throws {
        let h = ShellHarness()
        h.ok(Self.setup + "forward\nbackward step")
        let t = try XCTUnwrap(h.w.trainer)
        let values = t.model.parameters.map { $0.value.array.map(\.bitPattern) }
        let grads = t.model.parameters.map { $0.grad.array.map(\.bitPattern) }
        let recorded = h.w.recorded
        XCTAssertEqual(h.w.inspected?.backwardDone, 1)
        let file = try script("gradcheck\ntrain 5\n")
        pressCtrlC(h, at: 1, answer: true)
        let e = h.fails("replay \"\(file)\" step")
        XCTAssertTrue(e.contains("error: gradcheck interrupted in W1 after 0 of 17 entries; parameters and gradients are as they were"), e)
        XCTAssertTrue(h.out.text.contains("replay of \(file) interrupted at line 1; the rest of the script was not run"), e)
        XCTAssertEqual(t.model.parameters.map { $0.value.array.map(\.bitPattern) }, values)
        XCTAssertEqual(t.model.parameters.map { $0.grad.array.map(\.bitPattern) }, grads)
        XCTAssertEqual(h.w.inspected?.backwardDone, 1, "backward stepping lost its place")
        XCTAssertEqual(h.w.recorded, recorded, "an interrupted gradcheck is not part of the session")
        XCTAssertEqual(t.stepCount, 0, "line 2 did not run")
    }

    func testCtrlCWhileACSVFileLoadsKeepsTheOldData() throws {
        let h = ShellHarness()
        h.ok(Self.setup + "train 3")
        let before = h.w.data, recorded = h.w.recorded
        let weights = h.values("W1"), steps = h.w.trainer?.stepCount
        let csv = try script("a,b,y\n" + String(repeating: "1,2,3\n4,5,6\n", count: 5000))
        let file = try script("data csv \"\(csv)\"\ntrain 5\n")
        pressCtrlC(h, at: 1, answer: true)
        let e = h.fails("replay \"\(file)\" step")
        XCTAssertTrue(e.contains("error: data csv interrupted while reading \(csv); the data is as it was"), e)
        XCTAssertTrue(h.out.text.contains("replay of \(file) interrupted at line 1; the rest of the script was not run"), e)
        XCTAssertEqual(h.w.data, before)
        XCTAssertEqual(h.values("W1"), weights)
        XCTAssertEqual(h.w.trainer?.stepCount, steps, "the trainer and its history were kept")
        XCTAssertEqual(h.w.recorded, recorded, "an interrupted load is not part of the session")
        // Without Ctrl-C, the same file loads.
        h.ok("data csv \"\(csv)\"")
        XCTAssertEqual(h.w.data?.count, 10_000)
    }

    func testCtrlCAbandonsTheEvaluationOfASetOfSeveralBlocks() throws {
        let h = ShellHarness()
        h.ok(Self.setup + "step")
        let t = try XCTUnwrap(h.w.trainer)
        t.blockRows = 8   // the 40 rows are 5 blocks, and Ctrl-C is seen between them
        let file = try script("train 5\n")
        pressCtrlC(h, at: 1, answer: true)
        let e = h.fails("replay \"\(file)\" step")
        XCTAssertTrue(h.out.text.contains("replay of \(file) interrupted at line 1"), e)
        XCTAssertEqual(t.stepCount, 2, "the run stops after its first step")
        // The step's own evaluation (every step here) and the run's last one were both abandoned.
        XCTAssertTrue(t.history.evaluations.isEmpty)
        XCTAssertTrue(h.out.text.contains("trained 1 step (total 2)  in "), h.out.text)
        // Without Ctrl-C the same evaluations finish.
        h.ok("train 2")
        XCTAssertEqual(t.history.evaluations.map(\.step), [3, 4])
    }

    func testCtrlCStopsAShowPrintingInFull() throws {
        let h = ShellHarness()
        h.ok(Self.setup + "forward")
        let file = try script("show A1\nshow A2\n")
        pressCtrlC(h, at: 1, answer: true)
        let e = h.fails("replay \"\(file)\" step")
        XCTAssertTrue(e.contains("error: show A1 interrupted after 0 of 40 rows"), e)
        XCTAssertTrue(h.out.text.contains("replay of \(file) interrupted at line 1"), e)
        XCTAssertTrue(h.out.text.contains("A1 [40, 4] =\n"), h.out.text)
        XCTAssertFalse(h.out.text.contains("A2 ["), "line 2 did not run")   // (the script's random name may hold "A2")
        // Not interrupted, it prints every row.
        let shown = h.ok("show A1")
        XCTAssertEqual(shown.split(separator: "\n").filter { $0.hasPrefix("   [") || $0.hasPrefix("  [[") }.count, 40, shown)
    }

    func testCtrlCStopsShowDataAll() throws {
        let h = ShellHarness()
        h.ok("seed 3\ndata moons n=500")
        let file = try script("show data all\nseed 9\n")
        pressCtrlC(h, at: 1, answer: true)
        let e = h.fails("replay \"\(file)\" step")
        XCTAssertTrue(e.contains("error: show data interrupted after 0 of 500 rows"), e)
        XCTAssertFalse(h.out.text.contains("│ 0 "), "no row was printed:\n\(h.out.text)")
        XCTAssertEqual(h.w.seed, 3, "line 2 did not run")
        // Not interrupted, it prints every row, numbered from 0.
        let shown = h.ok("show data all")
        XCTAssertTrue(shown.contains("│ 499 │"), shown)
        XCTAssertFalse(shown.contains("more row"), shown)
    }

    func testCtrlCStopsShowConfusionAndExpectBetweenBlocksOfRows() throws {
        // 5,000 rows are two blocks (4,096 and 904): Ctrl-C is heard between them.
        for (line, said) in [("show confusion", "error: show confusion interrupted while it evaluated the full sets"),
                             ("expect accuracy > 0", "error: expect interrupted while it evaluated the full sets; nothing was checked")] {
            let h = ShellHarness()
            h.ok("seed 3\ndata moons n=5000\nlayer dense 2 tanh\nlayer dense 1 sigmoid\nloss bce")
            let file = try script(line + "\nseed 9\n")
            pressCtrlC(h, at: 1, answer: true)
            let e = h.fails("replay \"\(file)\" step")
            XCTAssertTrue(e.contains(said), e)
            XCTAssertEqual(h.w.seed, 3, "line 2 did not run")
            // Not interrupted, it runs to its end.
            h.ok(line)
        }
    }

    func testCtrlCStopsAPredictBeforeItsTable() throws {
        let h = ShellHarness()
        h.ok(Self.setup)
        let rows = (0..<500).map { "[\($0 % 7),\($0 % 5)]" }.joined(separator: ",")
        let file = try script("predict [\(rows)]\nseed 9\n")
        pressCtrlC(h, at: 1, answer: true)
        let e = h.fails("replay \"\(file)\" step")
        XCTAssertTrue(e.contains("error: predict interrupted after 0 of 500 rows"), e)
        XCTAssertTrue(h.out.text.contains("replay of \(file) interrupted at line 1"), e)
        XCTAssertFalse(h.out.text.contains("┌"), "no table was printed:\n\(h.out.text)")
        XCTAssertEqual(h.w.seed, 3, "line 2 did not run")
        // Not interrupted, it prints every row.
        let shown = h.ok("predict [\(rows)]")
        XCTAssertTrue(shown.contains("│ 499 "), shown)   // rows numbered from 0
    }

    func testCtrlCInANestedReplayIsSaidOnceByTheOutermost() throws {
        let h = ShellHarness(), inner = try script(Self.setup + "train 50\ntrain 50\n")
        let outer = try script("seed 1\nreplay \"\(inner)\" step\nseed 2\n")
        pressCtrlC(h, at: 6, answer: true)
        let e = h.fails("replay \"\(outer)\"")
        XCTAssertEqual(e, "", "Ctrl-C is the user's choice, not an error")
        let said = h.out.text.split(separator: "\n").filter { $0.hasPrefix("replay of") }
        XCTAssertEqual(said, ["replay of \(outer) interrupted (2 replays deep: \(outer):2 → \(inner):6); the rest of those scripts was not run"])
        XCTAssertEqual(h.w.seed, 3, "the outer script's line 3 did not run")
        XCTAssertEqual(h.w.trainer?.stepCount, 1)
    }

    func testDecliningAStepInANestedReplayStopsTheOuterOneTooAndIsNoError() throws {
        let h = ShellHarness(), inner = try script(Self.setup)
        let outer = try script("seed 1\nreplay \"\(inner)\" step\nseed 2\n")
        var asked = 0
        h.w.stepPrompt = { asked += 1; return asked < 3 }
        let e = h.fails("replay \"\(outer)\"")
        XCTAssertEqual(e, "")
        let said = h.out.text.split(separator: "\n").filter { $0.hasPrefix("replay of") }
        XCTAssertEqual(said, ["replay of \(outer) stopped at the step prompt (2 replays deep: \(outer):2 → \(inner):3); the rest of those scripts was not run"])
        XCTAssertEqual(h.w.seed, 3, "the outer script's line 3 did not run")
        XCTAssertTrue(h.w.layers.isEmpty, "the inner script's line 3 did not run")
        XCTAssertNil(h.w.stoppedReplay)
    }
}
