import XCTest
@testable import DescentPlot

/// The histogram widget: its bins, its bars in the terminal and as SVG, each worked out by hand.
final class HistogramTests: XCTestCase {
    func testAValueFallsInTheBinOfItsWidthAndTheTopEdgeInTheLast() {
        // Four bins of 0.5 over −1…1 (by hand): −1 → ⌊0⌋ = 0; −0.25 → ⌊0.75/2·4⌋ = ⌊1.5⌋ = 1; 0 and 0.0005 → 2;
        // 0.5 → ⌊3⌋ = 3; 1 → 4, the last bin's top edge, in bin 3. NaN, ±infinity and 2 (outside) are not counted.
        let values = [-1, -0.25, 0, 0.0005, 0.5, 1, .nan, .infinity, -.infinity, 2]
        XCTAssertEqual(Histogram.counts(values, bins: 4, lo: -1, hi: 1), [1, 1, 2, 2])
    }

    func testATinyHistogramsBarsAxesAndNotes() {
        // 14 × 6 cells, no title, one note line: 3 rows of bars (6 − 1 note − 2 axis rows). The count axis tops at 2 and
        // has the tick 2 on the top row (0 is the x axis); its label takes 1 column, the axis 1, leaving 12: 4 columns a
        // bin, bars 3 wide. Bin 0's count 1 is half of 2: 12 of 24 eighths, a full cell and a half one (▄); bin 2's
        // count 2 fills the 3 rows. The x ticks −1, 0 and 1 fall at columns 0, 6 and 11 of the 12 (⌊(v + 1)/2 · 12⌋,
        // the last one inside), their labels centred under them.
        let h = Histogram(lo: -1, hi: 1, counts: [1, 0, 2], notes: ["n"])
        XCTAssertEqual(h.render(width: 14, height: 6).text(), """
            2┤        ███
             │▄▄▄     ███
             │███     ███
             └┬─────┬────┬
              -1    0    1
            n
            """)
        // In ASCII, the half cell is `.` and a full one `#`.
        let ascii = Histogram(lo: -1, hi: 1, counts: [1, 0, 2], notes: ["n"], unicode: false).render(width: 14, height: 6).text()
        XCTAssertEqual(ascii.split(separator: "\n").prefix(3).joined(separator: "\n"), "2+        ###\n |...     ###\n |###     ###")
    }

    func testACountOfOneBesideATallBarStillShows() {
        // 1 of 1000 is 0.02 of an eighth on 3 rows: drawn as one eighth (▁) rather than not at all.
        let text = Histogram(lo: -1, hi: 1, counts: [1, 1000, 0]).render(width: 20, height: 5).text()
        XCTAssertTrue(text.contains("▁"), text)
    }

    func testTheSVGHasARectangleForEachBinWithACount() throws {
        // 800 × 480 without a title, one note: the bars' area is x 64…776 (712 px, 237.33 a bin) and y 16…418 (the
        // bottom margin 44 and 18 for the note: 480 − 62 = 418, 402 px); count 2 is the top, so bin 2's bar rises 402 px
        // from 418 and bin 0's (count 1) 201 px, to 217.
        let svg = Histogram(lo: -1, hi: 1, counts: [1, 0, 2], notes: ["5 entries"]).svg(width: 800, height: 480)
        let bars = svg.split(separator: "\n").filter { $0.hasPrefix("<rect class=\"bar\"") }
        XCTAssertEqual(bars, [
            "<rect class=\"bar\" data-count=\"1\" x=\"64\" y=\"217\" width=\"237.3\" height=\"201\"/>",
            "<rect class=\"bar\" data-count=\"2\" x=\"538.7\" y=\"16\" width=\"237.3\" height=\"402\"/>",
        ])
        XCTAssertTrue(svg.contains(">5 entries</text>"), svg)
    }

    func testTheSmallestAreaThatDrawsTheBars() {
        // 21 bins, the top count 15 (2 digits): 2 label columns, the axis, and a column a bin: 24 × 4 (by hand).
        let h = Histogram(lo: -1, hi: 1, counts: [15] + Array(repeating: 0, count: 19) + [1])
        XCTAssertEqual(h.minimumSize.width, 24)
        XCTAssertEqual(h.minimumSize.height, 4)
        XCTAssertTrue(h.render(width: 24, height: 4).text().contains("█"))
        // A column less: no room for a column a bin, so no bars (plot weights says the terminal is too small).
        XCTAssertFalse(h.render(width: 23, height: 4).text().contains("█"))
        XCTAssertFalse(h.render(width: 24, height: 3).text().contains("█"))
    }
}
