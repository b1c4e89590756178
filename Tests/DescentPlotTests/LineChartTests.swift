import XCTest
@testable import DescentPlot

/// Line charts drawn into a canvas. The snapshots are worked out by hand:
/// a 14 × 8 chart with y ticks 0 / 0.5 / 1 has a 3-column gutter, a 10 × 5-cell plot (20 × 20 braille dots,
/// so y = x is the exact dot diagonal (i, 19 − i)), x ticks 0 / 0.5 / 1 at cells 0, 5, 9 (dot columns 0,
/// 9.5 → 10, 19), y ticks at rows 0, 2, 4 (dot rows 0, 9.5 → 10, 19, four dots per row), the x axis, its
/// labels and one legend line. Each braille row holds "⡠⠊": dots (x, 3) + (x+1, 2) = 0x40|0x20 and
/// (x+2, 1) + (x+3, 0) = 0x02|0x08.
final class LineChartTests: XCTestCase {
    private let diagonal = LineChart.Series(name: "loss", role: .lossTrain, points: [(0, 0), (1, 1)])

    func testBrailleDiagonalSnapshot() {
        let canvas = LineChart(series: [diagonal]).render(width: 14, height: 8)
        XCTAssertEqual(canvas.lines().map { String($0.reversed().drop { $0 == " " }.reversed()) }, [
            "  1┤        ⡠⠊",
            "   │      ⡠⠊",
            "0.5┤    ⡠⠊",
            "   │  ⡠⠊",
            "  0┤⡠⠊",
            "   └┬────┬───┬",
            "    0   0.5  1",
            "━ loss",
        ])
        XCTAssertEqual(canvas[4, 4], Cell("⡠", fg: .lossTrain, bold: true))
        XCTAssertEqual(canvas[3, 0], Cell("┤", fg: .axis))
        XCTAssertEqual(canvas[0, 2], Cell("0", fg: .label))
        XCTAssertEqual(canvas[0, 7], Cell("━", fg: .lossTrain, bold: true))
        XCTAssertEqual(canvas[2, 7], Cell("l", fg: .label))
    }

    func testATagIsMarkedAlongTheLineAndBesideItInTheLegend() {
        // One tagged series: tags 2 cells apart (a quarter of 10, at least 2) from plot cell 1: cells 1, 3, 5, 7. Cell c's
        // middle dot column is 2c + 0.5, x = (2c + 0.5)/19, and on y = x its dot row 19 − 19·x = 18.5 − 2c, rounded
        // 17, 13, 9, 5: cell rows 4, 3, 2, 1. So the tag replaces the ⠊ of rows 4…1 (canvas columns 5, 7, 9, 11).
        var tagged = diagonal
        tagged.tag = "1"
        let canvas = LineChart(series: [tagged]).render(width: 14, height: 8)
        XCTAssertEqual(canvas.lines().map { String($0.reversed().drop { $0 == " " }.reversed()) }, [
            "  1┤        ⡠⠊",
            "   │      ⡠1",
            "0.5┤    ⡠1",
            "   │  ⡠1",
            "  0┤⡠1",
            "   └┬────┬───┬",
            "    0   0.5  1",
            "━1━ loss",
        ])
        XCTAssertEqual(canvas[7, 3], Cell("1", fg: .lossTrain, bold: true))
        // Outside the series' x span there is no tag: a series over the first half only is tagged at cells 1 and 3.
        var half = LineChart.Series(name: "half", role: .run0, tag: "2", xs: [0, 0.5], ys: [0, 0.5])
        half.bold = false
        let other = LineChart.Series(name: "whole", role: .lossTrain, xs: [0, 1], ys: [0, 1])
        let text = LineChart(series: [half, other], showLegend: false).render(width: 14, height: 8).text()
        XCTAssertEqual(text.filter { $0 == "2" }.count, 2, text)
    }

