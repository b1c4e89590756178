import XCTest
@testable import DescentPlot

/// Line styles' legend samples.
final class LineStyleTests: XCTestCase {
    func testLegendGlyphs() {
        XCTAssertEqual(LineStyle.solid.legendGlyph(bold: true, unicode: true), "━")
        XCTAssertEqual(LineStyle.solid.legendGlyph(bold: false, unicode: true), "─")
        XCTAssertEqual(LineStyle.dotted.legendGlyph(bold: true, unicode: true), "┅")
        XCTAssertEqual(LineStyle.dotted.legendGlyph(bold: false, unicode: true), "┄")
        XCTAssertEqual(LineStyle.solid.legendGlyph(bold: true, unicode: false), "=")
        XCTAssertEqual(LineStyle.dotted.legendGlyph(bold: true, unicode: false), ":")
        XCTAssertEqual(LineStyle.dotted.legendGlyph(bold: false, unicode: false), ".")
        XCTAssertEqual(LineStyle.dashed.legendGlyph(bold: true, unicode: true), "╍")
        XCTAssertEqual(LineStyle.dashed.legendGlyph(bold: false, unicode: true), "╌")
        XCTAssertEqual(LineStyle.dashed.legendGlyph(bold: false, unicode: false), "~")
        // Points show their marker, filled or hollow, whatever the weight.
        XCTAssertEqual(LineStyle.points.legendGlyph(bold: false, unicode: true), "●")
        XCTAssertEqual(LineStyle.hollowPoints.legendGlyph(bold: true, unicode: true), "○")
        XCTAssertEqual(LineStyle.points.legendGlyph(bold: false, unicode: false), "o")
        XCTAssertEqual(LineStyle.hollowPoints.legendGlyph(bold: false, unicode: false), "+")
    }
}
