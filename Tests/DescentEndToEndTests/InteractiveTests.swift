import Foundation
import XCTest

/// The real prompt inside tmux: editing, history, completion, Ctrl-C, continuation lines, Ctrl-D.
final class InteractiveTests: XCTestCase {
    func testPromptHistoryCompletionAndExit() throws {
        let t = try Tmux()
        try t.wait(forText: "descent>")
        try t.type("data xor n=50")
        try t.wait(forText: "data: xor")
        // Tab completes a command name, then a keyword of that command.
        try t.send("opti", literal: true); try t.send("Tab")
        try t.send("rm", literal: true); try t.send("Tab")
        try t.wait(forText: "descent> optimizer rmsprop")
        try t.send("Enter")
        try t.wait(forText: "optimizer rmsprop lr=0.01")
        // After `;` the word is the next command's: `show w` completes to `show weights`.
        try t.send("lr 0.1;show w", literal: true); try t.send("Tab")
        try t.wait(forText: "descent> lr 0.1;show weights")
        try t.send("C-u")
        // Up recalls the previous line.
        try t.send("Up")
        try t.wait(for: "history recall") { $0.components(separatedBy: "\n").last(where: { $0.hasPrefix("descent>") }) == "descent> optimizer rmsprop" }
        // Ctrl-C clears the line and gives a fresh prompt; the session goes on.
        try t.send("C-c")
        try t.wait(for: "a cleared prompt") { $0.components(separatedBy: "\n").filter { !$0.isEmpty }.last == "descent>" }
        // A trailing backslash continues the command on the next line.
        try t.send("layer dense \\", literal: true); try t.send("Enter")
        try t.wait(forText: "...>")
        try t.type("4 tanh")
        try t.wait(forText: "layer 1: dense 4 tanh")
        // A bad line names the column and suggests; the session continues.
        try t.type("layer dense 1 sigmiod")
        try t.wait(forText: "did you mean 'sigmoid'?")
        try t.send("C-d")
        try t.wait(for: "descent to exit") { _ in (try? t.exited()) == true }
        // History was saved for the next run.
        let history = try String(contentsOf: t.home.appendingPathComponent("state/descent/history"), encoding: .utf8)
        XCTAssertTrue(history.contains("optimizer rmsprop"), history)
    }

    func testTabCompletesFileNamesOfTheCommandsKindAndColumnValues() throws {
        let t = try Tmux()
        try t.wait(forText: "descent>")
        // On an empty file place Tab opens the string (the repository's root has directories, so no name is unique yet).
        try t.send("replay ", literal: true); try t.send("Tab")
        try t.wait(forText: "descent> replay \"")
        // A directory ends with one `/` and leaves the string open; a script there, unique among the scripts (the CSV
        // files beside it are not offered), closes it.
        try t.send("Sessions/da", literal: true); try t.send("Tab")
        try t.wait(for: "the directory completed") { $0.contains("descent> replay \"Sessions/data/") && !$0.contains("data//") && !$0.contains("data/\"") }
        try t.send("C-u")
        try t.send("data csv \"Sessions/data/iris.", literal: true); try t.send("Tab")
        try t.wait(forText: "descent> data csv \"Sessions/data/iris.csv\"")
        // After target= (the completion put the space before it) the columns of that file's header.
        try t.send("target=spe", literal: true); try t.send("Tab")
        try t.wait(forText: "descent> data csv \"Sessions/data/iris.csv\" target=species")
        try t.send("C-u")
        try t.send("C-d")
        try t.wait(for: "descent to exit") { _ in (try? t.exited()) == true }
    }

    func testCtrlLAtThePromptClearsTheScreenAndKeepsTheLineBeingTyped() throws {
        // Readline's default clear-screen, as in bash: the prompt and the unfinished line move to the top of a clear screen.
        let t = try Tmux(height: 12)
        try t.wait(forText: "descent>")
        try t.type("show config")
        try t.wait(forText: "schedule")
        try t.send("seed 7", literal: true)
        try t.send("C-l")
        let screen = try t.wait(for: "a clear screen") { $0.components(separatedBy: "\n").filter { !$0.isEmpty } == ["descent> seed 7"] }
        XCTAssertTrue(screen.hasPrefix("descent> seed 7\n"), screen)
        // The line is still there to finish.
        try t.send("Enter")
        try t.wait(forText: "descent> seed 7\nseed 7")
    }