    func testTheAxisEndsAreLabelledWhenNoTickIsNear() {
        // y from 0.93 down to 0.061 in a plot 18 rows (72 dots) high: ticks 0.2…0.8 (step 0.2). 0.8 sits at dot
        // (0.93 − 0.8) / 0.869 · 72 ≈ 10.8 → 11, cell row 2, and 0.2 at ≈ 60.5 → 60, cell row 15: two rows from
        // either end, so row 0 is labelled 0.93 and row 17 0.061 (worked out by hand).
        let s = LineChart.Series(name: "loss", role: .lossTrain, points: [(0, 0.93), (1, 0.061)])
        let lines = LineChart(series: [s], showLegend: false).render(width: 40, height: 20).lines()
        XCTAssertTrue(lines[0].hasPrefix(" 0.93┤"), lines.joined(separator: "\n"))
        XCTAssertTrue(lines[2].hasPrefix("  0.8┤"), lines.joined(separator: "\n"))
        XCTAssertTrue(lines[15].hasPrefix("  0.2┤"), lines.joined(separator: "\n"))
        XCTAssertTrue(lines[17].hasPrefix("0.061┤"), lines.joined(separator: "\n"))
        // A tick a row from an end leaves that end unlabelled: 0.8 … 0.2 drawn from 0.85 to 0.15.
        let near = LineChart(series: [LineChart.Series(name: "loss", role: .lossTrain, points: [(0, 0.85), (1, 0.15)])], showLegend: false).render(width: 40, height: 20).lines()
        XCTAssertEqual(near.filter { $0.contains("┤") }.count, 4, near.joined(separator: "\n"))
    }

    func testPointsAreMarkersInTheirCellsWithNothingBetween() {
        // The diagonal's two ends as filled points and its middle as a hollow one, in the layout of the snapshot above:
        // dot (0, 19) lies in cell (0, 4), dot (19, 0) in cell (9, 0), and (0.5, 0.5) at dot (9.5, 9.5), rounded to
        // (10, 10), in cell (5, 2). Each marks its whole cell; nothing is drawn between them.
        let filled = LineChart.Series(name: "data", role: .class0, style: .points, points: [(0, 0), (1, 1)])
        let hollow = LineChart.Series(name: "held", role: .class1, style: .hollowPoints, points: [(0.5, 0.5)])
        let lines = LineChart(series: [filled, hollow]).render(width: 14, height: 8).lines().map { String($0.reversed().drop { $0 == " " }.reversed()) }
        XCTAssertEqual(lines, ["  1┤         ●", "   │", "0.5┤     ○", "   │", "  0┤●", "   └┬────┬───┬", "    0   0.5  1", "● data  ○ held"])
        // In ASCII (10 × 10 dots of 1 × 2 per cell): dots (0, 9), (9, 0) and (4.5, 4.5) → (5, 5), in the same cells.
        let ascii = LineChart(series: [filled, hollow], unicode: false).render(width: 14, height: 8).text()
        XCTAssertEqual(ascii, """
              1+         o
               |
            0.5+     +
               |
              0+o
               ++----+---+
                0   0.5  1
            o data  + held
            """)
    }

    func testMarkersGoOverTheLines() {
        // The points first and the diagonal after it: the diagonal's bottom-left cell ⡠ (4, 4) shows the marker.
        let filled = LineChart.Series(name: "data", role: .class0, style: .points, points: [(0, 0)])
        let canvas = LineChart(series: [filled, diagonal]).render(width: 14, height: 8)
        XCTAssertEqual(canvas[4, 4], Cell("●", fg: .class0))
        XCTAssertEqual(canvas[6, 3], Cell("⡠", fg: .lossTrain, bold: true))
    }

    func testHugeValuesAreDrawnWithoutOverflow() {
        // 1e308 and 1.7e308 are clamped by the ticks to ±4e307, whose rows, (top − y)·rows / span, overflowed when
        // multiplied first.
        let s = LineChart.Series(name: "loss", role: .lossTrain, points: [(0, 1e308), (1, 1.7e308)])
        XCTAssertFalse(LineChart(series: [s]).render(width: 40, height: 20).lines().isEmpty)
        XCTAssertFalse(LineChart(series: [s], yScale: .log).render(width: 40, height: 20).lines().isEmpty)
    }

