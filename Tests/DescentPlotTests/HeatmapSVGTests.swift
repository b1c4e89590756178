import XCTest
@testable import DescentPlot

/// The map as SVG: cells merged into runs, colours mixed with white by confidence, points by class.
final class HeatmapSVGTests: XCTestCase {
    func testTintMixesTheColourWithWhite() {
        // A quarter of pure red: 255 stays 255; 0 becomes 0.75 · 255 = 191.25 → 191 = bf.
        XCTAssertEqual(SVG.tint("#ff0000", 0.25), "#ffbfbf")
        XCTAssertEqual(SVG.tint("#000000", 1), "#000000")
        XCTAssertEqual(SVG.tint("#000000", 0), "#ffffff")
        XCTAssertEqual(SVG.tint("#204060", 0.5), "#90a0b0",
                       "(32 + 255) / 2 = 143.5 → 144 = 90; (64 + 255) / 2 = 159.5 → 160 = a0; (96 + 255) / 2 = 175.5 → 176 = b0")
    }

    func testConfidenceLevelsAreFifths() {
        XCTAssertEqual(Heatmap.confidenceLevel(0), 0)
        XCTAssertEqual(Heatmap.confidenceLevel(0.19), 0)
        XCTAssertEqual(Heatmap.confidenceLevel(0.21), 1)
        XCTAssertEqual(Heatmap.confidenceLevel(0.5), 2)
        XCTAssertEqual(Heatmap.confidenceLevel(0.79), 3)
        XCTAssertEqual(Heatmap.confidenceLevel(0.81), 4)
        XCTAssertEqual(Heatmap.confidenceLevel(1), 4)
        XCTAssertEqual(Heatmap.confidenceLevel(.nan), 4)
    }

    func testCellsOfARowAndColourAreOneRectangleShadedByConfidence() {
        // Two rows of four cells: row 0 is class 0, 0, 1, 1 at confidences 1, 1, 0, 1; row 1 all class 1, all sure.
        var map = Heatmap(columns: 4, rows: 2, xRange: 0...4, yRange: 0...2, content: .classes([0, 0, 1, 1, 1, 1, 1, 1]),
                          classNames: ["a", "b"])
        map.confidence = [1, 1, 0, 1, 1, 1, 1, 1]
        let svg = map.svg(width: 400, height: 300)
        let rects = svg.components(separatedBy: "\n").filter { $0.hasPrefix("<rect x=") && $0.contains("fill=\"#") }
        // Row 0: [a a] [b pale] [b] — three runs; row 1: one run.
        XCTAssertEqual(rects.count, 4, svg)
        let sure0 = SVG.tint("#1f77b4", 0.7), sure1 = SVG.tint("#ff7f0e", 0.7), pale1 = SVG.tint("#ff7f0e", 0.12)
        XCTAssertEqual(rects.map { $0.components(separatedBy: "fill=\"")[1].prefix(7) }.map(String.init), [sure0, pale1, sure1, sure1])
        // The plot area is 400 − 64 − 20 = 316 wide: a cell is 79 px, the first run two cells (158 px, and the 0.6 overlap).
        XCTAssertTrue(rects[0].contains("x=\"64\"") && rects[0].contains("width=\"158.6\""), rects[0])
        XCTAssertTrue(svg.contains(">a</text>") && svg.contains(">b</text>") && svg.contains("paler where the model is less sure"))
    }

    func testPointsTakeTheirClassShapeAndHollowOnesAreOutlined() {
        let points = [Heatmap.Point(x: 1, y: 1, category: 0), Heatmap.Point(x: 2, y: 1, category: 1),
                      Heatmap.Point(x: 3, y: 1, category: 1, hollow: true), Heatmap.Point(x: 9, y: 9, category: 0)]
        let map = Heatmap(columns: 2, rows: 1, xRange: 0...4, yRange: 0...2, content: .classes([0, 1]), points: points, classNames: ["a", "b"])
        let svg = map.svg(width: 400, height: 300)
        let body = svg.components(separatedBy: "<g class=\"points\"")[1].components(separatedBy: "</g>")[0]
        // Class 0 a circle, class 1 a triangle (a polygon), the hollow one white inside; the point at (9, 9) is
        // outside the map and clipped, still written (the clip path hides it).
        XCTAssertEqual(body.components(separatedBy: "<circle").count - 1, 2)
        XCTAssertEqual(body.components(separatedBy: "<polygon").count - 1, 2)
        XCTAssertEqual(body.components(separatedBy: "fill=\"white\" stroke=\"#ff7f0e\"").count - 1, 1)
        // x = 1 of 0…4 over 316 px from 64: 64 + 79 = 143; y = 1 of 0…2 over 300 − 16 − 74 = 210 px from 16: 16 + 105 = 121.
        XCTAssertTrue(body.contains("<circle cx=\"143\" cy=\"121\""), body)
    }

    func testASurfaceIsDrawnByLevel() {
        let map = Heatmap(columns: 5, rows: 1, xRange: 0...5, yRange: 0...1, content: .surface([0, 1, 2, 3, 4], min: 0, max: 4))
        let svg = map.svg(width: 400, height: 300)
        let fills = svg.components(separatedBy: "\n").filter { $0.hasPrefix("<rect x=") && $0.contains("fill=\"#") }
            .map { String($0.components(separatedBy: "fill=\"")[1].prefix(7)) }
        // Values 0…4 over min 0 and max 4: levels 0, 1, 2, 3 and 4 (each a fifth of the span; 4 is the top).
        XCTAssertEqual(fills, ["#2166ac", "#92c5de", "#f7f7f7", "#f4a582", "#b2182b"])
        XCTAssertTrue(svg.contains("0 (blue) to 4 (red)"))
    }
}
