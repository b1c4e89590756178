import XCTest
@testable import DescentPlot

/// Sub-cell rasterising. Braille expectations from the Unicode dot numbering (dots 1 2 3 7 down the left
/// column = bits 0x01 0x02 0x04 0x40, dots 4 5 6 8 down the right = 0x08 0x10 0x20 0x80), worked by hand.
final class DotGridTests: XCTestCase {
    private func text(_ g: DotGrid) -> String {
        var canvas = Canvas(width: g.columns, height: g.rows)
        g.draw(into: &canvas, x: 0, y: 0)
        return canvas.text()
    }

    func testBrailleDiagonalInFourByTwoCells() {
        // Dots (i, i) for i in 0…7. Cell (0,0) holds (0,0)=0x01 and (1,1)=0x10 → U+2811 ⠑;
        // cell (1,0) holds (2,2)=0x04 and (3,3)=0x80 → U+2884 ⢄; the second row repeats two cells further right.
        var g = DotGrid(columns: 4, rows: 2, unicode: true)
        g.line(from: (0, 0), to: (7, 7), role: .lossTrain)
        XCTAssertEqual(text(g), "⠑⢄\n  ⠑⢄")
    }

    func testEachBrailleDot() {
        let expected: [(Int, Int, Character)] = [(0, 0, "⠁"), (0, 1, "⠂"), (0, 2, "⠄"), (0, 3, "⡀"),
                                                  (1, 0, "⠈"), (1, 1, "⠐"), (1, 2, "⠠"), (1, 3, "⢀")]
        for (x, y, ch) in expected {
            var g = DotGrid(columns: 1, rows: 1, unicode: true)
            g.set(x, y, role: .normal)
            XCTAssertEqual(text(g), String(ch), "dot (\(x), \(y))")
            XCTAssertTrue(g.isSet(x, y))
        }
        var full = DotGrid(columns: 1, rows: 1, unicode: true)
        for x in 0..<2 { for y in 0..<4 { full.set(x, y, role: .normal) } }
        XCTAssertEqual(text(full), "⣿")
    }

    func testASCIIHalfCells() {
        // One dot across and two down per cell: upper ', lower ., both :.
        var g = DotGrid(columns: 4, rows: 2, unicode: false)
        XCTAssertEqual(g.dotsWide, 4); XCTAssertEqual(g.dotsHigh, 4)
        g.line(from: (0, 0), to: (3, 3), role: .lossStep)
        XCTAssertEqual(text(g), "'.\n  '.")
        var both = DotGrid(columns: 1, rows: 1, unicode: false)
        both.vertical(x: 0, from: 0, to: 1, role: .normal)
        XCTAssertEqual(text(both), ":")
    }

    func testLastDrawnRoleWinsTheCell() {
        var g = DotGrid(columns: 1, rows: 1, unicode: true)
        g.set(0, 0, role: .lossStep)
        g.set(1, 3, role: .lossVal, bold: true)
        var canvas = Canvas(width: 1, height: 1)
        g.draw(into: &canvas, x: 0, y: 0)
        XCTAssertEqual(canvas[0, 0], Cell("⢁", fg: .lossVal, bold: true))  // 0x01 | 0x80
    }

    func testLinesAreClippedAndOutsideDotsIgnored() {
        // A horizontal line at dot row 3 from far left to far right fills the bottom dots (0x40|0x80 = ⣀).
        var g = DotGrid(columns: 2, rows: 1, unicode: true)
        g.line(from: (-1e9, 3), to: (1e9, 3), role: .normal)
        XCTAssertEqual(text(g), "⣀⣀")
        var empty = DotGrid(columns: 2, rows: 1, unicode: true)
        empty.line(from: (-10, -10), to: (-1, 20), role: .normal)
        empty.line(from: (0, 0), to: (.nan, 1), role: .normal)
        empty.set(4, 0, role: .normal); empty.set(-1, 0, role: .normal)
        XCTAssertEqual(text(empty), "")
    }