    func testASCIISnapshot() {
        // 10 × 5 cells of 1 × 2 dots: 10 × 10 dots, diagonal (i, 9 − i); each row holds ".'" (lower dot, then
        // upper dot one column right). y ticks at dot rows 0, 4.5 → 5, 9 → cell rows 0, 2, 4.
        let chart = LineChart(series: [diagonal], unicode: false)
        XCTAssertEqual(chart.render(width: 14, height: 8).text(), """
              1+        .'
               |      .'
            0.5+    .'
               |  .'
              0+.'
               ++----+---+
                0   0.5  1
            = loss
            """)
    }

    func testDottedDiagonalSnapshot() {
        // The same 20 × 20-dot diagonal drawn dotted: its dots (i, 19 − i) are visited in order (the line from
        // (0, 19) to (19, 0); the end points' columns repeat a dot and do not count) and kept when ⌊i/2⌋ is even,
        // i = 0 1, 4 5, 8 9, 12 13, 16 17. Each pair is a "⡠" (0x40|0x20) in cells 0, 2, 4, 6, 8; the "⠊" cells
        // of the solid line (i = 2 3, 6 7, …) stay empty. The legend shows the dotted glyph.
        let dotted = LineChart.Series(name: "loss", role: .lossVal, points: [(0, 0), (1, 1)])
        XCTAssertEqual(dotted.style, .dotted)
        let canvas = LineChart(series: [dotted]).render(width: 14, height: 8)
        XCTAssertEqual(canvas.lines().map { String($0.reversed().drop { $0 == " " }.reversed()) }, [
            "  1┤        ⡠",
            "   │      ⡠",
            "0.5┤    ⡠",
            "   │  ⡠",
            "  0┤⡠",
            "   └┬────┬───┬",
            "    0   0.5  1",
            "┅ loss",
        ])
        XCTAssertEqual(canvas[4, 4], Cell("⡠", fg: .lossVal, bold: true))
        XCTAssertEqual(canvas[0, 7], Cell("┅", fg: .lossVal, bold: true))
    }

    func testDottedASCIISnapshot() {
        // 10 × 10 ASCII dots (i, 9 − i), one dot per cell across: dotted keeps even i, each a lower dot "." at
        // cell (i, (9 − i) / 2), so the ".'" pairs of the solid line lose their "'".
        let dotted = LineChart.Series(name: "loss", role: .lossTrain, style: .dotted, points: [(0, 0), (1, 1)])
        XCTAssertEqual(LineChart(series: [dotted], unicode: false).render(width: 14, height: 8).text(), """
              1+        .
               |      .
            0.5+    .
               |  .
              0+.
               ++----+---+
                0   0.5  1
            : loss
            """)
    }

    func testTrainingAndValidationCurvesHaveDifferentLegendGlyphs() {
        let train = LineChart.Series(name: "train loss", role: .lossTrain, points: [(0, 1), (1, 0.5)])
        let val = LineChart.Series(name: "val loss", role: .lossVal, points: [(0, 1.2), (1, 0.7)])
        let trim = { (line: String) in String(line.reversed().drop { $0 == " " }.reversed()) }
        XCTAssertEqual(LineChart(series: [train, val]).render(width: 40, height: 10).lines().last.map(trim),
                       "━ train loss  ┅ val loss")
        XCTAssertEqual(LineChart(series: [train, val], unicode: false).render(width: 40, height: 10).lines().last.map(trim),
                       "= train loss  : val loss")
    }

