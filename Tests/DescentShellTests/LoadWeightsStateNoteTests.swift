import Foundation
import XCTest
@testable import DescentShell

/// `load weights` says what became of the optimizer's state, which a weights file does not hold, and what resumes a
/// run exactly.
final class LoadWeightsStateNoteTests: XCTestCase {
    static let model = "data X=[[1],[2]] y=[2,4]\nlayer dense 1\nloss mse"
    static let resume = " — `save session \"run.descent\"`, then `replay \"run.descent\"`, resumes a run exactly, the optimizer's state included"

    /// Loads W1 = [[0.5]], b1 = [0] through a file; returns what it printed.
    @discardableResult
    func loadHalf(_ h: ShellHarness, file: StaticString = #filePath, line: UInt = #line) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("descent-state-\(UUID().uuidString).json").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("{\"params\":{\"W1\":[[0.5]],\"b1\":[0]}}".utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return h.ok("load weights \"\(path)\"", file: file, line: line)
    }

    func testAdamsMomentsAndTAreKeptAndSaidSo() {
        let h = ShellHarness()
        h.ok(Self.model + "\noptimizer adam lr=0.01")
        loadHalf(h)
        XCTAssertEqual(h.lines(startingWith: "note:"), ["note: there is no optimizer state yet, and a weights file holds none: "
                                                        + "adam's m and v start from 0 at the next update (t = 1)" + Self.resume])
        h.ok("update")
        let reply = loadHalf(h)
        XCTAssertEqual(h.lines(startingWith: "note:"), ["note: the optimizer's state is kept as it was (a weights file holds none): "
                                                        + "adam's m and v from the 1 update before (t = 1) go on with these weights" + Self.resume], reply)
        // By hand, the update from W1 = 0.5, b1 = 0: ŷ − y = [−1.5, −3], g = (1·(−1.5) + 2·(−3), −1.5 − 3) = (−7.5, −4.5);
        // m = 0.1·g = (−0.75, −0.45), v = 0.001·g² = (0.05625, 0.02025) — still there after the load, with t = 1.
        let o = h.w.trainer?.optimizer
        XCTAssertEqual(o?.steps, 1)
        assertClose(o?.state1.map { $0.array[0] } ?? [], [-0.75, -0.45])
        assertClose(o?.state2.map { $0.array[0] } ?? [], [0.05625, 0.02025])
        XCTAssertEqual(h.values("W1"), [0.5])
    }

    func testOtherRulesNameTheirStateAndPlainSgdSaysNothing() {
        let h = ShellHarness()
        h.ok(Self.model + "\noptimizer rmsprop momentum=0.5\ntrain 2")
        loadHalf(h)
        XCTAssertEqual(h.lines(startingWith: "note:"), ["note: the optimizer's state is kept as it was (a weights file holds none): "
                                                        + "rmsprop's v and b from the 2 updates before go on with these weights" + Self.resume])
        h.ok("optimizer sgd lr=0.1\ntrain 2")
        loadHalf(h)
        XCTAssertEqual(h.lines(startingWith: "note:"), [])
    }

    /// Asserts two arrays agree entry by entry within 1e-15.
    func assertClose(_ a: [Double], _ b: [Double], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, "\(a) vs \(b)", file: file, line: line)
        for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: 1e-15, "\(a) vs \(b)", file: file, line: line) }
    }
}
