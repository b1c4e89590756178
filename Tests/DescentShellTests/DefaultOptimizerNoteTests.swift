import XCTest
@testable import DescentShell

/// Training under the optimizer no `optimizer` command chose (sgd at lr 0.001, PyTorch's defaults) says so, once.
final class DefaultOptimizerNoteTests: XCTestCase {
    static let model = "data X=[[1],[2]] y=[2,4]\nlayer dense 1\nloss mse"
    static let note = "note: optimizer sgd lr=0.001 (the default; set one with `optimizer sgd|adam|rmsprop|adagrad [lr=X]`)"

    func testTheFirstRunUnderTheDefaultOptimizerSaysSoOnce() {
        let h = ShellHarness()
        h.ok(Self.model)
        XCTAssertEqual(h.lines(startingWith: "note:"), [])
        let run = h.ok("train 3")
        XCTAssertEqual(h.lines(startingWith: "note:"), [Self.note], run)
        XCTAssertEqual(h.ok("train 3\nstep").components(separatedBy: "\n").filter { $0.hasPrefix("note:") }, [], h.out.text)
        // Not a command of the session: nothing more is recorded than the commands.
        XCTAssertEqual(h.w.recorded, ["data X=[[1],[2]] y=[2,4]", "layer dense 1", "loss mse", "train 3", "train 3", "step"])
        // `new` starts over, the note with it.
        h.ok("new\n" + Self.model)
        h.ok("step")
        XCTAssertEqual(h.lines(startingWith: "note:"), [Self.note], h.out.text)
    }

    func testARateSetByLrIsSaidWithTheDefaultRule() {
        let h = ShellHarness()
        h.ok(Self.model + "\nlr 0.05")
        h.ok("step")
        XCTAssertEqual(h.lines(startingWith: "note:"),
                       ["note: optimizer sgd lr=0.05 (sgd is the default rule; set one with `optimizer sgd|adam|rmsprop|adagrad [lr=X]`)"], h.out.text)
    }

    func testAChosenOptimizerOrAFailedRunSaysNothing() {
        let chosen = ShellHarness()
        chosen.ok(Self.model + "\noptimizer sgd")
        XCTAssertFalse(chosen.ok("train 2").contains("note:"), chosen.out.text)
        // A run that fails (no loss yet) changes nothing: the note comes with the first run that succeeds.
        let h = ShellHarness()
        h.ok("data X=[[1],[2]] y=[2,4]\nlayer dense 1")
        h.fails("train 2")
        XCTAssertFalse(h.out.text.contains("note:"), h.out.text)
        h.ok("loss mse")
        h.ok("train 2")
        XCTAssertEqual(h.lines(startingWith: "note:"), [Self.note], h.out.text)
    }
}
