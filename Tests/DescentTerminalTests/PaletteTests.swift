import DescentPlot
import XCTest
@testable import DescentTerminal

/// Role → colour choices. Expected colour numbers are the ANSI/xterm indices chosen in Palette (written by hand);
/// luminances are 0.299 R + 0.587 G + 0.114 B of the xterm RGB values, worked out by hand and checked with python3.
final class PaletteTests: XCTestCase {
    func testChoiceHonoursNoColorAndTerminalAbilities() {
        XCTAssertEqual(Palette.choose(hasColors: true, colorCount: 256, noColor: "1").depth, .none)
        XCTAssertEqual(Palette.choose(hasColors: true, colorCount: 256, noColor: "").depth, .extended)
        XCTAssertEqual(Palette.choose(hasColors: true, colorCount: 256, noColor: nil).depth, .extended)
        XCTAssertEqual(Palette.choose(hasColors: true, colorCount: 8, noColor: nil).depth, .basic)
        XCTAssertEqual(Palette.choose(hasColors: true, colorCount: 16, noColor: nil).depth, .basic)
        XCTAssertEqual(Palette.choose(hasColors: false, colorCount: 256, noColor: nil).depth, .none)
    }

    func testWithoutColourOnlyGlyphsAndBold() {
        let palette = Palette(depth: .none)
        XCTAssertEqual(palette.style(for: Cell("x", fg: .class2, bg: .class0)), CellStyle(fg: -1, bg: -1, bold: false, dim: false))
        XCTAssertEqual(palette.style(for: Cell("x", fg: .lossTrain)), CellStyle(fg: -1, bg: -1, bold: true, dim: false))
        XCTAssertEqual(palette.style(for: Cell("x", fg: .lossStep)), CellStyle(fg: -1, bg: -1, bold: false, dim: false))
        XCTAssertEqual(palette.style(for: Cell("x", bold: true)), CellStyle(fg: -1, bg: -1, bold: true, dim: false))
    }

    func testLossRolesWithEightColours() {
        let palette = Palette(depth: .basic)
        XCTAssertEqual(palette.style(for: Cell("x", fg: .lossStep)), CellStyle(fg: -1, bg: -1, bold: false, dim: true))
        XCTAssertEqual(palette.style(for: Cell("x", fg: .lossTrain)), CellStyle(fg: 6, bg: -1, bold: true, dim: false))
        XCTAssertEqual(palette.style(for: Cell("x", fg: .lossVal)), CellStyle(fg: 3, bg: -1, bold: true, dim: false))
        XCTAssertEqual(palette.style(for: Cell("x", fg: .warning)), CellStyle(fg: 1, bg: -1, bold: true, dim: false))
    }

    func testClassRegionsGetContrastingText() {
        let basic = Palette(depth: .basic)
        // Blue (0,0,238): luminance 27 → white text (7); yellow (205,205,0): 181 → black text.
        XCTAssertEqual(basic.style(for: Cell("·", bg: .class0)), CellStyle(fg: 7, bg: 4, bold: false, dim: false))
        XCTAssertEqual(basic.style(for: Cell("·", bg: .class3)), CellStyle(fg: 0, bg: 3, bold: false, dim: false))
        // A point of class 1 (red) on the class-0 region keeps its own colour.
        XCTAssertEqual(basic.style(for: Cell("●", fg: .class1, bg: .class0)), CellStyle(fg: 1, bg: 4, bold: false, dim: false))
        // A point of class 0 on its own region would vanish: it gets the contrasting colour.
        XCTAssertEqual(basic.style(for: Cell("●", fg: .class0, bg: .class0)), CellStyle(fg: 7, bg: 4, bold: false, dim: false))
        let extended = Palette(depth: .extended)
        // Regions use dark shades, points light ones, so a point shows on its own region.
        XCTAssertEqual(extended.style(for: Cell("●", fg: .class0, bg: .class0)), CellStyle(fg: 75, bg: 24, bold: false, dim: false))
    }

    func testClassAndHeatColoursAreDistinct() {
        for depth in [Palette.Depth.basic, .extended] {
            let palette = Palette(depth: depth)
            let classes: [ColorRole] = [.class0, .class1, .class2, .class3, .class4, .class5]
            XCTAssertEqual(Set(classes.map(palette.paper)).count, 6)
            XCTAssertEqual(Set(classes.map(palette.ink)).count, 6)
            let heat: [ColorRole] = [.heat0, .heat1, .heat2, .heat3, .heat4]
            XCTAssertEqual(Set(heat.map(palette.paper)).count, 5)
        }
    }

    func testHeatScaleRunsFromBlueToRed() {
        let basic = Palette(depth: .basic)
        XCTAssertEqual([ColorRole.heat0, .heat1, .heat2, .heat3, .heat4].map(basic.paper), [4, 6, 2, 3, 1])
    }

    func testRunColoursAreDistinctAndTheCurrentRunIsBoldWithoutColour() {
        let runs: [ColorRole] = [.run0, .run1, .run2, .run3, .run4, .run5]
        for depth in [Palette.Depth.basic, .extended] {
            let inks = runs.map(Palette(depth: depth).ink)
            XCTAssertEqual(Set(inks).count, 6, "\(depth)")
            XCTAssertFalse(inks.contains(-1), "\(depth)")
        }
        XCTAssertEqual(ColorRole.forRun(6), .run0)
        XCTAssertEqual(Palette(depth: .none).style(for: Cell("●", fg: .runCurrent)), CellStyle(fg: -1, bg: -1, bold: true, dim: false))
    }

    func testLuminanceOfXtermColours() {
        XCTAssertEqual(Palette.luminance(196), 76.245, accuracy: 1e-9)   // (255, 0, 0)
        XCTAssertEqual(Palette.luminance(231), 255, accuracy: 1e-9)      // (255, 255, 255)
        XCTAssertEqual(Palette.luminance(244), 128, accuracy: 1e-9)      // grey 8 + 10·12
        XCTAssertEqual(Palette.luminance(24), 71.155, accuracy: 1e-9)    // (0, 95, 135): 0.587·95 + 0.114·135
    }
}