    func testNaNLeavesAGapAndIsFlagged() {
        // Points (0,0), (9/19, 9/19) → dots (0,19) and (9,10): the diagonal's first ten dots; then NaN at 0.75;
        // then (1,1) alone at dot (19,0) → cell (9,0) bit 0x08 ⠈. The NaN is left out of the y range (still 0…1),
        // marked on the axis at dot column 0.75 × 19 = 14.25 → cell 7, and noted in the legend's second line.
        let s = LineChart.Series(name: "loss", role: .lossTrain, xs: [0, 9.0 / 19, 0.75, 1], ys: [0, 9.0 / 19, .nan, 1])
        let chart = LineChart(series: [s], title: "t", xName: "")
        XCTAssertEqual(chart.render(width: 14, height: 10).text(), """
            t
              1┤         ⠈
               │
            0.5┤    ⡠
               │  ⡠⠊
              0┤⡠⠊
               └┬────┬─!─┬
                0   0.5  1
            ━ loss
            ! NaN at 0.75
            """)
        XCTAssertEqual(chart.issues(), [LineChart.Issue(series: "loss", x: 0.75, kind: .nan)])
        let canvas = chart.render(width: 14, height: 10)
        XCTAssertEqual(canvas[11, 6], Cell("!", fg: .warning, bold: true))
        XCTAssertEqual(canvas[0, 9].fg, .warning)
    }

    func testLogScaleSnapshot() {
        // log10 y from -2 to 0 maps like the linear diagonal; ticks 0.01, 0.1, 1 need a 4-column gutter.
        let s = LineChart.Series(name: "loss", role: .lossTrain, points: [(0, 0.01), (1, 1)])
        XCTAssertEqual(LineChart(series: [s], yScale: .log).render(width: 15, height: 8).text(), """
               1┤        ⡠⠊
                │      ⡠⠊
             0.1┤    ⡠⠊
                │  ⡠⠊
            0.01┤⡠⠊
                └┬────┬───┬
                 0   0.5  1
            ━ loss
            """)
    }

    func testNonPositiveOnLogScaleIsAGapNotARange() {
        // The 0 and -1 would break the log range; they are skipped and the first one flagged.
        let s = LineChart.Series(name: "loss", role: .lossTrain, xs: [0, 0.3, 0.6, 1], ys: [0.01, 0, -1, 1])
        let chart = LineChart(series: [s], yScale: .log, xName: "step")
        XCTAssertEqual(chart.issues(), [LineChart.Issue(series: "loss", x: 0.3, kind: .nonPositive)])
        let lines = chart.render(width: 40, height: 10).lines()
        XCTAssert(lines.contains { $0.contains("! ≤0 (log scale) at step 0.3") }, lines.joined(separator: "\n"))
        XCTAssert(lines[0].hasPrefix("   1┤"), lines[0])
        XCTAssertEqual(chart.render(width: 40, height: 10).lines().filter { $0.contains("0.01┤") }.count, 1)
    }

    func testInfinityIsLeftOutOfTheRange() {
        let s = LineChart.Series(name: "val", role: .lossVal, xs: [0, 0.5, 1], ys: [0, .infinity, 1])
        let chart = LineChart(series: [s])
        XCTAssertEqual(chart.issues().map(\.kind), [.infinity])
        let lines = chart.render(width: 14, height: 8).lines()
        XCTAssert(lines[0].hasPrefix("  1┤") && lines[4].hasPrefix("  0┤"), lines.joined(separator: "\n"))
    }

    func testPointsBeyondTheAxesReachAreCountedAndNoted() {
        // The ticks stop at ±4e307: 5e307 and -1e308 lie outside every axis. They are counted (2, the first at x 1), marked
        // on the axis and noted under the chart; the two points within reach are drawn, so three ● with the legend's.
        let s = LineChart.Series(name: "data", role: .class0, style: .points, xs: [0, 1, 2, 3], ys: [0, 5e307, -1e308, 1])
        let chart = LineChart(series: [s])
        XCTAssertEqual(chart.issues(), [LineChart.Issue(series: "data", x: 1, kind: .beyondReach(count: 2))])
        let text = chart.render(width: 60, height: 10).text()
        XCTAssertEqual(text.split(separator: "\n").last, "● data  ! 2 points beyond ±4e+307 not drawn", text)
        XCTAssertEqual(text.filter { $0 == "●" }.count, 3, text)
        XCTAssertTrue(LineChart(series: [s], unicode: false).render(width: 60, height: 10).text()
            .hasSuffix("o data  ! 2 points beyond +-4e+307 not drawn"))
        // Only points inside the x window count: none in 2.5…3, the one at x 1 in 0…1.5.
        XCTAssertEqual(LineChart(series: [s], xRange: 2.5...3).issues(), [])
        XCTAssertEqual(LineChart(series: [s], xRange: 0...1.5).issues(), [LineChart.Issue(series: "data", x: 1, kind: .beyondReach(count: 1))])
        // Lines too, and after the first undrawable value of each series; with several series the note names its own.
        let line = LineChart.Series(name: "loss", role: .lossTrain, xs: [0, 1, 2, 3], ys: [1, .nan, 1e308, 1.7e308])
        XCTAssertEqual(LineChart(series: [line]).issues(), [LineChart.Issue(series: "loss", x: 1, kind: .nan),
                                                             LineChart.Issue(series: "loss", x: 2, kind: .beyondReach(count: 2))])
        let lines = LineChart(series: [s, line]).render(width: 100, height: 12).lines()
        XCTAssertTrue(lines.contains { $0.contains("! 2 points in loss beyond ±4e+307 not drawn") }, lines.joined(separator: "\n"))
    }

