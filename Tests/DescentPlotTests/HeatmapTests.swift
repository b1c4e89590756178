import XCTest
@testable import DescentPlot

/// Decision maps and surfaces; every expected grid worked out by hand from the glyph tables documented on
/// `Heatmap` (classes · ░ ▒ …, levels ' ░▒▓█', markers ● ▲ ■ …) and cell = floor(fraction × count).
final class HeatmapTests: XCTestCase {
    // 4 × 2 cells over x 0…4, y 0…2: column = floor(x), row = floor(2 − y) (row 0 on top).
    private let classes = [0, 1, 1, 0,
                           2, 2, 0, 1]
    private let points = [Heatmap.Point(x: 0.5, y: 1.5, category: 1),  // cell (0, 0)
                          Heatmap.Point(x: 4, y: 0, category: 0),      // right and bottom edges: cell (3, 1)
                          Heatmap.Point(x: 5, y: 1, category: 2)]      // outside: not drawn

    private func bare(_ content: Heatmap.Content, columns: Int, points: [Heatmap.Point] = [], unicode: Bool = true) -> Heatmap {
        Heatmap(columns: columns, rows: 2, xRange: 0...4, yRange: 0...2, content: content, points: points,
                showAxes: false, showLegend: false, unicode: unicode)
    }

    func testClassesWithPoints() {
        let map = bare(.classes(classes), columns: 4, points: points)
        let canvas = map.render()
        XCTAssertEqual(canvas.text(), "▲░░·\n▒▒·●")
        XCTAssertEqual(canvas[1, 0], Cell("░", fg: .class1, bg: .class1))
        XCTAssertEqual(canvas[0, 0], Cell("▲", fg: .class1, bold: true))
        XCTAssertEqual(canvas[3, 1], Cell("●", fg: .class0, bold: true))
    }

    func testClassesInASCII() {
        XCTAssertEqual(bare(.classes(classes), columns: 4, points: points, unicode: false).render().text(), "x--.\n==.o")
    }

    func testHollowPointsAreOutlinesDrawnOverFilledOnes() {
        // Class 1 filled at cell (0, 0) ▲ and hollow at (1, 0) △; class 2 hollow at (0, 1) □; class 0 hollow at (3, 1) ○;
        // in cell (2, 0) a hollow class-0 point listed before a filled class-1 one: the hollow one is drawn last.
        let mixed = [Heatmap.Point(x: 0.5, y: 1.5, category: 1), Heatmap.Point(x: 1.5, y: 1.5, category: 1, hollow: true),
                     Heatmap.Point(x: 0.5, y: 0.5, category: 2, hollow: true), Heatmap.Point(x: 3.5, y: 0.5, category: 0, hollow: true),
                     Heatmap.Point(x: 2.5, y: 1.5, category: 0, hollow: true), Heatmap.Point(x: 2.5, y: 1.5, category: 1)]
        let canvas = bare(.classes(classes), columns: 4, points: mixed).render()
        XCTAssertEqual(canvas.text(), "▲△○·\n□▒·○")
        XCTAssertEqual(canvas[1, 0], Cell("△", fg: .class1, bold: true))
        XCTAssertEqual(canvas[2, 0], Cell("○", fg: .class0, bold: true))
        // ASCII: filled x, hollow # (class 1), + (class 0), $ (class 2), on the regions . - - . / = = . -.
        XCTAssertEqual(bare(.classes(classes), columns: 4, points: mixed, unicode: false).render().text(), "x#+.\n$=.+")
        // A value point on a surface: ○, in ASCII x (+ is a level there), in its level's role.
        let surface = bare(.surface(Array(repeating: 0, count: 8), min: 0, max: 1), columns: 4,
                           points: [Heatmap.Point(x: 1.5, y: 0.5, value: 0.95, hollow: true)])
        XCTAssertEqual(surface.render()[1, 1], Cell("○", fg: .heat4, bold: true))
        XCTAssertEqual(bare(.surface(Array(repeating: 0, count: 8), min: 0, max: 1), columns: 4, points: surface.points,
                            unicode: false).render().lines(), ["    ", " x  "])
    }

    func testTheLegendNamesHollowPointsOnlyWhenThereAreSome() {
        let held = [Heatmap.Point(x: 0.5, y: 0.5, category: 0, hollow: true)]
        let named = { (unicode: Bool) in
            Heatmap(columns: 4, rows: 2, xRange: 0...4, yRange: 0...2, content: .classes(self.classes), points: held,
                    classNames: ["no", "yes"], showAxes: false, unicode: unicode).render().lines().last
        }
        XCTAssertEqual(named(true), "●· no  ▲░ yes  ○△ validation rows")
        XCTAssertEqual(named(false), "o. no  x- yes  +# validation rows")
        let surface = Heatmap(columns: 12, rows: 1, xRange: 0...1, yRange: 0...1, content: .surface(Array(repeating: 0.5, count: 12), min: -1, max: 2),
                              points: [Heatmap.Point(x: 0.5, y: 0.5, value: 0, hollow: true)], showAxes: false)
        XCTAssertEqual(surface.render().lines().last, "-1  ░▒▓█ 2  ● training rows  ○ validation rows")
    }

    func testSurfaceLevels() {
        // Levels floor(5 × v) clamped to 0…4 between min 0 and max 1: 0.1→0, 0.3→1, 0.5→2, 0.7→3, 0.9→4,
        // 1→4, -5→0, 99→4, NaN→?, 0.5→2.
        let values = [0.1, 0.3, 0.5, 0.7, 0.9,
                      1.0, -5, 99, .nan, 0.5]
        let map = bare(.surface(values, min: 0, max: 1), columns: 5)
        let canvas = map.render()
        XCTAssertEqual(canvas.lines(), [" ░▒▓█", "█ █?▒"])
        XCTAssertEqual(canvas[2, 0], Cell("▒", fg: .heat2, bg: .heat2))
        XCTAssertEqual(canvas[3, 1], Cell("?", fg: .warning))
        XCTAssertEqual(bare(.surface(values, min: 0, max: 1), columns: 5, unicode: false).render().lines(), [" .:+#", "# #?:"])
    }