    func testCtrlBackslashIsIgnoredAtThePromptAndWhileACommandRuns() throws {
        let t = try Tmux(arguments: ["--no-tui"])
        try t.wait(forText: "descent>")
        let lastLine = { (screen: String) in screen.components(separatedBy: "\n").last { !$0.isEmpty } }
        // At the prompt: no crash report, no exit, and the prompt takes the next line at once.
        try t.send("C-\\")
        Thread.sleep(forTimeInterval: 1)
        try t.type("seed 5")
        var screen = try t.wait(forText: "descent> seed 5\nseed 5", timeout: 10)
        XCTAssertFalse(screen.lowercased().contains("crash"), screen)
        // kill -QUIT from elsewhere is ignored too.
        try t.signal(SIGQUIT)
        Thread.sleep(forTimeInterval: 0.5)
        try t.type("seed 6")
        screen = try t.wait(forText: "descent> seed 6\nseed 6", timeout: 10)
        XCTAssertFalse(screen.lowercased().contains("crash") || screen.contains("Quit"), screen)
        // While a run prints progress lines (the terminal in its own mode, so the key sends the signal).
        try t.send("C-l")
        try t.type("data xor; layer dense 4 tanh; layer dense 1 sigmoid; loss bce; train 100000000")
        try t.wait(forText: "loss bce:")
        Thread.sleep(forTimeInterval: 1)
        try t.send("C-\\")
        Thread.sleep(forTimeInterval: 1)
        let during = try t.screen()
        XCTAssertFalse(try t.exited(), during)
        try t.send("C-c")
        try t.wait(forText: "trained ")   // "— interrupted" wraps at 100 columns
        try t.wait(for: "the prompt") { lastLine($0) == "descent>" }
        screen = try t.screen()
        XCTAssertTrue(screen.contains("^\\^C"), "the terminal echoes both keys:\n\(screen)")
        XCTAssertFalse(screen.lowercased().contains("crash") || screen.contains("Quit"), screen)
    }

    func testCtrlDAtTheContinuationPromptDropsTheUnfinishedCommandOnly() throws {
        let t = try Tmux()
        try t.wait(forText: "descent>")
        try t.send("optimizer adam \\", literal: true)
        try t.send("Enter")
        try t.wait(forText: "   ...>")
        try t.send("C-d")
        // The message starts on the line below the `...>` prompt, with no blank line between.
        try t.wait(forText: "   ...>\nend of input: dropped the unfinished command `optimizer adam` (Ctrl-D at descent> leaves)")
        try t.wait(for: "the main prompt") { $0.components(separatedBy: "\n").last { !$0.isEmpty } == "descent>" }
        XCTAssertFalse(try t.exited())
        // The command did not run, and the next one does.
        try t.type("show config")
        try t.wait(forText: "optimizer   sgd")
        // Typed at a person's pace (Enter on its own, after a pause), later commands are not followed by a blank line:
        // readline remembered the Ctrl-D and wrote a line feed after each Enter.
        try t.send("C-l")
        for n in 5...6 {
            try t.send("seed \(n)", literal: true)
            Thread.sleep(forTimeInterval: 0.3)
            try t.send("Enter")
            try t.wait(forText: "descent> seed \(n)\nseed \(n)\n")
        }
        Thread.sleep(forTimeInterval: 0.3)
        let screen = try t.screen()
        XCTAssertTrue(screen.hasPrefix("descent> seed 5\nseed 5\ndescent> seed 6\nseed 6\ndescent>"), screen)
        // Ctrl-D on the empty main prompt still leaves.
        try t.send("C-d")
        try t.wait(for: "descent to exit") { _ in (try? t.exited()) == true }
    }