    func testIssueText() {
        let nan = LineChart.Issue(series: "val", x: 812, kind: .nan)
        XCTAssertEqual(nan.text(xName: "step", naming: false, unicode: true), "NaN at step 812")
        XCTAssertEqual(nan.text(xName: "step", naming: true, unicode: true), "NaN in val at step 812")
        XCTAssertEqual(LineChart.Issue(series: "a", x: 3, kind: .negativeInfinity).text(xName: "x", naming: false, unicode: false), "-inf at x 3")
        XCTAssertEqual(LineChart.Issue(series: "a", x: 3, kind: .nonPositive).text(xName: "x", naming: false, unicode: false),
                       "<=0 (log scale) at x 3")
        let beyond = LineChart.Issue(series: "val", x: 4, kind: .beyondReach(count: 1))
        XCTAssertEqual(beyond.text(xName: "step", naming: false, unicode: true), "1 point beyond ±4e+307 not drawn")
        XCTAssertEqual(LineChart.Issue(series: "val", x: 4, kind: .beyondReach(count: 3)).text(xName: "step", naming: true, unicode: false),
                       "3 points in val beyond +-4e+307 not drawn")
    }

    func testLegendNamesTheSeriesWhenThereAreSeveral() {
        // The validation role is drawn dotted by default, hence its heavy dashed glyph.
        let a = LineChart.Series(name: "step", role: .lossStep, points: [(0, 1), (1, 2)])
        let b = LineChart.Series(name: "val", role: .lossVal, xs: [0, 1], ys: [1, .nan])
        let lines = LineChart(series: [a, b], xName: "step").render(width: 60, height: 12).lines()
        XCTAssertEqual(lines.last.map { String($0.reversed().drop { $0 == " " }.reversed()) },
                       "─ step  ┅ val  ! NaN in val at step 1")
    }

    func testZoomFitsYToThePointsInTheWindow() {
        // Inside x ∈ [1, 2] the points are (1, 0) and (2, 1): y ticks 0 / 0.5 / 1, not up to 5.
        let s = LineChart.Series(name: "loss", role: .lossTrain, xs: [0, 1, 2, 3], ys: [5, 0, 1, 5])
        let lines = LineChart(series: [s], xRange: 1...2).render(width: 14, height: 8).lines()
        XCTAssert(lines[0].hasPrefix("  1┤") && lines[2].hasPrefix("0.5┤") && lines[4].hasPrefix("  0┤"),
                  lines.joined(separator: "\n"))
        XCTAssertEqual(lines[6], "    1   1.5  2")
    }