    func testSurfacePointTakesItsLevelRole() {
        let map = bare(.surface(Array(repeating: 0, count: 8), min: 0, max: 1), columns: 4,
                       points: [Heatmap.Point(x: 1.5, y: 0.5, value: 0.95)])
        XCTAssertEqual(map.render()[1, 1], Cell("●", fg: .heat4, bold: true))
    }

    func testMissingValuesShowAQuestionMark() {
        XCTAssertEqual(bare(.classes([1]), columns: 2).render().lines(), ["░?", "??"])
    }

    func testAxesSnapshot() {
        // 8 × 4 cells over x 0…4, y 0…4. y ticks for 4 rows (at most 2): 0 and 2.5 (step 2 would give 3),
        // rows floor((4 − y) / 4 × 4) → 2.5 on row 1, 0 on row 4 → clamped to 3; gutter "2.5" + axis = 4.
        // x ticks fitting 8 cells: 0 1 2 3 4 at columns 0 2 4 6 and 8 → 7; the label "4" would touch "3": left out.
        let map = Heatmap(columns: 8, rows: 4, xRange: 0...4, yRange: 0...4, content: .classes(Array(repeating: 0, count: 32)),
                          showLegend: false)
        XCTAssertEqual(map.size.width, 12); XCTAssertEqual(map.size.height, 6)
        XCTAssertEqual(map.render().text(), """
               │········
            2.5┤········
               │········
              0┤········
               └┬─┬─┬─┬┬
                0 1 2 3
            """)
    }

    func testLegends() {
        let named = Heatmap(columns: 4, rows: 2, xRange: 0...4, yRange: 0...2, content: .classes(classes),
                            classNames: ["no", "yes"], showAxes: false)
        // The canvas widens from 4 to the legend's 13 columns.
        XCTAssertEqual(named.render().lines().last, "●· no  ▲░ yes")
        let surface = Heatmap(columns: 12, rows: 1, xRange: 0...1, yRange: 0...1, content: .surface(Array(repeating: 0.5, count: 12), min: -1, max: 2),
                              showAxes: false)
        XCTAssertEqual(surface.render().lines().last, "-1  ░▒▓█ 2  ")  // 12 columns, legend 10
    }

    func testCellCentersAndGridSize() {
        let c = Heatmap.cellCenters(columns: 4, rows: 2, xRange: 0...4, yRange: 0...2)
        XCTAssertEqual(c.xs, [0.5, 1.5, 2.5, 3.5])
        XCTAssertEqual(c.ys, [1.5, 0.5])
        // 24 rows − title − 2 axis rows − legend = 20; y ticks -1 -0.5 0 0.5 1 → gutter "-0.5" + axis = 5.
        let size = Heatmap.gridSize(width: 80, height: 24, yRange: -1...1, title: true)
        XCTAssertEqual(size.columns, 75); XCTAssertEqual(size.rows, 20)
        let map = Heatmap(columns: size.columns, rows: size.rows, xRange: -2...2, yRange: -1...1,
                          content: .classes(Array(repeating: 0, count: 1500)), classNames: ["a"], title: "boundary")
        XCTAssertEqual(map.size.width, 80); XCTAssertEqual(map.size.height, 24)
        XCTAssertEqual(Heatmap.gridSize(width: 3, height: 3, yRange: 0...1).columns, 0)
    }

    func testDegenerateInputsDoNotCrash() {
        _ = Heatmap(columns: 0, rows: 0, xRange: 0...0, yRange: 1...1, content: .classes([]), points: points).render()
        _ = Heatmap(columns: -3, rows: 2, xRange: 0...1, yRange: 0...1, content: .surface([], min: .nan, max: .infinity)).render()
        _ = Heatmap(columns: 3, rows: 2, xRange: 0...1, yRange: 0...1, content: .surface([1, 2, 3, .infinity, -.infinity, .nan],
                    min: -.infinity, max: .infinity), points: [.init(x: .nan, y: 0, category: -7)]).render()
        _ = Heatmap(columns: 20, rows: 6, xRange: -.infinity ... .infinity, yRange: -.infinity ... .infinity,
                    content: .classes(Array(repeating: 1, count: 120)), points: [.init(x: 0, y: 0, category: 1)]).render()
        XCTAssertEqual(Heatmap.cycled(-7, 6), 5)
    }

    func testRangesWhoseWidthOverflowsPlacePointsWithoutTrapping() {
        // ±9.24e307 (±8.8e307 padded by 5%): finite ends 1.85e308 apart, an infinite difference. The ends fall in the
        // first and last cells, 0 in the middle one (a fraction ½ of 8 columns is column 4), all by hand.
        let wide = -9.24e307...9.24e307
        let map = Heatmap(columns: 8, rows: 4, xRange: wide, yRange: wide, content: .classes(Array(repeating: 0, count: 32)),
                          points: [], classNames: ["a"], unicode: true)
        XCTAssertEqual(map.column(of: wide.lowerBound), 0)
        XCTAssertEqual(map.column(of: wide.upperBound), 7)
        XCTAssertEqual(map.column(of: 0), 4)
        XCTAssertEqual(map.row(of: wide.upperBound), 0)
        XCTAssertEqual(map.row(of: wide.lowerBound), 3)
        XCTAssertEqual(map.row(of: 0), 2)
    }
}
