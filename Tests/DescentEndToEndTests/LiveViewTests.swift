import Foundation
import XCTest

/// The full-screen training view inside tmux: the chart and step counter move, keys work, the terminal comes back.
final class LiveViewTests: XCTestCase {
    /// Sets up a 2-D classification model at the prompt.
    private func prepare(_ t: Tmux) throws { try t.prepareMoons() }

    /// The step counter `step N/2000000` shown in the live view's status area, if any.
    private func step(_ screen: String) -> Int? { Tmux.liveStep(screen) }

    func testLiveChartMovesAndQuitReturnsToThePrompt() throws {
        let t = try Tmux(width: 120, height: 36)
        try prepare(t)
        try t.type("train 2000000 every=1000")   // the default, every 10,000 steps, takes seconds in a debug build
        let first = try t.wait(for: "the live view") { self.step($0) != nil && $0.contains("steps/s") }
        Thread.sleep(forTimeInterval: 1.0)
        let second = try t.wait(for: "a later frame") { s in (self.step(s) ?? 0) > (self.step(first) ?? 0) }
        XCTAssertNotEqual(first, second, "the chart and counters are redrawn while training")
        XCTAssertTrue(second.contains("batch loss") && second.contains("train loss"), "legend:\n\(second)")
        XCTAssertTrue(second.contains("2-8-1 tanh→sigmoid · bce · adam lr 0.01"), "model line:\n\(second)")
        XCTAssertTrue(second.unicodeScalars.contains { $0.value >= 0x2800 && $0.value <= 0x28FF }, "braille curve:\n\(second)")
        // Once the validation set has been evaluated, its curve joins the legend with a glyph of its own.
        let evaluated = try t.wait(forText: "┅ val loss")
        XCTAssertTrue(evaluated.contains("─ batch loss  ━ train loss  ┅ val loss"), "legend:\n\(evaluated)")
        try t.send("q")
        let back = try t.wait(forText: "stopped by the user")
        XCTAssertTrue(back.contains("trained "), back)
        try t.wait(for: "the prompt") { $0.components(separatedBy: "\n").contains { $0.hasPrefix("descent>") } }
        // The terminal is usable again: a command runs and prints normally.
        try t.type("show config")
        try t.wait(forText: "optimizer   adam")
    }

    func testUnderFeaturesTheMapIsOverTheDataColumns() throws {
        // One input, x1*x2, computed from two columns: the live view draws the decision map over x1 and x2 (its legend
        // names the classes), not the fitted curve of a model of one column.
        let t = try Tmux(width: 120, height: 36)
        try t.wait(forText: "descent>")
        try t.type("seed 1; data xor n=200; features x1*x2; layer dense 1 sigmoid; loss bce; optimizer adam lr=0.1")
        try t.wait(forText: "optimizer adam lr=0.1")
        try t.type("train 2000000 every=1000")
        let view = try t.wait(for: "the live view with its map") { Tmux.liveStep($0) != nil && $0.contains("▲░ same sign") }
        XCTAssertTrue(view.contains("●· different signs  ▲░ same sign"), view)
        XCTAssertTrue(view.contains("b map: on"), view)
        XCTAssertTrue(view.contains("1-1 sigmoid · bce"), view)
        XCTAssertFalse(view.contains("model: P("), "no fitted curve:\n\(view)")
        try t.send("q")
        try t.wait(forText: "stopped by the user")
    }