    func testCtrlCStopsALongGradcheckAndTheSessionGoesOn() throws {
        let t = try Tmux(width: 140)
        try t.wait(forText: "descent>")
        // 265,731 entries, two forward passes on 2,000 rows each: hours of work.
        try t.type("data spiral n=2000; layer dense 512 relu; layer dense 512 relu; layer dense 3; loss ce")
        try t.wait(forText: "loss ce:")
        // Part-way through stepping backward: the check's own passes would finish it and fill b3's gradient.
        try t.type("forward; backward step; backward step")
        try t.wait(forText: "next: loss")
        let before = t.home.appendingPathComponent("before.json"), after = t.home.appendingPathComponent("after.json")
        try t.type("save weights \"\(before.path)\"")
        try t.wait(forText: "saved 6 parameters")
        try t.send("C-l")
        try t.type("gradcheck")
        // A sign of life on the terminal: where the check stands, rewritten in place.
        try t.wait(forText: "gradcheck: W1 entry ")
        try t.send("C-c")
        let stopped = try t.wait(forText: "parameters and gradients are as they were")
        XCTAssertTrue(stopped.contains("error: gradcheck interrupted in W1 after "), stopped)
        try t.wait(for: "the prompt") { $0.components(separatedBy: "\n").filter { !$0.isEmpty }.last == "descent>" }
        XCTAssertFalse(try t.exited(), "descent died")
        // Nothing moved: the weights, the gradients (b3's still not reached) and where stepping backward stands.
        try t.send("C-l")
        try t.type("save weights \"\(after.path)\"; show grads b3; graph")
        let shown = try t.wait(forText: "◀ next")
        XCTAssertEqual(try Data(contentsOf: after), try Data(contentsOf: before), "the weights changed")
        XCTAssertTrue(shown.contains("no gradient yet: the backward pass under way has not reached b3 yet"), shown)
        XCTAssertTrue(shown.contains("│ 17 │ loss    │ loss ce      │ A3, y         │ scalar      │ ◀ next   │"), shown)
        // The next command works, and a check that is not interrupted runs to the end.
        try t.send("C-l")
        try t.type("data xor n=20; layer clear; layer dense 2 tanh; layer dense 1 sigmoid; loss bce; gradcheck")
        let done = try t.wait(forText: "│ b2    │")
        XCTAssertFalse(done.contains("FAIL") || done.contains("interrupted"), done)
        XCTAssertFalse(done.contains("gradcheck: "), "the progress line was not wiped:\n\(done)")
    }

    func testCtrlCStopsALongPredictAndTheSessionGoesOn() throws {
        let t = try Tmux(width: 120)
        try t.wait(forText: "descent>")
        try t.type("data gauss n=200 classes=10; layer dense 16 relu; layer dense 10; loss ce")
        try t.wait(forText: "loss ce:")
        // A table of 10,000 typed rows takes seconds to lay out and to print.
        let rows = (0..<10_000).map { "[\($0 % 13),\($0 % 7)]" }
        try t.paste("predict [" + rows.joined(separator: ",") + "]\n", bracketed: true)
        // The line's end: its start has scrolled off.
        try t.wait(forText: "[1,2],[2,3]]")
        Thread.sleep(forTimeInterval: 1)
        try t.send("C-c")
        try t.wait(forText: "error: predict interrupted after ")
        try t.wait(for: "the prompt") { $0.components(separatedBy: "\n").filter { !$0.isEmpty }.last == "descent>" }
        XCTAssertFalse(try t.scrollback().contains("│ 9999 │"), "the whole table was printed (rows 0–9999)")
        try t.type("seed 4")
        try t.wait(forText: "descent> seed 4\nseed 4")
    }

