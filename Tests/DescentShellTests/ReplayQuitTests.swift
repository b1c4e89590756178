import Foundation
import XCTest
@testable import DescentCore
@testable import DescentShell

/// `quit` (or `exit`) in a replayed script ends that replay only: the script's later lines do not run, a line
/// says where it stopped, and the session (and the rest of the line that ran `replay`) goes on.
final class ReplayQuitTests: XCTestCase {
    /// Writes `text` as a script in the harness's directory and returns its name.
    private func script(_ text: String) throws -> String {
        let name = "replay-quit-\(UUID().uuidString).descent"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return name
    }

    func testQuitEndsTheReplayAndTheSessionGoesOn() throws {
        let h = ShellHarness(), file = try script("seed 5\nquit\nseed 6\n")
        let text = h.ok("replay \"\(file)\"; show config")
        XCTAssertEqual(h.w.seed, 5, "line 1 ran and line 3 did not")
        XCTAssertFalse(h.w.quitRequested, "the quit ended the replay, not the session")
        XCTAssertTrue(text.contains("replay of \(file) ended at line 2 (a quit ends the replay, not the session); the rest of the script was not run"), text)
        XCTAssertFalse(text.contains("replayed \(file)"), "the replay did not run to its end: \(text)")
        XCTAssertTrue(text.contains("seed        5"), "the line's next command ran: \(text)")
        XCTAssertEqual(h.w.recorded, ["seed 5"], "save session keeps the replay's commands, not its quit")
        h.ok("seed 8")
        XCTAssertEqual(h.w.seed, 8, "the session goes on")
    }

    func testExitAndAQuitWithinALineEndTheReplayThere() throws {
        let h = ShellHarness(), file = try script("seed 5; exit; seed 6\nseed 7\n")
        let text = h.ok("replay \"\(file)\"")
        XCTAssertEqual(h.w.seed, 5)
        XCTAssertFalse(h.w.quitRequested)
        XCTAssertTrue(text.contains("replay of \(file) ended at line 1 (a quit ends the replay, not the session); the rest of the script was not run"), text)
    }

    func testQuitInANestedReplayEndsOnlyTheInnerOne() throws {
        let h = ShellHarness(), inner = try script("seed 5\nquit\nseed 6\n")
        let outer = try script("seed 1\nreplay \"\(inner)\"\nseed 7\n")
        let text = h.ok("replay \"\(outer)\"")
        XCTAssertEqual(h.w.seed, 7, "the outer script ran on after the inner one quit")
        XCTAssertTrue(text.contains("replay of \(inner) ended at line 2 (a quit ends the replay, not the session)"), text)
        XCTAssertTrue(text.contains("replayed \(outer)"), text)
        XCTAssertEqual(h.w.recorded, ["seed 1", "seed 5", "seed 7"])
    }

    func testQuitWhileSteppingEndsTheReplayWithoutAnError() throws {
        let h = ShellHarness(), file = try script("seed 5\nquit\nseed 6\n")
        var asked = 0
        h.w.stepPrompt = { asked += 1; return true }
        let text = h.ok("replay \"\(file)\" step")
        XCTAssertEqual(asked, 2, "it asked before lines 1 and 2, and line 3 was never reached")
        XCTAssertEqual(h.w.seed, 5)
        XCTAssertFalse(h.w.quitRequested)
        XCTAssertTrue(text.contains("replay of \(file) ended at line 2 (a quit ends the replay, not the session)"), text)
    }

    func testSteppingShowsCommentLinesWithoutStoppingAtThem() throws {
        let h = ShellHarness(), file = try script("# Forward: Z1 = X·W1\n\nseed 5   # the seed\n  # indented note\nseed 6\n")
        var asked = 0
        h.w.stepPrompt = { asked += 1; return true }
        let text = h.ok("replay \"\(file)\" step")
        XCTAssertEqual(asked, 2, "it stops before the two commands only")
        let lines = text.split(separator: "\n").map(String.init).filter { $0.hasPrefix(file) }   // not the commands' output
        XCTAssertEqual(lines, ["\(file):1  # Forward: Z1 = X·W1", "\(file):3> seed 5   # the seed",
                                                "\(file):4  # indented note", "\(file):5> seed 6"])
        XCTAssertEqual(h.w.seed, 6)
    }

    func testQuitInAScriptRunDirectlyStillEndsIt() {
        let h = ShellHarness()
        XCTAssertEqual(h.session.runScript("seed 5\nquit\nseed 6\n", file: "s.descent"), .quit(line: 2))
        XCTAssertEqual(h.w.seed, 5)
        XCTAssertTrue(h.w.quitRequested, "descent FILE and -c end at quit")
    }

    func testQuitAtThePromptEndsTheSession() {
        let h = ShellHarness()
        h.ok("seed 5; quit; seed 6")
        XCTAssertEqual(h.w.seed, 5)
        XCTAssertTrue(h.w.quitRequested)
    }
}