    func testPlotWeightsShowsTheHistogramFullScreenUntilAKeyAndKeepsAPasteForThePrompt() throws {
        // Three weights set by hand, 1, 0 and -1: of 21 bins over ±1, the first, the middle and the last hold one each.
        let t = try Tmux(width: 100, height: 30)
        try t.wait(forText: "descent>")
        try t.type("data X=[[1,2,3]] y=[1]; layer dense 1 bias=false; set W1[0,0] = 1; set W1[1,0] = 0; set W1[2,0] = -1")
        try t.wait(forText: "→ -1")
        try t.type("plot weights")
        let view = try t.wait(for: "the histogram full-screen") { $0.contains("histogram of the weights · any key returns") }
        XCTAssertFalse(view.contains("descent>"), "the prompt is hidden under the view:\n\(view)")
        XCTAssertTrue(view.contains("W1: 3 entries in 21 bins"), view)
        XCTAssertTrue(view.contains("exact zeros 1"), view)
        // A paste is not a key: the view stays, says so, and the pasted line runs at the prompt after the view.
        try t.paste("show W1\n", bracketed: true)
        try t.wait(forText: "kept the pasted line for the prompt: it runs after this view")
        XCTAssertFalse(try t.screen().contains("descent>"), "a paste closed the view")
        try t.send("x")
        let back = try t.wait(forText: "descent> show W1")
        XCTAssertFalse(back.contains("any key returns"), back)
        XCTAssertFalse(try t.exited())
    }

    func testAnEvaluationThatOverflowsStopsTheRunAndTheSummarySaysSo() throws {
        // Validation row 2 (data row 7) is x = 1e160, whose squared error overflows at every evaluation: the run of
        // 2,000,000 steps stops at its first, step 100,000 (seconds in a debug build, so the live view is seen first).
        let t = try Tmux(width: 240, height: 36)
        try t.wait(forText: "descent>")
        try t.type("seed 2; data X=[[1],[2],[3],[4],[5],[6],[7],[1e160]] y=[1,2,3,4,5,6,7,8]; split 0.5; layer dense 1 linear; "
                   + "loss mse; optimizer sgd lr=0.0001")
        try t.type("train 2000000 every=100000")
        try t.wait(for: "the live view") { Tmux.liveStep($0) != nil }
        let back = try t.wait(forText: "parameters kept as the update of step 100000 left them", timeout: 60)
        XCTAssertTrue(back.contains("trained 100000 steps (total 100000): "), back)
        // The summary wraps at the window's width: its parts, each on one line.
        XCTAssertTrue(back.contains("— val_loss became infinite at the evaluation of step 100000 (first produced by node loss (mse)"), back)
        XCTAssertTrue(back.contains("data row 7); parameters kept"), back)
        XCTAssertFalse(try t.alternateScreen(), "the live view closed")
        try t.wait(for: "the prompt") { $0.components(separatedBy: "\n").filter { !$0.isEmpty }.last == "descent>" }
    }

