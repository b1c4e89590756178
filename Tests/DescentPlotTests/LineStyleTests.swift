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
    }
}
