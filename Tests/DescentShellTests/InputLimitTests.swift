import Foundation
import XCTest
@testable import DescentShell

/// Input that would exhaust the stack or the memory gets an error instead: replays nested past
/// `Workspace.maxReplayDepth` (some 5,000 levels overflowed the 8 MiB stack), and lines past
/// `Session.maxLineBytes` (a 21 MB line of commands took 2 GB to lex and parse).
final class InputLimitTests: XCTestCase {
    func testReplaysNestAtMostAHundredDeep() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        // c0 replays c1, …, c104 sets the seed: the chain is 105 deep.
        for i in 0..<105 {
            try "replay \"\(dir.path)/c\(i + 1).descent\"\n".write(to: dir.appendingPathComponent("c\(i).descent"), atomically: true, encoding: .utf8)
        }
        try "seed 9\n".write(to: dir.appendingPathComponent("c105.descent"), atomically: true, encoding: .utf8)
        let h = ShellHarness()
        let seed = h.w.seed
        let e = h.fails("replay \"\(dir.path)/c0.descent\"")
        XCTAssertTrue(e.contains("replays nest at most 100 deep, and replaying \(dir.path)/c100.descent here would make 101"), e)
        XCTAssertEqual(h.w.seed, seed, "the chain's last script never ran")
        XCTAssertTrue(h.w.replayStack.isEmpty)
        // Two errors, not one per level: the innermost at its place in c99, and the outermost replay's, which says
        // how deep and leaves out the middle of the chain (c2 … c97, 96 scripts).
        XCTAssertEqual(h.out.errors.count, 2, e)
        XCTAssertTrue(h.out.errors.first?.hasPrefix("\(dir.path)/c99.descent:1:8: error: replays nest at most 100 deep") == true, e)   // at the file name
        let d = dir.path
        XCTAssertTrue(h.out.errors.last?.contains("error: replay of \(d)/c0.descent stopped at the error above (100 replays deep: "
                      + "\(d)/c0.descent:1 → \(d)/c1.descent:1 → … 96 more → \(d)/c98.descent:1 → \(d)/c99.descent)\n") == true, e)
        XCTAssertNil(h.w.stoppedReplay)
    }

    /// An error in a replay inside replays is shown once, at its place; the outermost replay says through which lines
    /// of which scripts it was reached, and the replays between say nothing.
    func testAnErrorInNestedReplaysIsShownOnceWithTheWayTo() throws {
        let name = "chain-\(UUID().uuidString)"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        // a replays b at its line 3, b replays c at its line 3 (after a command on that line), c fails at line 2.
        for (file, text) in [("a", "seed 1\n\nreplay \"\(name)/b.descent\"\n"), ("b", "# b\nseed 2\nseed 3; replay \"\(name)/c.descent\"\n"),
                             ("c", "seed 4\nlayer dense x\n")] {
            try text.write(to: dir.appendingPathComponent("\(file).descent"), atomically: true, encoding: .utf8)
        }
        let h = ShellHarness()
        let inC = "\(name)/c.descent:2:13: error: expected number of units (a whole number from 1 to 100000), got 'x'\n    layer dense x\n                ^"
        for (start, note) in [("a", " (3 replays deep: \(name)/a.descent:3 → \(name)/b.descent:3 → \(name)/c.descent)"),
                              ("b", " (2 replays deep: \(name)/b.descent:3 → \(name)/c.descent)"), ("c", "")] {
            let e = h.fails("replay \"\(name)/\(start).descent\"")
            XCTAssertEqual(h.out.errors.count, 2, e)
            XCTAssertEqual(h.out.errors.first, inC)
            XCTAssertTrue(h.out.errors.last?.contains("error: replay of \(name)/\(start).descent stopped at the error above\(note)\n") == true, e)
            XCTAssertTrue(h.w.replayStack.isEmpty)
            XCTAssertNil(h.w.stoppedReplay)
        }
        XCTAssertEqual(h.w.seed, 4, "each script ran up to its failing line")
    }

    func testALineOfMoreThanOneMebibyteIsRefusedWithItsSize() {
        let h = ShellHarness()
        let seed = h.w.seed
        let long = "seed 3; " + String(repeating: "seed 1;", count: 150_000)   // 8 + 1,050,000 bytes
        let e = h.fails(long)
        XCTAssertTrue(e.contains("this line is 1050008 bytes long; a line (with its continuations) may hold at most 1048576 bytes (1 MiB)"), String(e.prefix(400)))
        XCTAssertTrue(e.contains("data csv"), "it says where large data belongs")
        XCTAssertLessThan(e.utf8.count, 1000, "the message shows the line's start, not all of it")
        XCTAssertEqual(h.w.seed, seed, "none of the line ran")
    }

    func testALineOfExactlyOneMebibyteRuns() {
        let h = ShellHarness()
        let head = "seed 3 # "
        h.ok(head + String(repeating: "x", count: Session.maxLineBytes - head.utf8.count))
        XCTAssertEqual(h.w.seed, 3)
    }
}