    func testKeysTypedDuringAGradcheckDoNotBreakItsProgressLine() throws {
        let t = try Tmux(width: 140, fromShell: true)
        try t.wait(forText: "descent>")
        // Hours of work: the progress line is rewritten for as long as the test needs.
        try t.type("data spiral n=2000; layer dense 512 relu; layer dense 512 relu; layer dense 3; loss ce")
        try t.wait(forText: "loss ce:")
        try t.type("gradcheck")
        let progress = { (screen: String) in screen.components(separatedBy: "\n").last { $0.hasPrefix("gradcheck: ") } }
        let before = try t.wait(for: "the progress line") { progress($0) != nil }
        try t.send("show model", literal: true)
        Thread.sleep(forTimeInterval: 1)
        // Not echoed into the line, which goes on being rewritten in place.
        let after = try t.wait(for: "the progress line to move on") { progress($0) != nil && progress($0) != progress(before) }
        XCTAssertFalse(after.contains("show model"), after)
        XCTAssertEqual(after.components(separatedBy: "gradcheck: ").count, 2, "one progress line:\n\(after)")
        try t.send("C-c")
        try t.wait(forText: "parameters and gradients are as they were")
        try t.wait(for: "the prompt") { $0.components(separatedBy: "\n").filter { !$0.isEmpty }.last == "descent>" }
        // The terminal echoes again: after descent, the shell's terminal has echo on.
        try t.type("quit")
        try t.wait(for: "the shell's prompt") { $0.components(separatedBy: "\n").filter { !$0.isEmpty }.last == "$" }
        try t.type("stty -a | tr ' ' '\\n' | grep -x -- '-\\?echo'")
        try t.wait(forText: "\necho\n$")
    }

    func testHistoryPersistsAcrossRuns() throws {
        let first = try Tmux()
        try first.wait(forText: "descent>")
        try first.type("seed 1234")
        try first.wait(forText: "seed 1234")
        try first.type("quit")
        try first.wait(for: "exit") { _ in (try? first.exited()) == true }
        let second = try Tmux(environment: ["HOME": first.home.path, "XDG_STATE_HOME": first.home.path + "/state"])
        try second.wait(forText: "descent>")
        try second.send("Up")
        try second.wait(forText: "descent> quit")
        try second.send("Up")
        try second.wait(forText: "descent> seed 1234")
    }

    /// A line over the 1 MiB limit is refused, and kept out of the history and its file: Up would bring it back, after
    /// a restart too, as a megabyte that cannot run.
    func testALineTooLongToRunIsNotKeptInTheHistory() throws {
        let t = try Tmux()
        try t.wait(forText: "descent>")
        try t.type("seed 2")
        try t.wait(forText: "descent> seed 2\nseed 2")
        // 9 + 2²⁰ bytes, pasted (typing them would take minutes), then a line that runs.
        try t.paste("seed 3 # " + String(repeating: "x", count: 1 << 20) + "\nseed 4\n", bracketed: true)
        try t.wait(forText: "error: this line is 1048585 bytes long", timeout: 60)
        try t.wait(forText: "descent> seed 4\nseed 4")
        let prompt = { (screen: String) in screen.components(separatedBy: "\n").last(where: { $0.hasPrefix("descent>") }) }
        try t.send("Up")
        try t.wait(for: "the line after the long one") { prompt($0) == "descent> seed 4" }
        try t.send("Up")
        try t.wait(for: "the line before the long one") { prompt($0) == "descent> seed 2" }
        try t.send("C-u"); try t.send("C-d")
        try t.wait(for: "exit") { _ in (try? t.exited()) == true }
        XCTAssertEqual(try String(contentsOf: t.home.appendingPathComponent("state/descent/history"), encoding: .utf8), "seed 2\nseed 4\n")
    }