    func testLinesFromOutsideTheWindowEnterAtTheEdge() {
        // y = x over [-19, 38] zoomed to [0, 19] with y fixed to [0, 19]: each integer lands on a dot of the
        // 20 × 20-dot plot, so the picture is the unit diagonal's, including the lines entering from (-1, -1)
        // and leaving to (20, 20), clipped at the edges.
        let xs = (-19...38).map(Double.init)
        let s = LineChart.Series(name: "loss", role: .lossTrain, xs: xs, ys: xs)
        // Its y labels 0 and 10 take a 2-column gutter, so 13 columns leave the same 10-cell plot.
        let zoomed = LineChart(series: [s], xRange: 0...19, yRange: 0...19, showLegend: false).render(width: 13, height: 7)
        let plain = LineChart(series: [diagonal], showLegend: false).render(width: 14, height: 7)
        XCTAssertEqual(zoomed.lines().prefix(5).map { String($0.dropFirst(3)) }, plain.lines().prefix(5).map { String($0.dropFirst(4)) })
    }

    func testLastSeriesDrawnOwnsSharedCells() {
        let a = LineChart.Series(name: "a", role: .lossStep, points: [(0, 0), (1, 1)])
        let b = LineChart.Series(name: "b", role: .lossVal, points: [(0, 0), (1, 1)])
        let canvas = LineChart(series: [a, b]).render(width: 14, height: 8)
        XCTAssertEqual(canvas[4, 4], Cell("⡠", fg: .lossVal, bold: true))
    }

    func testTinyAreasDoNotCrash() {
        let chart = LineChart(series: [diagonal], title: "title")
        for w in -1...12 {
            for h in -1...7 {
                let c = chart.render(width: w, height: h)
                XCTAssertEqual(c.width, max(0, w)); XCTAssertEqual(c.height, max(0, h))
            }
        }
        // Too small for axes: the bare curve fills the area (a 5 × 3 braille diagonal is 10 × 12 dots).
        XCTAssertFalse(chart.render(width: 5, height: 3).text().isEmpty)
        XCTAssertFalse(chart.render(width: 5, height: 3).text().contains("┤"))
    }

    func testEmptyAndDegenerateData() {
        XCTAssertEqual(LineChart().issues(), [])
        XCTAssertNil(LineChart().xExtent)
        _ = LineChart().render(width: 30, height: 10)
        let single = LineChart.Series(name: "one", role: .lossStep, points: [(3, 2)])
        let text = LineChart(series: [single]).render(width: 30, height: 10).text()
        XCTAssert(text.contains("2┤"), text)  // 2 ± 10% gives ticks 1.8 … 2.2 around it
        let allNaN = LineChart.Series(name: "bad", role: .lossVal, xs: [0, 1], ys: [.nan, .nan])
        XCTAssertEqual(LineChart(series: [allNaN]).issues().count, 1)
        _ = LineChart(series: [allNaN], yScale: .log).render(width: 30, height: 10)
    }

    func testExtentAndSeriesEditing() {
        var s = LineChart.Series(name: "s", role: .lossStep, xs: [1, 2, 3], ys: [1, 2])  // longer array is cut
        XCTAssertEqual(s.count, 2)
        XCTAssertFalse(s.bold)
        s.append(x: -4, y: 0)
        s.append(x: .nan, y: 0)
        XCTAssertEqual(LineChart(series: [s]).xExtent, -4...2)
        s.removeAll()
        XCTAssertEqual(s.count, 0)
        XCTAssertTrue(LineChart.Series(name: "v", role: .lossVal, points: []).bold)
        XCTAssertEqual(s.style, .solid)
        XCTAssertEqual(LineChart.Series(name: "t", role: .lossTrain, points: []).style, .solid)
        XCTAssertEqual(LineChart.Series(name: "v", role: .lossVal, points: []).style, .dotted)
        XCTAssertEqual(LineChart.Series(name: "v", role: .lossVal, style: .solid, points: []).style, .solid)
    }

    func testManyPointsAggregatePerColumn() {
        // A million points of a sawtooth between 0 and 1 fill every plot cell column from bottom to top.
        let n = 1_000_000
        let xs = (0..<n).map(Double.init), ys = (0..<n).map { Double($0 % 2) }
        let canvas = LineChart(series: [.init(name: "saw", role: .lossStep, xs: xs, ys: ys)], showLegend: false)
            .render(width: 24, height: 7)
        for row in 0..<5 {
            for column in 4..<24 { XCTAssertEqual(canvas[column, row].char, "⣿", "cell \(column), \(row)") }
        }
    }
}
