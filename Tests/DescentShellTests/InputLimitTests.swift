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
