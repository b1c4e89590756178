import Foundation
import XCTest

/// Ctrl-Z and `fg` from bash, as a person uses them: the full-screen views step aside while descent is stopped and
/// come back whole; the prompt and plain runs stop and go on.
final class SuspendTests: XCTestCase {
    /// Sets up a 2-D classification model at the prompt.
    private func prepare(_ t: Tmux) throws { try t.prepareMoons() }

    /// The step counter `step N/2000000` shown in the live view's status area, if any.
    private func step(_ screen: String) -> Int? { Tmux.liveStep(screen) }

    /// The screen's last line that is not empty.
    private func lastLine(_ screen: String) -> String? {
        screen.components(separatedBy: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// Waits for bash's word that descent stopped, and checks what a person then sees: bash's prompt on the normal
    /// screen, where descent's earlier lines are, with the cursor visible; and that the job is stopped.
    /// `shown` is a line of descent's that the normal screen still holds, if any.
    private func expectStopped(_ t: Tmux, _ what: String, shown: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let stopped = try t.wait(for: "bash to say descent stopped (\(what))", file: file, line: line) {
            $0.contains("Stopped") && self.lastLine($0) == "$"
        }
        XCTAssertFalse(try t.alternateScreen(), "\(what): still on the alternate screen:\n\(stopped)", file: file, line: line)
        XCTAssertTrue(try t.cursorVisible(), "\(what): the cursor is hidden", file: file, line: line)
        if let shown { XCTAssertTrue(stopped.contains(shown), "\(what): not the normal screen:\n\(stopped)", file: file, line: line) }
        XCTAssertFalse(stopped.contains("steps/s") || stopped.contains("q back"), "\(what): the view is still shown:\n\(stopped)",
                       file: file, line: line)
        try t.type("jobs")
        try t.wait(for: "jobs to list descent as stopped", file: file, line: line) {
            $0.components(separatedBy: "\n").filter { $0.contains("Stopped") }.count >= 2
        }
    }

    func testCtrlZInTheLiveViewStopsDescentAndFgBringsTheViewBack() throws {
        let t = try Tmux(width: 120, height: 36, fromShell: true)
        try prepare(t)
        let began = Date()
        try t.type("train 2000000 every=1000")
        try t.wait(for: "the live view") { self.step($0) != nil && $0.contains("steps/s") }
        try t.send("C-z")
        try expectStopped(t, "Ctrl-Z in the live view", shown: "optimizer adam lr=0.01")
        Thread.sleep(forTimeInterval: 3)
        try t.send("C-l")
        try t.type("fg")
        // The view is drawn again in full, in its own modes: keys act at once, without Enter.
        let back = try t.wait(for: "the view after fg") { self.step($0) != nil && $0.contains("steps/s") && $0.contains("batch loss") }
        XCTAssertTrue(try t.alternateScreen(), back)
        try t.send("Space")
        try t.wait(forText: "PAUSED")
        try t.send("q")
        let done = try t.wait(forText: "stopped by the user")
        try t.wait(for: "the prompt") { self.lastLine($0) == "descent>" }
        let wall = Date().timeIntervalSince(began)
        // The run's time leaves out the 3 s it was stopped.
        let summary = try XCTUnwrap(done.range(of: #"in \d+\.\d+s"#, options: .regularExpression), done)
        let seconds = try XCTUnwrap(Double(done[summary].dropFirst(3).dropLast()))
        XCTAssertLessThan(seconds, wall - 2.5, "the stopped time counted:\n\(done)")
        // No Enter was needed, so no empty line ran at the prompt, and the prompt works.
        Thread.sleep(forTimeInterval: 0.3)
        let prompts = try t.screen()
        XCTAssertEqual(prompts.components(separatedBy: "descent>").count, 2, prompts)
        try t.type("show config")
        try t.wait(forText: "optimizer   adam")
    }

    func testStopSignalsFromOutsideSuspendThePlotAndTheLiveView() throws {
        let t = try Tmux(width: 120, height: 36, fromShell: true)
        try prepare(t)
        try t.type("train 50")
        try t.wait(forText: "trained 50 steps")
        // kill -TSTP while the chart is open: as Ctrl-Z.
        try t.type("plot; show history 1")
        try t.wait(forText: "q back")
        try t.signal(SIGTSTP)
        try expectStopped(t, "kill -TSTP in the plot", shown: "trained 50 steps")
        try t.send("C-l")
        try t.type("fg")
        let chart = try t.wait(forText: "q back")
        XCTAssertTrue(chart.contains("batch loss"), chart)
        XCTAssertTrue(try t.alternateScreen(), chart)
        XCTAssertFalse(try t.cursorVisible(), chart)
        try t.send("q")
        try t.wait(forText: "50 steps recorded")
        // kill -STOP cannot be caught: bash takes the terminal as it is; after fg the view takes it back and redraws.
        try t.send("C-l")
        try t.type("train 2000000 every=1000")
        try t.wait(for: "the live view") { self.step($0) != nil }
        try t.signal(SIGSTOP)
        try t.wait(for: "bash to say descent stopped") { $0.contains("Stopped") }
        try t.send("C-l")
        try t.type("fg")
        try t.wait(for: "the view after fg") { self.step($0) != nil && $0.contains("batch loss") && !$0.contains("Stopped") }
        try t.stopRun()
        try t.wait(for: "the prompt") { self.lastLine($0) == "descent>" }
    }

    func testCtrlZAtThePromptDuringPlainRunsAndDuringAReplay() throws {
        let t = try Tmux(width: 120, height: 36, arguments: ["--no-tui"], fromShell: true)
        try prepare(t)
        // At the prompt: the line typed so far comes back after fg.
        try t.send("show con", literal: true)
        try t.wait(forText: "descent> show con")   // read: the terminal drops what is not yet read on Ctrl-Z
        try t.send("C-z")
        try expectStopped(t, "Ctrl-Z at the prompt", shown: "optimizer adam lr=0.01")
        try t.send("C-l")
        try t.type("fg")
        try t.wait(forText: "descent> show con")
        try t.type("fig")
        try t.wait(forText: "optimizer   adam")
        // A run printing progress lines: stopped and continued; its time leaves out the stopped time.
        try t.send("C-l")
        let began = Date()
        try t.type("train 20000")
        try t.wait(forText: "step 2000/20000", timeout: 60)
        try t.send("C-z")
        try expectStopped(t, "Ctrl-Z during a run with progress lines")
        Thread.sleep(forTimeInterval: 3)
        try t.type("fg")
        try t.wait(forText: "step 4000/20000", timeout: 60)
        try t.send("C-c")
        let done = try t.wait(forText: "— interrupted")
        let wall = Date().timeIntervalSince(began)
        let summary = try XCTUnwrap(done.range(of: #"in \d+\.\d+s"#, options: .regularExpression), done)
        let seconds = try XCTUnwrap(Double(done[summary].dropFirst(3).dropLast()))
        XCTAssertLessThan(seconds, wall - 2.5, "the stopped time counted:\n\(done)")
        try t.wait(for: "the prompt") { self.lastLine($0) == "descent>" }
        // A replay: stopped in its training run and continued, then Ctrl-C stops the whole replay.
        let script = t.home.appendingPathComponent("s.descent").path
        try "seed 3\ntrain 20000\nshow config\n".write(toFile: script, atomically: true, encoding: .utf8)
        try t.send("C-l")
        try t.type("replay \"\(script)\"")
        try t.wait(forText: "step 2000/20000", timeout: 60)
        try t.send("C-z")
        try expectStopped(t, "Ctrl-Z during a replay")
        try t.type("fg")
        try t.wait(forText: "step 4000/20000", timeout: 60)
        try t.send("C-c")
        try t.wait(forText: "interrupted at line 2;")
        try t.wait(for: "the prompt") { self.lastLine($0) == "descent>" }
        let end = try t.screen()
        XCTAssertFalse(end.contains("optimizer   adam"), "show config ran after Ctrl-C:\n\(end)")
    }

    /// The last gradcheck progress line's entries done and its estimate of the time left, in seconds.
    private func gradcheckProgress(_ screen: String) -> (done: Int, eta: Int)? {
        let pattern = #"(\d+)/\d+ in all \(\d+%\), eta (?:(\d+):)?(\d+):(\d\d)"#
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let m = regex.matches(in: screen, range: NSRange(screen.startIndex..., in: screen)).last else { return nil }
        let number = { (k: Int) -> Int in Range(m.range(at: k), in: screen).flatMap { Int(screen[$0]) } ?? 0 }
        return (number(1), number(2) * 3600 + number(3) * 60 + number(4))
    }

    func testAStopByCtrlZIsLeftOutOfGradchecksEstimate() throws {
        // The estimate of the time left was the time since the check began over the share done: after a stop of 6 s
        // a few seconds in, it jumped by some 6 s for each share done to come, as though the check had run slower.
        let t = try Tmux(width: 120, height: 36, fromShell: true)
        try t.wait(forText: "descent>")
        try t.type("data xor n=400; layer dense 64 tanh; layer dense 64 tanh; layer dense 1 sigmoid; loss bce")
        try t.wait(forText: "loss bce:")
        try t.type("gradcheck")
        try t.wait(for: "gradcheck's progress line") { self.gradcheckProgress($0) != nil }
        Thread.sleep(forTimeInterval: 2)
        let before = try XCTUnwrap(gradcheckProgress(try t.screen()))
        try t.send("C-z")
        try expectStopped(t, "Ctrl-Z during gradcheck")
        let stoppedAt = try XCTUnwrap(gradcheckProgress(try t.screen()))
        Thread.sleep(forTimeInterval: 6)
        try t.type("fg")
        let after = try t.wait(for: "gradcheck going on after fg") { (self.gradcheckProgress($0)?.done ?? 0) > stoppedAt.done }
        let then = try XCTUnwrap(gradcheckProgress(after))
        // It went on at its pace: the estimate is about the one from before, less what ran since. Counted, the stop
        // (three times the 2 s it had run) would have made it some four times that; twice is left for a busy machine.
        XCTAssertLessThanOrEqual(then.eta, 2 * before.eta, "before the stop \(before), after it \(then):\n\(after)")
        try t.send("C-c")
        try t.wait(for: "the prompt after Ctrl-C") { self.lastLine($0) == "descent>" }
    }
}