    func testAContinuedCommandIsOneHistoryEntryAcrossRuns() throws {
        let first = try Tmux()
        try first.wait(forText: "descent>")
        try first.type("seed 7")
        try first.send("optimizer sgd \\", literal: true); try first.send("Enter")
        try first.wait(forText: "...>")
        try first.type("   lr=0.05")
        try first.wait(forText: "optimizer sgd lr=0.05")
        // Up brings back the whole command on one line, then the line before it (not the command's first piece).
        let prompt = { (screen: String) in screen.components(separatedBy: "\n").last(where: { $0.hasPrefix("descent>") }) }
        try first.send("Up")
        try first.wait(for: "the whole command") { prompt($0) == "descent> optimizer sgd lr=0.05" }
        try first.send("Up")
        try first.wait(for: "the line before it") { prompt($0) == "descent> seed 7" }
        // Recalled and run, it is the same command.
        try first.send("Down"); try first.send("Enter")
        try first.wait(for: "the recalled command to run") { $0.components(separatedBy: "optimizer sgd lr=0.05").count >= 4 }
        try first.send("C-d")
        try first.wait(for: "exit") { _ in (try? first.exited()) == true }
        let file = first.home.appendingPathComponent("state/descent/history")
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "seed 7\noptimizer sgd lr=0.05\n")
        // After a restart, the history file gives the same entries.
        let second = try Tmux(environment: ["HOME": first.home.path, "XDG_STATE_HOME": first.home.path + "/state"])
        try second.wait(forText: "descent>")
        try second.send("Up")
        try second.wait(for: "the whole command after a restart") { prompt($0) == "descent> optimizer sgd lr=0.05" }
        try second.send("Up")
        try second.wait(for: "the line before it after a restart") { prompt($0) == "descent> seed 7" }
    }

    func testAHistoryThatCannotBeKeptIsReportedOnceAndThePromptGoesOn() throws {
        // XDG_STATE_HOME names a regular file, so $XDG_STATE_HOME/descent/history cannot exist.
        let home = try Descent.temporaryDirectory()
        let state = home.appendingPathComponent("state")
        try "not a directory\n".write(to: state, atomically: false, encoding: .utf8)
        let t = try Tmux(environment: ["HOME": home.path, "XDG_STATE_HOME": state.path])
        try t.wait(forText: "descent>")
        try t.type("seed 1")
        try t.type("seed 2")
        try t.wait(forText: "descent> seed 2\nseed 2")
        // Up still recalls the earlier line: the history is kept for this session.
        try t.send("Up")
        try t.wait(for: "history recall") { $0.components(separatedBy: "\n").last(where: { $0.hasPrefix("descent>") }) == "descent> seed 2" }
        let screen = try t.screen()
        let warning = "descent: warning: cannot keep the prompt's history in \(state.path)/descent/history: \(state.path) is not a directory"
            + " (history is kept for this session only)"
        XCTAssertEqual(screen.components(separatedBy: "descent: warning:").count - 1, 1, screen)
        // The warning is longer than the screen is wide, and a space where it wraps is not captured: compare without
        // line breaks and spaces.
        let squeezed = { (text: String) in text.filter { $0 != "\n" && $0 != " " } }
        XCTAssertTrue(squeezed(screen).contains(squeezed(warning)), screen)
        try t.send("C-u", "C-d")
        try t.wait(for: "descent to exit") { _ in (try? t.exited()) == true }
        XCTAssertEqual(try String(contentsOf: state, encoding: .utf8), "not a directory\n")
    }

    func testAHistoryFileThatIsAFIFOIsReportedAndThePromptStarts() throws {
        // Reading the FIFO would wait for a writer that never comes: no prompt at all.
        let home = try Descent.temporaryDirectory()
        let history = home.appendingPathComponent("state/descent/history").path
        try FileManager.default.createDirectory(atPath: home.path + "/state/descent", withIntermediateDirectories: true)
        XCTAssertEqual(mkfifo(history, 0o600), 0)
        let t = try Tmux(environment: ["HOME": home.path, "XDG_STATE_HOME": home.path + "/state"])
        try t.wait(forText: "descent>")
        try t.type("seed 1")
        try t.wait(forText: "descent> seed 1\nseed 1")
        let screen = try t.screen()
        let warning = "descent: warning: cannot keep the prompt's history in \(history): it is a FIFO (named pipe), not a regular file"
            + " (history is kept for this session only)"
        let squeezed = { (text: String) in text.filter { $0 != "\n" && $0 != " " } }
        XCTAssertTrue(squeezed(screen).contains(squeezed(warning)), screen)
        XCTAssertEqual(screen.components(separatedBy: "descent: warning:").count - 1, 1, screen)
        try t.send("C-d")
        try t.wait(for: "descent to exit") { _ in (try? t.exited()) == true }
    }
}
