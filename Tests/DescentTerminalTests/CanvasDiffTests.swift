import DescentPlot
import XCTest
@testable import DescentTerminal

/// Which cells the screen rewrites between frames; expected runs worked out by hand from the edits made.
final class CanvasDiffTests: XCTestCase {
    private func canvas(_ rows: [String]) -> Canvas {
        var c = Canvas(width: rows.map(\.count).max() ?? 0, height: rows.count)
        for (y, row) in rows.enumerated() { c.put(row, x: 0, y: y) }
        return c
    }

    func testIdenticalFramesNeedNothing() {
        let a = canvas(["abc", "def"])
        XCTAssertEqual(CanvasDiff.changedRuns(from: a, to: a), [])
    }

    func testFirstFrameIsDrawnInFull() {
        let a = canvas(["ab", "cd"])
        XCTAssertEqual(CanvasDiff.changedRuns(from: nil, to: a), [
            CellRun(x: 0, y: 0, cells: [Cell("a"), Cell("b")]),
            CellRun(x: 0, y: 1, cells: [Cell("c"), Cell("d")]),
        ])
    }

    func testChangedCellsGroupIntoRunsPerRow() {
        let old = canvas(["abcdef", "ghijkl"])
        let new = canvas(["aXYdeZ", "ghijkl"])
        XCTAssertEqual(CanvasDiff.changedRuns(from: old, to: new), [
            CellRun(x: 1, y: 0, cells: [Cell("X"), Cell("Y")]),
            CellRun(x: 5, y: 0, cells: [Cell("Z")]),
        ])
    }

    func testColourOrWeightChangeCountsAsChange() {
        let old = canvas(["ab"])
        var new = old
        new[1, 0] = Cell("b", fg: .lossTrain)
        XCTAssertEqual(CanvasDiff.changedRuns(from: old, to: new), [CellRun(x: 1, y: 0, cells: [Cell("b", fg: .lossTrain)])])
        var bolder = old
        bolder[0, 0] = Cell("a", bold: true)
        XCTAssertEqual(CanvasDiff.changedRuns(from: old, to: bolder), [CellRun(x: 0, y: 0, cells: [Cell("a", bold: true)])])
    }

    func testSizeChangeRedrawsEverything() {
        let old = canvas(["ab"])
        let new = canvas(["ab", "cd"])
        XCTAssertEqual(CanvasDiff.changedRuns(from: old, to: new).count, 2)
        XCTAssertEqual(CanvasDiff.changedRuns(from: old, to: new), CanvasDiff.fullRuns(new))
    }
}
