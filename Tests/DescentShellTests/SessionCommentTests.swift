import XCTest
import Foundation
@testable import DescentCore
@testable import DescentLanguage
@testable import DescentShell

/// Comments typed at the prompt (or met in a script) are kept by `save session` at their place; the expected scripts
/// are written out here line by line.
final class SessionCommentTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws {
        dir = try ScratchDirectory.make("comments")
    }

    override func tearDownWithError() throws { ScratchDirectory.remove(dir) }

    /// What `save session` writes after its header (two comment lines) and `new`.
    private func body(_ h: ShellHarness, _ name: String = "s.descent") throws -> [String] {
        h.ok("save session \"\(dir)/\(name)\"")
        let lines = try String(contentsOfFile: "\(dir)/\(name)", encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("# Descent ") && lines[2].hasPrefix("new "), lines.joined(separator: "\n"))
        return Array(lines.dropFirst(3))
    }

    func testCommentsTypedAreKeptAtTheirPlace() throws {
        let h = ShellHarness()
        for line in ["# Lesson 1: XOR needs a hidden layer", "seed 2", "data xor n=20", "   #   indented, kept from its #  ", "",
                     "layer dense 4 tanh  # four units", "layer dense 1 sigmoid; loss bce   # a line of two: with the last",
                     "show data  # look at the rows first", "data csv \"a#b.csv\"", "optimizer sgd lr=0.5", "train 5 # five steps"] {
            _ = h.session.run(line: line)
        }
        XCTAssertEqual(try body(h), ["# Lesson 1: XOR needs a hidden layer", "seed 2", "data xor n=20", "#   indented, kept from its #",
                                     "layer dense 4 tanh  # four units", "layer dense 1 sigmoid", "loss bce  # a line of two: with the last",
                                     "# look at the rows first", "optimizer sgd lr=0.5", "train 5  # five steps"])
    }

    func testAFailedCommandTakesItsCommentWithItAndUndoLeavesComments() throws {
        let h = ShellHarness()
        h.ok("data xor n=20\nlayer dense 1 sigmoid\nloss bce")
        XCTAssertFalse(h.session.run(line: "train 0  # not a run"))
        XCTAssertFalse(h.session.run(line: "train 2; lr -1  # the line stops at lr"))
        h.ok("# the loss before training\ntrain 3  # three steps\nundo  # take them back\n# after undo")
        XCTAssertEqual(try body(h), ["data xor n=20", "layer dense 1 sigmoid", "loss bce", "train 2", "# the loss before training",
                                     "train 3  # three steps", "undo  # take them back", "# after undo"])
    }

    func testAReplayKeepsItsScriptsCommentsOnceAndSavingAgainGivesTheSameScript() throws {
        let lesson = "# a lesson\nseed 1\n\n# the data\ndata xor n=20  # twenty points\nlayer dense 1 sigmoid\nloss bce\ntrain 2\n"
        try lesson.write(toFile: "\(dir)/lesson.descent", atomically: true, encoding: .utf8)
        let h = ShellHarness()
        h.ok("# before\nreplay \"\(dir)/lesson.descent\"  # the lesson\n# after")
        let expected = ["# before", "# the lesson", "# a lesson", "seed 1", "# the data", "data xor n=20  # twenty points",
                        "layer dense 1 sigmoid", "loss bce", "train 2", "# after"]
        XCTAssertEqual(try body(h), expected)
        // A saved session replayed (its header and `new` too) and saved again: the same lines, the header once.
        let r = ShellHarness()
        r.ok("replay \"\(dir)/s.descent\"")
        XCTAssertEqual(try body(r, "again.descent"), expected)
        // Stepping through it keeps them once too, and shows the comment lines as they come.
        let s = ShellHarness()
        var shown: [String] = []
        s.w.say = { shown.append($0) }
        s.w.stepPrompt = { true }
        s.ok("replay \"\(dir)/s.descent\" step")
        XCTAssertEqual(try body(s, "stepped.descent"), expected)
        XCTAssertTrue(shown.contains("\(dir)/s.descent:5  # the lesson"), shown.joined(separator: "\n"))
    }

    func testAHeaderLeftWithoutItsNewIsNotKept() throws {
        let h = ShellHarness()
        try "# Descent 0.1 session, saved 2026-01-01T00:00:00Z\n\(Workspace.replayHeader)\n# mine\nseed 3\n"
            .write(toFile: "\(dir)/edited.descent", atomically: true, encoding: .utf8)
        h.ok("replay \"\(dir)/edited.descent\"")
        XCTAssertEqual(try body(h), ["# mine", "seed 3"])
    }

    func testNewForgetsTheCommentsBeforeItAndKeepsItsOwn() throws {
        let h = ShellHarness()
        h.ok("# lesson 1\nseed 4\nnew  # lesson 2\nseed 5")
        XCTAssertEqual(try body(h), ["# lesson 2", "seed 5"])
    }

    func testTheCommentOfALineIsFoundOutsideStrings() {
        XCTAssertEqual(LineJoiner.comment(in: "train 5   # five  "), "# five")
        XCTAssertEqual(LineJoiner.comment(in: "data csv \"a#b.csv\""), nil)
        XCTAssertEqual(LineJoiner.comment(in: "save weights \"a\\\"#.json\" # saved"), "# saved")
        XCTAssertEqual(LineJoiner.comment(in: "optimizer sgd \\\n  lr=0.1  # rate"), "# rate")
        XCTAssertEqual(LineJoiner.comment(in: "#"), "#")
        XCTAssertEqual(LineJoiner.comment(in: "step"), nil)
    }
}