    func testCtrlCStopsTheWholeReplayNotJustItsTraining() throws {
        let t = try Tmux(width: 200, height: 36)   // wide enough for the messages with the script's long path
        try t.wait(forText: "descent>")
        let script = t.home.appendingPathComponent("long.descent").path
        try "seed 3\ndata moons n=200\nlayer dense 8 tanh\nlayer dense 1 sigmoid\nloss bce\ntrain 2000000\ntrain 2000000\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        try t.type("replay \"\(script)\"")
        try t.wait(for: "the live view") { self.step($0) != nil }
        try t.send("C-c")
        let stopped = try t.wait(forText: "the rest of the script was not run")
        XCTAssertTrue(stopped.contains("\nreplay of \(script) interrupted at line 6;"), stopped)
        XCTAssertFalse(stopped.contains("error"), "Ctrl-C is the user's choice, not an error:\n\(stopped)")
        XCTAssertEqual(stopped.components(separatedBy: "trained ").count, 2, "line 7 trained too:\n\(stopped)")
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertNil(step(try t.screen()), "line 7's training started")
        try t.wait(for: "the prompt") { $0.components(separatedBy: "\n").filter { !$0.isEmpty }.last == "descent>" }
        // At the step prompt, Ctrl-C is an interruption too, not an error.
        try t.send("C-l")
        try t.type("replay \"\(script)\" step")
        try t.wait(forText: "long.descent:1> seed 3")
        try t.send("Enter")
        try t.wait(forText: "long.descent:2> data moons n=200")
        try t.send("C-c")
        let atPrompt = try t.wait(forText: "the rest of the script was not run")
        XCTAssertTrue(atPrompt.contains("\nreplay of \(script) interrupted at line 2;"), atPrompt)
        XCTAssertFalse(atPrompt.contains("error above"), atPrompt)
        XCTAssertFalse(try t.exited())
    }

    func testCtrlCInThePlotViewsStopsTheRestOfTheLine() throws {
        let t = try Tmux(width: 120, height: 36)
        try prepare(t)
        try t.type("train 20")
        try t.wait(forText: "trained 20 steps")
        // q leaves the chart and the line goes on; Ctrl-C leaves it and the line stops there.
        try t.type("plot; show config")
        try t.wait(forText: "q back")
        try t.send("q")
        try t.wait(forText: "optimizer   adam")
        try t.send("C-l")
        for view in ["plot", "plot boundary"] {
            try t.type("\(view); reset")
            try t.wait(for: "the \(view) view") { !$0.contains("descent>") }
            try t.send("C-c")
            let back = try t.wait(forText: "interrupted: the rest of the line was not run")
            XCTAssertFalse(back.contains("weights drawn again"), "reset ran after Ctrl-C in \(view):\n\(back)")
            try t.send("C-l")
        }
        try t.type("show history 1")
        try t.wait(forText: "20 steps recorded")   // the history is still there: `reset` did not run
        XCTAssertFalse(try t.exited())
    }

    func testPastedLinesAreLeftForThePromptNotReadAsKeys() throws {
        let t = try Tmux(width: 120, height: 36)
        try prepare(t)
        // Readline returns `train 3000` while `show config` is still waiting: the live view would read it as keys
        // (the space pausing the run for good); the run prints progress lines instead and the line runs next.
        try t.paste("train 3000\nshow config\n")
        try t.wait(forText: "optimizer   adam", timeout: 60)
        var text = try t.scrollback()
        XCTAssertTrue(text.contains("note: input is waiting (typed ahead or pasted): progress lines, not the full-screen view"), text)
        XCTAssertTrue(text.contains("step 3000/3000  epoch 3000"), "progress lines, as --no-tui prints them:\n\(text)")
        XCTAssertFalse(text.contains("stopped by the user"), text)
        let summary = try XCTUnwrap(text.range(of: "trained 3000 steps (total 3000): "), text)
        let config = try XCTUnwrap(text.range(of: "descent> show config"), text)
        XCTAssertLessThan(summary.lowerBound, config.lowerBound, "show config ran after the run:\n\(text)")
        XCTAssertTrue(text[summary.lowerBound...].contains("— completed"), text)
        // The plot views do the same: the charts are printed as text and the waiting lines run after them.
        try t.send("C-l")
        try t.paste("plot boundary\nplot\nshow history 1\n")
        text = try t.wait(forText: "3000 steps recorded")
        text = try t.scrollback()
        XCTAssertEqual(text.components(separatedBy: "note: input is waiting (typed ahead or pasted): the chart as text").count, 3, text)
        XCTAssertTrue(text.contains("●· upper  ▲░ lower"), "the map as text:\n\(text)")
        XCTAssertTrue(text.contains("─ batch loss  ━ train loss  ┅ val loss"), "the loss chart as text:\n\(text)")
        XCTAssertFalse(text.contains("unknown command"), text)
        // Watched entries, shown in the view's status area, are printed after each step as --no-tui prints them.
        try t.send("C-l")
        try t.type("watch W2[0,0]")
        try t.paste("train 2\nshow history 1\n")
        text = try t.wait(forText: "3002 steps recorded")
        XCTAssertTrue(text.contains("  watch step 3001: W2[0,0] = ") && text.contains("  watch step 3002: W2[0,0] = "), text)
        try t.type("unwatch")
        // With nothing waiting, the full-screen view opens as usual, and the prompt goes on after it.
        try t.type("train 2000000")
        try t.wait(for: "the live view") { self.step($0) != nil }
        try t.stopRun()
        try t.type("show history 1")
        try t.wait(for: "a command after the view") { s in
            s.range(of: "stopped by the user").map { s[$0.upperBound...].contains("steps recorded") } ?? false
        }
    }

    func testAnUnknownTerminalTypeFallsBackToTextWithOneNote() throws {
        let t = try Tmux(width: 140, height: 40, environment: ["TERM": "no-such-term"])
        try prepare(t)
        try t.type("train 3")
        var text = try t.wait(forText: "trained 3 steps")
        XCTAssertTrue(text.contains("note: no full-screen view (the terminal type TERM=no-such-term is unknown here): progress lines instead"), text)
        XCTAssertTrue(text.contains("step 3/3"), text)
        try t.type("plot")
        text = try t.wait(forText: "the chart as text instead")
        XCTAssertTrue(text.contains("note: no full-screen view (the terminal type TERM=no-such-term is unknown here): the chart as text instead"), text)
        try t.wait(for: "the text chart and the prompt after it") { s in
            s.contains("─ batch loss") && s.components(separatedBy: "\n").last { !$0.isEmpty }?.hasPrefix("descent>") == true
        }
    }

    func testAnUnknownTerminalTypeSaysThePaceIsIgnoredAsTextOutputDoes() throws {
        // TERM=dumb, --no-tui and a pipe say that pace= is for the full-screen view; an unknown TERM said only that
        // there was no view, though its progress lines go at full speed too.
        let t = try Tmux(width: 140, height: 40, environment: ["TERM": "no-such-term"])
        try prepare(t)
        try t.type("train 3 pace=1000")
        let text = try t.wait(forText: "trained 3 steps")
        let lines = text.components(separatedBy: "\n")
        let view = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("note: no full-screen view (the terminal type TERM=no-such-term") }, text)
        XCTAssertEqual(lines[view + 1], "note: pace=1000 slows the full-screen view only; this run goes at full speed", text)
        // A pace is its run's: the next run's note is the view's only.
        try t.type("train 4")
        let next = try t.wait(forText: "trained 4 steps")
        XCTAssertEqual(next.components(separatedBy: "note: pace=").count, 2, next)
        // Without a terminal the note is the same.
        let piped = try Descent.run(["-c", "seed 3; data moons n=200; layer dense 1 sigmoid; loss bce; train 3 pace=1000"])
        XCTAssertTrue(piped.stdout.contains("note: pace=1000 slows the full-screen view only; this run goes at full speed\n"), piped.stdout)
    }

    func testABracketedPasteRunsLineByLineAsAnUnbracketedOneDoes() throws {
        let t = try Tmux(width: 120, height: 36)
        try t.wait(forText: "descent>")
        // A terminal brackets the paste because readline asked it to: the pasted line breaks are Enter, as they are
        // in a paste without brackets, so the lines run one by one, and `train` and `plot` find input waiting (the
        // lines after them) and stay out of the full-screen view. The last line, not ended by a line break, waits
        // at the prompt for Enter.
        try t.paste("seed 1\ndata moons n=300\nlayer dense 8 tanh\nlayer dense 1 sigmoid\nloss bce\ntrain 3000\nshow config\nplot\nstep",
                    bracketed: true)
        try t.wait(forText: "descent> step", timeout: 60)
        try t.send("Enter")
        try t.wait(forText: "step 3001  epoch 3001", timeout: 15)
        let text = try t.scrollback()
        XCTAssertEqual(text.components(separatedBy: "note: input is waiting (typed ahead or pasted)").count, 3, text)
        XCTAssertTrue(text.contains("step 3000/3000  epoch 3000"), "progress lines, as --no-tui prints them:\n\(text)")
        XCTAssertTrue(text.contains("─ batch loss  ━ train loss"), "the loss chart as text:\n\(text)")
        // Each line shows at its own prompt, as if typed, and its output follows it.
        var rest = Substring(text)
        for line in ["descent> seed 1", "seed 1", "descent> data moons n=300", "descent> layer dense 8 tanh",
                     "descent> layer dense 1 sigmoid", "descent> loss bce", "descent> train 3000", "trained 3000 steps",
                     "descent> show config", "optimizer   sgd", "descent> plot", "─ batch loss", "descent> step", "step 3001"] {
            let found = try XCTUnwrap(rest.range(of: line), "'\(line)' does not follow in order:\n\(text)")
            rest = rest[found.upperBound...]
        }
        // Each line is an entry of the history of its own.
        try t.send("C-l")
        let prompt = { (screen: String) in screen.components(separatedBy: "\n").last(where: { $0.hasPrefix("descent>") }) }
        try t.send("Up")
        try t.wait(for: "the last pasted line") { prompt($0) == "descent> step" }
        try t.send("Up")
        try t.wait(for: "the line before it") { prompt($0) == "descent> plot" }
        try t.send("C-u")
        // Ctrl-C during a pasted run stops it and drops the pasted lines still waiting, as the terminal drops those
        // of a paste without brackets.
        try t.paste("train 2000000\nshow history 1\n", bracketed: true)
        try t.wait(forText: "progress lines, not the full-screen view")
        Thread.sleep(forTimeInterval: 0.5)
        try t.send("C-c")
        try t.wait(forText: "— interrupted")
        try t.wait(for: "the prompt") { $0.components(separatedBy: "\n").filter { !$0.isEmpty }.last == "descent>" }
        Thread.sleep(forTimeInterval: 1)
        let after = try t.screen()
        XCTAssertFalse(after.contains("steps recorded"), after)
        // … and says so, once.
        XCTAssertEqual(after.components(separatedBy: "interrupted: the pasted line still waiting was dropped").count, 2, after)
        XCTAssertFalse(try t.exited())
    }

    func testPauseStepAndResizeDuringTraining() throws {
        let t = try Tmux(width: 120, height: 36)
        try prepare(t)
        try t.type("train 2000000")
        try t.wait(for: "the live view") { self.step($0) != nil }
        try t.send("Space")
        // At 120 columns the whole hint fits beside the progress bar.
        let paused = try t.wait(forText: "PAUSED (space resumes, s steps)")
        Thread.sleep(forTimeInterval: 0.5)
        let still = try t.screen()
        XCTAssertEqual(step(paused), step(still), "no steps while paused")
        try t.send("s")
        try t.wait(for: "one step") { (self.step($0) ?? 0) == (self.step(still) ?? 0) + 1 }
        // Narrower, still paused: the status keeps PAUSED inside the width (the hint shortened).
        try t.resize(width: 80, height: 24)
        try t.wait(for: "a paused redraw at 80×24") { s in
            s.contains("PAUSED") && s.components(separatedBy: "\n").allSatisfy { $0.count <= 80 } && s.contains("? keys")
        }
        try t.send("Space")
        let small = try t.wait(for: "a redraw at 80×24") { s in
            let lines = s.components(separatedBy: "\n")
            return lines.count <= 25 && s.contains("steps/s") && !s.contains("PAUSED")
        }
        XCTAssertTrue(small.components(separatedBy: "\n").allSatisfy { $0.count <= 80 }, small)
        try t.send("C-c")
        try t.wait(forText: "stopped by the user")
        try t.wait(for: "the prompt") { $0.contains("descent>") }
    }

    func testAResizeFollowsTheTerminalWithColumnsAndLinesInTheEnvironment() throws {
        // Some shells export COLUMNS and LINES, which curses preferred to the terminal's size after a resize: the view
        // kept drawing 120×36 frames into a 70×20 window, garbled, its last lines out of sight.
        let t = try Tmux(width: 120, height: 36, environment: ["COLUMNS": "100", "LINES": "30"])
        try prepare(t)
        try t.type("train 2000000")
        try t.wait(for: "the live view at 120×36") { s in
            self.step(s) != nil && s.components(separatedBy: "\n").contains { $0.count > 100 }
        }
        for (width, height) in [(70, 20), (100, 30)] {
            try t.resize(width: width, height: height)
            // A whole frame at the new size: its step line and, on its last line, the key list.
            try t.wait(for: "a redraw at \(width)×\(height)") { s in
                let lines = s.components(separatedBy: "\n").filter { !$0.isEmpty }
                return lines.count <= height && lines.allSatisfy { $0.count <= width } && self.step(s) != nil
                    && lines.contains { $0.hasPrefix("step ") } && (lines.last ?? "").hasSuffix("? keys")
            }
        }
        try t.send("C-c")
        try t.wait(forText: "stopped by the user")
        // The prompt takes the terminal's width too: a long line wraps at 100 columns.
        try t.send(String(repeating: "x", count: 120), literal: true)
        try t.wait(for: "the line wrapped at 100 columns") { s in
            s.contains("descent> " + String(repeating: "x", count: 91) + "\n" + String(repeating: "x", count: 29))
        }
    }

    func testPaceSlowsARunAndPlusAndMinusChangeIt() throws {
        let t = try Tmux(width: 120, height: 36)
        try t.prepareMoons()
        try t.type("train 2000000 pace=3")
        let first = try t.wait(for: "the paced run") { Tmux.liveStep($0) != nil && $0.contains("steps/s (pace 3)") }
        let began = Date(), stepThen = try XCTUnwrap(Tmux.liveStep(first))
        Thread.sleep(forTimeInterval: 2)
        let later = try t.screen()
        // At most 3 steps a second (one more for a frame drawn just before a step): a slow machine gives fewer.
        let steps = try XCTUnwrap(Tmux.liveStep(later)) - stepThen
        XCTAssertLessThanOrEqual(Double(steps), 3 * Date().timeIntervalSince(began) + 2, later)
        // + steps up through 10, 30, …, 3000 steps a second, then to full speed; - slows it again.
        for _ in 0..<7 { try t.send("+") }
        try t.wait(forText: "pace: full speed (- slows it)")
        try t.wait(for: "the run at full speed") { (Tmux.liveStep($0) ?? 0) > stepThen + 5000 && !$0.contains("(pace ") }
        try t.send("-")
        try t.wait(for: "a pace again") { $0.contains("pace: at most ") && $0.contains("steps a second (+ faster, - slower)") }
        try t.stopRun()
        try t.wait(for: "the prompt") { $0.contains("descent>") }
        // A pace is its run's: after a run at one step a second, 100 steps finish well within the wait's 15 s.
        try t.type("train 2000000 pace=1")
        try t.wait(for: "the run at one step a second") { $0.contains("(pace 1)") }
        try t.send("q")
        try t.wait(for: "the prompt") { $0.contains("descent>") }
        try t.type("train 100")
        try t.wait(forText: "trained 100 steps")
    }

    func testAShortRunInTheLiveViewLeavesTheWatchedEntriesChange() throws {
        let t = try Tmux(width: 120, height: 36)
        try t.prepareMoons()
        try t.type("watch W1[0,0]")
        let watching = try t.wait(forText: "watching W1[0,0] = ")
        let line = try XCTUnwrap(watching.components(separatedBy: "\n").first { $0.hasPrefix("watching W1[0,0] = ") })
        let before = String(line.dropFirst("watching W1[0,0] = ".count)).trimmingCharacters(in: .whitespaces)
        // The view closes as soon as the 3 steps are done: what the entry did is left under the summary, from the value
        // `watch` printed, rather than nothing (progress lines would print it at each step instead).
        try t.type("train 3")
        let after = try t.wait(forText: "over 3 steps")
        XCTAssertTrue(after.contains("\nwatch W1[0,0]: \(before) → "), after)
        XCTAssertFalse(after.contains("watch step"), after)
        // The entry after the run is the one `expect` measures.
        let summary = try XCTUnwrap(after.components(separatedBy: "\n").first { $0.hasPrefix("watch W1[0,0]: ") })
        let now = try XCTUnwrap(summary.components(separatedBy: " → ").last?.components(separatedBy: " over").first)
        try t.type("expect W1[0,0] = \(now) +- 1e-5")
        try t.wait(forText: "ok: W1[0,0] = ")
    }
}