    func testEmptyGridsDoNotCrash() {
        var g = DotGrid(columns: 0, rows: -3, unicode: true)
        g.line(from: (0, 0), to: (5, 5), role: .normal)
        g.vertical(x: 0, from: 0, to: 3, role: .normal)
        var dotted = g.stroke(.dotted)
        g.line(from: (0, 0), to: (5, 5), role: .normal, bold: false, stroke: &dotted)
        g.vertical(x: 0, from: 0, to: 3, role: .normal, bold: false, stroke: &dotted)
        XCTAssertEqual(g.dotsWide, 0); XCTAssertEqual(g.dotsHigh, 0)
    }

    func testDottedLineLeavesCellWideGapsThatASolidOneFills() {
        // Dot row 3 from x = 0 to 7 across four braille cells: solid sets all eight bottom dots (0x40|0x80 ⣀ in
        // each cell); dotted keeps runs of two dots (one cell) and skips two: x 0 1, 4 5 → cells 0 and 2.
        var solid = DotGrid(columns: 4, rows: 1, unicode: true)
        solid.line(from: (0, 3), to: (7, 3), role: .lossTrain)
        XCTAssertEqual(text(solid), "⣀⣀⣀⣀")
        var dotted = DotGrid(columns: 4, rows: 1, unicode: true)
        var stroke = dotted.stroke(.dotted)
        dotted.line(from: (0, 3), to: (7, 3), role: .lossVal, bold: true, stroke: &stroke)
        XCTAssertEqual(text(dotted), "⣀ ⣀")
        XCTAssertTrue(dotted.isSet(5, 3)); XCTAssertFalse(dotted.isSet(2, 3)); XCTAssertFalse(dotted.isSet(7, 3))
        // In ASCII a cell is one dot wide: every other cell, here the lower dots of cells 0 and 2.
        var ascii = DotGrid(columns: 4, rows: 1, unicode: false)
        var asciiStroke = ascii.stroke(.dotted)
        ascii.line(from: (0, 1), to: (3, 1), role: .lossVal, bold: true, stroke: &asciiStroke)
        XCTAssertEqual(text(ascii), ". .")
    }

    func testDottedPatternRunsOnAcrossSegmentsAndColumns() {
        // Two segments (0,3)→(3,3) and (3,3)→(7,3) with one stroke visit x = 0 1 2 3, then 3 again (not counted),
        // then 4 5 6 7: the same dots as one line, "⣀ ⣀".
        var g = DotGrid(columns: 4, rows: 1, unicode: true)
        var stroke = g.stroke(.dotted)
        g.line(from: (0, 3), to: (3, 3), role: .lossVal, bold: true, stroke: &stroke)
        g.line(from: (3, 3), to: (7, 3), role: .lossVal, bold: true, stroke: &stroke)
        XCTAssertEqual(text(g), "⣀ ⣀")
        // A fresh stroke for the second segment would start over at x = 3: dots 0 1, then 3 4 and 7, that is
        // ⣀, 0x80 ⢀, 0x40 ⡀, 0x80 ⢀ — a pattern that breaks wherever a segment ends.
        var restarted = DotGrid(columns: 4, rows: 1, unicode: true)
        var first = restarted.stroke(.dotted), second = restarted.stroke(.dotted)
        restarted.line(from: (0, 3), to: (3, 3), role: .lossVal, bold: true, stroke: &first)
        restarted.line(from: (3, 3), to: (7, 3), role: .lossVal, bold: true, stroke: &second)
        XCTAssertEqual(text(restarted), "⣀⢀⡀⢀")
        // A column from dot row 0 to 7 in a 1 × 2-cell grid: rows 0 1 kept, 2 3 skipped, 4 5 kept, 6 7 skipped,
        // so each cell holds its two upper left dots, 0x01|0x02 = ⠃, where solid fills the left column, ⡇.
        var column = DotGrid(columns: 1, rows: 2, unicode: true)
        var down = column.stroke(.dotted)
        column.vertical(x: 0, from: 0, to: 7, role: .lossVal, bold: true, stroke: &down)
        XCTAssertEqual(text(column), "⠃\n⠃")
        var full = DotGrid(columns: 1, rows: 2, unicode: true)
        full.vertical(x: 0, from: 0, to: 7, role: .lossTrain)
        XCTAssertEqual(text(full), "⡇\n⡇")
    }
}
